//! The checking thread: coalesces edits, runs the library's pipeline over each run of open
//! documents, catches a rule's panic, and publishes what is still current.

use std::collections::{BTreeMap, HashMap};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::Arc;

use lsp_types::{notification, MessageType, PublishDiagnosticsParams, Url};

use super::people::People;
use super::position::{Encoding, Mapper};
use super::{convert, Document, Options, Shared};
use crate::check::Settings;
use crate::config::Config;
use crate::diagnostic::Lang;
use crate::report::FileReport;

/// The single-file half of the pipeline: `report::prepare`, or a stand-in in tests. The
/// run-level half is `report::finish_run`.
pub(crate) type Checker = Arc<dyn Fn(String, Vec<u8>, &Settings) -> FileReport + Send + Sync>;

pub(crate) enum Job {
    Check,
    Stop,
}

/// A buffer's last published check.
pub(crate) struct Analysis {
    pub version: i32,
    pub report: FileReport,
    /// The buffer begins with U+FEFF, which decoding removed from `report.source`.
    pub bom: bool,
    pub encoding: Encoding,
    pub lang: Lang,
    /// A `.txt` draft: suppression comments are `# gazette-ignore`.
    pub plain_text: bool,
    /// What the whole run says about each person named (for hover).
    pub people: Arc<People>,
}

impl Analysis {
    pub fn mapper(&self) -> Mapper<'_> {
        Mapper {
            source: &self.report.source,
            index: &self.report.line_index,
            encoding: self.encoding,
            bom: self.bom,
        }
    }
}

/// The largest buffer checked, as the CLI's default `--max-file-size`.
const MAX_DOCUMENT: usize = 64 * 1024 * 1024;

pub(crate) fn run(queue: Receiver<Job>, shared: &Shared, options: &Options) {
    let mut workspace = WorkspaceCache::default();
    while let Ok(job) = queue.recv() {
        if let Job::Stop = job {
            return;
        }
        // Edits closer together than the debounce are checked once, at the last of them.
        loop {
            match queue.recv_timeout(options.debounce) {
                Ok(Job::Check) => continue,
                Ok(Job::Stop) | Err(RecvTimeoutError::Disconnected) => return,
                Err(RecvTimeoutError::Timeout) => break,
            }
        }
        check_open_documents(shared, options, &mut workspace);
    }
}

fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// An open document as the worker took it.
struct Open {
    uri: Url,
    document: Document,
    path: Option<PathBuf>,
}

impl Open {
    fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| self.uri.to_string(), |p| p.display().to_string())
    }
}

fn check_open_documents(shared: &Shared, options: &Options, workspace: &mut WorkspaceCache) {
    let mut documents: Vec<Open> = lock(&shared.documents)
        .iter()
        .map(|(uri, document)| Open {
            uri: uri.clone(),
            document: document.clone(),
            path: (uri.scheme() == "file")
                .then(|| uri.to_file_path().ok())
                .flatten(),
        })
        .collect();
    // A stable order, as the CLI's: the findings must not depend on the order of opening.
    documents.sort_by(|a, b| a.uri.as_str().cmp(b.uri.as_str()));
    let roots = lock(&shared.roots).clone();
    let client = lock(&shared.client_settings).clone();
    let encoding = *lock(&shared.encoding);
    // Documents under one gazette.toml are one run, as files given together to the CLI.
    let mut configs = ConfigCache::default();
    let mut runs: BTreeMap<Option<PathBuf>, Vec<Open>> = BTreeMap::new();
    for open in documents {
        let start = open
            .path
            .clone()
            .or_else(|| roots.first().cloned())
            .unwrap_or_else(|| PathBuf::from("."));
        runs.entry(configs.of(&start)).or_default().push(open);
    }
    let mut seen = std::collections::HashSet::new();
    for (config_path, members) in runs {
        let resolved = resolve(
            config_path.as_deref(),
            &client,
            roots.first().map(PathBuf::as_path),
        );
        let (settings, lang, fingerprint) = match resolved {
            Ok(s) => s,
            Err(message) => {
                shared.log(MessageType::ERROR, message.clone());
                for open in &members {
                    publish_problem(shared, open, &message);
                }
                continue;
            }
        };
        let context = Published {
            shared,
            encoding,
            lang,
        };
        // Each open document on its own; one whose rules panic is reported and left out.
        let mut checked: Vec<(&Open, FileReport)> = Vec::new();
        for open in &members {
            if open.document.text.len() > MAX_DOCUMENT {
                publish_problem(
                    shared,
                    open,
                    &format!(
                        "文档超过 {} MB，未检查 / the document is larger than {} MB and was not checked",
                        MAX_DOCUMENT >> 20,
                        MAX_DOCUMENT >> 20
                    ),
                );
                continue;
            }
            let bytes = open.document.text.as_bytes().to_vec();
            match guarded(|| (options.checker)(open.name(), bytes, &settings)) {
                Ok(report) => checked.push((open, report)),
                Err(panic) => crashed(shared, open, &panic),
            }
        }
        if checked.is_empty() {
            continue;
        }
        let (opens, mut reports): (Vec<&Open>, Vec<FileReport>) = checked.into_iter().unzip();
        let open_paths: Vec<PathBuf> = opens
            .iter()
            .filter_map(|o| o.path.as_deref())
            .map(canonical)
            .collect();
        for file in workspace_files(&roots, &config_path, &mut configs) {
            if open_paths.contains(&canonical(&file)) {
                continue;
            }
            if let Some(report) = workspace.prepared(&file, &fingerprint, options, &settings) {
                reports.push(report);
            }
            seen.insert(file);
        }
        let singles: Vec<FileReport> = reports[..opens.len()].to_vec();
        match guarded(|| crate::report::finish_run(reports, &settings)) {
            Ok(finished) => {
                // The people index reads the same models as the rules; it may fail as they may.
                let people =
                    Arc::new(guarded(|| People::of_run(&finished, &settings)).unwrap_or_default());
                for (open, report) in opens.iter().zip(finished) {
                    context.publish(open, report, &people);
                }
            }
            Err(panic) => {
                // A run-level rule fell over: each document is finished on its own (without the
                // others' view), so that one document's crash does not cost the rest.
                shared.log(
                    MessageType::ERROR,
                    format!("gazette：规则崩溃 / a run-level rule panicked: {panic}"),
                );
                for (open, report) in opens.iter().zip(singles) {
                    match guarded(|| crate::report::finish_run(vec![report], &settings)) {
                        Ok(mut one) => context.publish(open, one.remove(0), &Arc::default()),
                        Err(panic) => crashed(shared, open, &panic),
                    }
                }
            }
        }
    }
    workspace.keep_only(&seen);
}

