//! What could not be read (GZ003): where reading stopped, what was expected, and whether the text
//! is broken (run into, printed twice) or only worded in an unknown way.

use super::*;

/// Where a failed parse stopped, as a byte offset into the text it was given.
pub(super) fn error_at(e: &pest::error::Error<Rule>) -> usize {
    match e.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((s, _)) => s,
    }
}

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
            let at = error_at(e);
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

/// The shortest run [`repeated_at_once`] reports. Correct text repeats two characters at once
/// (「研究研究」) and, rarely, three (「工会委员会委员」: 会委员 twice); four never.
pub(super) const REPEAT_MIN: usize = 4;

/// A run printed twice with nothing between the copies (「…辞去献县第十八届辞去献县第十八届人大…」,
/// 「宁远县人宁远县人大常委会」, 「等法律法》等法律规定」): wherever it stands, read or not, an
/// immediate repeat of [`REPEAT_MIN`] characters or more is a fault of the print. The run may
/// hold punctuation but must hold two Han characters, and digits do not repeat (「1111」,
/// military unit numbers).
///
/// The earliest repeat is reported, the longest at that place. The work per character is
/// bounded by the places within [`REPEAT_MAX`] that share its bucket.
pub(super) fn repeated_at_once(text: &str) -> Option<(Span, Span)> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    // The common ideographs first: none is a space, a digit or a numeral of Unicode's (the
    // general test looks each character up in a table).
    let repeatable = |c: char| {
        ('\u{4E00}'..='\u{9FFF}').contains(&c)
            || (!c.is_whitespace() && !c.is_numeric() && !c.is_ascii_alphanumeric())
    };
    // Each place linked to the next place whose character falls in the same of 256 buckets
    // (by its low bits): the places a character comes again are then found by following
    // the links, not by comparing it with every character of the window (which was a
    // twentieth of a check). Bucket-mates of another character are skipped on the way.
    let mut next = vec![u32::MAX; n];
    let mut head = [u32::MAX; 256];
    for (i, &c) in chars.iter().enumerate().rev() {
        let bucket = &mut head[(c as usize) & 0xff];
        next[i] = *bucket;
        *bucket = i as u32;
    }
    // Place by place from the start, the first place a repeat begins at, with its longest
    // length there. A length is tried only where the place's character comes again that far
    // on, and only then is the run compared.
    for s in 0..n {
        if s + 2 * REPEAT_MIN > n {
            break;
        }
        let c = chars[s];
        if !repeatable(c) {
            continue;
        }
        let longest = REPEAT_MAX.min((n - s) / 2);
        let mut found = None;
        let mut again = next[s];
        while again != u32::MAX && again as usize - s <= longest {
            let k = again as usize - s;
            again = next[again as usize];
            if k < REPEAT_MIN || chars[s + k] != c {
                continue;
            }
            let run = &chars[s..s + k];
            let repeats = run
                .iter()
                .zip(&chars[s + k..s + 2 * k])
                .all(|(a, b)| a == b && repeatable(*a));
            if repeats && run.iter().filter(|&&c| is_han(c)).count() >= 2 {
                found = Some(k);
            }
        }
        if let Some(k) = found {
            let offset = |i: usize| -> usize { chars[..i].iter().map(|c| c.len_utf8()).sum() };
            let (a, b, z) = (offset(s), offset(s + k), offset(s + 2 * k));
            return Some((Span::new(a, b), Span::new(b, z)));
        }
    }
    None
}

/// Beginnings of the fixed words of the notices that only that word continues: 「人民代」 is
/// always followed by 表, 「代表大」 by 会, 「常务委」 by 员 (「人大常」 by 委, or by 务 in the
/// mixed 「人大常务委员会」 some counties print). Anything else there is the word
/// with characters lost (「朝阳区人民代表大委员会」, 「报请…人民代表大议备案」, 「德阳市第八届人大常委
/// 七次会议」, 「全国人民任免名单」). Each head was looked for in every example, real form and seed
/// page: none of them is followed by anything else in a correct notice.
const FIXED_WORDS: [(&str, &str, &str); 14] = [
    ("人民代", "表", "人民代表大会"),
    ("代表大", "会", "人民代表大会"),
    ("常务委", "员", "常务委员会"),
    ("人大常", "委务", "人大常委会"),
    ("人大常委", "会", "人大常委会"),
    ("全国人民", "代", "全国人民代表大会"),
    ("代表大会常", "务", "人民代表大会常务委员会"),
    ("代表总名", "额", "代表总名额"),
    ("检察委", "员", "检察委员会"),
    ("审判委", "员", "审判委员会"),
    ("资格审", "查", "代表资格审查委员会"),
    ("审查委", "员", "审查委员会"),
    ("人民政", "府", "人民政府"),
    ("人民检察", "院", "人民检察院"),
];

