//! The diagnostic: what a rule found, as data. Rules build these; renderers print them.

use serde::Serialize;
use std::borrow::Cow;

use crate::ast::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Not a finding: what a rule could not verify, and why (`--explain-skipped`, JSON `notes`).
    Note,
    /// Typography; fixable.
    Style,
    /// Probably wrong; a person decides.
    Warning,
    /// Must not be published.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Style => "style",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A message in both languages; the renderer picks one.
///
/// Borrowed when the text is fixed (most labels and help texts: 「任命」, 「原职务」), owned when
/// it is formatted: a file can hold a hundred thousand findings, and copying fixed texts into
/// each was a fifth of their memory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Message {
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Message {
            zh: zh.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
    fn drop_english(&mut self) {
        self.en = Cow::Borrowed("");
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub span: Span,
    pub message: Message,
}

/// A replacement of the text at `span`; an insertion has an empty span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub description: Message,
    pub edits: Vec<Edit>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub message: Message,
    /// The narrowest span that shows the problem.
    pub span: Span,
    /// What to write under the primary span.
    pub label: Option<Message>,
    /// The other spans involved: the earlier notice, the printed total, the heading.
    pub labels: Vec<Label>,
    // Boxed: most findings have neither, and a file can hold a hundred thousand findings
    // (296 bytes each unboxed, the largest single allocation of a 50 MB check).
    pub help: Option<Box<Message>>,
    pub fix: Option<Box<Fix>>,
}

impl Diagnostic {
    /// Drops the English text of the message, labels, help and fix, for a run reported in
    /// Chinese ([`crate::check::Settings::language`]).
    pub fn drop_english(&mut self) {
        self.message.drop_english();
        let labels = self.labels.iter_mut().map(|l| &mut l.message);
        let help = self.help.as_deref_mut();
        let fix = self.fix.as_deref_mut().map(|f| &mut f.description);
        for m in labels.chain(self.label.as_mut()).chain(help).chain(fix) {
            m.drop_english();
        }
    }

    pub fn with_label(
        mut self,
        zh: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.label = Some(Message::new(zh, en));
        self
    }
    pub fn with_related(
        mut self,
        span: Span,
        zh: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.labels.push(Label {
            span,
            message: Message::new(zh, en),
        });
        self
    }
    pub fn with_help(
        mut self,
        zh: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.help = Some(Box::new(Message::new(zh, en)));
        self
    }
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }
    pub fn with_fix(
        mut self,
        zh: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
        edits: Vec<Edit>,
    ) -> Self {
        self.fix = Some(Box::new(Fix {
            description: Message::new(zh, en),
            edits,
        }));
        self
    }
}

/// What a renderer may say about a rule (SARIF lists every rule of the tool): its identity and
/// documentation, handed in by the caller so that renderers do not depend on the registry.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub severity: Severity,
    pub enabled_by_default: bool,
    pub summary: &'a str,
    /// Markdown: what the rule checks and why.
    pub explanation: &'a str,
}
