//! GZ206 count-word-mismatch.

use crate::ast::{Block, Fact, Number, Person, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::qualification::{Ground, Restating};

pub const RULE: RuleDef = RuleDef {
    code: "GZ206",
    name: "count-word-mismatch",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "写出的人数与所指的姓名不符 / a printed count disagrees with the names it counts",
    explanation: r#"## 检查什么 (What it does)
核对文档中每一个计数与它所数的人：
- 「袁观明……等7人的……代表资格终止」：7 = 所列姓名数，或 = 前文引出的终止人数；
- 「出缺5名：长沙陈润生（调离），……」：冒号后列出的人数；
- 「辞去代表职务的代表1名，即麦积区选举的杜田海」：「即」之后的人数；
- 「补选了5名市人大代表。其中：东丰县补选3名（孙弘、韩阳、王树仁）……」：分项之和与括号内的姓名数；
- 「共选出……代表2987名」与「审议确认2987名代表的代表资格全部有效」；
- 补选公告「在……第6选区、……第81选区各补选……代表1名，共计5名」：选区数 × 每区名额 = 共计；
- 同一版上其他文章中的会议报告「关于姜国杰等14名代表的代表资格的报告」：14 = 本页代表资格公告中确认和终止资格的人数，
  且第一个名字是公告中第一个写到的人。

## 为什么 (Why)
计数是读者核对名单的依据；数字与名单不符，必有一处漏印或多印。

## 示例 (Example)
「……表决通过了……关于姜国杰等15名代表的代表资格的报告」，而本页公告确认3人、终止11人。
"#,
    check: Check::File(check),
};

fn count_error(
    count: &Number,
    counted: usize,
    what_zh: &str,
    what_en: &str,
    related: Option<Span>,
) -> Diagnostic {
    let mut d = RULE
        .diagnostic(
            count.span,
            format!("人数不符：写作{}，而{what_zh}为{counted}", count.value),
            format!(
                "count mismatch: {} printed, but {what_en} {counted}",
                count.value
            ),
        )
        .with_label(format!("应为{counted}"), format!("should be {counted}"));
    if let Some(span) = related {
        d = d.with_related(
            span,
            format!("{what_zh}：{counted}"),
            format!("{what_en} {counted}"),
        );
    }
    d
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut page_named: Vec<&Person> = Vec::new();
    let mut page_count = 0usize;
    let mut page_unreadable = false;
    for m in ctx.model.qualifications() {
        page_unreadable |= m.hides_changes(ctx.source);
        page_named.extend(m.introductions.iter().map(|i| i.person));
        for r in &m.restatements {
            page_named.extend(r.named.iter().copied());
            page_count += r.covers.len().max(r.named.len());
        }
        // 「等7人」
        for r in m
            .restatements
            .iter()
            .filter(|r| r.kind == Restating::Termination)
        {
            let Some(count) = r.count else { continue };
            let n = count.value as usize;
            if !r.named.is_empty() && n != r.named.len() && n != r.open_before {
                let span = r.named.iter().map(|p| p.name.span).reduce(Span::cover);
                out.push(count_error(
                    &count,
                    r.named.len(),
                    "所列姓名数",
                    "the names listed number",
                    span,
                ));
            }
        }
        let clauses = &m.clauses;
        for (i, clause) in clauses.iter().enumerate() {
            let Some(fact) = &clause.fact else { continue };
            match fact {
                // 「在…第6选区、…第81选区各补选…代表1名，共计5名」: districts × seats each.
                Fact::ByElectionCall {
                    districts, each, ..
                } => {
                    let sum = clauses[i + 1..].iter().take(2).find_map(|c| match &c.fact {
                        Some(Fact::CountSum { count }) => Some(count),
                        _ => None,
                    });
                    let seats = districts.len() * each.value as usize;
                    if let Some(sum) = sum.filter(|s| s.value as usize != seats) {
                        let listed = districts.iter().map(|d| d.span).reduce(Span::cover);
                        out.push(count_error(
                            sum,
                            seats,
                            &format!("{}个选区各{}名，合计", districts.len(), each.value),
                            &format!("{} districts × {} seats =", districts.len(), each.value),
                            listed,
                        ));
                    }
                }
                // 「出缺5名：…」 counts the people listed after the colon, up to the full stop.
                Fact::Vacancy { word, count } if word.text == "出缺" => {
                    let after = &ctx.source[clause.span.end..];
                    // 「此后，…出缺2名。」「…会议以来，代表出缺2名。」: every mandate ended in the rest
                    // of the notice.
                    let since = clause
                        .time_marker
                        .as_ref()
                        .is_some_and(|t| t.text.contains("此后") || t.text.ends_with("以来"));
                    if since && !after.starts_with(['：', ':']) {
                        let ended = m
                            .introductions
                            .iter()
                            .filter(|x| {
                                x.ground.ends_mandate()
                                    && x.ground != Ground::Detained
                                    && x.clause.start >= clause.span.end
                            })
                            .count();
                        if ended != count.value as usize && m.unreadable.is_empty() {
                            out.push(count_error(
                                count,
                                ended,
                                "其后写明代表资格终止的人数",
                                "the deputies terminated after it number",
                                None,
                            ));
                        }
                        continue;
                    }
                    if !after.starts_with(['：', ':']) {
                        out.push(
                            RULE.diagnostic(
                                count.span,
                                format!("出缺{}名无法核对：其后没有列出所缺的代表", count.value),
                                format!("the vacancy count {} was not checked: no deputies are listed after it", count.value),
                            )
                            .with_severity(Severity::Note),
                        );
                        continue;
                    }
                    let end = clause.span.end + after.find('。').unwrap_or(after.len());
                    let listed = m
                        .introductions
                        .iter()
                        .filter(|x| {
                            x.ground.ends_mandate()
                                && x.clause.start >= clause.span.end
                                && x.clause.end <= end
                        })
                        .count();
                    if listed != count.value as usize && m.unreadable.is_empty() {
                        out.push(count_error(
                            count,
                            listed,
                            "冒号后列出的人数",
                            "the people listed after the colon number",
                            None,
                        ));
                    }
                }
                // 「辞去代表职务的代表1名，即麦积区选举的杜田海」
                Fact::CountFirst { count, .. } => {
                    if let Some(Some(Fact::Enumeration { deputies })) =
                        clauses.get(i + 1).map(|c| &c.fact)
                    {
                        if deputies.len() != count.value as usize {
                            out.push(count_error(
                                count,
                                deputies.len(),
                                "「即」之后的人数",
                                "the people after 「即」 number",
                                Some(clauses[i + 1].span),
                            ));
                        }
                    }
                }
                // 「东丰县补选3名（孙弘、韩阳、王树仁）」
                Fact::ElectionBreakdown { count, persons, .. }
                    if persons.len() != count.value as usize =>
                {
                    out.push(count_error(
                        count,
                        persons.len(),
                        "括号内的姓名数",
                        "the names in parentheses number",
                        None,
                    ));
                }
                // 「补选了5名市人大代表」 and its breakdowns after 「其中：」.
                Fact::CountedElection { count, .. } => {
                    let parts: Vec<u32> = clauses[i + 1..]
                        .iter()
                        .map_while(|c| match &c.fact {
                            Some(Fact::ElectionBreakdown { count, .. }) => Some(Some(count.value)),
                            None => Some(None),
                            _ => None,
                        })
                        .flatten()
                        .collect();
                    let sum: u32 = parts.iter().sum();
                    if !parts.is_empty() && sum != count.value {
                        out.push(count_error(
                            count,
                            sum as usize,
                            "各分项之和",
                            "the parts add up to",
                            None,
                        ));
                    }
                }
                // 「共选出…代表2987名」 against 「审议确认2987名代表…」.
                Fact::ElectedCount { count, .. } => {
                    let confirmed = clauses[i + 1..].iter().find_map(|c| match &c.fact {
                        Some(Fact::Confirmation { count: Some(n), .. }) => Some(*n),
                        _ => None,
                    });
                    if let Some(n) = confirmed {
                        if n.value != count.value {
                            out.push(count_error(
                                &n,
                                count.value as usize,
                                "选出的代表人数",
                                "the deputies elected number",
                                Some(count.span),
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
    }
    // Meeting reports elsewhere on the page: 「关于姜国杰等14名代表的代表资格的报告」.
    page_named.sort_by_key(|p| p.span.start);
    let first = page_named.first();
    for block in &ctx.document.blocks {
        let Block::Opaque(o) = block else { continue };
        for report in &o.deputy_reports {
            let Some(first) = first else { continue };
            if crate::model::qualification::name_key(&report.first.name.text)
                != crate::model::qualification::name_key(&first.name.text)
            {
                out.push(
                    RULE.diagnostic(
                        report.first.name.span,
                        format!(
                            "会议报告以「{}」为首，而本页代表资格公告中第一个写到的是「{}」",
                            report.first.name.text, first.name.text
                        ),
                        format!(
                            "the report names 「{}」 first, but the notice starts with 「{}」",
                            report.first.name.text, first.name.text
                        ),
                    )
                    .with_label("报告中的第一个名字", "first name in the report")
                    .with_related(
                        first.name.span,
                        "公告中的第一个名字",
                        "first name in the notice",
                    ),
                );
            }
            if let Some(count) = report.count {
                if count.value as usize != page_count {
                    let d = count_error(
                        &count,
                        page_count,
                        "本页公告中确认和终止资格的人数",
                        "the deputies confirmed and terminated on this page number",
                        None,
                    );
                    out.push(if page_unreadable {
                        d.with_severity(Severity::Note)
                    } else {
                        d
                    });
                }
            }
        }
    }
}
