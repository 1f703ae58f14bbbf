//! One checked file: its decoded text, line index and diagnostics. The unit every renderer
//! takes, and the library's entry point for checking bytes.

use crate::ast::Document;
use crate::check::{self, Context, InputFacts, Settings};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::model::Model;
use crate::roster::apply::{apply, Page};
use crate::roster::Roster;
use crate::source::{decode_owned, Encoding, LineIndex, Position, Positions};
use crate::syntax::{markdown, parse_page};

#[derive(Clone)]
pub struct FileReport {
    pub path: String,
    /// `None` when the bytes could not be decoded (GZ001).
    pub encoding: Option<Encoding>,
    pub source: String,
    pub line_index: LineIndex,
    pub document: Document,
    pub facts: InputFacts,
    /// What is not the page's text and was kept opaque: a Markdown page's code blocks and
    /// comments (`crate::syntax::markdown`); empty for plain text.
    pub opaque: Vec<crate::ast::Span>,
    /// Findings and notes (what could not be verified), in source order.
    pub diagnostics: Vec<Diagnostic>,
    /// The positions of the offsets the diagnostics mention, converted together on first use
    /// (by a renderer, once the diagnostics are final): 80,000 findings on one long line would
    /// otherwise each count the characters from the start of the line.
    positions: std::sync::OnceLock<Positions>,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
    pub fn unreadable(&self) -> bool {
        self.encoding.is_none()
    }
    /// The findings, without the notes.
    pub fn findings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity != Severity::Note)
    }
    pub fn notes(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Note)
    }

    /// The line and columns of a byte offset. Offsets of the diagnostics come from a table
    /// built once; others (and offsets of diagnostics added later) are converted one by one.
    pub fn position(&self, byte: usize) -> Position {
        self.positions
            .get_or_init(|| {
                let offsets = self
                    .diagnostics
                    .iter()
                    .flat_map(|d| {
                        std::iter::once(d.span)
                            .chain(d.labels.iter().map(|l| l.span))
                            .chain(d.fix.iter().flat_map(|f| f.edits.iter().map(|e| e.span)))
                    })
                    .flat_map(|s| [s.start, s.end])
                    .collect();
                Positions::new(&self.line_index, &self.source, offsets)
            })
            .at(&self.line_index, &self.source, byte)
    }

    pub fn range(&self, span: crate::ast::Span) -> (Position, Position) {
        (self.position(span.start), self.position(span.end))
    }
}

/// Decodes, parses and checks one input on its own.
pub fn check_bytes(path: &str, bytes: &[u8], selection: &Settings) -> FileReport {
    let mut reports = check_all(vec![(path.to_string(), bytes.to_vec())], selection);
    reports.remove(0)
}

/// Checks inputs given together: each on its own, then the rules that read across files
/// (the notices of one congress in number order).
pub fn check_all(inputs: Vec<(String, Vec<u8>)>, selection: &Settings) -> Vec<FileReport> {
    check_all_counted(inputs, selection, &|| {})
}

/// As [`check_all`], calling `checked` twice per file (from the worker threads): once it is
/// parsed, once its own checks finish. What a progress bar counts.
///
/// The files are read and parsed first, then checked with one [`Context`] each that the
/// single-file and the run-level rules share: what a file's model computes on first use (its
/// moves, its qualification events) is computed once for both, where [`prepare`] and
/// [`finish_run`], kept apart for the language server, compute it again.
pub fn check_all_counted(
    inputs: Vec<(String, Vec<u8>)>,
    selection: &Settings,
    checked: &(dyn Fn() + Sync),
) -> Vec<FileReport> {
    use rayon::prelude::*;
    // Each file on its own, in parallel; `collect` keeps the input order.
    let mut reports: Vec<FileReport> = inputs
        .into_par_iter()
        .map(|(path, bytes)| {
            let report = read_and_parse(path, bytes);
            checked();
            report
        })
        .collect();
    let (own, run) = {
        let contexts: Vec<Context> = reports.iter().map(|r| r.context(selection)).collect();
        let own: Vec<Vec<Diagnostic>> = contexts
            .par_iter()
            .map(|ctx| {
                let mut found = check::check(ctx, selection);
                for d in &mut found {
                    keep_reported_language(d, selection);
                }
                checked();
                found
            })
            .collect();
        (own, check::check_run(&contexts, selection))
    };
    for (report, found) in reports.iter_mut().zip(own) {
        report.diagnostics = found;
    }
    finish(reports, run, selection)
}

