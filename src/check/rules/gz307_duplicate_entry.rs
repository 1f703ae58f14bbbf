//! GZ307 duplicate-entry.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ307",
    name: "duplicate-entry",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "同一人、同一职务在一份名单中出现两次 / the same person and post twice in one list",
    explanation: r#"## 检查什么 (What it does)
同一份任免名单中，同一个人以同一方向（任或免）出现在同一职务上两次。

## 为什么 (Why)
重复的条目多半是复制粘贴时多贴了一行，也可能是应为另一人或另一职务。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let all = ctx.model.moves();
    // The first move of each (notice, direction, person, post); a later one is a repeat.
    let mut first = crate::hash::HashMap::default();
    for b in all {
        let key = (
            b.notice.span.start,
            b.direction == crate::model::personnel::Direction::In,
            b.person_key(),
            b.info.key(),
        );
        let Some(a) = first.get(&key).copied() else {
            first.insert(key, b);
            continue;
        };
        let a: &crate::model::personnel::Move = a;
        if a.post.span == b.post.span {
            continue;
        }
        out.push(
            RULE.diagnostic(
                b.person.name.span,
                format!("「{}」与「{}」的条目重复", b.person.name.text, b.post.text),
                format!(
                    "「{}」 and 「{}」 appear twice",
                    b.person.name.text, b.post.text
                ),
            )
            .with_label("重复", "repeated")
            .with_help(
                "删去重复的一条，或核对是否应为另一人或另一职务",
                "delete one, or check whether another person or post was meant",
            )
            .with_related(a.person.name.span, "第一次出现", "first here"),
        );
    }
}
