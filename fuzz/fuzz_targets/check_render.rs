//! bytes → check_bytes → json and human renderers (zh and en), asserting:
//! 1. every diagnostic span, label span and fix-edit span lies within `report.source`
//!    (start <= end <= len) and on char boundaries;
//! 2. the top-level `report.document.blocks` tile `[0, report.source.len())`: contiguous,
//!    each non-empty, covering the whole source (for decodable input; undecodable input,
//!    GZ001, has no blocks by design);
//! 3. the JSON output parses as JSON.
#![no_main]

use gazette::ast::Span;
use gazette::diagnostic::Lang;
use gazette::render;
use gazette::report::check_bytes;
use libfuzzer_sys::fuzz_target;

fn in_source(src: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= src.len()
        && src.is_char_boundary(s.start)
        && src.is_char_boundary(s.end)
}

fn tiles(blocks: &[gazette::ast::Block], len: usize) {
    let mut at = 0;
    for (i, b) in blocks.iter().enumerate() {
        let s = b.span();
        assert_eq!(s.start, at, "block {i} {s:?} not contiguous (expected start {at})");
        assert!(s.end > s.start, "block {i} {s:?} is empty");
        at = s.end;
    }
    assert_eq!(at, len, "blocks cover [0, {at}) but the source has {len} bytes");
}

fuzz_target!(|data: &[u8]| {
    let report = check_bytes("fuzz.md", data, &Default::default());
    let src = &report.source;

    // 1. Diagnostic spans.
    for d in &report.diagnostics {
        assert!(
            in_source(src, d.span),
            "{} span {:?} outside source of {} bytes",
            d.code,
            d.span,
            src.len()
        );
        for l in &d.labels {
            assert!(
                in_source(src, l.span),
                "{} label span {:?} outside source of {} bytes",
                d.code,
                l.span,
                src.len()
            );
        }
        for e in d.fix.iter().flat_map(|f| &f.edits) {
            assert!(
                in_source(src, e.span),
                "{} fix edit span {:?} outside source of {} bytes",
                d.code,
                e.span,
                src.len()
            );
        }
    }

    // 2. Blocks tile the source. Undecodable input (GZ001, `encoding == None`) is by design
    //    not parsed: `source` keeps the valid prefix for context and `document` is the parse
    //    of "" (no blocks), so there the invariant is "no blocks" instead.
    if report.encoding.is_none() {
        assert!(
            report.document.blocks.is_empty(),
            "undecodable input has {} blocks",
            report.document.blocks.len()
        );
    } else {
        tiles(&report.document.blocks, src.len());
    }

    // 3. Renderers; JSON must parse.
    let reports = std::slice::from_ref(&report);
    for lang in [Lang::Zh, Lang::En] {
        let json = render::json::render(reports, lang);
        if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
            panic!("json render ({lang:?}) is not JSON: {e}");
        }
        let _ = render::human::render(
            reports,
            &render::human::Options {
                lang,
                color: false,
                show_notes: true,
            },
        );
    }
});
