//! The shapes of the data tables written in TOML: the jurisdiction profiles (`profiles/`,
//! and a user's `--profile`) and the law-article table (`laws.toml`).
//!
//! The build script reads this file too (build.rs): it parses the embedded tables with these
//! types at build time and writes them out as Rust expressions of the same types, so a run
//! does not parse TOML for them. Nothing here may name the rest of the crate.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A jurisdiction profile as written.
#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    pub name: String,
    pub applies_to: Vec<String>,
    #[serde(default)]
    pub placeholders: BTreeMap<String, String>,
    pub post: Vec<RawPost>,
}

/// One `[[post]]` of a profile as written.
#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawPost {
    pub patterns: Vec<String>,
    pub actions: Vec<String>,
    #[serde(default)]
    pub contested: Vec<String>,
    #[serde(default)]
    pub elected: bool,
    #[serde(default)]
    pub single: bool,
    #[serde(default)]
    pub deputy_only: bool,
    #[serde(default)]
    pub chair: bool,
    #[serde(default)]
    pub approval: bool,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LawTable {
    pub topic: Vec<Topic>,
    pub law: Vec<Law>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub zh: String,
    pub keywords: Vec<String>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Law {
    pub id: String,
    pub names: Vec<String>,
    pub version: Vec<Version>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Version {
    pub label: String,
    /// The date it came into force, `YYYY-MM-DD`.
    pub from: String,
    pub articles: BTreeMap<String, u32>,
}
