//! GZ301 section-numbering.

use crate::ast::{NoticeBody, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::syntax::numerals::to_chinese;

pub const RULE: RuleDef = RuleDef {
    code: "GZ301",
    name: "section-numbering",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "任免名单的节序号不是从「一」起连续 / section numerals not consecutive from 一",
    explanation: r#"## 检查什么 (What it does)
任免名单各节的序号应为「一、」「二、」「三、」……，从「一」起连续，不重、不跳；
有的节有序号、有的节没有，也报。可自动改为正确的序号。

## 为什么 (Why)
序号跳号或重号，读者会以为漏印了一节（GB/T 15834-2011 4.6.3.3 列项）。

## 示例 (Example)
「一、决定任命」「二、任命」「四、批准任命」。

## 应改为 (Use instead)
「一、决定任命」「二、任命」「三、批准任命」。
"#,
    check: Check::File(check),
};

/// One diagnostic per list: a numeral skipped or repeated shifts every later section, and
/// one fix renumbers them all.
fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let NoticeBody::Personnel(list) = &notice.body else {
            continue;
        };
        let headings: Vec<_> = list
            .sections
            .iter()
            .filter_map(|s| s.heading.as_ref())
            .collect();
        if headings.iter().all(|h| h.numeral.is_none()) {
            continue;
        }
        let mut edits = Vec::new();
        let mut labels = Vec::new();
        for (i, heading) in headings.iter().enumerate() {
            let want = to_chinese(i as u32 + 1);
            match heading.numeral {
                Some(n) if n.value == i as u32 + 1 => {}
                Some(n) => {
                    labels.push((n.span, want.clone(), ctx.slice(n.span).to_string()));
                    edits.push(Edit {
                        span: n.span,
                        replacement: want,
                    });
                }
                None => {
                    let at = Span::new(heading.span.start, heading.span.start);
                    labels.push((heading.action_text.span, want.clone(), String::new()));
                    edits.push(Edit {
                        span: at,
                        replacement: format!("{want}、"),
                    });
                }
            }
        }
        let Some((first_span, first_want, first_was)) = labels.first().cloned() else {
            continue;
        };
        let (zh, en) = if first_was.is_empty() {
            (
                format!("节序号不连续：此节缺少序号「{first_want}、」"),
                "section numerals are not consecutive: a numeral is missing".to_string(),
            )
        } else {
            (
                format!("节序号不连续：此处应为「{first_want}」，而非「{first_was}」"),
                format!("section numerals are not consecutive: {first_was} should be {first_want}"),
            )
        };
        let mut d = RULE
            .diagnostic(first_span, zh, en)
            .with_label(format!("应为「{first_want}」"), "out of sequence");
        for (span, want, _) in labels.iter().skip(1) {
            d = d.with_related(*span, format!("随之应为「{want}」"), "renumber too");
        }
        if labels.len() > 1 {
            d = d.with_help(
                format!("其后{}节的序号一并顺延", labels.len() - 1),
                format!("the {} sections after it shift too", labels.len() - 1),
            );
        }
        out.push(d.with_fix("重新编排节序号", "renumber the sections", edits));
    }
}
