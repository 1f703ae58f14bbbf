//! `gazette.toml`: the options a repository of drafts keeps beside them. Raw options (all
//! optional) are read here; the CLI merges them with its flags (flags win) into `Settings`.
//! Nothing is global: two runs with two configs can live in one process.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::Severity;

pub const FILE_NAME: &str = "gazette.toml";

#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// Rules (codes or prefixes) to run instead of the defaults (ruff's `select`).
    pub select: Option<Vec<String>>,
    /// Rules (codes or prefixes) to run in addition to those selected.
    #[serde(default)]
    pub extend_select: Vec<String>,
    /// Rules (codes or prefixes) not to run.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Rules not to run, in addition to `ignore` (ruff's `extend-ignore`).
    #[serde(default)]
    pub extend_ignore: Vec<String>,
    /// Paths (globs, relative to this file) never checked when found in a directory, nor
    /// when named on the command line with `--force-exclude`.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// Per path glob (relative to this file): rules not reported in the files it matches.
    #[serde(default)]
    pub per_file_ignores: BTreeMap<String, Vec<String>>,
    /// Check every file on its own instead of as one run (`--each-file`).
    #[serde(default)]
    pub each_file: bool,
    /// Where the file was found; globs and paths in it are relative to this directory.
    #[serde(skip)]
    pub base: Option<PathBuf>,
    /// Per rule or prefix: error, warning, style or off.
    #[serde(default)]
    pub severity: BTreeMap<String, SeverityOption>,
    pub fail_on: Option<FailOnOption>,
    pub lang: Option<LangOption>,
    /// A jurisdiction profile, relative to the config file.
    pub profile: Option<PathBuf>,
    /// A roster of prior state, relative to the config file (used by the roster rules).
    pub roster: Option<PathBuf>,
}

/// `fail-on`: a closed set, so a typo (「never」) is an error with its place when read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FailOnOption {
    Error,
    Warning,
    Style,
}

/// `lang`: the message languages there are; 「fr」 is an error, not Chinese in silence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LangOption {
    Zh,
    En,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SeverityOption {
    Error,
    Warning,
    Style,
    Off,
}

impl SeverityOption {
    pub fn severity(self) -> Option<Severity> {
        match self {
            SeverityOption::Error => Some(Severity::Error),
            SeverityOption::Warning => Some(Severity::Warning),
            SeverityOption::Style => Some(Severity::Style),
            SeverityOption::Off => None,
        }
    }
}

/// The config file nearest to `start`: in its directory or any parent.
pub fn discover(start: &Path) -> Option<PathBuf> {
    let start = if start.is_dir() {
        start.to_path_buf()
    } else {
        // The parent of a bare file name (`page.md`) is the empty path, which canonicalises
        // to nothing: it is the current directory.
        match start.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        }
    };
    let absolute = std::fs::canonicalize(&start).unwrap_or(start);
    absolute
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

/// Reads a config file. Errors name the file, line and column.
pub fn load(path: &Path) -> Result<Config, String> {
    let text = crate::files::read_utf8(path, crate::files::DEFAULT_LIMIT).map_err(|e| {
        format!(
            "无法读取配置 {} / cannot read the config: {e}",
            path.display()
        )
    })?;
    let mut config: Config = toml::from_str(&text).map_err(|e| {
        let at = e
            .span()
            .map(|s| {
                let p = crate::source::LineIndex::new(&text).position(&text, s.start);
                format!(":{}:{}", p.line, p.column)
            })
            .unwrap_or_default();
        format!(
            "配置有误 / invalid config {}{at}: {}",
            path.display(),
            e.message()
        )
    })?;
    // Paths in the file are relative to it.
    let base = path.parent().unwrap_or(Path::new("."));
    config.profile = config.profile.map(|p| base.join(p));
    config.roster = config.roster.map(|p| base.join(p));
    config.base = Some(base.to_path_buf());
    for key in config
        .severity
        .keys()
        .chain(config.select.iter().flatten())
        .chain(&config.extend_select)
        .chain(&config.ignore)
        .chain(&config.extend_ignore)
        .chain(config.per_file_ignores.values().flatten())
    {
        if !crate::check::known_selector(key) {
            return Err(format!(
                "配置有误 / invalid config {}: 没有规则「{key}」/ no rule matches `{key}`",
                path.display()
            ));
        }
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_and_values_are_errors_with_a_location() {
        let dir = std::env::temp_dir().join(format!("gazette-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, "select = [\"GZ104\"]\n\nfail_on = \"error\"\n").unwrap();
        let e = load(&path).unwrap_err();
        assert!(e.contains(":3:1"), "{e}");
        std::fs::write(&path, "[severity]\nGZ303 = \"loud\"\n").unwrap();
        assert!(load(&path).unwrap_err().contains(":2:"));
        std::fs::write(&path, "ignore = [\"GZ999\"]\n").unwrap();
        assert!(load(&path).unwrap_err().contains("GZ999"));
        std::fs::write(&path, "fail-on = \"error\"\n[severity]\nGZ3 = \"off\"\n").unwrap();
        let c = load(&path).unwrap();
        assert_eq!(c.severity["GZ3"], SeverityOption::Off);
        assert_eq!(c.fail_on, Some(FailOnOption::Error));
        // Values outside the closed sets are errors with their place.
        std::fs::write(&path, "select = []\nfail-on = \"never\"\n").unwrap();
        assert!(load(&path).unwrap_err().contains(":2:11"));
        std::fs::write(&path, "lang = \"fr\"\n").unwrap();
        assert!(load(&path).unwrap_err().contains(":1:8"));
        assert_eq!(
            discover(&dir.join("draft.md")),
            Some(std::fs::canonicalize(&path).unwrap())
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
