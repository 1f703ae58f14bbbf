//! bytes → parse_document (when the bytes are UTF-8) and check_bytes (always).
//! The third argument of check_bytes is `&Default::default()` so that the target does not name
//! the settings type (it was renamed `Selection` → `Settings` while this was written).
//! Only panics, hangs and memory blow-ups are findings here; see `check_render` for invariants.
#![no_main]

use gazette::report::check_bytes;
use gazette::syntax::parse_document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_document(text);
    }
    let _ = check_bytes("fuzz.md", data, &Default::default());
});
