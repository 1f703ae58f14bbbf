//! GZ108 meeting-mismatch.

use crate::hash::HashMap;

use crate::ast::{AdoptionLine, Meeting};
use crate::check::{normalise_body, Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ108",
    name: "meeting-mismatch",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "同一次会议的日期或次数前后不一 / one meeting cited with different dates or ordinals",
    explanation: r#"## 检查什么 (What it does)
同一文档中的通过日期行：同一机关同一次会议写了不同的日期，或同一机关同一天写了不同的会议次数。

## 为什么 (Why)
同一版上的公告通常出自同一次常委会会议；日期或「第N次会议」不一致，必有一处抄错。

## 示例 (Example)
一处「（2024年11月28日……第十二次会议通过）」，另一处「（2024年11月28日……第十一次会议通过）」。
"#,
    check: Check::File(check),
};

/// An adoption line and the meeting it names.
type Adopted<'a> = (&'a AdoptionLine, &'a Meeting);

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut by_meeting: HashMap<(String, u32), Adopted> = HashMap::default();
    let mut by_date: HashMap<(String, (u32, u32, u32)), Adopted> = HashMap::default();
    for notice in ctx.document.notices() {
        let Some(a) = &notice.adoption else { continue };
        let Some(meeting) = &a.meeting else { continue };
        let body = normalise_body(&meeting.body.text);
        let date = (a.date.year.value, a.date.month.value, a.date.day.value);
        let ordinal = meeting.ordinal.value;
        match by_meeting.get(&(body.clone(), ordinal)) {
            Some(first)
                if (
                    first.0.date.year.value,
                    first.0.date.month.value,
                    first.0.date.day.value,
                ) != date =>
            {
                out.push(
                    RULE.diagnostic(
                        a.date.span,
                        format!(
                            "第{}次会议的日期与前文不同",
                            ctx.slice(meeting.ordinal.span)
                        ),
                        format!("meeting {ordinal} is dated differently elsewhere"),
                    )
                    .with_label("此处的日期", "this date")
                    .with_related(
                        first.0.date.span,
                        "前文的日期",
                        "the earlier date",
                    ),
                );
            }
            Some(_) => {}
            None => {
                by_meeting.insert((body.clone(), ordinal), (a, meeting));
            }
        }
        match by_date.get(&(body.clone(), date)) {
            Some(first) if first.1.ordinal.value != ordinal => {
                out.push(
                    RULE.diagnostic(
                        meeting.ordinal.span,
                        format!(
                            "同一天的会议次数不同：此处为第{}次，前文为第{}次",
                            ctx.slice(meeting.ordinal.span),
                            ctx.slice(first.1.ordinal.span)
                        ),
                        format!(
                            "the same day's meeting is numbered {ordinal} here and {} earlier",
                            first.1.ordinal.value
                        ),
                    )
                    .with_label("会议次数", "meeting ordinal")
                    .with_related(
                        first.1.ordinal.span,
                        "前文的会议次数",
                        "the earlier ordinal",
                    ),
                );
            }
            Some(_) => {}
            None => {
                by_date.insert((body, date), (a, meeting));
            }
        }
    }
}
