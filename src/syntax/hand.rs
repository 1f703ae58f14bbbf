//! Hand-written readings of grammar rules that pest reads slowly.
//!
//! A name (`plain_name`) carries no delimiter of its own: the grammar tries each length from
//! four characters down and, after each, the thirty words that may follow a name
//! (`name_follow`), one string comparison each. A region (`region`, 「重庆市江北区」) tests
//! thirty stop words before each of its characters. Names stand in almost every clause and
//! entry, regions in every congress: each was a tenth of a check. Posts (`post`, a run up to
//! a separator with bracketed groups kept whole), dotted names and numerals are simpler runs
//! pest read one rule call per character.
//!
//! The rules are still defined by grammar/notice.pest: build.rs keeps pest's function for each
//! as `<rule>_grammar` and makes the rule a call to the function here, which reads the same
//! language in one pass over a few characters. tests/hand_rules.rs holds the two equal, rule by
//! rule on generated strings and root by root on every line of the examples, the real forms and
//! generated pages, by switching the hand-written reading off ([`grammar_only`]). One rule call
//! stands where pest made many, so the call limit (`super::CALL_LIMIT`) is reached later.

use std::cell::Cell;

use pest::{ParseResult, ParserState};

use super::parser::Rule;

type State<'i> = Box<ParserState<'i, Rule>>;