/// A document whose check panicked: logged, and said on the document.
fn crashed(shared: &Shared, open: &Open, panic: &str) {
    let message = format!(
        "gazette 内部错误：检查此文档时规则崩溃，没有诊断 / internal error: a rule panicked on this document: {panic}"
    );
    shared.log(MessageType::ERROR, format!("{}: {message}", open.uri));
    publish_problem(shared, open, &message);
}

/// Runs `f`, turning a panic into its message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_string())
    })
}

/// The workspace folders' files, prepared (`report::prepare`) once per content and settings:
/// an edit re-runs only the run-level half over them.
#[derive(Default)]
struct WorkspaceCache(HashMap<PathBuf, Prepared>);

struct Prepared {
    modified: Option<std::time::SystemTime>,
    len: u64,
    fingerprint: String,
    report: FileReport,
}

impl WorkspaceCache {
    fn prepared(
        &mut self,
        file: &Path,
        fingerprint: &str,
        options: &Options,
        settings: &Settings,
    ) -> Option<FileReport> {
        let meta = std::fs::metadata(file).ok()?;
        if meta.len() > MAX_DOCUMENT as u64 {
            return None;
        }
        let modified = meta.modified().ok();
        if let Some(p) = self.0.get(file) {
            if p.modified == modified && p.len == meta.len() && p.fingerprint == fingerprint {
                return Some(p.report.clone());
            }
        }
        let bytes = std::fs::read(file).ok()?;
        let name = file.display().to_string();
        // A file the rules crash on is left out of the run; it is not open, so nothing shows.
        let report = guarded(|| (options.checker)(name, bytes, settings)).ok()?;
        self.0.insert(
            file.to_path_buf(),
            Prepared {
                modified,
                len: meta.len(),
                fingerprint: fingerprint.to_string(),
                report: report.clone(),
            },
        );
        Some(report)
    }

    fn keep_only(&mut self, seen: &std::collections::HashSet<PathBuf>) {
        self.0.retain(|path, _| seen.contains(path));
    }
}

struct Published<'a> {
    shared: &'a Shared,
    encoding: Encoding,
    lang: Lang,
}

