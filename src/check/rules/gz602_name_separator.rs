//! GZ602 name-separator.
//!
//! Also the walk over every list of persons in a notice, which GZ005, GZ603 and GZ605 use to
//! know whether a character stands inside a name.

use crate::ast::{DeputyRef, Fact, Notice, NoticeBody, Person, Post, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ602",
    name: "name-separator",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "并列的姓名之间应用顿号「、」 / parallel names are separated by 「、」",
    explanation: r#"## 检查什么 (What it does)
同一任免条目或同一代表资格条款中并列的几个姓名（「朱学元、王峰、彭劲荣为……」
「万相兰、余长明辞去……」）之间只能用顿号「、」。用了逗号「，」「,」、分号或空格的报出，
可自动改为「、」。「和」「及」连接的姓名不报；姓名后带括注（「王军（黑龙江）、王敏刚」）
照样用顿号。按选举单位分组、组与组之间用逗号的写法（湖南「长沙陈润生（调离），衡阳李江（辞职）、
陈雪梅（辞职）」）是两个条款，不在本规则之内。

## 为什么 (Why)
GB/T 15834-2011 4.5.3.1：顿号用于并列词语之间；4.5.3.5：并列各项后有括注时仍用顿号。
逗号分开的姓名会被读成两个分句，空格分开的会被当成一个姓名（比对人数、核对姓名都会出错）。

## 示例 (Example)
```
朱学元，王峰，彭劲荣为重庆市人民检察院检察委员会委员；
```

## 应改为 (Use instead)
```
朱学元、王峰、彭劲荣为重庆市人民检察院检察委员会委员；
```

## 依据 (References)
GB/T 15834-2011《标点符号用法》4.5.3.1、4.5.3.5；DOMAIN.md §3。
"#,
    check: Check::File(check),
};

/// Every list of parallel persons in a notice, in source order: the persons of one entry item,
/// of one clause, of one holding, or of one group of deputies designated together.
pub(crate) fn person_lists(notice: &Notice) -> Vec<Vec<&Person>> {
    let mut out = Vec::new();
    match &notice.body {
        NoticeBody::Personnel(list) => {
            for item in list
                .sections
                .iter()
                .flat_map(|s| &s.entries)
                .flat_map(|e| &e.items)
            {
                out.push(item.persons.iter().collect());
            }
        }
        NoticeBody::Qualification(body) => {
            for fact in body
                .paragraphs
                .iter()
                .flat_map(|p| &p.clauses)
                .filter_map(|c| c.fact.as_ref())
            {
                fact_lists(fact, &mut out);
            }
        }
        NoticeBody::Decision(_) => {}
    }
    out
}

fn fact_lists<'a>(fact: &'a Fact, out: &mut Vec<Vec<&'a Person>>) {
    match fact {
        Fact::Election { items, .. } => {
            for item in items {
                out.push(item.persons.iter().collect());
            }
        }
        Fact::Substitution { persons, .. }
        | Fact::Confirmation { persons, .. }
        | Fact::Resignation { persons, .. }
        | Fact::Recall { persons, .. }
        | Fact::Mourning { persons }
        | Fact::Termination { persons, .. }
        | Fact::ElectionBreakdown { persons, .. } => out.push(persons.iter().collect()),
        Fact::ConsequentialLoss { holdings, .. } => {
            for h in holdings {
                out.push(h.holders.iter().collect());
            }
        }
        Fact::Transfer { deputies, .. }
        | Fact::Death { deputies, .. }
        | Fact::Illness { deputies }
        | Fact::Enumeration { deputies }
        | Fact::ListedDeputies { deputies, .. }
        | Fact::Designated { deputies }
        | Fact::Detention { deputies, .. } => groups(deputies, out),
        _ => {}
    }
}

/// Deputies designated together (one unit, one congress: the same group span) form one list.
fn groups<'a>(deputies: &'a [DeputyRef], out: &mut Vec<Vec<&'a Person>>) {
    let mut current: Vec<&Person> = Vec::new();
    let mut group: Option<Span> = None;
    for d in deputies {
        if group != Some(d.span) && !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        group = Some(d.span);
        current.push(&d.person);
    }
    if !current.is_empty() {
        out.push(current);
    }
}

/// Every person of the notice.
pub(crate) fn persons(notice: &Notice) -> Vec<&Person> {
    person_lists(notice).into_iter().flatten().collect()
}

/// Every post printed in the notice's entries and 「……职务相应终止」 clauses.
pub(crate) fn posts(notice: &Notice) -> Vec<&Post> {
    let mut out = Vec::new();
    match &notice.body {
        NoticeBody::Personnel(list) => {
            for item in list
                .sections
                .iter()
                .flat_map(|s| &s.entries)
                .flat_map(|e| &e.items)
            {
                out.extend(&item.posts);
            }
        }
        NoticeBody::Qualification(body) => {
            for fact in body
                .paragraphs
                .iter()
                .flat_map(|p| &p.clauses)
                .filter_map(|c| c.fact.as_ref())
            {
                if let Fact::ConsequentialLoss { holdings, .. } = fact {
                    out.extend(holdings.iter().flat_map(|h| &h.posts));
                }
            }
        }
        NoticeBody::Decision(_) => {}
    }
    out
}

fn is_separator_char(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | ' ' | '\u{3000}' | '\t')
}

/// The text between two names of one list when it is punctuation or space other than 「、」.
/// Conjunctions (和, 及) are words, not separators, and are left alone.
fn wrong_separator(source: &str, a: &Person, b: &Person) -> Option<Span> {
    let between = source.get(a.span.end..b.span.start)?;
    if between.is_empty() || between == "、" || between.contains('、') {
        return None;
    }
    between
        .chars()
        .all(is_separator_char)
        .then(|| Span::new(a.span.end, b.span.start))
}

/// The wrong separators of a notice (GZ601 and GZ605 leave these to this rule).
pub(crate) fn wrong_separators(notice: &Notice, source: &str) -> Vec<Span> {
    person_lists(notice)
        .iter()
        .flat_map(|list| list.windows(2))
        .filter_map(|w| wrong_separator(source, w[0], w[1]))
        .collect()
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        for list in person_lists(notice) {
            for w in list.windows(2) {
                let Some(span) = wrong_separator(ctx.source, w[0], w[1]) else {
                    continue;
                };
                let sep = ctx.slice(span);
                let shown = if sep.trim().is_empty() {
                    "空格".to_string()
                } else {
                    format!("「{}」", sep.trim())
                };
                let shown_en = if sep.trim().is_empty() {
                    "a space".to_string()
                } else {
                    format!("「{}」", sep.trim())
                };
                out.push(
                    RULE.diagnostic(
                        span,
                        format!(
                            "并列的姓名「{}」「{}」之间应用顿号「、」，此处为{shown}",
                            w[0].name.text, w[1].name.text
                        ),
                        format!(
                            "parallel names 「{}」 and 「{}」 are separated by 「、」, not {shown_en}",
                            w[0].name.text, w[1].name.text
                        ),
                    )
                    .with_label("应为「、」", "should be 「、」")
                    .with_fix(
                        "改为顿号「、」",
                        "write 「、」",
                        vec![Edit {
                            span,
                            replacement: "、".into(),
                        }],
                    ),
                );
            }
        }
    }
}
