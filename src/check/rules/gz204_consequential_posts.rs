//! GZ204 consequential-posts (the half that needs no roster).

use crate::ast::ConsequenceKind;
use crate::check::qualification::{Ground, QualificationModel};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ204",
    name: "consequential-posts",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "代表资格终止后其职务「相应终止／相应撤销」的写法 / posts lost with the mandate",
    explanation: r#"## 检查什么 (What it does)
代表资格终止的人在常务委员会、专门委员会中的职务随之失去：
- 被罢免的，写「相应撤销」；辞职的，写「相应终止」；去世、调离等其他事由，两者都可（可自动改正用错的动词）；
- 「…职务相应终止」所指的人（或「其」所指的人）必须在本公告中被终止了代表资格，否则是 error。
需要名册（roster）才能知道的另一半——被终止的人担任哪些职务而公告漏写——在名册功能中检查。

## 为什么 (Why)
选举法（2020）第五十四条：罢免的，其常务委员会组成人员或专门委员会成员的职务相应撤销；
第五十六条：辞职被接受的，相应终止。

## 示例 (Example)
「……决定罢免周新华的……代表职务……周新华的……常务委员会委员职务相应终止。」

## 应改为 (Use instead)
「……职务相应撤销。」

## 依据 (References)
选举法（2020）第五十四条、第五十六条；DOMAIN.md §2。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in QualificationModel::all(ctx.document) {
        for c in &m.consequences {
            for p in &c.strangers {
                out.push(
                    RULE.diagnostic(
                        p.name.span,
                        format!(
                            "「{}」的代表资格没有在本公告中终止，其职务不应「相应{}」",
                            p.name.text,
                            word(c.consequence)
                        ),
                        format!(
                            "「{}」 is not terminated in this notice; the posts cannot follow",
                            p.name.text
                        ),
                    )
                    .with_severity(Severity::Error)
                    .with_label(
                        "本公告未终止此人的代表资格",
                        "not terminated in this notice",
                    ),
                );
            }
            if c.holding.holders.is_empty() && c.holders.is_empty() && m.unreadable.is_empty() {
                out.push(
                    RULE.diagnostic(
                        c.holding.span,
                        "「其」所指的人不明：前文没有代表资格终止的人",
                        "「其」 refers to nobody: no deputy is terminated before it",
                    )
                    .with_severity(Severity::Error)
                    .with_label("所指不明", "refers to nobody"),
                );
            }
            for &i in &c.holders {
                let intro = &m.introductions[i];
                let want = match (intro.ground, c.consequence) {
                    (Ground::Recalled, ConsequenceKind::Ended) => ConsequenceKind::Revoked,
                    (Ground::Resigned, ConsequenceKind::Revoked) => ConsequenceKind::Ended,
                    _ => continue,
                };
                let w = word(want);
                out.push(
                    RULE.diagnostic(
                        c.consequence_span,
                        format!(
                            "「{}」因{}而终止代表资格，其职务应「相应{w}」",
                            intro.person.name.text,
                            intro.ground.zh()
                        ),
                        format!(
                            "「{}」 lost the mandate by {}: the posts are 「相应{w}」",
                            intro.person.name.text,
                            intro.ground.en()
                        ),
                    )
                    .with_label(format!("应为「{w}」"), format!("should be 「{w}」"))
                    .with_related(
                        intro.clause,
                        format!("事由：{}", intro.ground.zh()),
                        intro.ground.en(),
                    )
                    .with_fix(
                        format!("改为「{w}」"),
                        format!("write 「{w}」"),
                        vec![Edit {
                            span: c.consequence_span,
                            replacement: w.into(),
                        }],
                    ),
                );
                break;
            }
        }
    }
}

fn word(kind: ConsequenceKind) -> &'static str {
    match kind {
        ConsequenceKind::Ended => "终止",
        ConsequenceKind::Revoked => "撤销",
    }
}
