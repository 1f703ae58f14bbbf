//! Suppression comments: `<!-- gazette-ignore GZ304 -->` (Markdown) or `# gazette-ignore GZ304`
//! (plain text) covers the next block — the lines up to the next blank line, or the whole notice
//! when that block begins one;
//! `gazette-ignore-file` covers the whole file. Codes may be prefixes (`GZ3`); no code means
//! every rule. Text after `reason:` is the clerk's explanation and is not read.
//!
//! A comment that suppresses nothing is itself reported (GZ009): the problem it was written
//! for is gone, or its code is wrong — as ruff's RUF100 does for `noqa`.

use crate::ast::Span;
use crate::diagnostic::{Diagnostic, Severity};

/// One suppression comment.
#[derive(Debug, Clone)]
pub struct Suppression {
    /// The comment itself.
    pub span: Span,
    /// The codes or prefixes; empty for every rule.
    pub codes: Vec<String>,
    /// The text it covers.
    pub covers: Span,
}

/// Finds the suppression comments of a text, in order. `notices` are the notices' spans: a
/// comment right above a notice covers all of it. A comment inside `opaque` (a Markdown code
/// block showing one) is not a directive.
pub fn find(source: &str, notices: &[Span], opaque: &[Span]) -> Vec<Suppression> {
    let mut out = Vec::new();
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in source.split_inclusive('\n') {
        lines.push((at, line));
        at += line.len();
    }
    for (i, &(start, line)) in lines.iter().enumerate() {
        if opaque.iter().any(|o| o.start <= start && start < o.end) {
            continue;
        }
        let body = line.trim_end_matches(['\n', '\r']).trim();
        let inner = body
            .strip_prefix("<!--")
            .and_then(|b| b.strip_suffix("-->"))
            .or_else(|| body.strip_prefix('#'))
            .map(str::trim);
        let Some(inner) = inner else { continue };
        let (whole_file, rest) = if let Some(r) = inner.strip_prefix("gazette-ignore-file") {
            (true, r)
        } else if let Some(r) = inner.strip_prefix("gazette-ignore") {
            (false, r)
        } else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with([' ', ':', '\t'])) {
            continue;
        }
        let rest = rest.split("reason:").next().unwrap_or("");
        let codes = rest
            .split([' ', ',', '，', '\t', ':'])
            .map(str::trim)
            .filter(|c| c.to_ascii_uppercase().starts_with("GZ"))
            .map(str::to_ascii_uppercase)
            .collect();
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + lead + body.len());
        let covers = if whole_file {
            Span::new(0, source.len())
        } else {
            // The next block: skip blank lines, then run to the next blank line.
            let mut j = i + 1;
            while j < lines.len() && lines[j].1.trim().is_empty() {
                j += 1;
            }
            let from = lines.get(j).map_or(source.len(), |l| l.0);
            let mut k = j;
            while k < lines.len() && !lines[k].1.trim().is_empty() {
                k += 1;
            }
            let to = lines.get(k).map_or(source.len(), |l| l.0);
            let whole_notice = notices
                .iter()
                .find(|n| from <= n.start && n.start < to.max(from + 1));
            Span::new(from, whole_notice.map_or(to, |n| n.end.max(to)))
        };
        out.push(Suppression {
            span,
            codes,
            covers,
        });
    }
    out
}

impl Suppression {
    fn matches(&self, d: &Diagnostic) -> bool {
        let covered = self.covers.start <= d.span.start
            && d.span.start < self.covers.end.max(self.covers.start + 1);
        covered
            && (self.codes.is_empty() || self.codes.iter().any(|c| d.code.starts_with(c.as_str())))
    }
}

/// Removes the suppressed diagnostics; adds GZ008 for each code that names no rule and GZ009
/// for each comment that suppressed nothing (each when enabled). A comment whose codes are
/// all unknown is GZ008's alone: "suppresses nothing" would hide the typo. Notes are never
/// suppressed: they are not findings.
pub fn apply(
    source: &str,
    notices: &[Span],
    opaque: &[Span],
    diagnostics: &mut Vec<Diagnostic>,
    settings: &crate::check::Settings,
) {
    let suppressions = find(source, notices, opaque);
    if suppressions.is_empty() {
        return;
    }
    let mut used = vec![false; suppressions.len()];
    diagnostics.retain(|d| {
        if d.severity == Severity::Note {
            return true;
        }
        let mut keep = true;
        for (i, s) in suppressions.iter().enumerate() {
            if s.matches(d) {
                used[i] = true;
                keep = false;
            }
        }
        keep
    });
    let enabled = |code| crate::check::find_rule(code).filter(|r| settings.enabled(r));
    for (s, used) in suppressions.iter().zip(used) {
        let unknown: Vec<&str> = s
            .codes
            .iter()
            .map(String::as_str)
            .filter(|c| !crate::check::known_selector(c))
            .collect();
        if let (false, Some(rule)) = (unknown.is_empty(), enabled("GZ008")) {
            diagnostics.push(
                rule.diagnostic(
                    s.span,
                    format!("忽略注释中的 {} 不是已知的规则", unknown.join("、")),
                    format!(
                        "unknown rule in the suppression comment: {}",
                        unknown.join(", ")
                    ),
                )
                .with_label("未知规则", "unknown rule")
                .with_help(
                    "改正规则代码（`gazette explain` 列出全部规则），或删除这条注释",
                    "correct the code (`gazette explain` lists the rules) or delete the comment",
                ),
            );
        }
        let all_unknown = !s.codes.is_empty() && unknown.len() == s.codes.len();
        if used || all_unknown {
            continue;
        }
        let Some(rule) = enabled("GZ009") else {
            continue;
        };
        let what = if s.codes.is_empty() {
            "任何问题".to_string()
        } else {
            s.codes.join("、")
        };
        diagnostics.push(
            rule.diagnostic(
                s.span,
                format!("忽略注释没有忽略任何问题（{what}）"),
                format!(
                    "the suppression comment suppresses nothing ({})",
                    s.codes.join(", ")
                ),
            )
            .with_label("未使用的忽略注释", "unused suppression")
            .with_help(
                "问题已经改正，或不在这条注释所管的段落里：删除这条注释，或把它移到问题所在的段落之前",
                "the problem is gone or is not in the block the comment covers: delete the comment or move it",
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_cover_the_next_block() {
        let text =
            "前文\n\n<!-- gazette-ignore GZ304, GZ305 reason: 本地惯例 -->\n\n甲行\n乙行\n\n丙行\n";
        let s = find(text, &[], &[]);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].codes, ["GZ304", "GZ305"]);
        assert_eq!(&text[s[0].covers.start..s[0].covers.end], "甲行\n乙行\n");
        let plain = find("# gazette-ignore\n张三为某职务；\n", &[], &[]);
        assert!(plain[0].codes.is_empty());
        let file = find("<!-- gazette-ignore-file GZ1 -->\n正文\n", &[], &[]);
        assert_eq!(
            file[0].covers,
            Span::new(0, "<!-- gazette-ignore-file GZ1 -->\n正文\n".len())
        );
        assert!(find("# gazette-ignored heading\n", &[], &[]).is_empty());
        // Above a notice: the whole notice.
        let page = "<!-- gazette-ignore GZ103 -->\n## 某市人民代表大会常务委员会公告\n\n〔六届〕第58号\n\n正文\n";
        let notice = Span::new(page.find("##").unwrap(), page.len());
        assert_eq!(find(page, &[notice], &[])[0].covers.end, page.len());
    }
}
