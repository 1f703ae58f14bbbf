//! The lines of a notice and their classes (heading, entry, prose …), found before any fragment
//! is parsed.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum LineClass {
    Adoption,
    Closing,
    Date,
    Signature,
    Title,
    Section,
    Press,
    Other,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    /// The content: without heading marks, indentation, trailing spaces or the line break.
    pub(super) content: Span,
    pub(super) class: LineClass,
}

pub(super) const TERMINAL: &[char] =
    &['。', '；', ';', '：', ':', '！', '？', '」', '”', '）', ')'];

pub(super) fn split_line(source: &str, span: Span) -> Option<(Option<Span>, Span)> {
    let raw = &source[span.start..span.end];
    let body = raw.trim_end_matches(['\n', '\r']);
    let hashes = body.len() - body.trim_start_matches('#').len();
    let mut marker = None;
    let mut start = span.start;
    if hashes > 0 && hashes <= 6 && body[hashes..].starts_with([' ', '\t', '\u{3000}']) {
        let after = body[hashes..].trim_start_matches([' ', '\t', '\u{3000}']);
        let marker_len = body.len() - after.len();
        marker = Some(Span::new(span.start, span.start + marker_len));
        start += marker_len;
    }
    let content = &source[start..span.start + body.len()];
    let lead = content.len() - content.trim_start_matches(is_space).len();
    let trimmed = content.trim_matches(is_space);
    if trimmed.is_empty() {
        return None;
    }
    let s = start + lead;
    Some((marker, Span::new(s, s + trimmed.len())))
}

pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{00A0}')
}

pub(super) fn classify(text: &str) -> LineClass {
    let is = |rule| NoticeParser::parse(rule, text).is_ok();
    // Each root is tried only on a line that has what every text it accepts has (a failed pest
    // parse builds an error with a copy of the line): an entry or clause line is asked at
    // most once or twice instead of seven times. Each test follows from the root's grammar.
    let paren = text.starts_with(['（', '(']);
    if paren && is(Rule::adoption_root) {
        // adoption_line = open_paren ~ …
        LineClass::Adoption
    } else if (text.starts_with("特此") || text.starts_with("现予")) && is(Rule::closing_root) {
        LineClass::Closing
    } else if text.ends_with('日') && is(Rule::date_root) {
        // date = … ~ day ~ "日", then EOI
        LineClass::Date
    } else if (text.ends_with("常务委员会") || text.ends_with("常委会")) && is(Rule::signature_root)
    {
        LineClass::Signature
    } else if (text.ends_with("决定") || text.ends_with("决议")) && is(Rule::title_root) {
        // decision_title = … ~ decision_kind, then EOI
        LineClass::Title
    } else if holds_section_action(text) && is(Rule::section_root) {
        LineClass::Section
    } else if (paren || text.starts_with("新华社")) && is(Rule::press_root) {
        LineClass::Press
    } else {
        LineClass::Other
    }
}

/// Every `section_action` holds one of these words.
pub(super) const SECTION_ACTION_WORDS: [&str; 8] = [
    "任命", "免去", "撤销", "代理", "辞职", "任免", "批准", "决定",
];

/// A searcher for each of [`SECTION_ACTION_WORDS`], built once: most lines of a notice reach
/// this test, and `str::contains` builds a searcher for every word and line (128,000 on 200
/// generated pages).
static SECTION_ACTION_FINDERS: std::sync::LazyLock<
    [memchr::memmem::Finder<'static>; SECTION_ACTION_WORDS.len()],
> = std::sync::LazyLock::new(|| SECTION_ACTION_WORDS.map(memchr::memmem::Finder::new));

/// Whether `text` holds one of [`SECTION_ACTION_WORDS`].
fn holds_section_action(text: &str) -> bool {
    SECTION_ACTION_FINDERS
        .iter()
        .any(|f| f.find(text.as_bytes()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_section_words_finders_find_what_contains_finds() {
        let texts = [
            "",
            "一、任命",
            "决",
            "批准任命",
            "任　命",
            "免去王某某的职务",
            "代理检察长",
            "关于接受辞职的决定",
            "撤",
            "任免名单",
            "第十四届人民代表大会",
        ];
        for t in texts {
            let contains = SECTION_ACTION_WORDS.iter().any(|w| t.contains(w));
            assert_eq!(holds_section_action(t), contains, "「{t}」");
        }
    }
}
