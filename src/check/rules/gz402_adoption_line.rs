//! GZ402 adoption-line.

use crate::ast::{DecisionKind, NoticeBody};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ402",
    name: "adoption-line",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "决定缺少或写错通过日期行 / a decision's adoption line is missing or malformed",
    explanation: r#"## 检查什么 (What it does)
决定、决议须有通过日期行「（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）」：
日期、会议（机关 + 第N次会议）和「通过」，在圆括号中。缺了，或写成了语法认不出的样子（少了会议次数、少了「通过」），报错。
只写日期、不写会议的（「（2024年3月15日通过）」）能读懂，报警告：早年的文件（如1960年代全国人大常委会的决议）
确有这样印的，今天的决定应写明通过的会议。

## 为什么 (Why)
通过日期行表明决定由哪次会议、在哪天通过，是决定生效的依据。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let NoticeBody::Decision(d) = &notice.body else {
            continue;
        };
        if let Some(a) = &notice.adoption {
            // Read, but without the meeting (the NPCSC printed 「（1964年4月17日通过）」 in the
            // 1960s): today's notices name the body and the meeting that adopted them.
            if a.meeting.is_none() {
                out.push(
                    RULE.diagnostic(
                        a.span,
                        "通过日期行没有写明通过的会议",
                        "the adoption line does not name the meeting that adopted it",
                    )
                    .with_severity(Severity::Warning)
                    .with_label("缺少会议名称", "no meeting named")
                    .with_help(
                        "如「（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）」；早年的文件只写日期的，可忽略",
                        "e.g. 「（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）」; documents of early years that print only the date may be left as they are",
                    ),
                );
            }
            continue;
        }
        // A line that looks like an adoption line but does not read as one, possibly broken
        // over two lines (亳州 2021: 「（2021729日…人民代表大会」 / 「常务委员会第…次会议通过）」).
        let malformed = d.paragraphs.iter().enumerate().find_map(|(i, p)| {
            let t = p.text.as_str();
            let dated = t
                .chars()
                .take(4)
                .all(|c| c.is_ascii_digit() || "〇零一二三四五六七八九".contains(c));
            let mut text = t.to_string();
            let mut span = p.span;
            if t.starts_with(['（', '(']) && !t.contains(['）', ')']) {
                if let Some(next) = d.paragraphs.get(i + 1) {
                    text.push_str(&next.text);
                    span = span.cover(next.span);
                }
            }
            ((t.starts_with(['（', '(']) || dated)
                && text.contains("会议")
                && text.contains("通过"))
            .then_some(span)
        });
        let (span, zh, en) = match (malformed, &d.title) {
            (Some(span), _) => (
                span,
                "通过日期行格式不正确：应为「（日期 + 机关 + 第N次会议通过）」",
                "malformed adoption line: expected 「（date + body + 第N次会议通过）」",
            ),
            (None, Some(t)) => match t.kind {
                DecisionKind::Resolution => (
                    t.span,
                    "决议缺少通过日期行",
                    "the resolution has no adoption line",
                ),
                DecisionKind::Decision => (
                    t.span,
                    "决定缺少通过日期行",
                    "the decision has no adoption line",
                ),
            },
            // A 公告 whose body is a decision's text without its title (长阳 2022: 「…会议决定：
            // …召开」; 宁夏 2016: 「《…的决定》已由…会议于…通过，现予公布」) states its adoption in
            // its own words.
            (None, None) => continue,
        };
        out.push(
            RULE.diagnostic(span, zh, en)
                .with_label("此处应有通过日期行", "adoption line expected")
                .with_help(
                    "如「（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）」",
                    "e.g. 「（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）」",
                ),
        );
    }
}