thread_local! {
    static GRAMMAR_ONLY: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` with the hand-written readings switched off on this thread: every rule is read by
/// pest's own function for it. For the differential tests.
#[doc(hidden)]
pub fn grammar_only<T>(f: impl FnOnce() -> T) -> T {
    struct Reset(bool);
    impl Drop for Reset {
        fn drop(&mut self) {
            GRAMMAR_ONLY.with(|g| g.set(self.0));
        }
    }
    let _reset = Reset(GRAMMAR_ONLY.with(|g| g.replace(true)));
    f()
}

/// The input from the parser's position on.
fn rest<'i>(state: &ParserState<'i, Rule>) -> &'i str {
    let here = state.position();
    &here.span(here).get_input()[here.pos()..]
}

type RuleFn<'i> = fn(State<'i>) -> ParseResult<State<'i>>;

/// An atomic rule read by `recognise` (the length in bytes of what the rule matches at the
/// start of the text, or `None`), as pest would read it: the rule's pair, no pairs inside,
/// the failure tracked at the rule's start. The grammar's function where the hand-written
/// reading is off.
fn atomic_by_hand<'i>(
    state: State<'i>,
    rule: Rule,
    grammar: RuleFn<'i>,
    recognise: fn(&str) -> Option<usize>,
) -> ParseResult<State<'i>> {
    if GRAMMAR_ONLY.with(Cell::get) {
        return grammar(state);
    }
    state.rule(rule, |state| {
        state.atomic(pest::Atomicity::Atomic, |state| {
            let rest = rest(&state);
            match recognise(rest) {
                Some(len) => state.skip(rest[..len].chars().count()),
                None => Err(state),
            }
        })
    })
}

/// `plain_name` (grammar/notice.pest), read by [`plain_name_len`].
pub(crate) fn plain_name<'i>(state: State<'i>, grammar: RuleFn<'i>) -> ParseResult<State<'i>> {
    atomic_by_hand(state, Rule::plain_name, grammar, plain_name_len)
}

/// `region` (grammar/notice.pest), read by [`region_len`].
pub(crate) fn region<'i>(state: State<'i>, grammar: RuleFn<'i>) -> ParseResult<State<'i>> {
    atomic_by_hand(state, Rule::region, grammar, region_len)
}

fn han(c: char) -> bool {
    pest::unicode::HAN(c)
}

fn first(s: &str) -> Option<char> {
    s.chars().next()
}

/// Whether `s` begins with one of `words`. Compared byte by byte: most words differ from the
/// text at their first or second byte, and a library comparison (memcmp) per word cost more
/// than the whole reading.
fn starts_any(s: &str, words: &[&str]) -> bool {
    let s = s.as_bytes();
    words.iter().any(|w| {
        let w = w.as_bytes();
        s.len() >= w.len() && s.iter().zip(w).all(|(a, b)| a == b)
    })
}

/// name_start_stop
const NAME_START_STOP: &[&str] = &[
    "调离", "迁出", "离开", "转业", "辞去", "辞职", "去世", "逝世", "罢免", "补选", "递补",
];
/// name_end_word
const NAME_END_WORD: &[&str] = &[
    "提出", "辞去", "调离", "迁出", "去世", "逝世", "因病", "同志", "不幸", "遇害", "代表",
];
/// name_end_char
const NAME_END_CHAR: &[&str] = &["的", "已", "被", "等"];
/// name_link
const NAME_LINK: &[&str] = &["为", "的", "辞"];
/// The words of `name_follow` longer than one character (the single characters, with
/// enum_comma, comma, semicolon, full_stop, open_paren, close_paren, NEWLINE and space spelt
/// out, are in [`name_follows`]; so are a run of digits before 名/人 and the end of input).
const NAME_FOLLOW_WORDS: &[&str] = &[
    "辞去",
    "辞职",
    "调离",
    "迁出",
    "去世",
    "逝世",
    "不幸",
    "遇害",
    "提出",
    "代表的",
    "现任",
    "同志",
    "不再担任",
    "在任期内",
    "在任内",
];

/// invisible
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// name_char = han ~ (!('\u{3400}'..'\u{9FFF}' | '\u{FF00}'..'\u{FFEF}') ~ (invisible | MARK))*
fn name_char(s: &str) -> Option<usize> {
    let c = first(s).filter(|&c| han(c))?;
    let mut len = c.len_utf8();
    for c in s[len..].chars() {
        if matches!(c, '\u{3400}'..='\u{9FFF}' | '\u{FF00}'..='\u{FFEF}')
            || !(invisible(c) || pest::unicode::MARK(c))
        {
            break;
        }
        len += c.len_utf8();
    }
    Some(len)
}

/// name_pad = ("\u{3000}" | " ") ~ &han
fn name_pad(s: &str) -> Option<usize> {
    let c = first(s).filter(|&c| c == '\u{3000}' || c == ' ')?;
    first(&s[c.len_utf8()..])
        .filter(|&h| han(h))
        .map(|_| c.len_utf8())
}

/// name2 = !name_end_word ~ name_char ~ name_pad? ~ !name_end_char ~ name_char
fn name2(s: &str) -> Option<usize> {
    if starts_any(s, NAME_END_WORD) {
        return None;
    }
    let a = name_char(s)?;
    let a = a + name_pad(&s[a..]).unwrap_or(0);
    if starts_any(&s[a..], NAME_END_CHAR) {
        return None;
    }
    Some(a + name_char(&s[a..])?)
}

/// name3 = name_char ~ !name_pad ~ name2
fn name3(s: &str) -> Option<usize> {
    let a = name_char(s)?;
    if name_pad(&s[a..]).is_some() {
        return None;
    }
    Some(a + name2(&s[a..])?)
}

/// name4 = name_char ~ name_char ~ !name_pad ~ name2
fn name4(s: &str) -> Option<usize> {
    let a = name_char(s)?;
    let a = a + name_char(&s[a..])?;
    if name_pad(&s[a..]).is_some() {
        return None;
    }
    Some(a + name2(&s[a..])?)
}

/// &name_follow
fn name_follows(s: &str) -> bool {
    let Some(c) = first(s) else {
        return true; // EOI
    };
    match c {
        '、' | '，' | ',' | '；' | ';' | '。' | '（' | '(' | '）' | ')' | '和' | '等' | '为'
        | '的' | '已' | '被' | '因' | '于' | '兼' | '\n' | '\r' | ' ' | '\t' | '\u{3000}'
        | '\u{00A0}' => true,
        // ASCII_DIGIT+ ~ ("名" | "人")
        '0'..='9' => {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            s[digits..].starts_with(['名', '人'])
        }
        _ => starts_any(s, NAME_FOLLOW_WORDS),
    }
}

/// `count` Han characters (han{count}), or with `unlinked` (!name_link ~ han){count}.
fn han_run(s: &str, count: usize, unlinked: bool) -> Option<usize> {
    let mut len = 0;
    for _ in 0..count {
        if unlinked && starts_any(&s[len..], NAME_LINK) {
            return None;
        }
        len += first(&s[len..]).filter(|&c| han(c))?.len_utf8();
    }
    Some(len)
}

/// &abbreviated_congress = ("省" | "市" | "县" | "区" | "州") ~ term
fn abbreviated_congress(s: &str) -> bool {
    let Some(c) = first(s).filter(|c| matches!(c, '省' | '市' | '县' | '区' | '州')) else {
        return false;
    };
    term(&s[c.len_utf8()..])
}

/// &term, term = "第"? ~ numeral ~ "届", numeral = arabic_numeral | chinese_numeral.
fn term(s: &str) -> bool {
    let s = s.strip_prefix('第').unwrap_or(s);
    let arabic = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let digits = if first(s).is_some_and(arabic) {
        s.len() - s.trim_start_matches(arabic).len()
    } else {
        s.len() - s.trim_start_matches(chinese_numeral_char).len()
    };
    digits > 0 && s[digits..].starts_with('届')
}

/// The length of the `plain_name` at the start of `s`, read as the grammar reads it:
///
/// ```text
/// plain_name = @{ !name_start_stop ~ (
///     han{5} ~ &open_paren | name4 ~ &name_follow | name3 ~ &name_follow | name2 ~ &name_follow
///   | (!name_link ~ han){4} ~ &abbreviated_congress | …{3} … | …{2} … ) }
/// ```
pub(crate) fn plain_name_len(s: &str) -> Option<usize> {
    if starts_any(s, NAME_START_STOP) {
        return None;
    }
    if let Some(n) = han_run(s, 5, false) {
        if s[n..].starts_with('（') || s[n..].starts_with('(') {
            return Some(n);
        }
    }
    for candidate in [name4, name3, name2] {
        if let Some(n) = candidate(s) {
            if name_follows(&s[n..]) {
                return Some(n);
            }
        }
    }
    [4, 3, 2]
        .into_iter()
        .find_map(|count| han_run(s, count, true).filter(|&n| abbreviated_congress(&s[n..])))
}

/// place_suffix, in the grammar's order (the first that matches is taken).
const PLACE_SUFFIX: &[&str] = &[
    "市",
    "区",
    "县",
    "省",
    "州",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "特别行政区",
    "盟",
    "旗",
    "镇",
    "乡",
];
/// place_stop besides place_suffix: the words that never stand inside a place name
/// (actor_verb spelt out).
const PLACE_STOP_WORDS: &[&str] = &[
    "为",
    "的",
    "委员会",
    "代表",
    "人民",
    "决定",
    "接受",
    "补选",
    "选举",
    "罢免",
    "辞去",
    "确认",
    "选出",
    "递补",
    "调离",
    "辞职",
    "去世",
    "关于",
];

fn place_suffix(s: &str) -> Option<usize> {
    PLACE_SUFFIX
        .iter()
        .find(|w| s.starts_with(**w))
        .map(|w| w.len())
}

/// A character of chinese_numeral.
fn chinese_numeral_char(c: char) -> bool {
    matches!(
        c,
        '〇' | '零'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '廿'
    )
}

/// region_stop: a character that can begin a term (第, a numeral), a congress word (人) or a
/// committee word (常).
fn region_stop(c: char) -> bool {
    matches!(c, '第' | '人' | '常' | '0'..='9' | '０'..='９') || chinese_numeral_char(c)
}

/// place_char = !place_stop ~ !(&region_stop ~ (term | congress_word | "常务委员会" | "常委会"))
///            ~ (han | ASCII_ALPHA)
fn place_char(s: &str) -> Option<usize> {
    let c = first(s)?;
    if starts_any(s, PLACE_SUFFIX) || starts_any(s, PLACE_STOP_WORDS) {
        return None;
    }
    if region_stop(c)
        && (term(s) || starts_any(s, &["人民代表大会", "人大", "常务委员会", "常委会"]))
    {
        return None;
    }
    (han(c) || c.is_ascii_alphabetic()).then_some(c.len_utf8())
}

/// place_name = place_char{0,12} (taken greedily, as the grammar's nested optionals do)
///            ~ place_suffix
fn place_name(s: &str) -> Option<usize> {
    let mut len = 0;
    for _ in 0..12 {
        match place_char(&s[len..]) {
            Some(n) => len += n,
            None => break,
        }
    }
    Some(len + place_suffix(&s[len..])?)
}

/// The length of the `region` at the start of `s`, read as the grammar reads it:
/// `region = @{ "中华人民共和国" | "全国" | place_name+ }`.
pub(crate) fn region_len(s: &str) -> Option<usize> {
    for whole in ["中华人民共和国", "全国"] {
        if s.starts_with(whole) {
            return Some(whole.len());
        }
    }
    let mut len = 0;
    while let Some(n) = place_name(&s[len..]) {
        len += n;
    }
    (len > 0).then_some(len)
}

/// `arabic_numeral` (grammar/notice.pest): `@{ (ASCII_DIGIT | '０'..'９')+ }`.
pub(crate) fn arabic_numeral<'i>(state: State<'i>, grammar: RuleFn<'i>) -> ParseResult<State<'i>> {
    atomic_by_hand(state, Rule::arabic_numeral, grammar, |s| {
        let len = s.len() - s.trim_start_matches(arabic_digit).len();
        (len > 0).then_some(len)
    })
}

/// `chinese_numeral` (grammar/notice.pest): a run of its characters.
pub(crate) fn chinese_numeral<'i>(state: State<'i>, grammar: RuleFn<'i>) -> ParseResult<State<'i>> {
    atomic_by_hand(state, Rule::chinese_numeral, grammar, |s| {
        let len = s.len() - s.trim_start_matches(chinese_numeral_char).len();
        (len > 0).then_some(len)
    })
}

/// `dotted_name` (grammar/notice.pest), read by [`dotted_name_len`].
pub(crate) fn dotted_name<'i>(state: State<'i>, grammar: RuleFn<'i>) -> ParseResult<State<'i>> {
    atomic_by_hand(state, Rule::dotted_name, grammar, dotted_name_len)
}

/// `post` (grammar/notice.pest), read by [`post_len`].
pub(crate) fn post<'i>(state: State<'i>, grammar: RuleFn<'i>) -> ParseResult<State<'i>> {
    atomic_by_hand(state, Rule::post, grammar, post_len)
}

/// `line_may_head` (grammar/notice.pest), read by [`line_may_head_len`].
pub(crate) fn line_may_head<'i>(state: State<'i>, grammar: RuleFn<'i>) -> ParseResult<State<'i>> {
    atomic_by_hand(state, Rule::line_may_head, grammar, line_may_head_len)
}

/// The length of the `line_may_head` at the start of `s`, read as the grammar reads it:
/// `"#"`, or the line up to the first place where `committee_then` matches (none past a line
/// break) and that match. Both committee words begin with 常, found by memmem, not tried at
/// every character.
pub(crate) fn line_may_head_len(s: &str) -> Option<usize> {
    static CHANG: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("常"));
    if s.starts_with('#') {
        return Some(1);
    }
    let line = &s[..memchr::memchr2(b'\n', b'\r', s.as_bytes()).unwrap_or(s.len())];
    CHANG.find_iter(line.as_bytes()).find_map(|p| {
        let word = ["常务委员会", "常委会"]
            .into_iter()
            .find(|w| s[p..].starts_with(w))?;
        let after = &s[p + word.len()..];
        let spaces = after.len()
            - after
                .trim_start_matches([' ', '\t', '\u{3000}', '\u{00A0}'])
                .len();
        let next = &after[spaces..];
        let follow = if next.is_empty() {
            0
        } else if next.starts_with("\r\n") {
            2
        } else if next.starts_with(['\n', '\r']) {
            1
        } else if next.starts_with("关于") {
            "关于".len()
        } else if next.starts_with(['公', '任', '免']) {
            '公'.len_utf8()
        } else {
            return None;
        };
        Some(p + word.len() + spaces + follow)
    })
}

