//! GZ107 invalid-date.

use crate::ast::Date;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ107",
    name: "invalid-date",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "不存在的日期，或通过日期晚于公告日期 / an impossible date, or adoption after the notice date",
    explanation: r#"## 检查什么 (What it does)
- 通过日期行和落款日期必须是真实的公历日期（没有「2月30日」「13月」）；
- 会议通过的日期不能晚于公告落款的日期。

## 为什么 (Why)
日期是公告生效和引用的依据；打错的日期会被原样载入档案。

## 示例 (Example)
「（2024年11月31日……通过）」；落款「2024年11月28日」而通过日期为「2024年11月29日」。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let adoption = notice.adoption.as_ref().map(|a| a.date);
        let closing = notice.closing.date;
        for date in adoption.iter().chain(closing.iter()) {
            if !is_real(date) {
                out.push(
                    RULE.diagnostic(
                        date.span,
                        format!(
                            "日期不存在：{}年{}月{}日",
                            date.year.value, date.month.value, date.day.value
                        ),
                        format!(
                            "no such date: {}-{}-{}",
                            date.year.value, date.month.value, date.day.value
                        ),
                    )
                    .with_label("不存在的日期", "impossible date"),
                );
            }
        }
        if let (Some(a), Some(c)) = (adoption, closing) {
            if is_real(&a) && is_real(&c) && key(&a) > key(&c) {
                out.push(
                    RULE.diagnostic(
                        a.span,
                        "会议通过日期晚于公告日期",
                        "the adoption date is later than the notice date",
                    )
                    .with_label("通过日期", "adoption date")
                    .with_related(c.span, "公告日期", "notice date"),
                );
            }
        }
    }
}

fn key(d: &Date) -> (u32, u32, u32) {
    (d.year.value, d.month.value, d.day.value)
}

/// A real Gregorian date in a plausible range for people's-congress notices.
pub fn is_real(d: &Date) -> bool {
    let (y, m, day) = key(d);
    if !(1949..=2200).contains(&y) || !(1..=12).contains(&m) {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=days).contains(&day)
}
