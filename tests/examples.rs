//! Snapshots of the human and JSON output for every file under `examples/`. A change in what
//! the checker says about a real or crafted notice shows up as a reviewed snapshot diff.

use std::path::{Path, PathBuf};

use gazette::check::Settings;
use gazette::diagnostic::Lang;
use gazette::render::{human, json};
use gazette::report::check_bytes;

mod common;

fn example_files() -> Vec<PathBuf> {
    common::notice_examples()
}

/// GZ104 is off by default; its own fixtures are checked with it on, as a user would. A
/// fixture with a sibling `NAME.roster.toml` is checked against that roster (`--roster`).
fn selection_for(path: &str) -> Settings {
    let roster_path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .with_extension("roster.toml");
    let roster = roster_path.is_file().then(|| {
        let text = std::fs::read_to_string(&roster_path).unwrap();
        let name = format!(
            "{}",
            Path::new(path).with_extension("roster.toml").display()
        );
        std::sync::Arc::new(gazette::roster::Roster::from_toml(&name, &text).unwrap())
    });
    Settings {
        roster,
        select: if path.contains("gz104") {
            vec!["GZ104".into()]
        } else {
            vec![]
        },
        ..Settings::default()
    }
}

#[test]
fn every_example_is_snapshotted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = example_files();
    assert!(files.len() > 30, "examples found: {}", files.len());
    for rel in files {
        let name = rel.to_string_lossy().replace('/', "__");
        let path = rel.to_string_lossy().to_string();
        let bytes = std::fs::read(root.join(&rel)).unwrap();
        let report = check_bytes(&path, &bytes, &selection_for(&path));
        let reports = [report];
        let text = human::render(
            &reports,
            &human::Options {
                lang: Lang::Zh,
                color: false,
                show_notes: true,
            },
        );
        insta::assert_snapshot!(format!("{name}.human"), text);
        insta::assert_snapshot!(format!("{name}.json"), json::render(&reports, Lang::Zh));
    }
}

#[test]
fn the_seed_page_in_english() {
    let path = "examples/chongqing-2024-11-28.md";
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let reports = [check_bytes(path, &bytes, &Settings::default())];
    insta::assert_snapshot!(human::render(
        &reports,
        &human::Options {
            lang: Lang::En,
            color: false,
            show_notes: true,
        }
    ));
}

/// `examples/rules/gzNNN-fires*.md` must report GZNNN and nothing else;
/// `gzNNN-silent*.md` must report nothing. Every rule has both.
#[test]
fn rule_fixtures_fire_and_stay_silent() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut fires = std::collections::BTreeSet::new();
    let mut silent = std::collections::BTreeSet::new();
    for rel in example_files() {
        let path = rel.to_string_lossy().to_string();
        let Some(file) = path.strip_prefix("examples/rules/") else {
            continue;
        };
        let code = file[..5].to_uppercase();
        let bytes = std::fs::read(root.join(&rel)).unwrap();
        let report = check_bytes(&path, &bytes, &selection_for(&path));
        // A rule whose findings are notes (GZ316: it can only ask) fires with its notes.
        let asks = gazette::check::find_rule(&code)
            .is_some_and(|r| r.severity == gazette::diagnostic::Severity::Note);
        let codes: Vec<&str> = report
            .findings()
            .chain(report.notes().filter(|d| asks && d.code == code))
            .map(|d| d.code)
            .collect();
        if file.contains("-series-") {
            continue; // checked together in series_across_two_files
        }
        if file.contains("-fires") {
            assert!(!codes.is_empty(), "{path} reports nothing");
            assert!(codes.iter().all(|c| *c == code), "{path}: {codes:?}");
            fires.insert(code);
        } else if file.contains("-silent") {
            assert!(codes.is_empty(), "{path}: {codes:?}");
            silent.insert(code);
        }
    }
    for rule in gazette::check::RULES {
        assert!(
            fires.contains(rule.code),
            "{} has no firing fixture",
            rule.code
        );
        assert!(
            silent.contains(rule.code),
            "{} has no silent fixture",
            rule.code
        );
    }
}

/// A series over two files: each alone is fine (the second only gets a note: no starting
/// count); checked together, the second's total is off by one against the first's.
#[test]
fn series_across_two_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| {
        let path = format!("examples/rules/{name}");
        let bytes = std::fs::read(root.join(&path)).unwrap();
        (path, bytes)
    };
    let (a, b) = (read("gz201-series-a.md"), read("gz201-series-b.md"));
    for (path, bytes) in [&a, &b] {
        let alone = check_bytes(path, bytes, &Settings::default());
        assert_eq!(alone.findings().count(), 0, "{path} alone");
    }
    let together = gazette::report::check_all(vec![a, b], &Settings::default());
    let found: Vec<&str> = together[1].findings().map(|d| d.code).collect();
    assert_eq!(found, ["GZ201"]);
    assert_eq!(together[0].findings().count(), 0);
}

/// When the sentence that decides is not read (a GZ003 warning on it), GZ401 cannot hold the
/// title to the body: it leaves a note naming that sentence, never an error.
#[test]
fn gz401_is_a_note_when_the_deciding_sentence_is_unread() {
    let text = "平江市人民代表大会常务委员会\n关于接受李明辞去平江市人民政府市长职务的决定\n（2024年2月20日平江市第十五届人民代表大会常务委员会第二十次会议通过）\n平江市第十五届人民代表大会常务委员会第二十次会议决定，同意接受李强按程序提出的辞去平江市人民政府市长职务的请求。\n";
    let report = check_bytes("unread.md", text.as_bytes(), &Default::default());
    let gz401: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.code == "GZ401")
        .collect();
    assert_eq!(gz401.len(), 1, "{:?}", report.diagnostics);
    assert_eq!(gz401[0].severity, gazette::diagnostic::Severity::Note);
    assert!(report.findings().any(|d| d.code == "GZ003"));
}
