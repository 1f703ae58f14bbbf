//! GZ308 single-holder-conflict (within a run).

use crate::check::personnel::{moves, Direction};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ308",
    name: "single-holder-conflict",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "只能有一人担任的职务任命了两人 / a single-holder post given to two people",
    explanation: r#"## 检查什么 (What it does)
院长、检察长、庭长、局长等只能由一人担任的职务（辖区配置中的 `single`），在本次检查的所有文件中被任命给了两个不同的人。
（需要名册才能知道的另一半——任命时原任者既未免去也未辞职——在名册功能中检查。）

## 为什么 (Why)
一个职务同时有两名正职，必有一处写错了人或职务。

## 示例 (Example)
「易晓东为重庆市第一中级人民法院院长；王剑波为重庆市第一中级人民法院院长。」
"#,
    check: Check::Run(check),
};

fn check(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    // The first appointment to each single-holder post: (file, person, span, name).
    let mut given: std::collections::HashMap<String, (usize, String, crate::ast::Span, String)> =
        std::collections::HashMap::new();
    for (file, ctx) in contexts.iter().enumerate() {
        for m in moves(ctx) {
            let single = m.rule.is_some_and(|r| r.single);
            if !single || m.direction != Direction::In || m.info.acting {
                continue;
            }
            let (post, person) = (m.info.key(), m.person_key());
            let other = given.get(&post).filter(|g| g.1 != person);
            if let Some((f, _, span, name)) = other {
                let mut d = RULE
                    .diagnostic(
                        m.post.span,
                        format!("「{}」只能由一人担任，本次已任命「{name}」", m.post.text),
                        format!(
                            "「{}」 has one holder; 「{name}」 is appointed to it too",
                            m.post.text
                        ),
                    )
                    .with_label(
                        format!("又任命了「{}」", m.person.name.text),
                        "a second appointment",
                    )
                    .with_help(
                        "核对两条任命的职务，其中一条多半写错了机构或职务",
                        "one of the two appointments probably names the wrong post",
                    );
                if *f == file {
                    d = d.with_related(*span, format!("任命「{name}」"), "the first appointment");
                }
                out.push((file, d));
            } else {
                given.entry(post).or_insert((
                    file,
                    person,
                    m.post.span,
                    m.person.name.text.clone(),
                ));
            }
        }
    }
}
