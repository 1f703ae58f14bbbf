//! What could not be read (GZ003): where reading stopped, what was expected, and whether the text
//! is broken (run into, printed twice) or only worded in an unknown way.

use super::*;

/// Builds the GZ003 record for `frag.text[start..end]`, which `rule` could not read.
pub(super) fn unrecognised(
    frag: &Fragment,
    start: usize,
    end: usize,
    err: Option<pest::error::Error<Rule>>,
    rule: Rule,
    context: SyntaxContext,
) -> Unrecognised {
    let text = frag.text.as_str();
    let (mut at, positives) = match &err {
        Some(e) => {
            let at = match e.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            let positives = match &e.variant {
                pest::error::ErrorVariant::ParsingError { positives, .. } => positives.clone(),
                pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
            };
            (start + at, positives)
        }
        None => (start, Vec::new()),
    };
    at = at.min(end);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // Underline from where reading stopped, a few characters at most: the point matters,
    // not the rest of the clause.
    let stop = next_separator(text, at)
        .unwrap_or(end)
        .clamp(at, end.max(at));
    let stop = text[at..stop]
        .char_indices()
        .nth(UNDERLINE_CHARS)
        .map_or(stop, |(i, _)| at + i);
    let (expected_zh, expected_en) = expected::describe(&positives, rule);
    let whole_end = end.max(start);
    let cause = match doubled(text, start, whole_end).filter(|(first, second)| {
        // The doubling is where reading stopped: a repeat elsewhere in an unread sentence
        // (「代表资格审查委员会关于代表资格的…」) is the wording, not the fault.
        let near: usize = text[..first.start]
            .chars()
            .rev()
            .take(2)
            .map(char::len_utf8)
            .sum();
        first.start - near <= at && at <= second.end
    }) {
        Some((first, second)) => Unreadable::Doubled {
            first: frag.span(first.start, first.end),
            second: frag.span(second.start, second.end),
        },
        None if context == SyntaxContext::DeputyClause => match run_in(text, start, at) {
            Some(resumes) => Unreadable::RunIn {
                resumes: frag.span(resumes.start, resumes.end),
            },
            None => Unreadable::UnknownWording,
        },
        None => Unreadable::UnknownWording,
    };
    Unrecognised {
        span: frag.span(start, whole_end),
        at: frag.span(at, stop),
        expected_zh,
        expected_en,
        context,
        cause,
    }
}

/// How close two copies of a run must be to read as printed twice, in characters.
pub(super) const DOUBLED_WITHIN: usize = 12;
/// How long a run must be to count (shorter runs repeat in correct text: 「人民代表大会」 does
/// but is far apart; 「、」-separated names are short).
pub(super) const DOUBLED_MIN: usize = 4;

/// The longest run [`repeated_at_once`] looks for: bounds its work per character.
pub(super) const REPEAT_MAX: usize = 40;

pub(super) fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// A run printed twice with nothing between the copies (「…辞去献县第十八届辞去献县第十八届人大…」):
/// in prose the grammar does not read, only an immediate repeat is sure to be a fault.
pub(super) fn repeated_at_once(text: &str) -> Option<(Span, Span)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    for i in 0..chars.len() {
        let longest = ((chars.len() - i) / 2).min(REPEAT_MAX);
        for k in (DOUBLED_MIN..=longest).rev() {
            let same =
                (0..k).all(|n| chars[i + n].1 == chars[i + k + n].1 && is_han(chars[i + n].1));
            if same {
                return Some((
                    Span::new(end(i), end(i + k)),
                    Span::new(end(i + k), end(i + 2 * k)),
                ));
            }
        }
    }
    None
}

/// A run of at least [`DOUBLED_MIN`] characters printed again within [`DOUBLED_WITHIN`]
/// characters after itself: typesetting that repeated a piece of a line. Only Han characters
/// count, so 「第6选区、第7选区」-like lists do not.
pub(super) fn doubled(text: &str, start: usize, end: usize) -> Option<(Span, Span)> {
    let chars: Vec<(usize, char)> = text[start..end]
        .char_indices()
        .map(|(i, c)| (start + i, c))
        .collect();
    for i in 0..chars.len() {
        for j in i + DOUBLED_MIN..(i + DOUBLED_WITHIN).min(chars.len()) {
            let mut k = 0;
            while j + k < chars.len()
                && i + k < j
                && chars[i + k].1 == chars[j + k].1
                && is_han(chars[i + k].1)
            {
                k += 1;
            }
            // Two items of a list (「香港特别行政区、澳门特别行政区」, 「全国人民代表大会和地方各级人民代表
            // 大会」) repeat a word on purpose.
            let between: String = chars[i + k..j].iter().map(|&(_, c)| c).collect();
            let listed = between.contains(['、', '和', '及', '与', '，', '《', '》']);
            if k >= DOUBLED_MIN && !listed {
                let span = |a: usize, n: usize| {
                    let last = chars[a + n - 1];
                    Span::new(chars[a].0, last.0 + last.1.len_utf8())
                };
                return Some((span(i, k), span(j, k)));
            }
        }
    }
    None
}

/// How far before the point where reading stopped another structure may begin, in characters.
pub(super) const RUN_IN_WITHIN: usize = 24;

/// Where, shortly before `at` (where reading stopped), a complete clause begins and runs past
/// `at`: a structure that broke off because another one ran into it, the words between lost.
pub(super) fn run_in(text: &str, start: usize, at: usize) -> Option<Span> {
    let from = text[start..at]
        .char_indices()
        .rev()
        .nth(RUN_IN_WITHIN - 1)
        .map_or(start, |(i, _)| start + i);
    let starts = text[from..at]
        .char_indices()
        .map(|(i, _)| from + i)
        .chain(std::iter::once(at));
    for q in starts {
        if q == start {
            continue;
        }
        // The structure that runs in begins with a body's name (the seed: 「重庆市第六届人民代表
        // 大会常务委员会第十二次会议…」 after 「…为重庆市第六届人民代表大会」): the eye skipped
        // from one printing of the name to the next. A clause that begins mid-word proves nothing.
        // At the very point where reading stopped, any complete clause will do (「依照《…代表法》
        // 贺志强…的代表资格终止」: 「的有关规定，」 lost between the law and the clause).
        if q != at && NoticeParser::parse(Rule::body_start_fast_root, &text[q..]).is_err() {
            continue;
        }
        let Ok(mut pairs) = parse_clause_item(&text[q..]) else {
            continue;
        };
        let Some(root) = pairs.next() else { continue };
        let end = q + root.as_span().end();
        // A clause that only names people or a congress (a topic) proves nothing.
        let weak = find(&root, Rule::designation_only).is_some();
        if end > at && !weak {
            return Some(Span::new(q, end));
        }
    }
    None
}
