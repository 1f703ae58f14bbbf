//! GZ105 term-mismatch.

use crate::ast::{Fact, Meeting, Notice, NoticeBody};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ105",
    name: "term-mismatch",
    severity: Severity::Error,
    enabled_by_default: true,
    summary:
        "编号中的届次与正文中常务委员会的届次不同 / the term in the number differs from the body",
    explanation: r#"## 检查什么 (What it does)
编号中的届次（「〔六届〕」）必须等于通过日期行和正文中本届常务委员会会议的届次
（「重庆市第六届人民代表大会常务委员会第十二次会议」）。

只比较常务委员会会议的届次：换届时由上一届常务委员会确认下一届代表资格的公告
（〔十届〕第三十号确认第十一届代表）中，代表所属大会的届次本就不同。

## 为什么 (Why)
公告按届编号。届次写错，公告就被编入了另一届的序列，引用时会找错。

## 示例 (Example)
编号「〔五届〕第56号」，通过日期行「……重庆市第六届人民代表大会常务委员会第十二次会议通过」。

## 应改为 (Use instead)
「〔六届〕第56号」。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let Some(term) = notice.header.number.as_ref().and_then(|n| n.term) else {
            continue;
        };
        for meeting in meetings(notice) {
            let Some(named) = meeting.body.term else {
                continue;
            };
            if named.value != term.value {
                // Quote the numerals as printed (十五, not 15).
                let (printed, body) = (ctx.slice(term.span), ctx.slice(named.span));
                out.push(
                    RULE.diagnostic(
                        term.span,
                        format!("编号中的届次「{printed}届」与正文中的「第{body}届」不同"),
                        format!(
                            "the number says term {} but the body names term {}",
                            term.value, named.value
                        ),
                    )
                    .with_label(
                        format!("编号为「{printed}届」"),
                        format!("the number says term {}", term.value),
                    )
                    .with_related(
                        named.span,
                        format!("正文为第{body}届"),
                        format!("the body names term {}", named.value),
                    ),
                );
                break;
            }
        }
    }
}

/// Meetings of the issuing standing committee that the notice names.
fn meetings(notice: &Notice) -> Vec<&Meeting> {
    let mut out: Vec<&Meeting> = notice
        .adoption
        .iter()
        .filter_map(|a| a.meeting.as_ref())
        .collect();
    if let NoticeBody::Qualification(q) = &notice.body {
        for clause in q.paragraphs.iter().flat_map(|p| &p.clauses) {
            if let Some(Fact::Review { meeting: Some(m) }) = &clause.fact {
                out.push(m);
            }
        }
    }
    // Only standing-committee meetings carry the term of the notice series.
    out.retain(|m| m.body.text.ends_with("常务委员会") || m.body.text.ends_with("常委会"));
    out
}
