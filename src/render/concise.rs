//! The concise format: one line per finding, `path:line:col: severity: CODE [*] message`,
//! columns in characters (what editors' quickfix lists and grep-minded people read); `[*]`
//! marks a finding `--fix` can correct.

use crate::diagnostic::{Diagnostic, Lang};
use crate::report::FileReport;

pub fn render(reports: &[FileReport], lang: Lang) -> String {
    render_with_notes(reports, lang, false)
}

/// As [`render`]; with `notes`, also what could not be verified (severity `note`).
pub fn render_with_notes(reports: &[FileReport], lang: Lang, notes: bool) -> String {
    use rayon::prelude::*;
    // Files in parallel, joined in input order: each file's table of positions is built here
    // on first use (`FileReport::position`), which one thread did for the whole archive after
    // the checks.
    reports
        .par_iter()
        .map(|r| {
            let mut out = String::new();
            for d in r.diagnostics.iter().filter(|d| super::shown(r, d, notes)) {
                out.push_str(&line(r, d, lang));
            }
            out
        })
        .collect::<Vec<String>>()
        .concat()
}

fn line(r: &FileReport, d: &Diagnostic, lang: Lang) -> String {
    let p = r.position(d.span.start);
    let fixable = if super::fixable(r, d) { " [*]" } else { "" };
    format!(
        "{}:{}:{}: {}: {}{fixable} {}\n",
        super::human::visible(&r.path, false),
        p.line,
        p.column,
        d.severity.as_str(),
        d.code,
        super::human::visible(d.message.get(lang), false)
    )
}