/// The second half of [`check_all`]: the rules that read across the files, then suppressions
/// and configured severities. The language server keeps the first half of files that did not
/// change ([`prepare`]) and runs only this again.
pub fn finish_run(reports: Vec<FileReport>, selection: &Settings) -> Vec<FileReport> {
    let found = {
        let contexts: Vec<Context> = reports.iter().map(|r| r.context(selection)).collect();
        check::check_run(&contexts, selection)
    };
    finish(reports, found, selection)
}

/// What a finding keeps of its text: in a run reported in Chinese, not the English (see
/// [`Settings::language`]); each file's own findings drop it as soon as they are made, before
/// the run-level rules, which set the peak of memory.
fn keep_reported_language(d: &mut Diagnostic, selection: &Settings) {
    if selection.language == Some(Lang::Zh) {
        d.drop_english();
    }
}

/// Adds the run-level findings (by file index), then applies suppressions, per-file ignores
/// and configured severities, and sorts each file's diagnostics.
fn finish(
    mut reports: Vec<FileReport>,
    found: Vec<(usize, Diagnostic)>,
    selection: &Settings,
) -> Vec<FileReport> {
    for (i, mut d) in found {
        keep_reported_language(&mut d, selection);
        reports[i].diagnostics.push(d);
    }
    for r in &mut reports {
        let notices: Vec<crate::ast::Span> = r.document.notices().map(|n| n.span).collect();
        check::suppression::apply(
            &r.source,
            &notices,
            &r.opaque,
            &mut r.diagnostics,
            selection,
        );
        let path = r.path.clone();
        r.diagnostics
            .retain(|d| d.severity == Severity::Note || !selection.ignored_in(&path, d.code));
        // Severity overrides from the configuration; a rule set to off never ran.
        for d in r
            .diagnostics
            .iter_mut()
            .filter(|d| d.severity != Severity::Note)
        {
            if let Some(s) = selection.severity_of(d.code, d.severity) {
                d.severity = s;
            }
        }
        check::sort(&mut r.diagnostics);
    }
    reports
}

/// How an unreadable Word package is reported where the command line did not refuse it first
/// (with its reason, [`crate::docx::PackageError`]): as bytes that are not text.
fn package_failure() -> crate::source::DecodeFailure {
    crate::source::DecodeFailure {
        byte_offset: 0,
        kind: crate::source::DecodeFailureKind::Binary,
        valid_prefix: String::new(),
    }
}

/// Decodes, parses and runs the single-file rules on one input: the first half of
/// [`check_all`], whose result [`finish_run`] completes.
pub fn prepare(path: String, bytes: Vec<u8>, selection: &Settings) -> FileReport {
    let mut report = read_and_parse(path, bytes);
    report.diagnostics = check::check(&report.context(selection), selection);
    report
}

/// Decodes and parses one input: a report without diagnostics yet.
fn read_and_parse(path: String, bytes: Vec<u8>) -> FileReport {
    // A Word draft's text is its paragraphs; its lines are paragraphs too (a soft break
    // inside one is read as a line break by the grammar, but keeps its paragraph's number).
    let mut paragraph_starts = None;
    let read = match crate::docx::kind(&path, &bytes) {
        crate::docx::Kind::Text => decode_owned(bytes),
        crate::docx::Kind::Package => match crate::docx::read(&bytes) {
            Ok(extracted) => {
                paragraph_starts = Some(extracted.paragraph_starts);
                Ok(crate::source::Decoded {
                    text: extracted.text,
                    encoding: Encoding::Docx,
                })
            }
            Err(_) => Err(package_failure()),
        },
        // The command line refuses these with the reason before checking; a caller that
        // did not gets the file reported as unreadable.
        crate::docx::Kind::Refused(_) => Err(package_failure()),
    };
    let (source, facts) = match read {
        Ok(decoded) => (
            decoded.text,
            InputFacts {
                encoding: Some(decoded.encoding),
                failure: None,
            },
        ),
        Err(failure) => (
            // Nothing past the first bad byte is text we can trust; keep the prefix for context.
            failure.valid_prefix.clone(),
            InputFacts {
                encoding: None,
                failure: Some(failure),
            },
        ),
    };
    let opaque =
        if facts.failure.is_none() && paragraph_starts.is_none() && markdown::is_markdown(&path) {
            markdown::opaque_ranges(&source)
        } else {
            Vec::new()
        };
    let document = if facts.failure.is_some() {
        parse_page("", &[])
    } else {
        parse_page(&source, &opaque)
    };
    FileReport {
        path,
        encoding: facts.encoding,
        line_index: match paragraph_starts {
            Some(starts) => LineIndex::with_line_starts(&source, starts),
            None => LineIndex::new(&source),
        },
        source,
        document,
        facts,
        opaque,
        diagnostics: Vec::new(),
        positions: std::sync::OnceLock::new(),
    }
}

