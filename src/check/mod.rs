//! The checker: a registry of rules, each one file under `rules/`, run over a parsed page.
//!
//! A rule reads the [`Context`] and pushes [`Diagnostic`]s; it never prints. A new rule is
//! one new file, one line in [`registry::RULES`], and its fixtures under `examples/rules/`.

pub mod registry;
pub mod rules;
pub mod suppression;

use crate::ast::{Document, Span};
use crate::diagnostic::{Diagnostic, Message, Severity};
use crate::source::{DecodeFailure, Encoding};

pub use registry::{find_rule, RULES};

/// Every rule, as renderers are told about them.
pub fn rule_infos() -> Vec<crate::diagnostic::RuleInfo<'static>> {
    RULES.iter().map(|r| r.info()).collect()
}

/// What the decoder learnt about the input bytes.
#[derive(Debug, Clone)]
pub struct InputFacts {
    pub encoding: Option<Encoding>,
    pub failure: Option<DecodeFailure>,
}

/// Everything a rule may look at.
pub struct Context<'a> {
    pub settings: &'a Settings,
    /// What the document means (moves, qualification events), computed on first use.
    pub model: crate::model::Model<'a>,
    /// The file's path as given (for messages that point from one file to another).
    pub path: &'a str,
    /// The decoded text (for undecodable input: the part before the first bad byte).
    pub source: &'a str,
    pub document: &'a Document,
    pub input: &'a InputFacts,
}

impl<'a> Context<'a> {
    pub fn new(
        settings: &'a Settings,
        path: &'a str,
        source: &'a str,
        document: &'a Document,
        input: &'a InputFacts,
    ) -> Context<'a> {
        Context {
            settings,
            model: crate::model::Model::new(source, document, settings.profile.as_deref()),
            path,
            source,
            document,
            input,
        }
    }

    /// The roster of prior state, when the run has one.
    pub fn roster(&self) -> Option<&'a crate::roster::Roster> {
        self.settings.roster.as_deref()
    }

    /// The run's roster and what the run changes, for the rules that say nothing without a
    /// roster.
    pub fn run_changes_with_roster(
        contexts: &[Context<'a>],
    ) -> Option<(
        &'a crate::roster::Roster,
        crate::model::personnel::RunChanges,
    )> {
        let roster = contexts.first()?.roster()?;
        let changes = crate::model::personnel::RunChanges::of(contexts.iter().map(|c| &c.model));
        Some((roster, changes))
    }

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
    pub check: Check,
}

/// What a rule looks at: one file, or every file of the run together (a series of notices of
/// one congress spread over several gazette pages).
pub enum Check {
    File(fn(&Context, &mut Vec<Diagnostic>)),
    /// Diagnostics come back with the index of the file they belong to.
    Run(RunCheck),
}

/// A run-level check: diagnostics come back with the index of the file they belong to.
pub type RunCheck = fn(&[Context], &mut Vec<(usize, Diagnostic)>);

impl RuleDef {
    /// What renderers may say about this rule.
    pub fn info(&self) -> crate::diagnostic::RuleInfo<'static> {
        crate::diagnostic::RuleInfo {
            code: self.code,
            name: self.name,
            severity: self.severity,
            enabled_by_default: self.enabled_by_default,
            summary: self.summary,
            explanation: self.explanation,
        }
    }

    /// A diagnostic of this rule at `span`, with its default severity.
    pub fn diagnostic(
        &self,
        span: Span,
        zh: impl Into<std::borrow::Cow<'static, str>>,
        en: impl Into<std::borrow::Cow<'static, str>>,
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

/// How a run checks: which rules run, and the jurisdiction profile of its posts.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// A user's profile (`--profile FILE`); without one, the built-in profile that applies
    /// to each issuer is used.
    pub profile: Option<std::sync::Arc<crate::domain::profile::Profile>>,
    /// Rule selections applied in order, as ruff layers them: `gazette.toml`'s, then the
    /// command line's.
    pub selections: Vec<RuleSelection>,
    /// Codes or prefixes (`GZ104`, `GZ1`) to run in addition, after `selections`.
    pub select: Vec<String>,
    /// Codes or prefixes not to run, after `selections`.
    pub ignore: Vec<String>,
    /// Per path glob (relative to the config file or the current directory): codes or
    /// prefixes not reported in the files it matches (`per-file-ignores`).
    pub per_file_ignores: Vec<(globset::GlobMatcher, Vec<String>)>,
    /// Per code or prefix: the severity to report with, or `None` for off. The longest
    /// matching key wins (`GZ303` over `GZ3`).
    pub severities: Vec<(String, Option<Severity>)>,
    /// What was true before the run (`--roster FILE`); rules that need it say nothing without.
    pub roster: Option<std::sync::Arc<crate::roster::Roster>>,
    /// The language the run is reported in, when only one is. Given Chinese, each file's
    /// findings drop their English text once checked: no output reads it (each picks the
    /// run's language, and SARIF's fingerprints hash the Chinese), and a 50 MB run holds
    /// 150,000 findings until the end. English keeps both; `None` (the default) keeps both.
    pub language: Option<crate::diagnostic::Lang>,
}

impl Settings {
    /// The severity a finding of `code` is reported with, or `None` when the rule is off.
    pub fn severity_of(&self, code: &str, default: Severity) -> Option<Severity> {
        self.severities
            .iter()
            .filter(|(k, _)| code.starts_with(k.as_str()))
            .max_by_key(|(k, _)| k.len())
            .map_or(Some(default), |(_, s)| *s)
    }
}

