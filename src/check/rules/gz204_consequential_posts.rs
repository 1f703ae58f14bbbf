//! GZ204 consequential-posts (the half that needs no roster).

use crate::ast::ConsequenceKind;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::model::qualification::Ground;

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
给出名册（`--roster`）时还检查另一半：名册记载被终止的人担任常务委员会组成人员或专门委员会职务，而公告
没有写明该职务相应终止（或撤销）；或者公告写明终止的职务，名册记载此人并不担任（名册记载了此人的其他此类职务时）。

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
    against_the_roster(ctx, out);
    for m in ctx.model.qualifications() {
        for c in &m.consequences {
            for p in &c.strangers {
                // An unread sentence that names the holder may be the one that terminates them:
                // say what could not be verified instead of calling the termination missing.
                let key = crate::model::qualification::name_key(&p.name.text);
                let hidden = m
                    .unreadable
                    .iter()
                    .copied()
                    .find(|u| ctx.slice(*u).contains(key.as_str()));
                if let Some(clause) = hidden {
                    out.push(
                        RULE.diagnostic(
                            p.name.span,
                            format!("「{}」的职务相应终止无法核对：公告中有一句未能读懂，可能正是终止其代表资格的一句", p.name.text),
                            format!("the posts of 「{}」 were not checked: a sentence that may terminate them could not be read", p.name.text),
                        )
                        .with_severity(Severity::Note)
                        .with_related(clause, "未能读懂的一句", "the sentence not read"),
                    );
                    continue;
                }
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

/// With a roster: the posts a terminated deputy holds that the notice leaves out, and posts it
/// ends that the roster does not give the person.
fn against_the_roster(ctx: &Context, out: &mut Vec<Diagnostic>) {
    use crate::domain::post::{parse_post, parse_posts};
    use crate::domain::profile::issuer_region;
    use crate::model::personnel::lost_with_mandate;
    use crate::roster::full_post;
    let Some(roster) = ctx.roster() else {
        return;
    };
    for m in ctx.model.qualifications() {
        let region = issuer_region(&m.notice.issuer);
        let profile = ctx.model.profile_for(&m.notice.issuer);
        // The roster's posts of a person that end with the mandate.
        let lost = |key: &str| -> Vec<String> {
            roster
                .offices_of(key)
                .filter(|o| {
                    let info = parse_post(&o.post, None);
                    lost_with_mandate(&info, profile.as_ref().and_then(|p| p.rule(&info)))
                })
                .map(|o| o.post.clone())
                .collect()
        };
        // What the notice states as ending, per introduction.
        let stated = |i: usize| -> Vec<String> {
            m.consequences
                .iter()
                .filter(|c| c.holders.contains(&i))
                .flat_map(|c| parse_posts(c.holding.posts.iter().map(|p| p.text.as_str())))
                .map(|info| full_post(&info.key(), &region))
                .collect()
        };
        for (r, i) in m.terminations() {
            let intro = &m.introductions[i];
            let said = stated(i);
            let missing: Vec<String> = lost(&intro.key)
                .into_iter()
                .filter(|p| !said.contains(p))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let w = if intro.ground == Ground::Recalled {
                "撤销"
            } else {
                "终止"
            };
            let span = r
                .named
                .iter()
                .find(|p| crate::model::qualification::name_key(&p.name.text) == intro.key)
                .map_or(r.clause.span, |p| p.name.span);
            let posts = missing.join("、");
            out.push(
                RULE.diagnostic(
                    span,
                    format!(
                        "「{}」的代表资格终止，名册 {} 记载其担任「{posts}」，公告没有写明该职务相应{w}",
                        intro.person.name.text, roster.path
                    ),
                    format!(
                        "「{}」 loses the mandate; the roster {} has them as 「{posts}」, which the notice does not end",
                        intro.person.name.text, roster.path
                    ),
                )
                .with_label("代表资格终止", "the mandate ends")
                .with_help(
                    format!("补写「其{posts}职务相应{w}」；名册过时的，先用 gazette roster apply 更新"),
                    "state that the posts end with the mandate, or bring the roster up to date",
                ),
            );
        }
        for c in &m.consequences {
            let infos = parse_posts(c.holding.posts.iter().map(|p| p.text.as_str()));
            for &i in &c.holders {
                let intro = &m.introductions[i];
                let known = lost(&intro.key);
                if known.is_empty() {
                    continue;
                }
                for (post, info) in c.holding.posts.iter().zip(&infos) {
                    if known.contains(&full_post(&info.key(), &region)) {
                        continue;
                    }
                    out.push(
                        RULE.diagnostic(
                            post.span,
                            format!(
                                "名册 {} 记载「{}」担任「{}」，没有「{}」",
                                roster.path,
                                intro.person.name.text,
                                known.join("、"),
                                post.text
                            ),
                            format!(
                                "the roster {} has 「{}」 as 「{}」, not 「{}」",
                                roster.path,
                                intro.person.name.text,
                                known.join("、"),
                                post.text
                            ),
                        )
                        .with_label("名册中此人不担任此职务", "not held, per the roster")
                        .with_help(
                            "核对委员会的名称；名册过时的，先用 gazette roster apply 更新",
                            "check the committee's name, or bring the roster up to date",
                        ),
                    );
                }
            }
        }
    }
}
