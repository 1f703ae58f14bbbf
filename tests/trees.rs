//! Snapshots of the syntax tree of every example, as `gazette parse --format json` prints it.
//! The finding snapshots (tests/examples.rs) only see a misread when it changes a finding; a
//! clause read into the wrong node, a name cut short or a notice ending early changes the tree,
//! so it shows up here as a snapshot diff to review.

use std::path::{Path, PathBuf};

use gazette::check::Settings;
use gazette::report::check_bytes;

mod common;

fn example_files() -> Vec<PathBuf> {
    common::notice_examples()
}

#[test]
fn every_example_tree_is_snapshotted() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = example_files();
    // A walk that silently found nothing would pass; every directory must contribute.
    for dir in [
        "examples/variants/",
        "examples/rules/",
        "examples/real-forms/",
    ] {
        let n = files
            .iter()
            .filter(|p| p.to_string_lossy().starts_with(dir))
            .count();
        assert!(n >= 10, "{dir}: {n} files");
    }
    for seed in [
        "examples/chongqing-2024-11-28.md",
        "examples/chongqing-2024-11-28-plain.txt",
    ] {
        assert!(files.iter().any(|p| p == Path::new(seed)), "{seed} missing");
    }
    for rel in files {
        let path = rel.to_string_lossy().to_string();
        let bytes = std::fs::read(root.join(&rel)).unwrap();
        let report = check_bytes(&path, &bytes, &Settings::default());
        let tree = gazette::cli::tree_json(&report);
        // The snapshot is what the CLI prints: parse it back to be sure it is a JSON document.
        let value: serde_json::Value = serde_json::from_str(&tree).unwrap();
        assert_eq!(value["path"], path.as_str());
        insta::assert_snapshot!(format!("{}.tree", path.replace('/', "__")), tree);
    }
}

/// The function the snapshots call is the one `gazette parse` prints with.
#[test]
fn the_snapshot_is_what_the_cli_prints() {
    let path = "examples/rules/gz303-silent.md";
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_gazette"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["parse", path, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let bytes = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let report = check_bytes(path, &bytes, &Settings::default());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n", gazette::cli::tree_json(&report))
    );
}
