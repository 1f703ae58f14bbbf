//! The roster end to end: the archive under `examples/roster/` (a starting roster and three
//! gazette pages in date order) is clean when checked in sequence; the roster rolled through
//! it says who is seated and who holds what; each page under `examples/roster/variants/` makes
//! exactly one roster rule fire; the seed page against a roster; and the `roster` commands as a
//! clerk runs them (exit codes, files written or left alone, errors with a place).

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use gazette::check::Settings;
use gazette::diagnostic::{Lang, Severity};
use gazette::render::human;
use gazette::report::{check_all, check_bytes, FileReport};
use gazette::report::{check_sequentially, pages};
use gazette::roster::apply::apply;
use gazette::roster::Roster;

const ROSTER: &str = "examples/roster/roster.toml";
const PAGES: [&str; 3] = [
    "examples/roster/pages/2025-01-10.md",
    "examples/roster/pages/2025-03-20.md",
    "examples/roster/pages/2025-05-29.md",
];
const SEED: &str = "examples/chongqing-2024-11-28.md";
const CONGRESS: &str = "重庆市人民代表大会";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn text(rel: &str) -> String {
    String::from_utf8(read(rel)).unwrap()
}

fn starting_roster() -> Roster {
    Roster::from_toml(ROSTER, &text(ROSTER)).unwrap()
}

fn with(roster: Roster) -> Settings {
    Settings {
        roster: Some(Arc::new(roster)),
        ..Settings::default()
    }
}

/// A roster of the seed's congress with only a count.
fn seated(n: u32) -> String {
    format!("[[congress]]\nname = \"重庆市第六届人民代表大会\"\nseated = {n}\n")
}

