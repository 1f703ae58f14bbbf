//! GZ310 removal-of-unheld-post (needs a roster).

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::domain::profile::issuer_region;
use crate::model::personnel::{Direction, RunChanges};
use crate::roster::{full_post, Roster};

pub const RULE: RuleDef = RuleDef {
    code: "GZ310",
    name: "removal-of-unheld-post",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "免去或辞去的职务并非此人担任（名册）/ removal from a post the person does not hold (roster)",
    explanation: r#"## 检查什么 (What it does)
需要名册（`--roster`）。任免名单或决定免去、撤销某人的职务，或接受、批准其辞去某职务，而名册记载这一
只能由一人担任的职务（院长、检察长、庭长、局长……）由另一人担任，本次检查中此人也没有先被任命为该职务。

只检查单人职务：副院长、审判员、委员等多人职务，名册很少列全其担任者，名册中没有此人不能说明他不担任。
没有名册、或名册没有列出该职务时，本规则不下结论。

## 为什么 (Why)
免去一个并不担任的职务，多半是写错了人名或职务（如把「第一中级人民法院」写成「第三中级人民法院」），
而真正应免去的职务没有免去。

## 示例 (Example)
名册：「重庆市九龙坡区人民检察院检察长」由刘伟担任。公告：「批准　庞伟华辞去重庆市九龙坡区人民检察院检察长职务」。

## 应改为 (Use instead)
核对人名和职务；名册过时的，先用 `gazette roster apply` 把之前的公告应用到名册。

## 依据 (References)
名册（`--roster`）记录的在任情况；名册的写法见 README 的 «The roster» 一节。
"#,
    check: Check::Run(check),
};

fn check(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    let Some((roster, changes)) = Context::run_changes_with_roster(contexts) else {
        return;
    };
    for (file, ctx) in contexts.iter().enumerate() {
        for m in ctx.model.moves() {
            let single = m.rule.is_some_and(|r| r.single);
            if single && m.direction != Direction::In {
                let found = unheld(
                    roster,
                    &changes,
                    &m.person.name.text,
                    &m.info.key(),
                    &m.notice.issuer,
                );
                if let Some(d) = found
                    .map(|h| diagnostic(m.post.span, &m.post.text, &m.person.name.text, &h, roster))
                {
                    out.push((file, m.label_action(d)));
                }
            }
        }
        for m in ctx.model.decision_moves() {
            let single = m.rule.is_some_and(|r| r.single);
            if single && m.direction != Direction::In {
                let found = unheld(roster, &changes, &m.person, &m.info.key(), &m.notice.issuer);
                if let Some(h) = found {
                    out.push((
                        file,
                        diagnostic(m.post_span, &m.post, &m.person, &h, roster),
                    ));
                }
            }
        }
    }
}

/// The holders the roster names instead, when `person` does not hold `post`.
fn unheld(
    roster: &Roster,
    changes: &RunChanges,
    person: &str,
    post: &str,
    issuer: &str,
) -> Option<Vec<String>> {
    let region = issuer_region(issuer);
    let full = full_post(post, &region);
    let holders = roster.holders(&full, &region)?;
    let key = crate::model::qualification::name_key(person);
    if holders.iter().any(|h| h.holder == key) || changes.takes(&key, &full) {
        return None;
    }
    Some(holders.iter().map(|h| h.holder.clone()).collect())
}

fn diagnostic(
    span: crate::ast::Span,
    post: &str,
    person: &str,
    holders: &[String],
    roster: &Roster,
) -> Diagnostic {
    let names = holders.join("、");
    RULE.diagnostic(
        span,
        format!("「{person}」并不担任「{post}」：名册 {} 中此职务由「{names}」担任", roster.path),
        format!(
            "「{person}」 does not hold 「{post}」: the roster {} names 「{names}」",
            roster.path
        ),
    )
    .with_label(format!("名册：{names}"), format!("held by {names}"))
    .with_help(
        "核对人名和职务（机构、序数）；名册过时的，先用 gazette roster apply 更新",
        "check the name and the post; if the roster is out of date, run `gazette roster apply` first",
    )
}
