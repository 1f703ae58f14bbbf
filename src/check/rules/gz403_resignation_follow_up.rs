//! GZ403 resignation-follow-up (across the notices of a run; the roster for its second half).

use crate::ast::Span;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::domain::post::PostInfo;
use crate::domain::profile::{issuer_region, PostRule};
use crate::model::personnel::{Direction, RunChanges};

pub const RULE: RuleDef = RuleDef {
    code: "GZ403",
    name: "resignation-follow-up",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "单人职务的辞职与代理人选不相衔接 / a head's resignation and the acting successor do not match up",
    explanation: r#"## 检查什么 (What it does)
市长（省长）、本级法院院长、检察院检察长、监察委员会主任由人民代表大会选举，只有一人。闭会期间他们辞职，
常务委员会接受辞职（地方组织法第三十二条），并从副职中决定代理人选（第五十条第十三项）。两件事通常
在同一次会议、分别以决定和任免名单公告：
- 本次检查的公告接受了这类职务的辞职，却没有任何人被决定代理（或任命）该职务：警告，核对是否漏发了
  代理的决定；若代理人选另行决定，可忽略；
- 给出名册（`--roster`）时，反过来：决定某人代理这类职务，而名册记载的现任者在本次检查中既没有辞职、
  也没有被免去。

批准下一级检察长辞职（「批准　X辞去……区人民检察院检察长职务」）不在此列：继任者由下一级选举或决定。

## 为什么 (Why)
接受辞职而无人代理，机关就没有负责人；现任者未去职而决定代理，一个职务就有了两个负责人。

## 示例 (Example)
「关于接受张国栋辞去天津市人民政府市长职务的决定」，而同一次会议的任免名单中没有「代理天津市人民政府市长」。

## 应改为 (Use instead)
在任免名单中写明「决定任命郑立新为天津市人民政府副市长、代理天津市人民政府市长职务」。

## 依据 (References)
地方组织法（2022）第三十二条、第五十条第十三项。
"#,
    check: Check::Run(check),
};

/// A post whose holder the congress elects and whose acting successor the SC decides.
fn decided_successor(info: &PostInfo, rule: Option<&PostRule>) -> bool {
    rule.is_some_and(|r| r.single && r.elected) && !info.institution.ends_with("常务委员会")
}

fn check(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    let changes = RunChanges::of(contexts.iter().map(|c| &c.model));
    // Someone other than `person` takes `post` (acting or appointed) somewhere in the run.
    let successor = |person: &str, post: &str| {
        changes
            .arrivals
            .iter()
            .any(|(p, q)| q == post && p != person)
    };
    for (file, ctx) in contexts.iter().enumerate() {
        let resignations = ctx
            .model
            .moves()
            .iter()
            .filter(|m| m.direction == Direction::Resign && decided_successor(&m.info, m.rule))
            .map(|m| {
                (
                    m.person_key(),
                    m.person.name.text.clone(),
                    m.post.text.clone(),
                    m.post.span,
                    m.full_post(),
                )
            })
            .chain(
                ctx.model
                    .decision_moves()
                    .into_iter()
                    .filter(|m| {
                        m.direction == Direction::Resign && decided_successor(&m.info, m.rule)
                    })
                    .map(|m| {
                        (
                            m.person_key(),
                            m.person.clone(),
                            m.post.clone(),
                            m.post_span,
                            m.full_post(),
                        )
                    }),
            );
        for (key, name, post, span, full) in resignations {
            if successor(&key, &full) {
                continue;
            }
            out.push((file, no_successor(span, &name, &post)));
        }
    }
    let Some(roster) = contexts.first().and_then(|c| c.roster()) else {
        return;
    };
    for (file, ctx) in contexts.iter().enumerate() {
        for m in ctx.model.moves() {
            if m.direction != Direction::In || !m.info.acting || !decided_successor(&m.info, m.rule)
            {
                continue;
            }
            let post = m.full_post();
            let Some(holders) = roster.holders(&post, &issuer_region(&m.notice.issuer)) else {
                continue;
            };
            let person = m.person_key();
            if let Some(h) = holders
                .iter()
                .find(|h| h.holder != person && !changes.leaves(&h.holder, &post))
            {
                out.push((
                    file,
                    RULE.diagnostic(
                        m.post.span,
                        format!(
                            "决定「{}」代理「{}」，而名册 {} 记载的现任者「{}」在本批公告中没有辞职或被免去",
                            m.person.name.text, post, roster.path, h.holder
                        ),
                        format!(
                            "「{}」 is made acting 「{}」 while the holder in the roster {}, 「{}」, neither resigns nor is removed in this run",
                            m.person.name.text, post, roster.path, h.holder
                        ),
                    )
                    .with_label("代理人选", "the acting holder")
                    .with_help(
                        "与接受现任者辞职的决定一并检查（多个文件一并给出）；名册过时的，先用 gazette roster apply 更新",
                        "check it with the decision accepting the holder's resignation, or bring the roster up to date",
                    ),
                ));
            }
        }
    }
}

fn no_successor(span: Span, name: &str, post: &str) -> Diagnostic {
    RULE.diagnostic(
        span,
        format!("「{name}」辞去「{post}」，本批公告中没有决定代理人选"),
        format!("「{name}」 resigns as 「{post}」, and no acting successor is decided in this run"),
    )
    .with_label("辞去的职务", "the post resigned")
    .with_help(
        "在任免名单中决定代理人选（地方组织法第五十条第十三项），并与此决定一并检查；若另行决定，可忽略",
        "decide an acting successor in the personnel list and check both together; ignore if it is decided later",
    )
}