/// Every diagnostic of the reports, findings and notes, one per line, for assertion messages.
fn listing(reports: &[FileReport]) -> String {
    reports
        .iter()
        .flat_map(|r| {
            r.diagnostics.iter().map(move |d| {
                let p = r.line_index.position(&r.source, d.span.start);
                format!(
                    "{}:{}:{} {} {:?} {}",
                    r.path, p.line, p.column, d.code, d.severity, d.message.zh
                )
            })
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// What `check --sequential` does, through the library: each page checked against the roster
/// as it stood after the pages before it, then applied to it.
fn sequentially(roster: Roster) -> (Vec<FileReport>, Roster) {
    let inputs = PAGES.iter().map(|p| (p.to_string(), read(p))).collect();
    let sequence = check_sequentially(inputs, &with(roster));
    assert!(sequence.skipped.is_empty(), "{:?}", sequence.skipped);
    assert!(sequence.warnings.is_empty(), "{:?}", sequence.warnings);
    (sequence.reports, sequence.roster)
}

fn gazette_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gazette"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run gazette")
}

fn gazette(args: &[&str]) -> Output {
    gazette_in(root(), args)
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

// ───────────────────────────── the archive ─────────────────────────────

#[test]
fn the_archive_in_sequence_is_clean() {
    let (reports, _) = sequentially(starting_roster());
    let found: Vec<&str> = reports
        .iter()
        .flat_map(|r| r.findings().map(|d| d.code))
        .collect();
    assert!(found.is_empty(), "found:\n{}", listing(&reports));
    // Every page was read whole: no GZ003, and each page's notices are there.
    let notices: Vec<usize> = reports
        .iter()
        .map(|r| r.document.notices().count())
        .collect();
    assert_eq!(notices, [2, 2, 1]);
}

#[test]
fn the_archive_in_sequence_is_clean_on_the_command_line() {
    let out = gazette(&[
        "check",
        "--isolated",
        "--format",
        "json",
        "--roster",
        ROSTER,
        "--sequential",
        "examples/roster/pages",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files = v["files"].as_array().unwrap();
    let paths: Vec<&str> = files.iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, PAGES, "pages are taken in file-name (date) order");
    for f in files {
        assert_eq!(f["diagnostics"].as_array().unwrap().len(), 0, "{f:#}");
    }
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn the_roster_rolled_through_the_archive() {
    let (_, after) = sequentially(starting_roster());
    let c = after.congress(CONGRESS, Some(6)).unwrap();
    assert_eq!(c.seated, Some(12), "12 − 1 (赵明辉) + 1 (马晓东)");
    assert_eq!(c.last_notice, Some(75));
    assert!(c.complete(), "12 names for 12 seats: {:?}", c.deputies);
    assert_eq!(c.is_deputy("马晓东"), Some(true), "the by-elected deputy");
    assert_eq!(c.is_deputy("赵明辉"), Some(false), "the one who resigned");
    // 赵明辉's standing-committee post ended with the mandate; 李国强 resigned as 副市长.
    assert_eq!(after.offices_of("赵明辉").count(), 0);
    assert!(after.holders("重庆市人民政府副市长", "重庆市").is_none());
    assert!(after.holds("马晓东", "重庆市人民代表大会财政经济委员会委员", "重庆市"));
    // The judge transferred: the new post is there, the old one is not.
    assert!(after.holds("郑立军", "重庆市高级人民法院副院长", "重庆市"));
    assert!(!after.holds("郑立军", "重庆市第二中级人民法院院长", "重庆市"));
    assert_eq!(
        after
            .holders("重庆市第二中级人民法院院长", "重庆市")
            .unwrap()[0]
            .holder,
        "孙建华"
    );
    // The district chief procurator the roster named is gone, and nobody else holds it.
    assert!(after
        .holders("重庆市渝北区人民检察院检察长", "重庆市")
        .is_none());

    // Applying the three pages at once comes to the same roster as page by page.
    let mut at_once = starting_roster();
    let settings = with(starting_roster());
    let inputs = PAGES.iter().map(|p| (p.to_string(), read(p))).collect();
    let reports = check_all(inputs, &settings);
    assert!(
        reports.iter().all(|r| r.findings().count() == 0),
        "{}",
        listing(&reports)
    );
    apply(&mut at_once, &pages(&reports, &settings));
    assert_eq!(at_once, after);

    // What is written reads back as the same roster.
    let written = after.to_toml();
    assert_eq!(Roster::from_toml(ROSTER, &written).unwrap(), after);
    insta::assert_snapshot!("rolled_forward", written);
}

// ───────────────────────────── the variants ─────────────────────────────

#[test]
fn each_variant_reports_exactly_its_rule() {
    let cases = [
        ("wrong-total", "GZ201", Severity::Error),
        ("unheld-post", "GZ310", Severity::Error),
        ("not-a-deputy", "GZ311", Severity::Error),
        ("transfer-keeps-post", "GZ309", Severity::Warning),
        ("holder-stays", "GZ308", Severity::Error),
        ("posts-not-ended", "GZ204", Severity::Warning),
    ];
    let mut files: Vec<String> = std::fs::read_dir(root().join("examples/roster/variants"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut expected: Vec<String> = cases.iter().map(|(n, _, _)| format!("{n}.md")).collect();
    expected.sort();
    assert_eq!(files, expected, "every variant is tested, and only those");

    let settings = with(starting_roster());
    for (name, code, severity) in cases {
        let path = format!("examples/roster/variants/{name}.md");
        let report = check_bytes(&path, &read(&path), &settings);
        let reports = [report];
        let found: Vec<(&str, Severity)> = reports[0]
            .findings()
            .map(|d| (d.code, d.severity))
            .collect();
        assert_eq!(found, [(code, severity)], "{path}:\n{}", listing(&reports));
        // Without the roster the page is clean: the finding is the roster's doing.
        let alone = check_bytes(&path, &read(&path), &Settings::default());
        assert_eq!(
            alone.findings().count(),
            0,
            "{path} without a roster:\n{}",
            listing(std::slice::from_ref(&alone))
        );
        let text = human::render(
            &reports,
            &human::Options {
                lang: Lang::Zh,
                color: false,
                show_notes: false,
            },
        );
        assert!(text.contains(&format!("位置：{path}:")), "{text}");
        assert!(text.contains(&format!("名册 {ROSTER}")), "{text}");
        insta::assert_snapshot!(format!("variant_{name}"), text);
    }
}

// ───────────────────────────── the seed page ─────────────────────────────

#[test]
fn the_seed_against_a_roster_count() {
    let check = |n: u32| {
        let roster = Roster::from_toml("seated.toml", &seated(n)).unwrap();
        check_bytes(SEED, &read(SEED), &with(roster))
    };
    // 854 + 3 − 5 − 1 − 5 = 846, as printed: nothing at all about the total.
    let right = check(854);
    let gz201: Vec<String> = right
        .diagnostics
        .iter()
        .filter(|d| d.code == "GZ201")
        .map(|d| d.message.zh.to_string())
        .collect();
    assert!(gz201.is_empty(), "{gz201:?}");

    let wrong = check(855);
    let gz201: Vec<_> = wrong
        .diagnostics
        .iter()
        .filter(|d| d.code == "GZ201")
        .collect();
    assert_eq!(gz201.len(), 1, "{}", listing(std::slice::from_ref(&wrong)));
    assert_eq!(gz201[0].severity, Severity::Error);
    assert!(
        gz201[0].message.zh.contains("855 + 3 − 5 − 1 − 5 = 847"),
        "{}",
        gz201[0].message.zh
    );
    assert!(gz201[0].message.zh.contains("名册 seated.toml"));
}

#[test]
fn roster_apply_to_the_seed_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.toml");
    let original = seated(854);
    std::fs::write(&path, &original).unwrap();
    let p = path.to_str().unwrap();

    // The seed has an error (GZ003): nothing is written without --force.
    let out = gazette(&["roster", "apply", "--isolated", "--roster", p, SEED]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert!(stderr(&out).contains("GZ003"), "the findings are shown");
    assert_eq!(stdout(&out), "", "standard output is for the roster alone");
    assert_eq!(std::fs::read(&path).unwrap(), original.as_bytes());

    let out = gazette(&[
        "roster",
        "apply",
        "--isolated",
        "--force",
        "--roster",
        p,
        SEED,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The clause the grammar could not read is reported as skipped.
    assert!(stderr(&out).contains("跳过 / skipped"), "{}", stderr(&out));
    let after = Roster::from_toml(p, &std::fs::read_to_string(&path).unwrap()).unwrap();
    let c = after.congress(CONGRESS, Some(6)).unwrap();
    assert_eq!(c.seated, Some(846));
    assert_eq!(c.last_notice, Some(64));
    for name in ["蒋德阳", "吴凯"] {
        assert_eq!(c.is_deputy(name), Some(true), "{name}: {:?}", c.deputies);
    }
    let vice_mayors: Vec<&str> = after
        .holders("重庆市人民政府副市长", "重庆市")
        .unwrap()
        .iter()
        .map(|o| o.holder.as_str())
        .collect();
    assert_eq!(vice_mayors, ["姜国杰"]);
}

// ───────────────────────────── the commands ─────────────────────────────

#[test]
fn roster_apply_dry_run_prints_a_diff_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.toml");
    let original = read(ROSTER);
    std::fs::write(&path, &original).unwrap();
    let p = path.to_str().unwrap();
    let out = gazette(&[
        "roster",
        "apply",
        "--isolated",
        "--dry-run",
        "--roster",
        p,
        "examples/roster/pages",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let diff = stdout(&out);
    let name = p.trim_start_matches('/');
    assert!(
        diff.starts_with(&format!("--- a/{name}\n+++ b/{name}\n")),
        "{diff}"
    );
    assert!(diff.contains("\n@@ "), "{diff}");
    assert!(diff.contains("\n+last_notice = 75\n"), "{diff}");
    assert!(diff.contains("\n+holder = \"孙建华\"\n"), "{diff}");
    assert!(diff.contains("\n-holder = \"何建平\"\n"), "{diff}");
    assert_eq!(std::fs::read(&path).unwrap(), original);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn roster_apply_output_writes_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.toml");
    let other = dir.path().join("other.toml");
    let original = read(ROSTER);
    std::fs::write(&path, &original).unwrap();
    let out = gazette(&[
        "roster",
        "apply",
        "--isolated",
        "--roster",
        path.to_str().unwrap(),
        "--output",
        other.to_str().unwrap(),
        "examples/roster/pages",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("other.toml"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), original);
    let written = std::fs::read_to_string(&other).unwrap();
    // The same roster as rolled forward through the library (written into the user's own
    // layout, so compared as entries, not as text).
    let (_, expected) = sequentially(starting_roster());
    let back = Roster::from_toml("other.toml", &written).unwrap();
    assert!(back.same_entries(&expected), "{written}");
}

#[test]
fn roster_init_prints_and_never_overwrites() {
    let out = gazette(&["roster", "init", "--isolated", "examples/roster/pages"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let printed = stdout(&out);
    let roster = Roster::from_toml("<stdout>", &printed).unwrap();
    let c = roster.congress(CONGRESS, Some(6)).unwrap();
    // Without a starting roster the count is the last one printed; only the by-elected deputy
    // is known by name, so the list is not complete.
    assert_eq!(c.seated, Some(12));
    assert_eq!(c.deputies, ["马晓东"]);
    assert!(!c.complete());
    assert!(roster.holds("郑立军", "重庆市高级人民法院副院长", "重庆市"));

    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("roster.toml");
    std::fs::write(&existing, "# mine\n").unwrap();
    let out = gazette(&[
        "roster",
        "init",
        "--isolated",
        "--output",
        existing.to_str().unwrap(),
        "examples/roster/pages",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("roster apply"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "# mine\n");
}

#[test]
fn a_bad_roster_is_an_error_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let page = root().join(PAGES[0]);
    let page = page.to_str().unwrap();
    let cases = [
        // An unknown key: the key itself.
        (
            "[[congress]]\nname = \"重庆市第六届人民代表大会\"\nseatd = 3\n",
            "bad.toml:3:1",
            "seatd",
        ),
        // A wrong type: the value.
        (
            "[[congress]]\nname = \"重庆市第六届人民代表大会\"\nseated = \"many\"\n",
            "bad.toml:3:10",
            "many",
        ),
        // Not a post: the post.
        (
            "[[office]]\npost = \"重庆市人民政府\"\nholder = \"张三\"\n",
            "bad.toml:2:8",
            "不是可识别的职务",
        ),
    ];
    for (toml, place, what) in cases {
        std::fs::write(dir.path().join("bad.toml"), toml).unwrap();
        let out = gazette_in(
            dir.path(),
            &["check", "--isolated", "--roster", "bad.toml", page],
        );
        assert_eq!(out.status.code(), Some(2), "{toml}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("invalid roster {place}:")),
            "{place}:\n{err}"
        );
        assert!(err.contains(what), "{err}");
        assert!(
            stdout(&out).is_empty(),
            "nothing is checked: {}",
            stdout(&out)
        );
    }
    let out = gazette_in(
        dir.path(),
        &["check", "--isolated", "--roster", "missing.toml", page],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.toml"), "{}", stderr(&out));
}

/// A provincial list whose one odd post (「湖南省人民检察院检察」, a word lost in print) is
/// only a warning to the checker, but a post the roster loader refuses.
fn unreadable_post_list(dir: &Path) -> std::path::PathBuf {
    let page = text("examples/rules/gz304-silent-province.md").replace(
        "曹立新为湖南省人民检察院副检察长、检察委员会委员、检察员；",
        "曹立新为湖南省人民检察院检察；",
    );
    let path = dir.join("list.md");
    std::fs::write(&path, page).unwrap();
    path
}

#[test]
fn roster_apply_and_init_never_write_what_the_loader_refuses() {
    let dir = tempfile::tempdir().unwrap();
    let page = unreadable_post_list(dir.path());
    let check = gazette(&[
        "check",
        "--isolated",
        "--fail-on",
        "error",
        page.to_str().unwrap(),
    ]);
    assert_eq!(
        check.status.code(),
        Some(0),
        "warnings only: {}",
        stdout(&check)
    );
    let roster = dir.path().join("roster.toml");
    std::fs::write(&roster, "").unwrap();
    let out = gazette(&[
        "roster",
        "apply",
        "--isolated",
        "--roster",
        roster.to_str().unwrap(),
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("list.md:16") && stderr(&out).contains("湖南省人民检察院检察」"),
        "names the notice line: {}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&roster).unwrap(), b"", "nothing written");
    // The roster still loads.
    let check = gazette(&[
        "check",
        "--isolated",
        "--roster",
        roster.to_str().unwrap(),
        page.to_str().unwrap(),
    ]);
    assert_ne!(check.status.code(), Some(2), "{}", stderr(&check));

    let new = dir.path().join("new.toml");
    let out = gazette(&[
        "roster",
        "init",
        "--isolated",
        "--output",
        new.to_str().unwrap(),
        page.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("list.md:16"), "{}", stderr(&out));
    assert!(!new.exists());
}

#[test]
fn roster_apply_reads_the_roster_strictly_as_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.toml");
    let mut bad = read(ROSTER);
    bad.splice(40..40, [0xFF]);
    std::fs::write(&roster, &bad).unwrap();
    let run = || {
        gazette(&[
            "roster",
            "apply",
            "--isolated",
            "--roster",
            roster.to_str().unwrap(),
            "examples/roster/pages",
        ])
    };
    let out = run();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read(&roster).unwrap(),
        bad,
        "no U+FFFD written back"
    );

    let utf8 = text(ROSTER);
    let (gb, _, _) = encoding_rs::GB18030.encode(&utf8);
    std::fs::write(&roster, &gb).unwrap();
    let out = run();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not UTF-8"), "{}", stderr(&out));
    assert!(
        !stderr(&out).contains("not the name of a congress"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&roster).unwrap(), &gb[..]);
}

#[test]
fn roster_apply_keeps_comments_layout_crlf_and_bom() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("roster.toml");
    let mut original = "\u{FEFF}".to_string();
    original.push_str(
        &text(ROSTER)
            .replace("seated = 12\n", "seated = 12  # 2024 年底\n")
            .replace('\n', "\r\n"),
    );
    std::fs::write(&roster, &original).unwrap();
    let out = gazette(&[
        "roster",
        "apply",
        "--isolated",
        "--roster",
        roster.to_str().unwrap(),
        "examples/roster/pages",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(&roster).unwrap();
    assert!(written.starts_with('\u{FEFF}'), "BOM kept");
    assert_eq!(
        written.matches('\n').count(),
        written.matches("\r\n").count(),
        "CRLF throughout: {written}"
    );
    assert!(
        written.contains("# 用法：gazette check"),
        "comments kept: {written}"
    );
    assert!(
        written.contains("  # 2024 年底\r\n"),
        "a value's comment kept: {written}"
    );
    assert!(
        written.contains("\r\n    \"陈立新\", \"王海燕\""),
        "the deputies' layout kept: {written}"
    );
    // Only what changed changed: the same roster as rolled forward through the library.
    let (_, expected) = sequentially(starting_roster());
    let back = Roster::from_toml("roster.toml", written.trim_start_matches('\u{FEFF}')).unwrap();
    assert!(back.same_entries(&expected), "{written}");
}

#[cfg(unix)]
#[test]
fn roster_apply_through_a_link_writes_the_target_and_init_follows_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.toml");
    let link = dir.path().join("roster.toml");
    std::fs::write(&real, read(ROSTER)).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let out = gazette(&[
        "roster",
        "apply",
        "--isolated",
        "--roster",
        link.to_str().unwrap(),
        "examples/roster/pages",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&real)
        .unwrap()
        .contains("last_notice = 75"));

    // A new file gets what the umask gives any new file, not a temporary file's 0600.
    let plain = dir.path().join("plain");
    std::fs::File::create(&plain).unwrap();
    let out_file = dir.path().join("init.toml");
    let out = gazette(&[
        "roster",
        "init",
        "--isolated",
        "--output",
        out_file.to_str().unwrap(),
        "examples/roster/pages",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out_file), mode(&plain));
}
