//! Properties that hold for any input: parse + check never panic; every reported range lies on
//! char boundaries inside the text; the top-level blocks tile the input; and every printed
//! (non-blank) byte of a notice belongs to some node of it — nothing is dropped silently.

use gazette::ast::{Block, Document};
use gazette::check::Settings;
use gazette::report::check_bytes;
use gazette::syntax::parse_document;
use proptest::prelude::*;
use serde_json::Value;

const SEED: &str = include_str!("../examples/chongqing-2024-11-28.md");

/// Every `{start, end}` object in a JSON tree.
fn spans(v: &Value, out: &mut Vec<(usize, usize)>) {
    match v {
        Value::Object(map) => {
            if let (Some(Value::Number(s)), Some(Value::Number(e)), 2) =
                (map.get("start"), map.get("end"), map.len())
            {
                out.push((s.as_u64().unwrap() as usize, e.as_u64().unwrap() as usize));
            }
            map.values().for_each(|v| spans(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| spans(v, out)),
        _ => {}
    }
}

fn assert_tree_invariants(text: &str, doc: &Document) {
    // Blocks tile the input exactly.
    let mut at = 0;
    for block in &doc.blocks {
        let s = block.span();
        assert_eq!(s.start, at, "blocks must be contiguous");
        assert!(s.end > s.start, "no empty block");
        at = s.end;
    }
    assert_eq!(at, text.len(), "blocks must cover the whole input");

    for block in &doc.blocks {
        let Block::Notice(notice) = block else {
            continue;
        };
        let value = serde_json::to_value(notice).unwrap();
        let mut all = Vec::new();
        spans(&value, &mut all);
        for &(s, e) in &all {
            assert!(s <= e && e <= text.len(), "span out of range: {s}..{e}");
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            assert!(
                notice.span.start <= s && e <= notice.span.end,
                "a node outside its notice"
            );
        }
        // Nothing dropped: every printed character of the notice is inside a node other than
        // the notice itself.
        let inner: Vec<(usize, usize)> = all
            .into_iter()
            .filter(|&(s, e)| (s, e) != (notice.span.start, notice.span.end))
            .collect();
        for (i, c) in text[notice.span.start..notice.span.end].char_indices() {
            if c.is_whitespace() {
                continue;
            }
            let b = notice.span.start + i;
            assert!(
                inner.iter().any(|&(s, e)| s <= b && b < e),
                "character {c:?} at byte {b} belongs to no node"
            );
        }
    }
}

fn assert_report_invariants(text: &str) {
    let report = check_bytes("prop.md", text.as_bytes(), &Settings::default());
    let src = &report.source;
    let ok = |s: usize, e: usize| {
        s <= e && e <= src.len() && src.is_char_boundary(s) && src.is_char_boundary(e)
    };
    for d in &report.diagnostics {
        assert!(ok(d.span.start, d.span.end), "{} at {:?}", d.code, d.span);
        for l in &d.labels {
            assert!(
                ok(l.span.start, l.span.end),
                "{} label {:?}",
                d.code,
                l.span
            );
        }
        for edit in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(
                ok(edit.span.start, edit.span.end),
                "{} edit {:?}",
                d.code,
                edit.span
            );
        }
    }
    // Rendering never panics either.
    let _ = gazette::render::json::render(std::slice::from_ref(&report), Default::default());
    let _ = gazette::render::human::render(
        std::slice::from_ref(&report),
        &gazette::render::human::Options {
            lang: Default::default(),
            color: false,
            show_notes: true,
        },
    );
}

/// Characters that make notices: the seed's own, brackets, separators, marks, line breaks.
fn notice_char() -> impl Strategy<Value = char> {
    let seed_chars: Vec<char> = {
        let mut v: Vec<char> = SEED.chars().collect();
        v.sort();
        v.dedup();
        v
    };
    prop_oneof![
        8 => proptest::sample::select(seed_chars),
        1 => proptest::sample::select(vec!['\n', '\r', ' ', '\u{3000}', '#', '𠇔', '\u{200B}', '(', ')', '（', '）', '〔', '〕', '[', ']']),
        1 => any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_strings(text in "\\PC{0,200}") {
        let doc = parse_document(&text);
        assert_tree_invariants(&text, &doc);
        assert_report_invariants(&text);
    }

    #[test]
    fn strings_of_notice_characters(chars in proptest::collection::vec(notice_char(), 0..300)) {
        let text: String = chars.into_iter().collect();
        let doc = parse_document(&text);
        assert_tree_invariants(&text, &doc);
        assert_report_invariants(&text);
    }

    /// The seed page with a piece cut out and something else put in: the damage real drafts
    /// suffer (dropped text, pasted fragments).
    #[test]
    fn damaged_seed_pages(
        cut_at in 0usize..SEED.len(),
        cut_len in 0usize..400,
        insert in proptest::collection::vec(notice_char(), 0..40),
    ) {
        let mut start = cut_at.min(SEED.len());
        while !SEED.is_char_boundary(start) { start -= 1; }
        let mut end = (start + cut_len).min(SEED.len());
        while !SEED.is_char_boundary(end) { end -= 1; }
        let insert: String = insert.into_iter().collect();
        let text = format!("{}{}{}", &SEED[..start], insert, &SEED[end..]);
        let doc = parse_document(&text);
        assert_tree_invariants(&text, &doc);
        assert_report_invariants(&text);
    }
}

#[test]
fn the_seed_page_itself_satisfies_the_invariants() {
    let doc = parse_document(SEED);
    assert_tree_invariants(SEED, &doc);
    assert_report_invariants(SEED);
}
