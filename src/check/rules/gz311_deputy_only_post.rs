//! GZ311 deputy-only-post (within a run).

use std::collections::BTreeSet;

use crate::check::personnel::{moves, Direction};
use crate::check::qualification::{QualificationModel, Restating};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ311",
    name: "deputy-only-post",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "专门委员会职务任命给了不是代表的人 / a special-committee post for a non-deputy",
    explanation: r#"## 检查什么 (What it does)
专门委员会的副主任委员、委员必须是本级人民代表大会代表。本次检查的文件中，被任命为专门委员会职务的人，
其代表资格在同一批公告中被终止，报错。（不是代表的人被任命——需要名册——在名册功能中检查。）

## 为什么 (Why)
地方组织法（2022）第三十四条：专门委员会成员从代表中提名；选举法第五十四条、第五十六条：代表资格终止，
专门委员会职务随之终止或撤销。

## 示例 (Example)
同一版上：「……决定接受赵勇辞去……代表职务……」，又「二、任命　赵勇为重庆市人大社会建设委员会委员；」
"#,
    check: Check::Run(check),
};

fn check(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    let mut terminated = BTreeSet::new();
    for ctx in contexts {
        for m in QualificationModel::all(ctx.document) {
            for r in m
                .restatements
                .iter()
                .filter(|r| r.kind == Restating::Termination)
            {
                for &i in &r.covers {
                    terminated.insert(m.introductions[i].key.clone());
                }
            }
        }
    }
    for (file, ctx) in contexts.iter().enumerate() {
        for m in moves(ctx) {
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
