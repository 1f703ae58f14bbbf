//! Latency of `gazette server`: an edit of the seed page (didChange, full text) until its
//! diagnostics are published, over real framing in process (tests/lsp_client).
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/bench-target taskset -c 0 cargo bench --bench server   # one core
//! ```
//!
//! `edit_to_diagnostics` runs the server as shipped (20 ms debounce: a keystroke waits that
//! long for the next before the check starts); `edit_to_diagnostics_no_debounce` shows the
//! cost of the check and the protocol alone; `edit_to_diagnostics_examples_workspace` has a
//! workspace folder of 208 files in the run.

#[path = "../tests/lsp_client/mod.rs"]
mod lsp_client;

use std::time::Duration;

use divan::Bencher;
use lsp_client::Client;
use serde_json::json;

const URI: &str = "file:///nonexistent-gazette-bench/seed.md";

fn main() {
    divan::main();
}

fn edit_to_diagnostics_with(bencher: Bencher, debounce: Option<Duration>, root: Option<&str>) {
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/chongqing-2024-11-28.md"),
    )
    .expect("the seed page");
    let options = gazette::server::Options::default();
    let options = match debounce {
        Some(d) => options.with_debounce(d),
        None => options,
    };
    let mut client = Client::start_with(options);
    let root = root.map(|r| {
        format!(
            "file://{}",
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(r)
                .display()
        )
    });
    client.initialize_with(json!({"processId": null, "rootUri": root,
        "capabilities": {"general": {"positionEncodings": ["utf-16"]}}}));
    client.open(URI, &seed);
    client.diagnostics(URI, 1);
    // Two texts in turn, so that every edit changes the buffer: the seed page, and the seed
    // page with one more character at its end.
    let edited = format!("{seed}。");
    let mut version = 1;
    bencher.bench_local(|| {
        version += 1;
        let text = if version % 2 == 0 { &edited } else { &seed };
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version},
                   "contentChanges": [{"text": text}]}),
        );
        client.diagnostics(URI, version)
    });
    client.stop();
}

#[divan::bench(sample_count = 50, sample_size = 1)]
fn edit_to_diagnostics(bencher: Bencher) {
    edit_to_diagnostics_with(bencher, None, None);
}

#[divan::bench(sample_count = 50, sample_size = 1)]
fn edit_to_diagnostics_no_debounce(bencher: Bencher) {
    edit_to_diagnostics_with(bencher, Some(Duration::ZERO), None);
}

/// With `examples/` (208 files, 0.95 MB) as the workspace folder: every check reads and
/// checks the folder's files with the buffer, as `gazette check examples/ draft` would.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn edit_to_diagnostics_examples_workspace(bencher: Bencher) {
    edit_to_diagnostics_with(bencher, None, Some("examples"));
}
