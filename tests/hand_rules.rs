//! The rules read by hand (src/syntax/hand.rs) against the grammar's own reading of them.
//!
//! build.rs keeps pest's function for each such rule, and `gazette::syntax::grammar_only`
//! switches the hand-written reading off: every comparison here parses the same text twice,
//! once each way, and asks for the same pairs, or the same error (position and expected rules).
//! Rule by rule on generated strings of the characters the rules test (names, regions, posts, numerals); root by root on every
//! line and clause start of the examples (the real forms included), of damaged lines and of
//! generated pages; and whole documents, tree for tree.

#[path = "../benches/support/corpus.rs"]
mod corpus;

mod common;

use gazette::syntax::{grammar_only, parse_document, NoticeParser, Rule};
use pest::Parser;
use proptest::prelude::*;

type Flat = Result<Vec<(Rule, usize, usize)>, pest::error::Error<Rule>>;

fn flat(rule: Rule, text: &str) -> Flat {
    NoticeParser::parse(rule, text).map(|pairs| {
        pairs
            .flatten()
            .map(|p| (p.as_rule(), p.as_span().start(), p.as_span().end()))
            .collect()
    })
}

fn same(rule: Rule, text: &str) {
    let hand = flat(rule, text);
    let grammar = grammar_only(|| flat(rule, text));
    assert_eq!(
        hand, grammar,
        "{rule:?} reads 「{text}」 differently by hand and by the grammar"
    );
}

/// The roots a line or a clause start is read with.
const ROOTS: &[Rule] = &[
    Rule::plain_name_root,
    Rule::dotted_name_root,
    Rule::region_root,
    Rule::line_may_head_root,
    Rule::post_root,
    Rule::numeral_root,
    Rule::signature_root,
    Rule::name_root,
    Rule::clause_item_root,
    Rule::clause_item_fast_root,
    Rule::entry_root,
    Rule::entry_fast_root,
    Rule::paragraph_root,
    Rule::body_start_root,
    Rule::header_root,
    Rule::title_root,
];

const SEPARATORS: &[char] = &['，', ',', '；', ';', '。', '：', ':', '、', '的', '为'];

fn compare_line(line: &str) -> usize {
    let mut compared = 0;
    let starts = std::iter::once(0).chain(
        line.char_indices()
            .filter(|(_, c)| SEPARATORS.contains(c))
            .map(|(i, c)| i + c.len_utf8()),
    );
    for s in starts {
        for &root in ROOTS {
            same(root, &line[s..]);
            compared += 1;
        }
    }
    compared
}

fn texts() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = common::example_files()
        .into_iter()
        .filter_map(|p| {
            let text = String::from_utf8(std::fs::read(&p).ok()?).ok()?;
            Some((p.display().to_string(), text))
        })
        .collect();
    out.extend(corpus::pages(21, 30).into_iter().map(|p| (p.name, p.text)));
    out
}

#[test]
fn every_root_reads_every_line_of_the_examples_and_pages_alike() {
    let mut compared = 0;
    for (_, text) in texts() {
        for line in text.lines() {
            compared += compare_line(line);
        }
    }
    assert!(compared > 100_000, "compared {compared}");
}

#[test]
fn damaged_lines_are_read_alike() {
    let mut compared = 0;
    for (_, text) in texts().into_iter().take(200) {
        for line in text.lines().filter(|l| l.chars().count() > 6) {
            let chars: Vec<(usize, char)> = line.char_indices().collect();
            for k in [1, 2, 4, 7] {
                let Some(&(i, c)) = chars.get(k) else { break };
                // A character lost, and the same character doubled.
                let lost = format!("{}{}", &line[..i], &line[i + c.len_utf8()..]);
                let doubled = format!("{}{c}{}", &line[..i], &line[i..]);
                compared += compare_line(&lost) + compare_line(&doubled);
            }
        }
    }
    assert!(compared > 50_000, "compared {compared}");
}

#[test]
fn whole_documents_are_read_alike() {
    for (name, text) in texts() {
        let hand = format!("{:?}", parse_document(&text));
        let grammar = grammar_only(|| format!("{:?}", parse_document(&text)));
        assert!(hand == grammar, "{name}: the trees differ");
    }
}

/// The characters the name rules test: Han characters that begin or end the words around a
/// name, others that do not, padding, marks and zero-width characters, digits of both widths,
/// numerals, brackets, separators and line breaks.
const ALPHABET: &[&str] = &[
    "王",
    "李",
    "张",
    "建",
    "国",
    "为",
    "的",
    "辞",
    "去",
    "职",
    "调",
    "离",
    "迁",
    "出",
    "已",
    "被",
    "等",
    "代",
    "表",
    "同",
    "志",
    "因",
    "病",
    "提",
    "不",
    "幸",
    "遇",
    "害",
    "于",
    "兼",
    "现",
    "任",
    "在",
    "期",
    "内",
    "再",
    "担",
    "和",
    "省",
    "市",
    "县",
    "区",
    "州",
    "第",
    "十",
    "二",
    "〇",
    "届",
    "名",
    "人",
    "开",
    "转",
    "业",
    "罢",
    "免",
    "补",
    "选",
    "递",
    "逝",
    "世",
    "、",
    "，",
    ",",
    "；",
    "。",
    "（",
    "(",
    "）",
    ")",
    "1",
    "2",
    "３",
    "　",
    " ",
    "\t",
    "\u{a0}",
    "\n",
    "\r",
    "\u{200b}",
    "\u{301}",
    "\u{e0100}",
    "\u{ad}",
    "·",
    "a",
    "𠀋",
    "㐀",
];

