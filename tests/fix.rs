//! `--fix` and `--diff`: certain fixes only, written in the file's own encoding, atomically;
//! applying twice changes nothing the second time.

use std::process::{Command, Output};

const SEED: &str = include_str!("../examples/chongqing-2024-11-28.md");

fn gazette(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

fn scratch(name: &str, bytes: &[u8]) -> (std::path::PathBuf, String) {
    let dir = std::env::temp_dir().join(format!("gazette-fix-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("page.md");
    std::fs::write(&path, bytes).unwrap();
    (dir, path.display().to_string())
}

/// The bytes outside the fixed places are the original bytes: compare line by line, ignoring
/// the lines a fix touched.
fn untouched_lines_equal(before: &[u8], after: &[u8], touched: &[&str]) {
    let b = String::from_utf8_lossy(before);
    let a = String::from_utf8_lossy(after);
    let keep = |l: &&str| !touched.iter().any(|t| l.contains(t));
    let bl: Vec<&str> = b.split_inclusive('\n').filter(keep).collect();
    let al: Vec<&str> = a.split_inclusive('\n').filter(keep).collect();
    assert_eq!(bl, al);
}

#[test]
fn diff_writes_nothing_and_exits_1_fix_writes_and_converges() {
    let (dir, path) = scratch("seed", SEED.as_bytes());
    let diff = gazette(&["check", "--isolated", "--diff", &path]);
    assert_eq!(diff.status.code(), Some(1));
    let text = String::from_utf8(diff.stdout).unwrap();
    assert!(text.contains("-[六届]第56号") && text.contains("+〔六届〕第56号"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        SEED,
        "--diff writes nothing"
    );

    let fixed = gazette(&["check", "--isolated", "--fix", &path]);
    assert_ne!(
        fixed.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&fixed.stderr)
    );
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("〔六届〕第56号") && !after.contains("[六届]"));
    // The problems that have no certain fix remain (the words lost in print).
    assert!(String::from_utf8_lossy(&fixed.stdout).contains("GZ003"));
    // A second run changes nothing.
    let again = gazette(&["check", "--isolated", "--diff", &path]);
    assert_eq!(
        again.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&again.stdout)
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_crlf_file_keeps_its_line_endings() {
    let crlf = SEED.replace('\n', "\r\n");
    let (dir, path) = scratch("crlf", crlf.as_bytes());
    gazette(&["check", "--isolated", "--fix", "--ignore", "GZ004", &path]);
    let after = std::fs::read(&path).unwrap();
    let text = String::from_utf8(after.clone()).unwrap();
    assert_eq!(text.matches("\r\n").count(), crlf.matches("\r\n").count());
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "no bare LF introduced"
    );
    untouched_lines_equal(crlf.as_bytes(), &after, &["六届]", "六届〕", "(", "（"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_gb18030_file_stays_gb18030() {
    let (gb, _, _) = encoding_rs::GB18030.encode(SEED);
    let (dir, path) = scratch("gb", &gb);
    gazette(&["check", "--isolated", "--fix", "--ignore", "GZ004", &path]);
    let after = std::fs::read(&path).unwrap();
    assert!(
        std::str::from_utf8(&after).is_err(),
        "still GB18030, not UTF-8"
    );
    let (decoded, _, bad) = encoding_rs::GB18030.decode(&after);
    assert!(!bad);
    assert!(decoded.contains("〔六届〕第58号"));
    untouched_lines_equal(
        SEED.as_bytes(),
        decoded.as_bytes(),
        &["六届]", "六届〕", "(", "（"],
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_file_changed_since_it_was_read_is_not_overwritten() {
    use gazette::check::Settings;
    let (dir, path) = scratch("race", SEED.as_bytes());
    let report = gazette::report::check_bytes(&path, SEED.as_bytes(), &Settings::default());
    let fixed = gazette::fix::fixed_text(&report).unwrap();
    std::fs::write(&path, "someone else's edit").unwrap();
    let r = gazette::fix::write_atomically(
        std::path::Path::new(&path),
        SEED.as_bytes(),
        fixed.as_bytes(),
    );
    assert!(r.is_err());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "someone else's edit"
    );
    std::fs::remove_dir_all(dir).unwrap();
}
