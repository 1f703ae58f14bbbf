//! GZ203 conflicting-deputy-events.

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ203",
    name: "conflicting-deputy-events",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "同一人在一份公告中既被确认又被终止，或被终止两次 / one person confirmed and terminated, or terminated twice",
    explanation: r#"## 检查什么 (What it does)
同一份代表资格公告中，同一个人：
- 有两个终止事由（既辞职又调离），或在两处被写明资格终止；
- 既被补选、确认有效，又被终止资格。
姓名后的说明不同（王军（黑龙江）与王军（北京））视为两个人。

## 为什么 (Why)
一人一事。重复的多半是把上一份公告的名单复制进来，或把两个同名的人混成了一个。

## 示例 (Example)
「……决定接受王岳辞去……代表职务……；……王岳调离重庆市……」
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in ctx.model.qualifications() {
        // Two introductions of one person (same name, no conflicting disambiguators).
        for (j, b) in m.introductions.iter().enumerate() {
            let Some(a) = m.introductions[..j].iter().find(|a| {
                a.key == b.key
                    && match (&a.person.disambiguator, &b.person.disambiguator) {
                        (Some(x), Some(y)) => x.text == y.text,
                        _ => true,
                    }
            }) else {
                continue;
            };
            let both_end = a.ground.ends_mandate() && b.ground.ends_mandate();
            let mixed = a.ground.ends_mandate() != b.ground.ends_mandate();
            if !(both_end || mixed) {
                continue;
            }
            let (zh, en) = if both_end {
                (
                    format!(
                        "「{}」在本公告中有两个终止事由：{}、{}",
                        b.person.name.text,
                        a.ground.zh(),
                        b.ground.zh()
                    ),
                    format!(
                        "「{}」 has two grounds of termination: {}, {}",
                        b.person.name.text,
                        a.ground.en(),
                        b.ground.en()
                    ),
                )
            } else {
                (
                    format!(
                        "「{}」在本公告中同时被写为{}和{}",
                        b.person.name.text,
                        a.ground.zh(),
                        b.ground.zh()
                    ),
                    format!(
                        "「{}」 is both {} and {} in this notice",
                        b.person.name.text,
                        a.ground.en(),
                        b.ground.en()
                    ),
                )
            };
            out.push(
                RULE.diagnostic(b.person.name.span, zh, en)
                    .with_label(b.ground.zh(), b.ground.en())
                    .with_related(
                        a.person.name.span,
                        format!("前文：{}", a.ground.zh()),
                        a.ground.en(),
                    ),
            );
        }
        // One person restated twice by clauses of the same kind, or terminated after being
        // elected in the same notice.
        for r in &m.restatements {
            for (p, i) in &r.repeats {
                let intro = &m.introductions[*i];
                out.push(
                    RULE.diagnostic(
                        p.name.span,
                        format!(
                            "「{}」被重复写明（前文：{}）",
                            p.name.text,
                            intro.ground.zh()
                        ),
                        format!(
                            "「{}」 is stated twice (first: {})",
                            p.name.text,
                            intro.ground.en()
                        ),
                    )
                    .with_label("重复", "repeated")
                    .with_related(intro.person.name.span, "前文", "first here"),
                );
            }
        }
    }
}
