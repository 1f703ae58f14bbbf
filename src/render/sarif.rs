//! SARIF 2.1.0, for GitHub code scanning and other result viewers. Columns are Unicode code
//! points (`columnKind`), so a finding after 𠇔 is placed right in every viewer.

use serde_json::{json, Value};

use crate::check::{RuleDef, RULES};
use crate::diagnostic::{Diagnostic, Lang, Severity};
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

fn location(r: &FileReport, span: crate::ast::Span) -> Value {
    json!({
        "physicalLocation": {
            "artifactLocation": { "uri": uri(&r.path) },
            "region": region(r, span),
        }
    })
}

fn rule(rule: &RuleDef) -> Value {
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": rule.summary },
        "help": { "text": rule.explanation, "markdown": rule.explanation },
        "defaultConfiguration": {
            "level": level(rule.severity),
            "enabled": rule.enabled_by_default,
        },
    })
}

fn result(r: &FileReport, d: &Diagnostic, lang: Lang) -> Value {
    let index = RULES.iter().position(|x| x.code == d.code).unwrap_or(0);
    let mut v = json!({
        "ruleId": d.code,
        "ruleIndex": index,
        "level": level(d.severity),
        "message": { "text": d.message.get(lang) },
        "locations": [location(r, d.span)],
    });
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
                "artifactLocation": { "uri": uri(&r.path) },
                "replacements": fix.edits.iter().map(|e| json!({
                    "deletedRegion": region(r, e.span),
                    "insertedContent": { "text": e.replacement },
                })).collect::<Vec<_>>(),
            }],
        }]);
    }
    v
}

/// The whole run as one SARIF log. `errors` are inputs that could not be read.
pub fn render(reports: &[FileReport], errors: &[String], lang: Lang) -> String {
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|r| r.findings().map(move |d| result(r, d, lang)))
        .collect();
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
                "rules": RULES.iter().map(|r| rule(r)).collect::<Vec<_>>(),
            }},
            "invocations": [{
                "executionSuccessful": errors.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_string_pretty(&log).unwrap_or_default()
}