/// The characters the region rule tests: place suffixes, stop words, terms, congress and
/// committee words, the two whole regions, other Han and Latin letters.
const REGION_ALPHABET: &[&str] = &[
    "重庆",
    "罢免",
    "确认",
    "选出",
    "递补",
    "辞职",
    "去世",
    "去",
    "世",
    "委",
    "江",
    "北",
    "市",
    "区",
    "县",
    "省",
    "州",
    "自治",
    "旗",
    "地区",
    "特别行政区",
    "盟",
    "镇",
    "乡",
    "为",
    "的",
    "委员会",
    "代表",
    "人民",
    "决定",
    "接受",
    "补选",
    "选举",
    "辞去",
    "调离",
    "关于",
    "第",
    "六",
    "十",
    "二",
    "〇",
    "届",
    "1",
    "２",
    "人民代表大会",
    "人大",
    "常务委员会",
    "常委会",
    "常",
    "人",
    "中华人民共和国",
    "全国",
    "全",
    "A",
    "b",
    "·",
    "、",
    "，",
    " ",
    "\n",
    "𠀋",
];

/// The characters of posts, dotted names and numerals: brackets of both widths (nested,
/// unclosed, stray closing ones), the separators and words a post stops at, the verbs it may
/// not begin with, middle dots of every kind, digits of both widths and Chinese numerals.
const POST_ALPHABET: &[&str] = &[
    "（",
    "(",
    "）",
    ")",
    "、",
    "，",
    ",",
    "；",
    ";",
    "。",
    "职务",
    "职",
    "务",
    "相应",
    "相",
    "决定",
    "任命",
    "免去",
    "撤销",
    "批准",
    "\n",
    "\r",
    " ",
    "院长",
    "市",
    "副",
    "多来提曼",
    "开米克",
    "·",
    "•",
    "・",
    "．",
    "‧",
    "的",
    "为",
    "等",
    "1",
    "２",
    "一",
    "十",
    "〇",
    "廿",
    "两",
    "届",
    "名",
    "a",
];

/// The pieces of a line that may begin a header or a closing: the committee's words and
/// their halves, what may follow them, spaces of every kind and every line break.
const HEAD_ALPHABET: &[&str] = &[
    "常务委员会",
    "常委会",
    "常",
    "常务",
    "委员会",
    "关于",
    "关",
    "公告",
    "公",
    "任免名单",
    "免",
    "任",
    "第",
    "#",
    " ",
    "\t",
    "\u{3000}",
    "\u{00A0}",
    "\n",
    "\r",
    "\r\n",
    "重庆市人民代表大会",
    "a",
];

/// The pieces `picks` names, one after another.
fn joined(alphabet: &[&str], picks: &[usize]) -> String {
    picks.iter().map(|&i| alphabet[i]).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]

    #[test]
    fn a_line_that_may_head_is_read_alike_in_generated_text(
        picks in proptest::collection::vec(0..HEAD_ALPHABET.len(), 0..10)
    ) {
        let text = joined(HEAD_ALPHABET, &picks);
        same(Rule::line_may_head_root, &text);
    }

    #[test]
    fn a_name_is_read_alike_in_generated_text(
        picks in proptest::collection::vec(0..ALPHABET.len(), 0..12)
    ) {
        let text = joined(ALPHABET, &picks);
        same(Rule::plain_name_root, &text);
        same(Rule::name_root, &text);
        same(Rule::clause_item_root, &text);
    }

    #[test]
    fn posts_dotted_names_and_numerals_are_read_alike_in_generated_text(
        picks in proptest::collection::vec(0..POST_ALPHABET.len(), 0..12)
    ) {
        let text = joined(POST_ALPHABET, &picks);
        same(Rule::post_root, &text);
        same(Rule::dotted_name_root, &text);
        same(Rule::numeral_root, &text);
        same(Rule::entry_root, &text);
    }

    #[test]
    fn a_region_is_read_alike_in_generated_text(
        picks in proptest::collection::vec(0..REGION_ALPHABET.len(), 0..10)
    ) {
        let text = joined(REGION_ALPHABET, &picks);
        same(Rule::region_root, &text);
        same(Rule::signature_root, &text);
        same(Rule::body_start_root, &text);
    }
}