/// Characters that may stand before 届 in a congress's name: the numerals of its term, and
/// the words that name a term without one (本届, 上届, 新一届 ends in a numeral).
fn names_a_term(c: char) -> bool {
    c.is_ascii_digit()
        || ('０'..='９').contains(&c)
        || "〇零一二两三四五六七八九十百本上下历首换各每当新该同前".contains(c)
}

/// The first fixed word cut short in `text`: the span of its beginning and the character that
/// follows in place of the rest, and the word.
pub(super) fn cut_word(text: &str) -> Option<(Span, &'static str)> {
    // One pass over the characters: each place is tested only by the words that begin with
    // its character (a searcher per word and line cost more than the whole check).
    let mut before: Option<char> = None;
    for (at, c) in text.char_indices() {
        let rest = &text[at..];
        let prev = before.replace(c);
        // Every word looked for begins with one of these (a match, not a search of a string,
        // for every character of every line).
        if !matches!(
            c,
            '人' | '代'
                | '常'
                | '全'
                | '检'
                | '审'
                | '资'
                | '届'
                | '自'
                | '大'
                | '次'
                | '辞'
                | '农'
                | '《'
        ) {
            continue;
        }
        // Only the heads that begin with this character (its three bytes, compared inline:
        // a comparison of every head here was a fortieth of a check).
        let first = rest.as_bytes().get(..3);
        for &(head, next, word) in FIXED_WORDS
            .iter()
            .filter(|&&(head, ..)| head.as_bytes().get(..3) == first)
        {
            if let Some(tail) = rest.strip_prefix(head) {
                let after = tail.chars().next();
                if !after.is_some_and(|a| next.contains(a)) {
                    let end = at + head.len() + after.map_or(0, char::len_utf8);
                    return Some((Span::new(at, end), word));
                }
            }
        }
        let starts = |words: &[&str], tail: &str| words.iter().any(|w| tail.starts_with(w));
        match (c, prev) {
            // 「长[阳土家族自治县第十]届人民代表大会」: a congress's term without its numeral.
            ('届', Some(p))
                if is_han(p)
                    && !names_a_term(p)
                    && starts(
                        &["人民代表大会", "人大", "全国人民代表大会", "全国人大"],
                        &rest['届'.len_utf8()..],
                    ) =>
            {
                return Some((Span::new(at - p.len_utf8(), at + '届'.len_utf8()), "第…届"));
            }
            // 「报市人[民代表大]会备案」, 「广西壮族自治区人[民代表大]会」: a place's congress with its
            // name cut to 「人会」.
            ('人', Some(p)) if rest.starts_with("人会") && "省市县区州旗盟".contains(p) =>
            {
                return Some((
                    Span::new(at - p.len_utf8(), at + "人会".len()),
                    "人民代表大会",
                ));
            }
            // 「宁安自治[区第十二届]人民代表大会」: an autonomous region, prefecture or county cut
            // to 「自治」 before the congress it names.
            ('自', _) if rest.starts_with("自治") => {
                let tail = &rest["自治".len()..];
                if starts(&["人民代表大会", "人大", "第", "常务委员会"], tail) {
                    let next = tail.chars().next().map_or(0, char::len_utf8);
                    return Some((Span::new(at, at + "自治".len() + next), "自治区（州、县）"));
                }
            }
            // 「重庆市第六届人[民代表]大会常务委员会」: the congress cut to 「人大会」, which is only
            // ever 「人大会议」, 「人大会同…」 (jointly with) or a military congress (「军人大会」).
            ('人', p)
                if rest.starts_with("人大会")
                    && p != Some('军')
                    && !starts(&["议", "同", "上"], &rest["人大会".len()..]) =>
            {
                let next = rest["人大会".len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                return Some((Span::new(at, at + "人大会".len() + next), "人民代表大会"));
            }
            // 「第十四[届全国人民代表]大会」: an ordinal run straight into 大会.
            ('大', Some(p))
                if is_numeral(p)
                    && rest.starts_with("大会")
                    && !rest["大会".len()..].starts_with('议') =>
            {
                if let Some(from) = ordinal_start(&text[..at]) {
                    return Some((Span::new(from, at + "大会".len()), "第…届…人民代表大会"));
                }
            }
            // 「报请天[津市第十八届人民]代表大会」: 代表大会 after a character that no congress's
            // name ends in (人民, 军人, 全国, 职工, 妇女, 第N次, 第N届 …), before the committee or
            // a meeting.
            ('代', Some(p))
                if is_han(p)
                    && !"民人国工女员次届党生年侨族级联区".contains(p)
                    && starts(
                        &["代表大会常务委员会", "代表大会常委会", "代表大会第"],
                        rest,
                    ) =>
            {
                return Some((
                    Span::new(at - p.len_utf8(), at + "代表大会".len()),
                    "人民代表大会",
                ));
            }
            // 「…常务委员会第十一次[会议决定：]岳州市…」: a body's meeting is always 「第N次会议」
            // (or 全体会议, 主任会议 …); an ordinal meeting run into other words lost its 会议.
            ('次', Some(p)) if is_numeral(p) => {
                if let Some(from) = ordinal_start(&text[..at]) {
                    let body = &text[..from];
                    let of_body = ["委员会", "常委会", "人民代表大会", "人大"]
                        .iter()
                        .any(|b| body.ends_with(b));
                    let tail = &rest['次'.len_utf8()..];
                    if of_body && !tail.is_empty() && !starts(&MEETING_WORDS, tail) {
                        let next = tail.chars().next().map_or(0, char::len_utf8);
                        return Some((Span::new(from, at + '次'.len_utf8() + next), "第…次会议"));
                    }
                }
            }
            // 「接受X辞[去…]职务」: 辞职务 is neither 辞职 nor 辞去…职务.
            ('辞', p) if rest.starts_with("辞职务") && p != Some('请') => {
                return Some((Span::new(at, at + "辞职务".len()), "辞去…职务"));
            }
            // 「（农历九月二[十三]，星期四）」: a lunar date is a month and a day in their fixed
            // words (初一…初十, 十一…二十, 廿一/二十一…三十).
            ('农', _) if rest.starts_with("农历") => {
                let date = &rest["农历".len()..];
                if date.starts_with(|c: char| is_numeral(c) || "正冬腊闰".contains(c))
                    && lunar_date_len(date).is_none()
                {
                    let len = date
                        .char_indices()
                        .find(|&(_, c)| !(is_numeral(c) || "正冬腊闰月初廿".contains(c)))
                        .map_or(date.len(), |(i, _)| i);
                    return Some((Span::new(at, at + "农历".len() + len), "农历…月…"));
                }
            }
            // 「《关[于]2019年…的报告》」: a title that ends 「的报告」 (决定, 议案 …) begins with 关于.
            ('《', _) if rest.starts_with("《关") && !rest["《关".len()..].starts_with('于') =>
            {
                let title = &rest['《'.len_utf8()..];
                let inner = title.find(['》', '\n']).map_or(title, |end| &title[..end]);
                if title[inner.len()..].starts_with('》')
                    && ABOUT_TITLE_ENDS.iter().any(|e| inner.ends_with(e))
                {
                    let next = inner["关".len()..].chars().next().map_or(0, char::len_utf8);
                    return Some((Span::new(at, at + "《关".len() + next), "关于"));
                }
            }
            _ => {}
        }
    }
    None
}

/// What follows 「第N次」 after a congress body: its meetings.
const MEETING_WORDS: [&str; 10] = [
    "会议",
    "全体会议",
    "主任会议",
    "委员长会议",
    "扩大会议",
    "临时会议",
    "联席会议",
    "党组会议",
    "（扩大）会议",
    "(扩大)会议",
];

/// How the title of a report, motion or act that is 「关于…」 ends.
const ABOUT_TITLE_ENDS: [&str; 8] = [
    "的报告",
    "的决定",
    "的决议",
    "的议案",
    "的意见",
    "的说明",
    "的通知",
    "的批复",
];

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二两三四五六七八九十百千".contains(c)
}