fn arabic_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// middle_dot
fn middle_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '．' | '‧')
}

/// The length of the `dotted_name` at the start of `s`, read as the grammar reads it:
/// `dotted_name = @{ (han+ ~ middle_dot)+ ~ dotted_last }`, each `han+` taking every Han
/// character it can, and `dotted_last` the longest of six to one Han characters that a word
/// of `name_follow` follows.
pub(crate) fn dotted_name_len(s: &str) -> Option<usize> {
    let mut len = 0;
    let mut parts = 0;
    loop {
        let rest = &s[len..];
        let run = rest.len() - rest.trim_start_matches(han).len();
        let Some(dot) = first(&rest[run..]).filter(|&c| run > 0 && middle_dot(c)) else {
            break;
        };
        len += run + dot.len_utf8();
        parts += 1;
    }
    if parts == 0 {
        return None;
    }
    (1..=6)
        .rev()
        .find_map(|count| han_run(&s[len..], count, false).filter(|&n| name_follows(&s[len + n..])))
        .map(|n| len + n)
}

/// post_verb
const POST_VERB: &[&str] = &["决定", "任命", "免去", "撤销", "批准"];

fn open_paren(c: char) -> bool {
    c == '（' || c == '('
}

fn close_paren(c: char) -> bool {
    c == '）' || c == ')'
}

