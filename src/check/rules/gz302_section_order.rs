//! GZ302 section-order.

use crate::ast::{Action, NoticeBody};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ302",
    name: "section-order",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "任免名单各节不按惯例顺序 / sections out of the canonical order",
    explanation: r#"## 检查什么 (What it does)
任免名单各节按惯例排列：决定任命、任命、批准任命、决定免去、免去、（批准免去、）撤销、批准（辞职）。
排在了应在其前的类别之后的节给出警告。

## 为什么 (Why)
先任后免、先本级后下级是公报的一贯编排（重庆〔六届〕第58号等），乱序容易让人漏看。

## 示例 (Example)
「一、免去 …… 二、决定任命 ……」
"#,
    check: Check::File(check),
};

fn rank(a: Action) -> u8 {
    match a {
        Action::DecideAppoint | Action::DecideActing => 0,
        Action::Appoint | Action::AppointAndRemove => 1,
        Action::ApproveAppoint => 2,
        Action::DecideRemove => 3,
        Action::Remove => 4,
        Action::ApproveRemove => 5,
        Action::Revoke | Action::DecideRevoke => 6,
        Action::AcceptResignation | Action::ApproveResignation => 7,
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let NoticeBody::Personnel(list) = &notice.body else {
            continue;
        };
        let mut latest: Option<(u8, &crate::ast::SectionHeading)> = None;
        for h in list.sections.iter().filter_map(|s| s.heading.as_ref()) {
            let r = rank(h.action);
            match latest {
                Some((max, before)) if r < max => out.push(
                    RULE.diagnostic(
                        h.action_text.span,
                        format!(
                            "「{}」一节应排在「{}」之前",
                            h.action.words(),
                            before.action.words()
                        ),
                        format!(
                            "the 「{}」 section belongs before 「{}」",
                            h.action.words(),
                            before.action.words()
                        ),
                    )
                    .with_label("顺序不对", "out of order")
                    .with_related(before.action_text.span, "此节在前", "comes first")
                    .with_help(
                        "惯例顺序：决定任命、任命、批准任命、决定免去、免去、撤销、批准",
                        "order: 决定任命, 任命, 批准任命, 决定免去, 免去, 撤销, 批准",
                    ),
                ),
                Some((max, _)) if r == max => {}
                _ => latest = Some((r, h)),
            }
        }
    }
}
