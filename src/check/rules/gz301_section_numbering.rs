//! GZ301 section-numbering.

use crate::ast::NoticeBody;
use crate::check::{Context, RuleDef};
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
    check,
};

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
        for (i, heading) in headings.iter().enumerate() {
            let expected = i as u32 + 1;
            let want = to_chinese(expected);
            match heading.numeral {
                Some(n) if n.value == expected => {}
                Some(n) => out.push(
                    RULE.diagnostic(
                        n.span,
                        format!("节序号应为「{want}」，此处为「{}」", to_chinese(n.value)),
                        format!("section {} should be numbered {expected}", i + 1),
                    )
                    .with_label(format!("应为「{want}」"), format!("should be {expected}"))
                    .with_fix(
                        format!("改为「{want}」"),
                        format!("renumber as 「{want}」"),
                        vec![Edit {
                            span: n.span,
                            replacement: want.clone(),
                        }],
                    ),
                ),
                None => out.push(
                    RULE.diagnostic(
                        heading.action_text.span,
                        format!("此节缺少序号「{want}、」"),
                        format!("this section lacks its numeral 「{want}、」"),
                    )
                    .with_label(
                        format!("应为「{want}、{}」", heading.action_text.text),
                        "numeral missing",
                    )
                    .with_fix(
                        format!("补上「{want}、」"),
                        format!("insert 「{want}、」"),
                        vec![Edit {
                            span: crate::ast::Span::new(heading.span.start, heading.span.start),
                            replacement: format!("{want}、"),
                        }],
                    ),
                ),
            }
        }
    }
}
