//! Renderers: one file per output format. They print what the rules found; they never judge.

pub mod concise;
pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use crate::ast::Span;
use crate::source::{LineIndex, Position};

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
