//! bytes → `--fix` as the CLI does it (`fix::fix_run`, passes to a fixed point), asserting:
//! 1. fixing converges within `fix::MAX_PASSES` (no internal error) and never fails on a
//!    decodable file;
//! 2. the fixed bytes, checked again, leave no fixable finding (a second `--fix` would change
//!    nothing);
//! 3. the fixed bytes decode in the encoding the input was read in;
//! 4. nothing panics on the way.
#![no_main]

use gazette::check::Settings;
use gazette::fix::{chosen_edits, fix_run};
use gazette::report::check_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let settings = Settings::default();
    let run = fix_run(vec![("fuzz.md".to_string(), data.to_vec())], &settings);
    let first = &run.first()[0];
    if first.unreadable() {
        return;
    }
    assert!(run.errors.is_empty(), "fixing failed: {:?}", run.errors);
    let again = check_bytes("fuzz.md", &run.bytes[0], &settings);
    assert_eq!(
        again.encoding, first.encoding,
        "the fixed file is read in another encoding"
    );
    let left: Vec<_> = chosen_edits(&again)
        .iter()
        .map(|e| (e.span, e.replacement.clone()))
        .collect();
    assert!(left.is_empty(), "fixable findings remain after fixing: {left:?}");
});