/// Where 「第」 stands when `before` ends in 「第」 and a numeral (「…委员会第十一」).
fn ordinal_start(before: &str) -> Option<usize> {
    let digits = before.trim_end_matches(is_numeral);
    (digits.len() < before.len())
        .then(|| digits.strip_suffix('第'))
        .flatten()
        .map(str::len)
}

/// The length of the lunar date at the start of `text` (after 农历): 「九月二十三」, 「十月初一」,
/// 「正月十五」, 「闰四月廿八」.
fn lunar_date_len(text: &str) -> Option<usize> {
    let rest = text.strip_prefix('闰').unwrap_or(text);
    let months = [
        "十一", "十二", "正", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "冬",
        "腊",
    ];
    let month = months.iter().find(|m| rest.starts_with(*m))?;
    let rest = rest[month.len()..].strip_prefix('月')?;
    let units = ["一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let mut days: Vec<String> = units.iter().map(|u| format!("初{u}")).collect();
    days.push("初十".into());
    days.extend(units.iter().map(|u| format!("十{u}")));
    days.extend(units.iter().map(|u| format!("廿{u}")));
    days.extend(units.iter().map(|u| format!("二十{u}")));
    days.extend(["二十".into(), "三十".into()]);
    // The longest day that fits, and nothing numeral after it (「二十三」, not 「二十」 + 三).
    let day = days
        .iter()
        .filter(|d| rest.starts_with(d.as_str()))
        .max_by_key(|d| d.len())?;
    let after = &rest[day.len()..];
    if after.starts_with(is_numeral) {
        return None;
    }
    Some(text.len() - after.len())
}

/// What a body or its meeting does before a colon: 「…第十二次会议决定：」, 「…会议审议通过：」.
const BEFORE_COLON: [&str; 8] = [
    "决定", "审议", "讨论", "通过", "同意", "批准", "作出", "依法",
];

/// A line that ends its last clause with a body or meeting and a colon, without what the body
/// does: 「…重庆市第六届人民代表大会常务委员会[第十二次会议决]定：」 lost the meeting and its verb,
/// 「…常务委员会：」 the verb. Returns where the words after the body begin.
pub(super) fn meeting_without_decision(text: &str) -> Option<Span> {
    text.match_indices(['：', ':']).find_map(|(colon, _)| {
        let body = &text[..colon];
        let clause_start = body
            .rfind(['，', ',', '；', ';', '：', ':', '。'])
            .map_or(0, |i| {
                i + body[i..].chars().next().map_or(0, char::len_utf8)
            });
        let clause = &body[clause_start..];
        let root = NoticeParser::parse(Rule::body_start_fast_root, clause)
            .ok()?
            .next()?;
        let end = root.as_span().end();
        // A standing committee or its meeting (a congress alone begins 「省十二届人大代表出缺7名：」),
        // and at most two characters after it (「的议程：」 is a topic, not a lost verb).
        let acts = root
            .into_inner()
            .any(|p| matches!(p.as_rule(), Rule::meeting | Rule::standing_committee));
        let rest = &clause[end..];
        if !acts || rest.chars().count() > 2 || BEFORE_COLON.iter().any(|w| rest.starts_with(w)) {
            return None;
        }
        // The first character after the body, or the colon itself.
        let at = clause_start + end;
        let first = text[at..].chars().next().map_or(0, char::len_utf8);
        Some(Span::new(at, at + first))
    })
}

/// A sentence of the fixed formulas of budget resolutions and promulgations that lost the verb
/// the formula turns on: 「…会议[听取了市财政局局]长…受市人民政府委托所作的《…》」 (who heard
/// the report), 「会议[同意…财]政经济委员会提出的审查结果报告」 (that the meeting agrees),
/// 「会议同意…委员会[提出的审查结]果报告，决定批准…」 (what it agrees with), 「《…》已由…于
/// 2025年5月28日[通过，现予公]布」 (that the act was adopted). Returns where the formula
/// breaks and what it expected there.
pub(super) fn broken_formula(text: &str) -> Option<(Span, &'static str, &'static str)> {
    let mut start = 0;
    for sentence in text.split_inclusive(['。', '；']) {
        let at = start;
        start += sentence.len();
        let lead = sentence.len() - sentence.trim_start_matches(['　', ' ']).len();
        let s = &sentence[lead..];
        let first = |i: usize| {
            let len = s[i..].chars().next().map_or(0, char::len_utf8);
            Span::new(at + lead + i, at + lead + i + len)
        };
        // The report a meeting heard: 「会议听取了A受B委托所作的《…》」.
        if let Some(made) = s.find("委托所作的") {
            let before = &s[..made];
            if !["听取", "审议", "审查"].iter().any(|v| before.contains(v)) {
                let from = before.rfind("会议").map_or(0, |i| i + "会议".len());
                return Some((
                    first(from),
                    "「会议听取了…受…委托所作的…」",
                    "「会议听取了…受…委托所作的…」 (the meeting heard the report)",
                ));
            }
        }
        if let Some(agreed) = s.strip_prefix("会议") {
            // 「会议同意…提出的审查结果报告」.
            if s.contains("审查结果报告") && !s.contains("同意") {
                return Some((
                    first("会议".len()),
                    "「会议同意…提出的审查结果报告」",
                    "「会议同意…提出的审查结果报告」 (the meeting agrees with the findings)",
                ));
            }
            // 「会议同意…的审查结果报告，决定批准…」: what is agreed with is a finding.
            if let (true, Some(end)) = (agreed.starts_with("同意"), agreed.find("决定批准")) {
                let what = &agreed["同意".len()..end];
                let findings = [
                    "审查结果报告",
                    "审查报告",
                    "审查意见",
                    "审议意见",
                    "审查结果",
                ];
                if !findings.iter().any(|f| what.contains(f)) {
                    let clause_end = "会议同意".len() + what.trim_end_matches(['，', ',']).len();
                    let back = s[..clause_end]
                        .chars()
                        .next_back()
                        .map_or(0, char::len_utf8);
                    return Some((
                        first(clause_end - back),
                        "「…提出的审查结果报告」",
                        "「…提出的审查结果报告」 (the committee's findings)",
                    ));
                }
            }
        }
        // 「《…》已由…会议于…通过，现予公布」.
        if let Some(by) = s.find("已由") {
            let rest = &s[by..];
            if rest.contains("公布") && !rest.contains("通过") && !rest.contains("批准") {
                return Some((
                    first(by),
                    "「已由…通过，现予公布」",
                    "「已由…通过，现予公布」 (adopted by …, hereby promulgated)",
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
            // (Looked at only for a run long enough: this loop runs for every pair of places.)
            let listed = || {
                chars[i + k..j]
                    .iter()
                    .any(|&(_, c)| matches!(c, '、' | '和' | '及' | '与' | '，' | '《' | '》'))
            };
            if k >= DOUBLED_MIN && !listed() {
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
    let words = WordsAhead::new(text);
    for q in starts {
        if q == start {
            continue;
        }
        // The structure that runs in begins with a body's name (the seed: 「重庆市第六届人民代表
        // 大会常务委员会第十二次会议…」 after 「…为重庆市第六届人民代表大会」): the eye skipped
        // from one printing of the name to the next. A clause that begins mid-word proves nothing.
        // At the very point where reading stopped, any complete clause will do (「依照《…代表法》
        // 贺志强…的代表资格终止」: 「的有关规定，」 lost between the law and the clause).
        if q != at && !reads(Rule::body_start_fast_root, &text[q..]) {
            continue;
        }
        // A predicate right where reading stopped (「三市镇第一选区选民依法|罢免了王建的…」) follows a
        // subject in words the grammar does not know: a wording, not a sentence run into.
        if q == at && reads(Rule::predicate_start_root, &text[q..]) {
            continue;
        }
        let Ok(Some(clause)) = read_clause_or_parse(text, q, &words) else {
            continue;
        };
        let end = q + clause.consumed;
        // A clause that only names people or a congress (a topic) proves nothing.
        let weak = clause
            .fact
            .as_ref()
            .is_some_and(|(_, f)| f.as_rule() == Rule::designation_only);
        if end > at && !weak {
            return Some(Span::new(q, end));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeated(text: &str) -> Option<(&str, &str)> {
        repeated_at_once(text).map(|(a, b)| (&text[a.start..a.end], &text[b.start..b.end]))
    }

    #[test]
    fn an_immediate_repeat_of_four_characters_is_found_with_its_punctuation() {
        assert_eq!(
            repeated("宁远县人宁远县人大常委会"),
            Some(("宁远县人", "宁远县人"))
        );
        assert_eq!(
            repeated("组织法》等法律法》等法律规定"),
            Some(("法》等法律", "法》等法律"))
        );
        // The earliest repeat, the longest there.
        assert_eq!(
            repeated("辞去献县第十八届辞去献县第十八届人大代表"),
            Some(("辞去献县第十八届", "辞去献县第十八届"))
        );
    }

    #[test]
    fn a_fixed_word_cut_short_is_found() {
        fn cut(t: &str) -> Option<(&str, &str)> {
            cut_word(t).map(|(s, w)| (&t[s.start..s.end], w))
        }
        assert_eq!(
            cut("朝阳区人民代表大委员会决定"),
            Some(("代表大委", "人民代表大会"))
        );
        assert_eq!(
            cut("垫江县人民代补选姜国杰"),
            Some(("人民代补", "人民代表大会"))
        );
        assert_eq!(cut("市人大常务委"), Some(("常务委", "常务委员会")));
        assert_eq!(cut("重庆市第六届人民代表大会常务委员会委员"), None);
        assert_eq!(
            cut("德阳市第八届人大常委七次会议"),
            Some(("人大常委七", "人大常委会"))
        );
        assert_eq!(
            cut("全国人民任免名单"),
            Some(("全国人民任", "全国人民代表大会"))
        );
        assert_eq!(cut("长届人民代表大会第二次会议"), Some(("长届", "第…届")));
        assert_eq!(cut("报市人会备案"), Some(("市人会", "人民代表大会")));
        assert_eq!(
            cut("已由宁安自治人民代表大会常务委员会"),
            Some(("自治人", "自治区（州、县）"))
        );
        assert_eq!(cut("宁夏回族自治区人民代表大会、民族区域自治法"), None);
        assert_eq!(cut("市十六届人大、本届人民代表大会、第8届人大"), None);
        assert_eq!(cut("县人民政府、市人民检察院检察委员会委员"), None);
        assert_eq!(cut("全国人大常委会"), None);
    }

    #[test]
    fn a_meeting_that_decides_nothing_before_its_colon_is_found() {
        fn lost(t: &str) -> Option<&str> {
            meeting_without_decision(t).map(|s| &t[s.start..s.end])
        }
        assert_eq!(
            lost("根据…的规定，重庆市第六届人民代表大会常务委员会定："),
            Some("定")
        );
        assert_eq!(
            lost("根据…的规定，重庆市第六届人民代表大会常务委员会："),
            Some("：")
        );
        assert_eq!(
            lost("根据…的规定，重庆市第六届人民代表大会常务委员会第十二次会议决定："),
            None
        );
        assert_eq!(lost("第十九条第二款修改为："), None);
        assert_eq!(
            lost("根据…的规定，重庆市第六届人民代表大会常务委员会定：接受张国智同志辞去…"),
            Some("定")
        );
        assert_eq!(lost("现将有关事项公告如下："), None);
    }

    #[test]
    fn a_predicate_where_reading_stopped_is_no_run_in() {
        // An unknown subject before a known predicate: a wording.
        let text = "经选区选民投票表决罢免了王建的县第十八届人民代表大会代表职务";
        let at = text.find("罢免").unwrap();
        assert_eq!(run_in(text, 0, at), None);
        let text = "代表赵刚因病于2024年2月3日逝世";
        let at = text.find("2024").unwrap();
        assert_eq!(run_in(text, 0, at), None);
        // A law cited and then, without 「的有关规定，」, the names of a clause: text lost.
        let text = "依照《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》贺志强、孙国庆的代表资格终止";
        let at = text.find("贺志强").unwrap();
        assert!(run_in(text, 0, at).is_some());
    }

    /// cut_word compares a head's first three bytes with the place's: each head must begin
    /// with a character of three bytes, or it would never be tried.
    #[test]
    fn every_fixed_word_head_begins_with_a_three_byte_character() {
        for (head, ..) in FIXED_WORDS {
            assert_eq!(head.chars().next().map(char::len_utf8), Some(3), "{head}");
        }
    }

    #[test]
    fn correct_text_that_repeats_is_left_alone() {
        // Three characters (「工会委员会委员」), two (「研究研究」), digits, one Han character.
        assert_eq!(repeated("市总工会委员会委员"), None);
        assert_eq!(repeated("经研究研究决定"), None);
        assert_eq!(repeated("驻台92929292部队"), None);
        assert_eq!(repeated("（一）（一）"), None);
        assert_eq!(repeated(""), None);
        assert_eq!(repeated("人"), None);
    }
}

#[cfg(test)]
mod repeated_tests {
    use super::*;

    /// The first implementation, one pass over the text per length: the oracle of the one
    /// above, which must find the same run at the same place.
    fn repeated_at_once_by_length(text: &str) -> Option<(Span, Span)> {
        let chars: Vec<char> = text.chars().collect();
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let repeatable =
            |c: char| !c.is_whitespace() && !c.is_numeric() && !c.is_ascii_alphanumeric();
        let mut best: Option<(usize, usize)> = None;
        for k in REPEAT_MIN..=REPEAT_MAX.min(chars.len() / 2) {
            let mut run = 0;
            for j in 0..chars.len() - k {
                if best.is_some_and(|(start, _)| j >= start + k) {
                    break;
                }
                if chars[j] == chars[j + k] && repeatable(chars[j]) {
                    run += 1;
                } else {
                    run = 0;
                    continue;
                }
                if run < k {
                    continue;
                }
                let start = j + 1 - k;
                if chars[start..start + k]
                    .iter()
                    .filter(|&&c| is_han(c))
                    .count()
                    < 2
                {
                    continue;
                }
                if best.is_none_or(|(b, bk)| start < b || (start == b && k > bk)) {
                    best = Some((start, k));
                }
                break;
            }
        }
        best.map(|(i, k)| {
            (
                Span::new(offsets[i], offsets[i + k]),
                Span::new(offsets[i + k], offsets[i + 2 * k]),
            )
        })
    }

    #[test]
    fn repeats_found_place_by_place_as_length_by_length() {
        let mut texts: Vec<String> = Vec::new();
        let dirs = [
            "examples",
            "examples/variants",
            "examples/real-forms",
            "examples/rules",
        ];
        for dir in dirs {
            let root = concat!(env!("CARGO_MANIFEST_DIR"), "/");
            let Ok(entries) = std::fs::read_dir(format!("{root}{dir}")) else {
                continue;
            };
            for e in entries.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    texts.extend(t.lines().map(String::from));
                }
            }
        }
        // Lines made to repeat: every line with a run of it printed again, at several places
        // and lengths.
        let base: Vec<String> = texts.clone();
        for line in base.iter().filter(|l| l.chars().count() > 12).take(400) {
            let chars: Vec<char> = line.chars().collect();
            for (at, len) in [(0, 4), (3, 5), (5, 12), (2, 3), (7, 40), (1, 41)] {
                if at + len <= chars.len() {
                    let mut v = chars[..at + len].to_vec();
                    v.extend_from_slice(&chars[at..]);
                    texts.push(v.into_iter().collect());
                }
            }
        }
        texts.extend(
            [
                "研究研究",
                "工会委员会委员会委员",
                "1111代表1111代表",
                "人民人民人民人民",
                "甲乙丙丁甲乙丙丁甲乙丙丁",
                "a b c da b c d",
                "宁远县人宁远县人大常委会",
                "",
            ]
            .map(String::from),
        );
        // Random lines over a few characters that share the low byte the places are linked
        // by (U+5000, U+5100, U+5200 …), with a separator and a digit: most places have
        // bucket-mates that are other characters, and repeats of every length come by chance.
        let alphabet: Vec<char> = (0..4u32)
            .map(|i| char::from_u32(0x5000 + 0x100 * i).expect("a Han character"))
            .chain(['、', '1'])
            .collect();
        let mut next = crate::testing::draws(0x2545_f491_4f6c_dd1d_u64);
        for _ in 0..3000 {
            let len = 8 + next(90);
            texts.push((0..len).map(|_| alphabet[next(alphabet.len())]).collect());
        }
        let mut found = 0;
        for t in &texts {
            let fast = repeated_at_once(t);
            assert_eq!(fast, repeated_at_once_by_length(t), "「{t}」");
            found += usize::from(fast.is_some());
        }
        assert!(
            texts.len() > 6000 && found > 900,
            "{} texts, {found} repeats",
            texts.len()
        );
    }
}
