//! The page layer reads a page notice by notice: a byte search finds the lines that may start
//! a notice, and only there is pest asked for one step of the page rule. It must give exactly
//! the tree of the whole-page parse (`Rule::document` in one pest call), which is kept as
//! `parse_document_whole_page` for this comparison: on every file under `examples/`, on
//! generated pages, on hostile layouts and on random damage.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::process::Command;

use gazette::ast::{Block, Document, SyntaxContext};
use gazette::syntax::{parse_document, parse_document_whole_page};
use proptest::prelude::*;

const SEED: &str = include_str!("../examples/chongqing-2024-11-28.md");

mod common;
use common::example_files;

/// Both page layers give the same tree, compared as JSON (every node and span).
fn assert_same(what: &str, text: &str) {
    let new = serde_json::to_value(parse_document(text)).unwrap();
    let old = serde_json::to_value(parse_document_whole_page(text)).unwrap();
    if new != old {
        let (n, o) = (new.to_string(), old.to_string());
        let at = n
            .bytes()
            .zip(o.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(n.len().min(o.len()));
        let from = at.saturating_sub(300);
        let window = |s: &str| {
            let mut a = from.min(s.len());
            while !s.is_char_boundary(a) {
                a -= 1;
            }
            let mut b = (at + 300).min(s.len());
            while !s.is_char_boundary(b) {
                b += 1;
            }
            s[a..b].to_string()
        };
        panic!(
            "{what}: the page layers differ at JSON byte {at}\nnew: …{}…\nold: …{}…",
            window(&n),
            window(&o)
        );
    }
}

#[test]
fn every_example_file_parses_as_with_the_whole_page_rule() {
    let files = example_files();
    assert!(files.len() > 100, "examples/ found: {}", files.len());
    for path in files {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert_same(&path.display().to_string(), &text);
        // The same page with other line breaks.
        assert_same(
            &format!("{} (CRLF)", path.display()),
            &text.replace('\n', "\r\n"),
        );
        assert_same(
            &format!("{} (CR)", path.display()),
            &text.replace('\n', "\r"),
        );
    }
}

#[test]
fn generated_pages_parse_as_with_the_whole_page_rule() {
    for page in corpus::pages(7, 60) {
        assert_same(&page.name, &page.text);
    }
    // Pages concatenated: notices of one page run into the next (plain-text lists).
    assert_same("single file", &corpus::single_file(11, 300_000));
}

#[test]
fn hostile_layouts_parse_as_with_the_whole_page_rule() {
    let header = "## 重庆市人民代表大会常务委员会公告\n\n〔六届〕第56号\n\n";
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("blank lines", "\n\n\r\n\r\r\n \n".into()),
        ("no final line break", SEED.trim_end().into()),
        ("header repeated", header.repeat(200)),
        (
            "header without line break at the end",
            "重庆市人民代表大会常务委员会公告".into(),
        ),
        (
            "常委会 in news text",
            "全国人大常委会委员长会议在京举行。\n省人大常委会召开党组会议\n重庆市人民代表大会常务委员会\n\n"
                .repeat(30),
        ),
        (
            "spaced 公 告 after the issuer",
            "天水市人民代表大会常务委员会\n\n公  告\n\n第1号\n\n天水市第十八届人民代表大会常务委员会第十二次会议决定：\n".into(),
        ),
        (
            "press lead without a header",
            "新华社北京8月31日电\n\n今天的新闻。\n（授权发布）\n新华社北京8月31日电 正文\n".into(),
        ),
        (
            "press leads above a header",
            format!("（授权发布）\n\n新华社北京8月31日电\n\n{header}张三为某院院长。\n"),
        ),
        (
            "closing block straddling a press line",
            format!("{header}张三为某院院长。\n\n重庆市人民代表大会常务委员会\n新华社北京8月31日电\n2024年11月28日\n"),
        ),
        (
            "header words split by line breaks",
            "重庆市人民代表大会常务\n委员会公告\n常委\r会公告\r\n常务委员会\r\r公告\n".into(),
        ),
        ("lone CR inside the seed page", SEED.replacen('\n', "\r", 40)),
        ("a 1 MB line", "常委会".repeat(350_000)),
        (
            "fuzz input",
            String::from_utf8_lossy(include_bytes!(
                "data/fuzz/check_render-unclosed-brackets.md"
            ))
            .into_owned(),
        ),
    ];
    for (what, text) in cases {
        assert_same(what, &text);
    }
}

