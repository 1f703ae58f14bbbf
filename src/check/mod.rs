//! The checker: a registry of rules, each one file under `rules/`, run over a parsed page.
//!
//! A rule reads the [`Context`] and pushes [`Diagnostic`]s; it never prints. A new rule is
//! one new file, one line in [`registry::RULES`], and its fixtures under `examples/rules/`.

pub mod registry;
pub mod rules;

use crate::ast::{Document, Span};
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::source::{DecodeFailure, Encoding};

pub use registry::{find_rule, RULES};

/// What the decoder learnt about the input bytes.
#[derive(Debug, Clone)]
pub struct InputFacts {
    pub encoding: Option<Encoding>,
    pub failure: Option<DecodeFailure>,
}

/// Everything a rule may look at.
pub struct Context<'a> {
    /// The decoded text (for undecodable input: the part before the first bad byte).
    pub source: &'a str,
    pub document: &'a Document,
    pub input: &'a InputFacts,
}

impl Context<'_> {
    pub fn slice(&self, span: Span) -> &str {
        self.source.get(span.start..span.end).unwrap_or("")
    }
}

/// A rule: its public identity (code, name, default severity), its explanation, its check.
pub struct RuleDef {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    /// Off by default (GZ104 notice-number-gap): run only when selected.
    pub enabled_by_default: bool,
    pub summary: &'static str,
    /// Markdown, printed by `gazette explain`: what it checks, why (with the source), examples.
    pub explanation: &'static str,
    pub check: fn(&Context, &mut Vec<Diagnostic>),
}

impl RuleDef {
    /// A diagnostic of this rule at `span`, with its default severity.
    pub fn diagnostic(
        &self,
        span: Span,
        zh: impl Into<String>,
        en: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            code: self.code,
            name: self.name,
            severity: self.severity,
            message: Message::new(zh, en),
            span,
            label: None,
            labels: Vec::new(),
            help: None,
            fix: None,
        }
    }
}

/// Which rules run.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Codes or prefixes (`GZ104`, `GZ1`) to run in addition to the default set.
    pub select: Vec<String>,
    /// Codes or prefixes not to run.
    pub ignore: Vec<String>,
}

impl Selection {
    pub fn enabled(&self, rule: &RuleDef) -> bool {
        let matches = |p: &String| rule.code.starts_with(p.as_str()) || rule.name == p;
        if self.ignore.iter().any(matches) {
            return false;
        }
        rule.enabled_by_default || self.select.iter().any(matches)
    }
}

/// Runs the selected rules; diagnostics come back in source order.
pub fn check(ctx: &Context, selection: &Selection) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        if selection.enabled(rule) {
            (rule.check)(ctx, &mut out);
        }
    }
    out.sort_by(|a, b| (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code)));
    out
}

/// The standing committee a name refers to, with the common abbreviations spelt out, so that
/// 「重庆市人大常委会」 and 「重庆市人民代表大会常务委员会」 compare equal.
pub fn normalise_body(name: &str) -> String {
    let compact: String = name
        .chars()
        .filter(|c| !c.is_whitespace() && !crate::source::is_invisible(*c))
        .collect();
    compact
        .replace("人大常委会", "人民代表大会常务委员会")
        .replace("常委会", "常务委员会")
        .replace("人大", "人民代表大会")
}
