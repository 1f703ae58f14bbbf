//! GZ102 duplicate-notice-number.

use crate::hash::HashMap;

use crate::ast::Span;
use crate::check::{normalise_body, Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ102",
    name: "duplicate-notice-number",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "同一机关同一届次的两份公告编号相同 / two notices share one number",
    explanation: r#"## 检查什么 (What it does)
同一文档中，同一发布机关、同一届次的两份公告使用了相同的编号。

## 为什么 (Why)
公告编号在一届内连续且唯一，是引用和存档的依据。重复的编号多半是复制上一份公告后忘了改号。

## 示例 (Example)
两份公告都印作「〔六届〕第56号」。

## 应改为 (Use instead)
核对编号登记，后一份改为正确的号。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<(String, Option<u32>, u32), Span> = HashMap::default();
    for notice in ctx.document.notices() {
        let (Some(number), Some(seq)) = (notice.number, notice.header.number.as_ref()) else {
            continue;
        };
        let key = (normalise_body(&notice.issuer), notice.term, number);
        match seen.get(&key) {
            Some(first) => out.push(
                RULE.diagnostic(
                    seq.span,
                    format!(
                        "公告编号{}重复",
                        crate::check::printed_number(ctx.source, notice).unwrap_or_default()
                    ),
                    format!("notice number {number} is used twice"),
                )
                .with_label("重复的编号", "duplicate number")
                .with_related(*first, "第一次使用此编号", "first used here"),
            ),
            None => {
                seen.insert(key, seq.span);
            }
        }
    }
}
