//! Renderers: one file per output format. They print what the rules found; they never judge.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::ast::Span;
use crate::diagnostic::{Diagnostic, Severity};
use crate::report::FileReport;
use crate::source::{LineIndex, Position};

/// Whether a diagnostic is printed: findings always; notes (what could not be verified) with
/// `--explain-skipped` — except in a file where no notice was found, whose note says that
/// nothing was checked: such a file must never look like a clean pass.
pub fn shown(report: &FileReport, d: &Diagnostic, notes: bool) -> bool {
    notes || d.severity != Severity::Note || report.document.notices().next().is_none()
}

/// Whether `--fix` can apply a finding's fix: not in a Word draft, which is corrected in Word
/// (its fix is still shown, as the change to make).
pub fn fixable(report: &FileReport, d: &Diagnostic) -> bool {
    d.fix.is_some() && report.encoding != Some(crate::source::Encoding::Docx)
}

/// A range in every unit an editor or a reader may want. (Renderers use
/// [`FileReport::range`](crate::report::FileReport::range), which converts a report's offsets
/// together.)
pub fn position(index: &LineIndex, source: &str, byte: usize) -> Position {
    index.position(source, byte)
}

pub fn range(index: &LineIndex, source: &str, span: Span) -> (Position, Position) {
    (
        position(index, source, span.start),
        position(index, source, span.end),
    )
}