/// Characters that make headers, press lines and line breaks likely.
fn page_char() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(SEED.chars().collect::<Vec<_>>()).prop_map(String::from),
        2 => proptest::sample::select(vec![
            "\n", "\r", "\r\n", "\n\n", " ", "\u{3000}", "## ", "# ", "常委会", "常务委员会", "公告",
            "公 告", "任免名单", "新华社", "北京8月31日电", "（授权发布）", "〔六届〕第56号",
            "重庆市人民代表大会常务委员会", "2024年11月28日", "第1号",
        ])
        .prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn random_pages_parse_as_with_the_whole_page_rule(
        parts in proptest::collection::vec(page_char(), 0..200)
    ) {
        assert_same("random page", &parts.concat());
    }

    #[test]
    fn damaged_seed_pages_parse_as_with_the_whole_page_rule(
        cuts in proptest::collection::vec((0usize..SEED.len(), page_char()), 1..12)
    ) {
        let mut text = SEED.to_string();
        for (at, insert) in cuts {
            let mut at = at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            text.insert_str(at, &insert);
        }
        assert_same("damaged seed page", &text);
    }
}

/// With a call limit so low that no notice can be read, the notices' text stays in the tree as
/// opaque blocks, each reported (GZ003), and the rest of the page is still read. The limit is
/// process-wide, so this runs in a child process of this test binary.
#[test]
fn a_notice_over_the_call_limit_keeps_its_text() {
    if std::env::var_os("GAZETTE_PAGE_LAYER_CHILD").is_some() {
        // Let the library install its limit first, then lower it.
        parse_document("");
        pest::set_call_limit(std::num::NonZeroUsize::new(300));
        let text = format!("今天的新闻。\n\n{SEED}");
        let doc = parse_document(&text);
        assert_tiles(&text, &doc);
        assert_eq!(doc.notices().count(), 0);
        assert!(!doc.problems.is_empty());
        for p in &doc.problems {
            assert_eq!(p.context, SyntaxContext::Document);
            // The reported text is inside an opaque block, not dropped.
            assert!(doc.blocks.iter().any(|b| matches!(b, Block::Opaque(o)
                if o.span.start <= p.span.start && p.span.end <= o.span.end)));
            let first_line = text[p.span.start..].lines().next().unwrap();
            assert!(
                ["常务委员会", "常委会", "新华社", "授权发布", "关于"]
                    .iter()
                    .any(|w| first_line.contains(w)),
                "a problem starts at a line that may start a notice: {first_line}"
            );
        }
        // The first notice's header is reported.
        assert!(doc
            .problems
            .iter()
            .any(|p| text[p.span.start..].starts_with("## 重庆市人民代表大会常务委员会公告")));
        let whole = gazette::report::check_bytes("limit.md", text.as_bytes(), &Default::default());
        assert!(whole.findings().any(|d| d.code == "GZ003"));
        return;
    }
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "a_notice_over_the_call_limit_keeps_its_text",
            "--nocapture",
        ])
        .env("GAZETTE_PAGE_LAYER_CHILD", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "child failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("1 passed"));
}

fn assert_tiles(text: &str, doc: &Document) {
    let mut at = 0;
    for block in &doc.blocks {
        assert_eq!(block.span().start, at, "blocks must be contiguous");
        assert!(block.span().end > at, "no empty block");
        at = block.span().end;
    }
    assert_eq!(at, text.len(), "blocks cover the input");
}
