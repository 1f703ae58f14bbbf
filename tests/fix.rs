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
    let r = gazette::fix::write_fixed(
        std::path::Path::new(&path),
        SEED.as_bytes(),
        fixed.as_bytes(),
        Default::default(),
    );
    assert!(r.is_err());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "someone else's edit"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

/// The seed with a fix that reveals another: 「(」「)」 become 「（」「）」, and only then is the
/// 「;」 after 「）」 seen as a clause's end.
fn two_step_seed() -> String {
    let t = SEED.replacen("代表资格有效。\n", "代表资格有效。(草案 7.2);\n", 1);
    assert_ne!(t, SEED);
    t
}

#[test]
fn fix_reaches_the_fixed_point_in_one_run() {
    let (dir, path) = scratch("fixpoint", two_step_seed().as_bytes());
    let fixed = gazette(&["check", "--isolated", "--fix", &path]);
    assert_ne!(fixed.status.code(), Some(2));
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(
        after.contains("代表资格有效。（草案 7.2）；"),
        "one run fixes both"
    );
    let again = gazette(&["check", "--isolated", "--diff", &path]);
    assert_eq!(again.status.code(), Some(0));
    // --diff shows the same fixed point, in one diff.
    let (dir2, path2) = scratch("fixpoint-diff", two_step_seed().as_bytes());
    let diff = gazette(&["check", "--isolated", "--diff", &path2]);
    assert!(
        String::from_utf8_lossy(&diff.stdout).contains("+重庆市"),
        "a diff is printed"
    );
    assert!(String::from_utf8_lossy(&diff.stdout).contains("（草案 7.2）；"));
    std::fs::remove_dir_all(dir).unwrap();
    std::fs::remove_dir_all(dir2).unwrap();
}

#[test]
fn a_fix_that_never_settles_is_an_internal_error_and_is_not_applied() {
    use gazette::check::Settings;
    use gazette::diagnostic::{Edit, Fix, Message};
    let settings = Settings::default();
    // A checker whose every pass offers to flip the first character: a → b → a → …
    let flip = |inputs: Vec<(String, Vec<u8>)>| {
        let mut reports = gazette::report::check_all(inputs, &settings);
        for r in &mut reports {
            let mut d = r
                .diagnostics
                .first()
                .cloned()
                .expect("the seed has findings");
            let to = if r.source.starts_with('a') { "b" } else { "a" };
            d.severity = gazette::diagnostic::Severity::Error;
            d.fix = Some(Box::new(Fix {
                description: Message {
                    zh: "翻转".into(),
                    en: "flip".into(),
                },
                edits: vec![Edit {
                    span: gazette::ast::Span { start: 0, end: 1 },
                    replacement: to.into(),
                }],
            }));
            r.diagnostics.push(d);
        }
        reports
    };
    let input = format!("a{SEED}");
    let run =
        gazette::fix::fix_run_with(vec![("loop.md".into(), input.clone().into_bytes())], &flip);
    assert_eq!(run.passes, gazette::fix::MAX_PASSES);
    assert_eq!(run.errors.len(), 1);
    assert!(
        run.errors[0].1.contains("internal error"),
        "{}",
        run.errors[0].1
    );
    assert_eq!(
        run.bytes[0],
        input.as_bytes(),
        "the looping file keeps its bytes"
    );
}

