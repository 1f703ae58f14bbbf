//! GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`, so findings appear
//! as annotations on the pull request. Columns are in characters.

use crate::diagnostic::{Lang, Severity};
use crate::report::FileReport;

/// Workflow-command escaping: data and properties have their own reserved characters.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(reports: &[FileReport], lang: Lang) -> String {
    render_with_notes(reports, lang, false)
}

/// As [`render`]; with `notes`, also what could not be verified, as notices.
pub fn render_with_notes(reports: &[FileReport], lang: Lang, notes: bool) -> String {
    let mut out = String::new();
    for r in reports {
        let shown = r.diagnostics.iter().filter(|d| super::shown(r, d, notes));
        for d in shown {
            let (s, e) = r.range(d.span);
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Style | Severity::Note => "notice",
            };
            out.push_str(&format!(
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                property(&r.path),
                s.line,
                s.column,
                e.line,
                e.column,
                property(&format!("{} {}", d.code, d.name)),
                data(d.message.get(lang))
            ));
        }
    }
    out
}
