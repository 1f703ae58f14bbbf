//! GZ103 notice-order.

use crate::hash::HashMap;

use crate::ast::Span;
use crate::check::{normalise_body, Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ103",
    name: "notice-order",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "同一机关的公告未按编号顺序排列 / notices of one issuer out of number order",
    explanation: r#"## 检查什么 (What it does)
同一文档中同一发布机关、同一届次的公告，编号应从小到大排列。报告排在更大编号之后的公告。

## 为什么 (Why)
公报与档案按编号编排，读者据编号查找；顺序颠倒容易让人以为缺号或重号。
报纸版面有时按版式需要调整顺序，此时由编辑决定是否保留（这是 warning）。

## 示例 (Example)
第56号、第57号、第63号、第64号之后才是第58号。

## 应改为 (Use instead)
把第58号移到第57号之后。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // The largest number seen so far for each issuer and term, and where it was.
    let mut highest: HashMap<(String, Option<u32>), (u32, Span, String)> = HashMap::default();
    for notice in ctx.document.notices() {
        let (Some(number), Some(line)) = (notice.number, notice.header.number.as_ref()) else {
            continue;
        };
        let key = (normalise_body(&notice.issuer), notice.term);
        let this = crate::check::printed_number(ctx.source, notice).unwrap_or_default();
        match highest.get(&key) {
            Some((max, at, max_text)) if number < *max => out.push(
                RULE.diagnostic(
                    line.span,
                    format!("{this}排在{max_text}之后，公告未按编号顺序排列"),
                    format!("notice {number} comes after notice {max}"),
                )
                .with_label(this.clone(), format!("number {number}"))
                .with_related(
                    *at,
                    format!("{max_text}在前"),
                    format!("number {max} comes first"),
                )
                .with_help(
                    "按编号从小到大排列；若版面有意如此编排，可保留",
                    "order notices by number, unless the page layout requires otherwise",
                ),
            ),
            Some((max, _, _)) if number == *max => {}
            _ => {
                highest.insert(key, (number, line.span, this));
            }
        }
    }
}