#[test]
fn gb18030_bytes_outside_the_fixes_are_kept_byte_for_byte() {
    // 0x80 decodes to € but € encodes as A2 E3: re-encoding the whole text would change it.
    let (mut gb, _, _) = encoding_rs::GB18030.encode(SEED);
    let mut bytes = b"\x80 ".to_vec();
    bytes.extend_from_slice(&gb.to_mut()[..]);
    let (dir, path) = scratch("gb80", &bytes);
    gazette(&["check", "--isolated", "--fix", "--ignore", "GZ004", &path]);
    let after = std::fs::read(&path).unwrap();
    assert!(after.starts_with(b"\x80 "), "{:?}", &after[..4]);
    let (decoded, _, bad) = encoding_rs::GB18030.decode(&after);
    assert!(!bad);
    assert!(decoded.contains("〔六届〕第58号"));
    // Every byte outside the fixed lines is the original's.
    let (before_text, _, _) = encoding_rs::GB18030.decode(&bytes);
    untouched_lines_equal(
        before_text.as_bytes(),
        decoded.as_bytes(),
        &["六届]", "六届〕", "(", "（", "；", "。"],
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symlink_is_fixed_through_to_its_target_and_stays_a_link() {
    let (dir, real) = scratch("symlink", SEED.as_bytes());
    let link = dir.join("link.md");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = gazette(&["check", "--isolated", "--fix", link.to_str().unwrap()]);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .contains("〔六届〕第56号"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_hard_linked_file_keeps_its_links() {
    let (dir, path) = scratch("hardlink", SEED.as_bytes());
    let other = dir.join("other-name.md");
    std::fs::hard_link(&path, &other).unwrap();
    gazette(&["check", "--isolated", "--fix", &path]);
    let through_other = std::fs::read_to_string(&other).unwrap();
    assert!(
        through_other.contains("〔六届〕第56号"),
        "both names see the fix"
    );
    assert_eq!(through_other, std::fs::read_to_string(&path).unwrap());
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_read_only_file_is_refused_unless_forced_and_other_files_are_still_reported() {
    let (dir, ro) = scratch("readonly", SEED.as_bytes());
    let rw = dir.join("writable.md");
    std::fs::write(&rw, SEED).unwrap();
    let mut perms = std::fs::metadata(&ro).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&ro, perms).unwrap();
    let out = gazette(&[
        "check",
        "--isolated",
        "--format",
        "concise",
        "--fix",
        &ro,
        rw.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("read-only") && stderr.contains("page.md"),
        "{stderr}"
    );
    assert!(
        stderr.contains("（1 个文件）"),
        "counted honestly: {stderr}"
    );
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), SEED, "left alone");
    assert!(std::fs::read_to_string(&rw)
        .unwrap()
        .contains("〔六届〕第56号"));
    // The findings of both files are printed: the unfixed one still has its GZ101.
    assert!(
        stdout.contains("page.md:") && stdout.contains("GZ101"),
        "{stdout}"
    );
    assert!(stdout.contains("writable.md:"), "{stdout}");

    let forced = gazette(&["check", "--isolated", "--fix", "--force-write", &ro]);
    assert_ne!(
        forced.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&forced.stderr)
    );
    assert!(std::fs::read_to_string(&ro)
        .unwrap()
        .contains("〔六届〕第56号"));
    assert!(
        std::fs::metadata(&ro).unwrap().permissions().readonly(),
        "stays read-only"
    );
    let mut perms = std::fs::metadata(&ro).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&ro, perms).unwrap();
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_file_named_twice_or_inside_a_named_directory_is_fixed_once() {
    let (dir, path) = scratch("twice", SEED.as_bytes());
    let out = gazette(&[
        "check",
        "--isolated",
        "--format",
        "json",
        "--fix",
        &path,
        &path,
        dir.to_str().unwrap(),
    ]);
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("（1 个文件）"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["files"], 1, "{json}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_fixed() {
    use std::os::unix::ffi::OsStrExt;
    let (dir, _) = scratch("osname", b"");
    let name = std::ffi::OsStr::from_bytes(b"page-\xFF.md");
    let path = dir.join(name);
    std::fs::write(&path, SEED).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(["check", "--isolated", "--fix"])
        .arg(&path)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read_to_string(&path)
        .unwrap()
        .contains("〔六届〕第56号"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn diff_reports_unreadable_files_and_exits_2() {
    let (dir, path) = scratch("diff-missing", SEED.as_bytes());
    let missing = dir.join("missing.md");
    let out = gazette(&[
        "check",
        "--isolated",
        "--diff",
        &path,
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.md"));
    let big = dir.join("big.md");
    std::fs::write(&big, vec![b'a'; 2 * 1024 * 1024]).unwrap();
    let out = gazette(&[
        "check",
        "--isolated",
        "--diff",
        "--max-file-size",
        "1",
        big.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("big.md"));
    let bad = dir.join("bad.md");
    std::fs::write(&bad, b"\x00\x01binary").unwrap();
    let out = gazette(&["check", "--isolated", "--diff", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(dir).unwrap();
}
