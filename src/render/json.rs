//! The JSON format: stable, versioned, documented in the README.

use serde::Serialize;

use crate::ast::Span;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::report::FileReport;
use crate::source::Position;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    files: Vec<File<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    encoding: Option<&'static str>,
    /// Why the file could not be read (it has no diagnostics then).
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<&'a str>,
    diagnostics: Vec<Item<'a>>,
    /// What the rules could not verify, and why (same shape as a diagnostic, severity "note").
    notes: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    message: &'a str,
    help: Option<&'a str>,
    range: Range,
    labels: Vec<LabelOut<'a>>,
    fix: Option<FixOut<'a>>,
}

#[derive(Serialize)]
struct Range {
    start: Pos,
    end: Pos,
}

#[derive(Serialize)]
struct Pos {
    byte: usize,
    line: usize,
    column: usize,
    column_utf16: usize,
}

#[derive(Serialize)]
struct LabelOut<'a> {
    message: &'a str,
    range: Range,
}

#[derive(Serialize)]
struct FixOut<'a> {
    description: &'a str,
    edits: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct EditOut<'a> {
    range: Range,
    replacement: &'a str,
}

#[derive(Serialize, Default)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub style: usize,
}

impl Summary {
    pub fn of(reports: &[FileReport]) -> Summary {
        Summary {
            files: reports.len(),
            errors: reports.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: reports.iter().map(|r| r.count(Severity::Warning)).sum(),
            style: reports.iter().map(|r| r.count(Severity::Style)).sum(),
        }
    }
}

fn pos(p: Position) -> Pos {
    Pos {
        byte: p.byte,
        line: p.line,
        column: p.column,
        column_utf16: p.column_utf16,
    }
}

fn range(report: &FileReport, span: Span) -> Range {
    let (s, e) = report.range(span);
    Range {
        start: pos(s),
        end: pos(e),
    }
}

fn item<'a>(report: &'a FileReport, d: &'a Diagnostic, lang: Lang) -> Item<'a> {
    // The primary label comes first, at the primary range, so editors can show it inline.
    let mut labels: Vec<LabelOut> = d
        .label
        .iter()
        .map(|m| LabelOut {
            message: m.get(lang),
            range: range(report, d.span),
        })
        .collect();
    labels.extend(d.labels.iter().map(|l| LabelOut {
        message: l.message.get(lang),
        range: range(report, l.span),
    }));
    Item {
        code: d.code,
        name: d.name,
        severity: d.severity.as_str(),
        message: d.message.get(lang),
        help: d.help.as_ref().map(|h| h.get(lang)),
        range: range(report, d.span),
        labels,
        fix: d.fix.as_ref().map(|f| FixOut {
            description: f.description.get(lang),
            edits: f
                .edits
                .iter()
                .map(|e| EditOut {
                    range: range(report, e.span),
                    replacement: &e.replacement,
                })
                .collect(),
        }),
    }
}

/// The whole run as one JSON document.
pub fn render(reports: &[FileReport], lang: Lang) -> String {
    render_with_errors(reports, &[], lang)
}

/// The run, with the inputs that could not be read listed as files with an `error`.
pub fn render_with_errors(
    reports: &[FileReport],
    unreadable: &[(String, String)],
    lang: Lang,
) -> String {
    let mut files: Vec<File> = reports
        .iter()
        .map(|r| File {
            path: &r.path,
            encoding: r.encoding.map(|e| e.name()),
            error: None,
            diagnostics: r.findings().map(|d| item(r, d, lang)).collect(),
            notes: r.notes().map(|d| item(r, d, lang)).collect(),
        })
        .collect();
    files.extend(unreadable.iter().map(|(path, error)| File {
        path,
        encoding: None,
        error: Some(error),
        diagnostics: Vec::new(),
        notes: Vec::new(),
    }));
    let mut summary = Summary::of(reports);
    summary.files += unreadable.len();
    let output = Output {
        version: VERSION,
        files,
        summary,
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(&output).unwrap_or_default()
}
