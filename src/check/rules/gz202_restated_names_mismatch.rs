//! GZ202 restated-names-mismatch.

use crate::ast::{Fact, NoticeBody, Person, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::qualification::{Ground, QualificationModel, Restating};

pub const RULE: RuleDef = RuleDef {
    code: "GZ202",
    name: "restated-names-mismatch",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "复述的姓名与前文不一致 / a clause restates other names than the clause that introduced them",
    explanation: r#"## 检查什么 (What it does)
代表资格公告先写事由（补选、辞职、罢免、调离、去世），再复述姓名写结果（「X、Y的代表资格终止」
「确认X、Y的代表资格有效」）。复述的姓名必须正是前文引出的那些人：
- 复述了前文没有的人，或前文的人没有被复述：error；
- 人是对的，只是次序与引出他们的那一句不同：warning（由几句分别引出的人，例如几个选举单位
  在不同日期补选的代表，复述时可按公告自己的次序排列，不报）。
比较时去掉姓名后的说明（王军（黑龙江）= 王军）、对齐用的空格（王　军 = 王军）和不可见字符。
公告中有无法识别的条款（GZ003）时，本规则不对缺失的人下结论。

## 为什么 (Why)
复述时漏掉、多出或写错一个名字，公告就终止了错误的人的资格，或漏掉了应终止的人。

## 示例 (Example)
「……决定接受万相兰、余长明辞去……代表职务，……依照代表法的有关规定，万相兰、余长民的……代表资格终止。」

## 应改为 (Use instead)
「……万相兰、余长明的……代表资格终止。」
"#,
    check: Check::File(check),
};

fn persons_span(persons: &[&Person]) -> Option<Span> {
    let first = persons.first()?;
    Some(
        persons
            .iter()
            .fold(first.name.span, |s, p| s.cover(p.name.span)),
    )
}

/// Points from a misspelt name to the introduced one it is one character off.
fn did_you_mean(d: Diagnostic, intro: &Person, label: (&'static str, &'static str)) -> Diagnostic {
    d.with_related(intro.name.span, label.0, label.1).with_help(
        format!("是否应为「{}」？", intro.name.text),
        format!("did you mean 「{}」?", intro.name.text),
    )
}

/// An introduction not restated whose name differs from `p` in one character.
fn near_miss(m: &QualificationModel, p: &Person, restated: &[usize]) -> Option<usize> {
    let a = crate::model::qualification::name_key(&p.name.text);
    (0..m.introductions.len())
        .filter(|i| !restated.contains(i))
        .find(|&i| crate::model::names::one_char_apart(&a, &m.introductions[i].key))
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for m in ctx.model.qualifications() {
        let unreadable = !m.unreadable.is_empty();
        let restated: Vec<usize> = m
            .restatements
            .iter()
            .flat_map(|r| r.covers.iter().copied())
            .collect();
        let mut misspelt: Vec<usize> = Vec::new();
        for r in &m.restatements {
            let (what_zh, what_en) = match r.kind {
                Restating::Termination => ("资格终止", "termination"),
                Restating::Confirmation => ("确认有效", "confirmation"),
            };
            // Names that nothing before introduced. A name one character off an introduced
            // name that is not restated is one misspelling, reported once.
            if !unreadable {
                for p in &r.strangers {
                    let near = near_miss(m, p, &restated);
                    let mut d = RULE
                        .diagnostic(
                            p.name.span,
                            format!("「{}」在{what_zh}中被复述，但前文没有引出此人", p.name.text),
                            format!(
                                "「{}」 is restated in a {what_en} but was not introduced before",
                                p.name.text
                            ),
                        )
                        .with_label("前文没有此人", "not introduced before");
                    d = match near {
                        Some(i) => {
                            misspelt.push(i);
                            let intro = m.introductions[i].person;
                            did_you_mean(d, intro, ("前文引出的人", "introduced here"))
                        }
                        None => d.with_help(
                            "核对姓名是否写错，或前文是否漏写了此人的事由",
                            "check the spelling, or whether the clause introducing this person is missing",
                        ),
                    };
                    out.push(d);
                }
            }
            // Right people, other order — of one clause's list. People introduced by several
            // clauses (by-elections of several bodies on several dates) are restated in an
            // order of the notice's own choosing: 台州 2024 confirms 汤保国 before 庞明亮, who
            // was elected a day earlier.
            let one_clause = r
                .covers
                .windows(2)
                .all(|w| m.introductions[w[0]].clause == m.introductions[w[1]].clause);
            if r.strangers.is_empty() && r.named.len() > 1 && one_clause {
                let mut sorted = r.covers.clone();
                sorted.sort_unstable();
                if sorted != r.covers {
                    let intro = r
                        .covers
                        .iter()
                        .map(|&i| m.introductions[i].clause)
                        .reduce(Span::cover);
                    let mut d = RULE
                        .diagnostic(
                            persons_span(&r.named).unwrap_or(r.clause.span),
                            "复述的姓名次序与前文不同",
                            "the names are restated in another order than introduced",
                        )
                        .with_severity(Severity::Warning)
                        .with_label("次序与前文不同", "order differs");
                    if let Some(span) = intro {
                        d = d.with_related(span, "前文的次序", "the order introduced");
                    }
                    out.push(d);
                }
            }
        }
        if unreadable {
            continue;
        }
        // 「…对X代表的去世表示哀悼」 restates the deputies whose death the notice reports.
        let NoticeBody::Qualification(body) = &m.notice.body else {
            continue;
        };
        let mourned = body
            .paragraphs
            .iter()
            .flat_map(|p| &p.clauses)
            .filter_map(|c| match &c.fact {
                Some(Fact::Mourning { persons }) => Some(persons),
                _ => None,
            })
            .flatten();
        for p in mourned {
            let key = crate::model::qualification::name_key(&p.name.text);
            let died = |i: &usize| m.introductions[*i].ground == Ground::Died;
            if (0..m.introductions.len())
                .filter(died)
                .any(|i| m.introductions[i].key == key)
            {
                continue;
            }
            let others: Vec<usize> = (0..m.introductions.len()).filter(|i| !died(i)).collect();
            let near = near_miss(m, p, &others);
            let d = RULE
                .diagnostic(
                    p.name.span,
                    format!("「{}」在哀悼中被提及，但前文没有此人去世", p.name.text),
                    format!(
                        "「{}」 is mourned but the notice reports no death of this person",
                        p.name.text
                    ),
                )
                .with_label("前文没有此人去世", "no death reported");
            out.push(match near {
                Some(i) => did_you_mean(
                    d,
                    m.introductions[i].person,
                    ("前文去世的代表", "the death reported"),
                ),
                None => d.with_help(
                    "核对姓名是否写错，或前文是否漏写了此人去世的事由",
                    "check the spelling, or whether the clause reporting the death is missing",
                ),
            });
        }
        // People introduced but never restated, when the notice does restate others.
        for kind in [Restating::Termination, Restating::Confirmation] {
            let restating: Vec<_> = m.restatements.iter().filter(|r| r.kind == kind).collect();
            let Some(last) = restating.last() else {
                continue;
            };
            let covered: Vec<usize> = restating
                .iter()
                .flat_map(|r| r.covers.iter().copied())
                .collect();
            for (i, intro) in m.introductions.iter().enumerate() {
                let needs = match kind {
                    Restating::Termination => {
                        intro.ground.ends_mandate() && intro.ground != Ground::Detained
                    }
                    Restating::Confirmation => !intro.ground.ends_mandate(),
                };
                if !needs || intro.vacated || covered.contains(&i) || misspelt.contains(&i) {
                    continue;
                }
                let (zh, en) = match kind {
                    Restating::Termination => (
                        format!(
                            "「{}」（{}）没有写明代表资格终止",
                            intro.person.name.text,
                            intro.ground.zh()
                        ),
                        format!(
                            "「{}」 ({}) is not stated as terminated",
                            intro.person.name.text,
                            intro.ground.en()
                        ),
                    ),
                    Restating::Confirmation => (
                        format!(
                            "「{}」（{}）没有写明代表资格确认有效",
                            intro.person.name.text,
                            intro.ground.zh()
                        ),
                        format!(
                            "「{}」 ({}) is not stated as confirmed",
                            intro.person.name.text,
                            intro.ground.en()
                        ),
                    ),
                };
                out.push(
                    RULE.diagnostic(intro.person.name.span, zh, en)
                        .with_label("前文引出此人", "introduced here")
                        .with_related(
                            persons_span(&last.named).unwrap_or(last.clause.span),
                            "复述的姓名中没有此人",
                            "not among the names restated",
                        ),
                );
            }
        }
    }
}
