//! SARIF 2.1.0, for GitHub code scanning and other result viewers. Columns are Unicode code
//! points (`columnKind`), so a finding after 𠇔 is placed right in every viewer.
//!
//! Relative paths are given against `SRCROOT` (`originalUriBaseIds`: the directory gazette ran
//! in), absolute ones as `file://` URIs. Every rule links to its page under `docs/rules/`;
//! every result carries a fingerprint made of what it says and the text it points at, not of
//! its line, so that code scanning keeps an alert as the same one across unrelated edits.

use serde_json::{json, Value};

use crate::diagnostic::{Diagnostic, Lang, RuleInfo, Severity};
use crate::report::FileReport;

/// A file path as a URI reference: non-ASCII bytes and reserved characters percent-encoded,
/// slashes kept (「公告/第58号.md」 → `%E5%85%AC%E5%91%8A/…`).
pub fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Style | Severity::Note => "note",
    }
}

fn region(r: &FileReport, span: crate::ast::Span) -> Value {
    let (s, e) = r.range(span);
    json!({
        "startLine": s.line,
        "startColumn": s.column,
        "endLine": e.line,
        "endColumn": e.column,
    })
}

/// Where the documentation of the tool lives (Cargo.toml's `repository`).
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// The page of a rule in the repository's documentation (`docs/rules/GZ303.md`).
pub fn help_uri(code: &str) -> String {
    format!("{REPOSITORY}/blob/main/docs/rules/{code}.md")
}

/// An artifact location: `file://` for an absolute path, else relative to `SRCROOT`.
fn artifact(path: &str) -> Value {
    let slashed = path.replace('\\', "/");
    if std::path::Path::new(path).is_absolute() || slashed.starts_with('/') {
        let rooted = if slashed.starts_with('/') {
            slashed
        } else {
            format!("/{slashed}")
        };
        json!({ "uri": format!("file://{}", uri(&rooted)) })
    } else {
        let relative = slashed.trim_start_matches("./");
        json!({ "uri": uri(relative), "uriBaseId": "SRCROOT" })
    }
}

fn location(r: &FileReport, span: crate::ast::Span) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": artifact(&r.path),
            "region": region(r, span),
        }
    })
}

/// A fingerprint of a finding that does not move with its line: the rule, the message and
/// the text of the line it is on (trimmed), and how many identical findings came before it
/// in the file. Hashed with FNV-1a, whose value is fixed by its definition, not by a
/// compiler's choice of hasher.
fn fingerprint(r: &FileReport, d: &Diagnostic, seen: &mut Vec<u64>) -> String {
    use std::hash::Hasher;
    let start = d.span.start.min(r.source.len());
    let line_start = r.source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = r.source[start..]
        .find('\n')
        .map_or(r.source.len(), |i| start + i);
    let mut h = fnv::FnvHasher::default();
    for part in [d.code, &d.message.zh, r.source[line_start..line_end].trim()] {
        h.write(part.as_bytes());
        h.write_u8(0);
    }
    let base = h.finish();
    let occurrence = seen.iter().filter(|&&b| b == base).count();
    seen.push(base);
    format!("{base:016x}:{}", occurrence + 1)
}

fn rule(rule: &RuleInfo) -> Value {
    json!({
        "id": rule.code,
        "name": rule.name,
        "helpUri": help_uri(rule.code),
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": rule.summary },
        "help": { "text": rule.explanation, "markdown": rule.explanation },
        "defaultConfiguration": {
            "level": level(rule.severity),
            "enabled": rule.enabled_by_default,
        },
    })
}

fn result(
    r: &FileReport,
    d: &Diagnostic,
    rules: &[RuleInfo],
    lang: Lang,
    seen: &mut Vec<u64>,
) -> Value {
    let index = rules.iter().position(|x| x.code == d.code).unwrap_or(0);
    let mut v = json!({
        "ruleId": d.code,
        "ruleIndex": index,
        "level": level(d.severity),
        "message": { "text": d.message.get(lang) },
        "locations": [location(r, d.span)],
        "partialFingerprints": { "gazetteFinding/v1": fingerprint(r, d, seen) },
    });
    if d.severity == Severity::Note {
        // What could not be verified is information, not a problem (`--explain-skipped`).
        v["kind"] = json!("informational");
        v["level"] = json!("none");
    }
    if !d.labels.is_empty() {
        v["relatedLocations"] = Value::Array(
            d.labels
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let mut loc = location(r, l.span);
                    loc["id"] = json!(i);
                    loc["message"] = json!({ "text": l.message.get(lang) });
                    loc
                })
                .collect(),
        );
    }
    if let Some(fix) = &d.fix {
        v["fixes"] = json!([{
            "description": { "text": fix.description.get(lang) },
            "artifactChanges": [{
                "artifactLocation": artifact(&r.path),
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": region(r, e.span),
                    "insertedContent": { "text": e.replacement },
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    v
}

/// The whole run as one SARIF log. `rules` are the tool's rules (SARIF lists them all and
/// results point into the list); `errors` are inputs that could not be read.
pub fn render(reports: &[FileReport], rules: &[RuleInfo], errors: &[String], lang: Lang) -> String {
    render_with_notes(reports, rules, errors, lang, false, None)
}

/// As [`render`]; with `notes`, also what could not be verified, as informational results;
/// with `root_dir` (the directory relative paths start from), SRCROOT's absolute URI.
pub fn render_with_notes(
    reports: &[FileReport],
    rules: &[RuleInfo],
    errors: &[String],
    lang: Lang,
    notes: bool,
    root_dir: Option<&std::path::Path>,
) -> String {
    let mut results: Vec<Value> = Vec::new();
    for r in reports {
        let mut seen = Vec::new();
        for d in r.diagnostics.iter().filter(|d| super::shown(r, d, notes)) {
            results.push(result(r, d, rules, lang, &mut seen));
        }
    }
    let mut root = json!({
        "description": { "text": "the directory gazette ran in; relative paths are relative to it" },
    });
    if let Some(dir) = root_dir {
        let slashed = dir.display().to_string().replace('\\', "/");
        let slashed = slashed.trim_end_matches('/');
        let rooted = if slashed.starts_with('/') {
            slashed.to_string()
        } else {
            format!("/{slashed}")
        };
        root["uri"] = json!(format!("file://{}/", uri(&rooted)));
    }
    let notifications: Vec<Value> = errors
        .iter()
        .map(|e| json!({ "level": "error", "message": { "text": e } }))
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "gazette",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": REPOSITORY,
                "rules": rules.iter().map(rule).collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "originalUriBaseIds": { "SRCROOT": root },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}
