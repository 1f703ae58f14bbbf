//! GZ311 deputy-only-post (within a run).

use std::collections::BTreeSet;

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::personnel::Direction;
use crate::roster::congress_of_issuer;

pub const RULE: RuleDef = RuleDef {
    code: "GZ311",
    name: "deputy-only-post",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "专门委员会职务任命给了不是代表的人 / a special-committee post for a non-deputy",
    explanation: r#"## 检查什么 (What it does)
专门委员会的副主任委员、委员必须是本级人民代表大会代表。本次检查的文件中，被任命为专门委员会职务的人，
其代表资格在同一批公告中被终止，报错。给出名册（`--roster`）且名册列出了该届大会的全部代表（名单人数等于
`seated`）时，被任命的人不在名单中、本次检查中也没有被确认代表资格，同样报错；名单不全时不下结论。

## 为什么 (Why)
地方组织法（2022）第三十四条：专门委员会成员从代表中提名；选举法第五十四条、第五十六条：代表资格终止，
专门委员会职务随之终止或撤销。

## 示例 (Example)
同一版上：「……决定接受赵勇辞去……代表职务……」，又「二、任命　赵勇为重庆市人大社会建设委员会委员；」
"#,
    check: Check::Run(check),
};

fn check(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    not_on_the_roster(contexts, out);
    let mut terminated = BTreeSet::new();
    for ctx in contexts {
        for m in ctx.model.qualifications() {
            terminated.extend(
                m.terminations()
                    .map(|(_, i)| m.introductions[i].key.clone()),
            );
        }
    }
    for (file, ctx) in contexts.iter().enumerate() {
        for m in ctx.model.moves() {
            let deputy_only = m.rule.is_some_and(|r| r.deputy_only);
            if deputy_only && m.direction == Direction::In && terminated.contains(&m.person_key()) {
                out.push((
                    file,
                    RULE.diagnostic(
                        m.person.name.span,
                        format!(
                            "「{}」的代表资格在本批公告中终止，不能担任「{}」",
                            m.person.name.text, m.post.text
                        ),
                        format!(
                            "「{}」 loses the mandate in this run and cannot hold 「{}」",
                            m.person.name.text, m.post.text
                        ),
                    )
                    .with_label("代表资格已终止", "no longer a deputy")
                    .with_help(
                        "专门委员会成员须为本级人民代表大会代表（地方组织法第三十四条）",
                        "special-committee members must be deputies (地方组织法 Art. 34)",
                    ),
                ));
            }
        }
    }
}

/// With a roster that lists every deputy: an appointee who is not one.
fn not_on_the_roster(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    let Some((roster, changes)) = Context::run_changes_with_roster(contexts) else {
        return;
    };
    for (file, ctx) in contexts.iter().enumerate() {
        for m in ctx.model.moves() {
            let deputy_only = m.rule.is_some_and(|r| r.deputy_only);
            if !deputy_only || m.direction != Direction::In {
                continue;
            }
            let person = m.person_key();
            if changes.confirmed.contains(&person) || changes.terminated.contains(&person) {
                continue;
            }
            let Some(congress) =
                roster.congress(&congress_of_issuer(&m.notice.issuer), m.notice.term)
            else {
                continue;
            };
            if congress.is_deputy(&person) != Some(false) {
                continue;
            }
            out.push((
                file,
                RULE.diagnostic(
                    m.person.name.span,
                    format!(
                        "「{}」不是{}代表（名册 {} 所列{}名代表中没有此人），不能担任「{}」",
                        m.person.name.text,
                        congress.name,
                        roster.path,
                        congress.deputies.len(),
                        m.post.text
                    ),
                    format!(
                        "「{}」 is not a deputy of {} (not among the {} deputies of the roster {}) and cannot hold 「{}」",
                        m.person.name.text,
                        congress.name,
                        congress.deputies.len(),
                        roster.path,
                        m.post.text
                    ),
                )
                .with_label("名册中不是代表", "not a deputy in the roster")
                .with_help(
                    "专门委员会成员须为本级人民代表大会代表（地方组织法第三十四条）；核对姓名，或先确认其代表资格",
                    "special-committee members must be deputies (地方组织法 Art. 34); check the name",
                ),
            ));
        }
    }
}