/// paren_text = (!(open_paren | close_paren | NEWLINE) ~ ANY)*
fn paren_text(s: &str) -> usize {
    s.find(|c: char| open_paren(c) || close_paren(c) || c == '\n' || c == '\r')
        .unwrap_or(s.len())
}

/// paren_inner = open_paren ~ paren_text ~ close_paren
fn paren_inner(s: &str) -> Option<usize> {
    let open = first(s).filter(|&c| open_paren(c))?.len_utf8();
    let len = open + paren_text(&s[open..]);
    let close = first(&s[len..]).filter(|&c| close_paren(c))?.len_utf8();
    Some(len + close)
}

/// paren_group = open_paren ~ paren_text ~ (paren_inner ~ paren_text)* ~ close_paren
fn paren_group(s: &str) -> Option<usize> {
    let open = first(s).filter(|&c| open_paren(c))?.len_utf8();
    let mut len = open + paren_text(&s[open..]);
    while let Some(inner) = paren_inner(&s[len..]) {
        len += inner;
        len += paren_text(&s[len..]);
    }
    let close = first(&s[len..]).filter(|&c| close_paren(c))?.len_utf8();
    Some(len + close)
}

/// post_stop = enum_comma | comma | semicolon | full_stop | "职务" | NEWLINE | "相应"
fn post_stop(s: &str) -> bool {
    matches!(
        first(s),
        Some('、' | '，' | ',' | '；' | ';' | '。' | '\n' | '\r')
    ) || s.starts_with("职务")
        || s.starts_with("相应")
}

/// The length of the `post` at the start of `s`, read as the grammar reads it:
/// `post = @{ !post_verb ~ (paren_group | !post_stop ~ ANY)+ }`.
pub(crate) fn post_len(s: &str) -> Option<usize> {
    if starts_any(s, POST_VERB) {
        return None;
    }
    let mut len = 0;
    loop {
        let rest = &s[len..];
        if let Some(group) = paren_group(rest) {
            len += group;
            continue;
        }
        match first(rest) {
            Some(c) if !post_stop(rest) => len += c.len_utf8(),
            _ => break,
        }
    }
    (len > 0).then_some(len)
}