/// One layer of rule selection, with ruff's meaning: `select` replaces the rules in force
/// (the defaults, or an earlier layer's), `extend_select` adds to them, `ignore` removes.
/// Within a layer the most specific code or prefix decides (`--select GZ3 --ignore GZ303`
/// runs GZ3 without GZ303; `--ignore GZ3 --select GZ303` runs GZ303 alone); at equal
/// specificity `ignore` wins.
#[derive(Debug, Clone, Default)]
pub struct RuleSelection {
    pub select: Option<Vec<String>>,
    pub extend_select: Vec<String>,
    pub ignore: Vec<String>,
}

/// How specifically `selector` names `rule`: `ALL` least, then by prefix length; a rule's
/// code or name most. `None` when it does not name it.
pub fn specificity(selector: &str, rule: &RuleDef) -> Option<usize> {
    if selector.eq_ignore_ascii_case("ALL") {
        Some(0)
    } else if selector == rule.name {
        Some(rule.code.len())
    } else {
        let upper = selector.to_ascii_uppercase();
        (upper.starts_with("GZ") && rule.code.starts_with(upper.as_str())).then_some(upper.len())
    }
}

/// Whether a code, prefix, name or `ALL` names at least one rule.
pub fn known_selector(selector: &str) -> bool {
    RULES.iter().any(|r| specificity(selector, r).is_some())
}

impl RuleSelection {
    /// Whether `rule` runs after this layer, given whether it ran before.
    fn apply(&self, rule: &RuleDef, before: bool) -> bool {
        let best = |list: &mut dyn Iterator<Item = &String>| {
            list.filter_map(|s| specificity(s, rule)).max()
        };
        let selected = best(&mut self.select.iter().flatten().chain(&self.extend_select));
        let ignored = best(&mut self.ignore.iter());
        let base = if self.select.is_some() { false } else { before };
        match (selected, ignored) {
            (Some(s), Some(i)) => s > i,
            (None, Some(_)) => false,
            (Some(_), None) => true,
            (None, None) => base,
        }
    }
}

impl Settings {
    pub fn enabled(&self, rule: &RuleDef) -> bool {
        if self.severity_of(rule.code, rule.severity).is_none() {
            return false;
        }
        let last = RuleSelection {
            select: None,
            extend_select: self.select.clone(),
            ignore: self.ignore.clone(),
        };
        self.selections
            .iter()
            .chain(std::iter::once(&last))
            .fold(rule.enabled_by_default, |on, layer| layer.apply(rule, on))
    }

    /// Whether findings of `code` are dropped in the file at `path` (`per-file-ignores`).
    pub fn ignored_in(&self, path: &str, code: &str) -> bool {
        if self.per_file_ignores.is_empty() {
            return false;
        }
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.into());
        self.per_file_ignores.iter().any(|(glob, codes)| {
            glob.is_match(&absolute)
                && codes.iter().any(|c| {
                    c.eq_ignore_ascii_case("ALL")
                        || code.starts_with(c.to_ascii_uppercase().as_str())
                        || find_rule(c).is_some_and(|r| r.code == code)
                })
        })
    }
}

/// Runs the selected single-file rules; diagnostics come back in source order.
pub fn check(ctx: &Context, selection: &Settings) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in RULES {
        if let (true, Check::File(f)) = (selection.enabled(rule), &rule.check) {
            f(ctx, &mut out);
        }
    }
    sort(&mut out);
    // Kept to the end of the run (see compute_moves).
    out.shrink_to_fit();
    out
}

/// Runs the selected run-level rules over all files at once. The rules are independent and
/// run after every file is done, on otherwise idle cores: each on its own thread, their
/// findings joined in registry order so the output does not depend on scheduling.
pub fn check_run(contexts: &[Context], selection: &Settings) -> Vec<(usize, Diagnostic)> {
    use rayon::prelude::*;
    let rules: Vec<RunCheck> = RULES
        .iter()
        .filter(|rule| selection.enabled(rule))
        .filter_map(|rule| match rule.check {
            Check::Run(f) => Some(f),
            Check::File(_) => None,
        })
        .collect();
    // Each file's moves (a lazy part of its model) are read by most run-level rules: computed
    // here for every file in parallel, not by whichever rule asks first, one file after
    // another on that rule's one thread (the serial tail of a run on two cores).
    if !rules.is_empty() {
        contexts.par_iter().for_each(|c| {
            c.model.moves();
        });
    }
    rules
        .par_iter()
        .map(|f| {
            let mut found = Vec::new();
            f(contexts, &mut found);
            found
        })
        .collect::<Vec<_>>()
        .concat()
}

pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
    });
}

/// A notice's number as printed: 「第58号」, 「第十五号」.
pub fn printed_number(source: &str, notice: &crate::ast::Notice) -> Option<String> {
    let seq = notice.header.number.as_ref()?.sequence?;
    Some(format!("第{}号", source.get(seq.span.start..seq.span.end)?))
}

/// A number in the style of another: 59 as 「59」 or 「五十九」.
pub fn in_style(value: u32, style: crate::ast::NumeralStyle) -> String {
    match style {
        crate::ast::NumeralStyle::Arabic => value.to_string(),
        crate::ast::NumeralStyle::Chinese => crate::syntax::numerals::to_chinese(value),
    }
}

pub use crate::model::names::normalise_body;
