//! What several test files share: the files under `examples/`.

use std::path::{Path, PathBuf};

/// Every file under `examples/`, recursively, as absolute paths in a stable order.
pub fn example_files() -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// The notices under `examples/`, relative to the crate: Markdown and text files, without the
/// READMEs and the roster archive, whose pages mean something only with their roster
/// (tests/roster.rs). The finding snapshots and the tree snapshots walk the same files.
#[allow(dead_code)] // not every test binary that includes this module needs it
pub fn notice_examples() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    example_files()
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md" || e == "txt"))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .filter(|p| !p.starts_with(root.join("examples/roster")))
        .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
        .collect()
}