impl FileReport {
    /// What the rules read of this file.
    fn context<'a>(&'a self, selection: &'a Settings) -> Context<'a> {
        Context::new(
            selection,
            &self.path,
            &self.source,
            &self.document,
            &self.facts,
        )
    }

    /// This file as the roster reads it (see [`crate::roster::apply`]).
    pub fn page<'a>(&'a self, settings: &'a Settings) -> Page<'a> {
        Page {
            path: &self.path,
            lines: &self.line_index,
            model: Model::new(&self.source, &self.document, settings.profile.as_deref()),
        }
    }
}

/// Every file of a run as the roster reads it.
pub fn pages<'a>(reports: &'a [FileReport], settings: &'a Settings) -> Vec<Page<'a>> {
    reports.iter().map(|r| r.page(settings)).collect()
}

/// An archive checked page by page.
pub struct Sequence {
    pub reports: Vec<FileReport>,
    /// The roster as the last page left it.
    pub roster: Roster,
    /// Pages dated before the page before them.
    pub warnings: Vec<String>,
    /// What applying the pages could not read.
    pub skipped: Vec<String>,
}

/// Checks each page against the roster as the pages before it left it, then applies it (in
/// memory). Pages are taken in the order given — an archive's file names, by date.
pub fn check_sequentially(inputs: Vec<(String, Vec<u8>)>, settings: &Settings) -> Sequence {
    let mut roster: Roster = settings.roster.as_deref().cloned().unwrap_or_default();
    let mut sequence = Sequence {
        reports: Vec::new(),
        roster: Roster::default(),
        warnings: Vec::new(),
        skipped: Vec::new(),
    };
    let mut last: Option<((u32, u32, u32), String)> = None;
    for input in inputs {
        let page_settings = Settings {
            roster: Some(std::sync::Arc::new(roster.clone())),
            ..settings.clone()
        };
        let report = check_all(vec![input], &page_settings).remove(0);
        let dates = || report.document.notices().filter_map(|n| n.date());
        if let (Some(first), Some(newest)) = (dates().min(), dates().max()) {
            if let Some((previous, path)) = &last {
                if first < *previous {
                    sequence.warnings.push(format!(
                        "{} 的公告早于前一版 {path}，顺序可能有误 / dated before the page before it",
                        report.path
                    ));
                }
            }
            last = Some((newest, report.path.clone()));
        }
        if !report.unreadable() {
            let log = apply(&mut roster, &[report.page(&page_settings)]);
            sequence.skipped.extend(log.skipped);
        }
        sequence.reports.push(report);
    }
    sequence.roster = roster;
    sequence
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn every_file_is_counted_once_parsed_and_once_checked() {
        let settings = Settings::default();
        let count = AtomicUsize::new(0);
        let inputs = (0..5)
            .map(|i| (format!("{i}.md"), "某某\n".as_bytes().to_vec()))
            .collect();
        let reports = check_all_counted(inputs, &settings, &|| {
            count.fetch_add(1, Ordering::Relaxed);
        });
        assert_eq!(reports.len(), 5);
        assert_eq!(count.load(Ordering::Relaxed), 2 * 5);
    }

    /// A run reported in Chinese keeps every finding and its Chinese text, and drops only the
    /// English, of every part of a finding.
    #[test]
    fn a_run_in_chinese_drops_only_the_english() {
        let seed = include_bytes!("../examples/chongqing-2024-11-28.md").to_vec();
        let run = |language| {
            let settings = Settings {
                language,
                ..Settings::default()
            };
            check_all(vec![("page.md".to_string(), seed.clone())], &settings).remove(0)
        };
        let (both, chinese) = (run(None), run(Some(Lang::Zh)));
        assert!(both.diagnostics.len() > 10);
        assert_eq!(both.diagnostics.len(), chinese.diagnostics.len());
        let english_left = |d: &Diagnostic| {
            let mut texts = vec![&d.message.en];
            texts.extend(d.label.iter().map(|m| &m.en));
            texts.extend(d.labels.iter().map(|l| &l.message.en));
            texts.extend(d.help.iter().map(|m| &m.en));
            texts.extend(d.fix.iter().map(|f| &f.description.en));
            texts.iter().filter(|t| !t.is_empty()).count()
        };
        for (b, c) in both.diagnostics.iter().zip(&chinese.diagnostics) {
            let mut zh_only = b.clone();
            zh_only.drop_english();
            assert_eq!(&zh_only, c);
            assert!(english_left(b) > 0, "{}", b.code);
            assert_eq!(english_left(c), 0, "{}", c.code);
        }
    }
}
