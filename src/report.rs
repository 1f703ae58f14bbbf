//! One checked file: its decoded text, line index and diagnostics. The unit every renderer
//! takes, and the library's entry point for checking bytes.

use crate::ast::Document;
use crate::check::{self, Context, InputFacts, Selection};
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{decode, Encoding, LineIndex};
use crate::syntax::parse_document;

pub struct FileReport {
    pub path: String,
    /// `None` when the bytes could not be decoded (GZ001).
    pub encoding: Option<Encoding>,
    pub source: String,
    pub line_index: LineIndex,
    pub document: Document,
    pub diagnostics: Vec<Diagnostic>,
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
}

/// Decodes, parses and checks one input.
pub fn check_bytes(path: &str, bytes: &[u8], selection: &Selection) -> FileReport {
    let (source, facts) = match decode(bytes) {
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
    let document = if facts.failure.is_some() {
        parse_document("")
    } else {
        parse_document(&source)
    };
    let diagnostics = {
        let ctx = Context {
            source: &source,
            document: &document,
            input: &facts,
        };
        check::check(&ctx, selection)
    };
    FileReport {
        path: path.to_string(),
        encoding: facts.encoding,
        line_index: LineIndex::new(&source),
        source,
        document,
        diagnostics,
    }
}
