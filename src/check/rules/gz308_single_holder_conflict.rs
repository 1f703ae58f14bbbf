//! GZ308 single-holder-conflict (within a run).

use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::domain::profile::issuer_region;
use crate::model::personnel::Direction;

pub const RULE: RuleDef = RuleDef {
    code: "GZ308",
    name: "single-holder-conflict",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "只能有一人担任的职务任命了两人 / a single-holder post given to two people",
    explanation: r#"## 检查什么 (What it does)
院长、检察长、庭长、局长等只能由一人担任的职务（任免范围配置中的 `single`），在本次检查的所有文件中被任命给了两个不同的人。
给出名册（`--roster`）时还检查另一半：名册记载的现任者在本次检查中既未免去、也未辞职（也未随代表资格终止），
却任命了另一人。代理（「代理院长」）的决定由 GZ403 检查。

## 为什么 (Why)
一个职务同时有两名正职，必有一处写错了人或职务。

## 示例 (Example)
「易晓东为重庆市第一中级人民法院院长；王剑波为重庆市第一中级人民法院院长。」

名册中「重庆市第三中级人民法院院长」由蒋佩伏担任，本批公告任命另一人为该院院长，却没有免去蒋佩伏的院长职务。
"#,
    check: Check::Run(check),
};

fn check(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    holder_stays(contexts, out);
    // The first appointment to each single-holder post: (file, person, span, name).
    let mut given: crate::hash::HashMap<String, (usize, String, crate::ast::Span, String)> =
        crate::hash::HashMap::default();
    for (file, ctx) in contexts.iter().enumerate() {
        for m in ctx.model.moves() {
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

/// With a roster: a single-holder post given while the holder it names stays.
fn holder_stays(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    let Some((roster, changes)) = Context::run_changes_with_roster(contexts) else {
        return;
    };
    for (file, ctx) in contexts.iter().enumerate() {
        for m in ctx.model.moves() {
            let single = m.rule.is_some_and(|r| r.single);
            if !single || m.direction != Direction::In || m.info.acting {
                continue;
            }
            let post = m.full_post();
            let Some(holders) = roster.holders(&post, &issuer_region(&m.notice.issuer)) else {
                continue;
            };
            let person = m.person_key();
            for h in holders {
                if h.holder == person || changes.leaves(&h.holder, &post) {
                    continue;
                }
                out.push((
                    file,
                    RULE.diagnostic(
                        m.post.span,
                        format!(
                            "「{}」只能由一人担任：名册 {} 中现由「{}」担任，本批公告没有免去其职务或接受其辞职",
                            m.post.text, roster.path, h.holder
                        ),
                        format!(
                            "「{}」 has one holder: the roster {} names 「{}」, who is neither removed nor resigned in this run",
                            m.post.text, roster.path, h.holder
                        ),
                    )
                    .with_label(
                        format!("任命「{}」", m.person.name.text),
                        "a second holder",
                    )
                    .with_help(
                        format!("一并免去「{}」的该职务；若名册已过时，先用 gazette roster apply 更新", h.holder),
                        "remove the holder in the same list, or bring the roster up to date with `gazette roster apply`",
                    ),
                ));
                break;
            }
        }
    }
}
