//! The rules' documentation, generated from the registry so that it cannot drift from it:
//! the README's rules table and one page per rule (`docs/rules/GZ303.md`, which SARIF's
//! `helpUri` links to). `tests/docs.rs` fails when the files differ from what is generated
//! here; `GAZETTE_UPDATE_DOCS=1 cargo test --test docs` rewrites them.

use crate::check::{RuleDef, RULES};

/// The README's rules table sits between these two lines.
pub const TABLE_START: &str =
    "<!-- rules table: generated from src/check/registry.rs, do not edit -->";
pub const TABLE_END: &str = "<!-- end of rules table -->";

/// The rules table in Markdown: code (linking to its page), name, default severity, summary.
pub fn rules_table() -> String {
    let mut out = String::from("| code | name | severity | checks |\n|---|---|---|---|\n");
    for rule in RULES {
        let off = if rule.enabled_by_default {
            ""
        } else {
            " (off by default: `--extend-select`)"
        };
        out.push_str(&format!(
            "| [{code}](docs/rules/{code}.md) | {} | {} | {}{off} |\n",
            rule.name,
            rule.severity.as_str(),
            rule.summary.replace('|', "\\|"),
            code = rule.code,
        ));
    }
    out
}

/// A README with its rules table replaced by the generated one; `None` when the markers
/// are missing.
pub fn with_rules_table(readme: &str) -> Option<String> {
    let start = readme.find(TABLE_START)? + TABLE_START.len();
    let end = start + readme[start..].find(TABLE_END)?;
    Some(format!(
        "{}\n\n{}\n{}",
        &readme[..start],
        rules_table(),
        &readme[end..]
    ))
}

/// The path of a rule's page, relative to the repository.
pub fn rule_page_path(rule: &RuleDef) -> String {
    format!("docs/rules/{}.md", rule.code)
}

/// A rule's page: identity, default, summary, then the explanation `gazette explain` prints.
pub fn rule_page(rule: &RuleDef) -> String {
    let default = if rule.enabled_by_default {
        "on by default"
    } else {
        "off by default (`--extend-select`)"
    };
    format!(
        "<!-- generated from src/check/rules/ by src/docs.rs: do not edit -->\n# {} {}\n\nSeverity: **{}**, {default}. `gazette explain {}` prints this page.\n\n{}\n\n{}",
        rule.code,
        rule.name,
        rule.severity.as_str(),
        rule.code,
        rule.summary,
        rule.explanation.trim_end_matches('\n').to_string() + "\n",
    )
}
