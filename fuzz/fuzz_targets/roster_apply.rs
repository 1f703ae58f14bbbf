//! roster bytes + notice bytes → `roster apply` as the CLI does it, asserting the promise of
//! issue 16: a roster is never written that the loader would refuse or read differently.
//!
//! Input: the roster (UTF-8 TOML), a NUL byte, then the notice page (any bytes).
//! 1. The roster rolled forward and written into the user's own document
//!    (`roster::edit::edit_in_place`) loads again, as the same entries — unless applying
//!    refused a change (`ApplyLog::refused`), in which case the CLI writes nothing.
//! 2. The same for `roster init` (`Roster::to_toml` of the roster applied to an empty one).
//! 3. Nothing panics on the way.
#![no_main]

use std::sync::Arc;

use gazette::check::Settings;
use gazette::report::check_all;
use gazette::roster::apply::apply;
use gazette::roster::edit::edit_in_place;
use gazette::roster::Roster;
use libfuzzer_sys::fuzz_target;

fn written_reads_back(text: &str, roster: &Roster, what: &str) {
    let body = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let back = Roster::from_toml("fuzz.toml", body)
        .unwrap_or_else(|e| panic!("{what}: the written roster does not load: {e}\n{text}"));
    assert!(
        back.same_entries(roster),
        "{what}: the written roster reads back differently\n{text}\n{back:?}\n{roster:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let Some(split) = data.iter().position(|&b| b == 0) else {
        return;
    };
    let Ok(roster_text) = std::str::from_utf8(&data[..split]) else {
        return;
    };
    let notice = data[split + 1..].to_vec();
    let body = roster_text.strip_prefix('\u{FEFF}').unwrap_or(roster_text);
    let Ok(before) = Roster::from_toml("fuzz.toml", body) else {
        return;
    };
    let settings = Settings {
        roster: Some(Arc::new(before.clone())),
        ..Settings::default()
    };
    let reports = check_all(vec![("fuzz.md".to_string(), notice.clone())], &settings);
    if reports.iter().any(|r| r.unreadable()) {
        return;
    }
    // `--force`: apply whatever could be read, errors or not.
    let mut after = before.clone();
    let log = apply(&mut after, &reports, &settings);
    if let Ok(edited) = edit_in_place(roster_text, &before, &after) {
        if log.refused.is_empty() {
            written_reads_back(&edited, &after, "apply");
        }
    }

    let fresh_settings = Settings::default();
    let reports = check_all(vec![("fuzz.md".to_string(), notice)], &fresh_settings);
    let mut init = Roster::default();
    let log = apply(&mut init, &reports, &fresh_settings);
    if log.refused.is_empty() {
        written_reads_back(&init.to_toml(), &init, "init");
    }
});
