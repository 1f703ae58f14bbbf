//! GZ306 appoint-and-remove-same-post.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::personnel::Direction;

pub const RULE: RuleDef = RuleDef {
    code: "GZ306",
    name: "appoint-and-remove-same-post",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "同一人在一份名单中被任命又被免去同一职务 / one person appointed to and removed from one post",
    explanation: r#"## 检查什么 (What it does)
同一份任免名单中，同一个人既被任命为某职务，又被免去（或辞去）同一职务。职务按「机构 + 职务名称」比较，
简称、全称、届次和括号中的别名都视为同一职务。

## 为什么 (Why)
任免互相抵消，必有一处写错了人或职务（多半是免去的应是原职务）。

## 示例 (Example)
「二、任命　余云中为重庆市第三中级人民法院民事审判第二庭庭长；……五、免去　余云中的重庆市第三中级人民法院民事审判第二庭庭长职务；」
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let all = ctx.model.moves();
    // Appointments by (notice, person, post), so each removal is one look-up.
    let mut appointed = crate::hash::HashMap::default();
    for a in all.iter().filter(|m| m.direction == Direction::In) {
        appointed
            .entry((a.notice.span.start, a.person_key(), a.info.key()))
            .or_insert(a);
    }
    for b in all.iter().filter(|m| m.direction != Direction::In) {
        let Some(a) = appointed.get(&(b.notice.span.start, b.person_key(), b.info.key())) else {
            continue;
        };
        out.push(
            RULE.diagnostic(
                b.post.span,
                format!(
                    "「{}」在同一名单中被任命又被免去「{}」",
                    a.person.name.text, b.post.text
                ),
                format!(
                    "「{}」 is appointed to and removed from 「{}」 in one list",
                    a.person.name.text, b.post.text
                ),
            )
            .with_label("免去", "removed")
            .with_help(
                "免去的多半应是此人原来的职务，核对原稿",
                "the post removed is probably the person's previous one: check the original",
            )
            .with_related(a.post.span, "任命", "appointed"),
        );
    }
}