impl Published<'_> {
    /// Publishes a report unless the buffer has moved on: a newer version is queued and its
    /// check will publish instead (so an older check never overwrites a newer one).
    fn publish(&self, open: &Open, report: FileReport, people: &Arc<People>) {
        let current = lock(&self.shared.documents)
            .get(&open.uri)
            .map(|d| d.version);
        if current != Some(open.document.version) {
            return;
        }
        let analysis = Analysis {
            version: open.document.version,
            report,
            bom: open.document.text.starts_with('\u{feff}'),
            encoding: self.encoding,
            lang: self.lang,
            plain_text: open
                .path
                .as_deref()
                .and_then(Path::extension)
                .is_some_and(|e| e == "txt"),
            people: people.clone(),
        };
        let diagnostics =
            convert::diagnostics(&analysis.report, &analysis.mapper(), &open.uri, self.lang);
        lock(&self.shared.analyses).insert(open.uri.clone(), Arc::new(analysis));
        self.shared
            .notify::<notification::PublishDiagnostics>(PublishDiagnosticsParams::new(
                open.uri.clone(),
                diagnostics,
                Some(open.document.version),
            ));
    }
}

/// A problem that stops a document from being checked (a bad gazette.toml, a crash), shown
/// on its first character: a silent empty list would read as a clean draft.
fn publish_problem(shared: &Shared, open: &Open, message: &str) {
    lock(&shared.analyses).remove(&open.uri);
    let diagnostic = lsp_types::Diagnostic {
        range: lsp_types::Range::default(),
        severity: Some(lsp_types::DiagnosticSeverity::ERROR),
        source: Some("gazette".to_string()),
        message: message.to_string(),
        ..lsp_types::Diagnostic::default()
    };
    shared.notify::<notification::PublishDiagnostics>(PublishDiagnosticsParams::new(
        open.uri.clone(),
        vec![diagnostic],
        Some(open.document.version),
    ));
}

/// The workspace folders' files of the same run (same gazette.toml): the run-level rules
/// read them from disk as a CLI run over the folder would.
fn workspace_files(
    roots: &[PathBuf],
    config: &Option<PathBuf>,
    configs: &mut ConfigCache,
) -> Vec<PathBuf> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for root in roots {
        for file in crate::cli::files_in_dir(root, &[], None, &mut errors) {
            if &configs.of(&file) == config {
                out.push(file);
            }
        }
    }
    out
}

fn canonical(p: &Path) -> PathBuf {
    std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())
}

/// `config::discover` per directory, remembered for one pass.
#[derive(Default)]
struct ConfigCache(HashMap<PathBuf, Option<PathBuf>>);

impl ConfigCache {
    fn of(&mut self, path: &Path) -> Option<PathBuf> {
        let dir = if path.is_dir() {
            path.to_path_buf()
        } else {
            path.parent().map(Path::to_path_buf).unwrap_or_default()
        };
        self.0
            .entry(dir.clone())
            .or_insert_with(|| crate::config::discover(&dir))
            .clone()
    }
}

/// The settings of a run: its gazette.toml, with the client's settings (same keys) laid over
/// it, as the CLI lays its flags over the file.
fn resolve(
    config_path: Option<&Path>,
    client: &serde_json::Value,
    root: Option<&Path>,
) -> Result<(Settings, Lang, String), String> {
    let mut config = match config_path {
        Some(p) => crate::config::load(p)?,
        None => Config::default(),
    };
    if let serde_json::Value::Object(overrides) = client {
        let invalid = |e: serde_json::Error| {
            format!("编辑器中的 gazette 设置有误 / invalid gazette settings from the editor: {e}")
        };
        let mut merged = serde_json::to_value(&config).map_err(invalid)?;
        for (key, value) in overrides.iter().filter(|(_, v)| !v.is_null()) {
            merged[key] = value.clone();
        }
        let mut layered: Config = serde_json::from_value(merged).map_err(invalid)?;
        // Paths from the editor are relative to the workspace folder.
        let base = root.unwrap_or(Path::new("."));
        if overrides.contains_key("profile") {
            layered.profile = layered.profile.map(|p| base.join(p));
        }
        if overrides.contains_key("roster") {
            layered.roster = layered.roster.map(|p| base.join(p));
        }
        config = layered;
    }
    let roster = match config.roster.as_deref() {
        Some(path) => Some(Arc::new(
            crate::roster::Roster::load(path).map_err(|e| e.to_string())?,
        )),
        None => None,
    };
    let settings = crate::cli::build_settings(
        &config,
        crate::check::RuleSelection::default(),
        None,
        roster,
    )?;
    let lang = if config.lang == Some(crate::config::LangOption::En) {
        Lang::En
    } else {
        Lang::Zh
    };
    // What a prepared file depends on: the settings, and the files they name as they are now.
    let stamp = |p: Option<&Path>| {
        p.and_then(|p| std::fs::metadata(p).ok())
            .and_then(|m| m.modified().ok())
    };
    let fingerprint = format!(
        "{}|{:?}|{:?}|{:?}",
        serde_json::to_string(&config).unwrap_or_default(),
        stamp(config_path),
        stamp(config.roster.as_deref()),
        stamp(config.profile.as_deref()),
    );
    Ok((settings, lang, fingerprint))
}
