//! Generates the pest parser of `grammar/notice.pest` (what `#[derive(Parser)]` would expand
//! to) into `$OUT_DIR/notice_parser.rs`, with the rules of [`HAND_WRITTEN`] read by
//! hand-written recognisers (src/syntax/hand.rs): each generated rule is kept, renamed
//! `<rule>_grammar`, and the rule itself becomes a call to the recogniser, which is handed the
//! grammar's function for the differential tests (tests/hand_rules.rs).

use std::{env, fs, path::Path};

/// The rules read by hand: the costliest token runs of the grammar (names, regions of
/// congresses, posts, numerals).
const HAND_WRITTEN: &[&str] = &[
    "plain_name",
    "dotted_name",
    "region",
    "post",
    "arabic_numeral",
    "chinese_numeral",
    "line_may_head",
];

fn main() {
    println!("cargo:rerun-if-changed=grammar/notice.pest");
    println!("cargo:rerun-if-changed=build.rs");
    let input: proc_macro2::TokenStream =
        r#"#[grammar = "grammar/notice.pest"] pub struct NoticeParser;"#
            .parse()
            .expect("the derive input is Rust");
    let mut code = pest_generator::derive_parser(input, false).to_string();
    for rule in HAND_WRITTEN {
        let generated = format!("pub fn r#{rule} (");
        assert_eq!(
            code.matches(&generated).count(),
            1,
            "the generated parser has no single function for rule {rule}"
        );
        let hand = format!(
            "pub fn r#{rule} (state : :: alloc :: boxed :: Box < :: pest :: ParserState < '_ , Rule > >) \
             -> :: pest :: ParseResult < :: alloc :: boxed :: Box < :: pest :: ParserState < '_ , Rule > > > \
             {{ crate :: syntax :: hand :: {rule} (state , r#{rule}_grammar) }} \
             #[inline] #[allow(non_snake_case, unused_variables)] pub fn r#{rule}_grammar ("
        );
        code = code.replace(&generated, &hand);
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("notice_parser.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
