//! GZ101 notice-number-format.

use crate::ast::NumeralStyle;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ101",
    name: "notice-number-format",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "公告编号的格式 / the form of the notice number",
    explanation: r#"## 检查什么 (What it does)
公告编号行应写作「〔六届〕第56号」：届次（或年份）放在六角括号「〔〕」(U+3014/U+3015) 中，
后接「第N号」。
- 用了其他括号（「[ ]」「［］」「【】」「（）」）：style，可自动修正为「〔〕」；
- 序号补零（「第056号」）：warning，可自动修正；
- 编号位置上的一行不成其为编号（如「〔六届第56号」「第号」）：error。
整条编号放在圆括号里的地方写法（湖南「（第59号）」）和没有括号的写法（「第1号」）是各地的固定格式，不报。

## 为什么 (Why)
GB/T 15834-2011 4.9 列出的括号中，「〔〕」用于标示发文字号中的年份；全国人大常委会公告一贯用
「〔十三届〕第七号」。网页转载常把「〔〕」改成半角「[ ]」，付印前应改回。
GB/T 9704-2012 7.2.5：发文字号「不编虚位」（1 不编为 01）。

## 示例 (Example)
`[六届]第56号`

## 应改为 (Use instead)
`〔六届〕第56号`

## 依据 (References)
GB/T 9704-2012 7.2.5；GB/T 15834-2011 4.9；DOMAIN.md §3。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let Some(number) = &notice.header.number else {
            continue;
        };
        let raw = ctx.slice(number.span);
        if !number.well_formed {
            out.push(
                RULE.diagnostic(
                    number.span,
                    format!("公告编号格式不正确：「{raw}」"),
                    format!("malformed notice number 「{raw}」"),
                )
                .with_severity(Severity::Error)
                .with_label(
                    "应为「〔六届〕第56号」这样的编号",
                    "expected a number such as 「〔六届〕第56号」",
                )
                .with_help(
                    "编号由「〔届次〕」和「第N号」组成，括号须成对",
                    "a number is 「〔term〕」 followed by 「第N号」, with paired brackets",
                ),
            );
            continue;
        }
        if let Some(b) = &number.brackets {
            if b.open.text != "〔" || b.close.text != "〕" {
                let group = b.open.span.cover(b.close.span);
                out.push(
                    RULE.diagnostic(
                        group,
                        format!(
                            "公告编号应使用六角括号「〔〕」，此处为「{}{}」",
                            b.open.text, b.close.text
                        ),
                        format!(
                            "the notice number should use 「〔〕」, not 「{}{}」",
                            b.open.text, b.close.text
                        ),
                    )
                    .with_severity(Severity::Style)
                    .with_label("应为「〔」和「〕」", "should be 「〔」 and 「〕」")
                    .with_fix(
                        "改为六角括号「〔〕」",
                        "use 「〔〕」",
                        vec![
                            Edit {
                                span: b.open.span,
                                replacement: "〔".into(),
                            },
                            Edit {
                                span: b.close.span,
                                replacement: "〕".into(),
                            },
                        ],
                    ),
                );
            }
        }
        if let Some(seq) = number.sequence {
            let digits = ctx.slice(seq.span);
            if seq.style == NumeralStyle::Arabic
                && digits.len() > 1
                && digits.starts_with(['0', '０'])
            {
                out.push(
                    RULE.diagnostic(
                        seq.span,
                        format!("公告序号不应补零：「{digits}」"),
                        format!("the sequence number is zero-padded: 「{digits}」"),
                    )
                    .with_label(
                        format!("应为「{}」", seq.value),
                        format!("should be 「{}」", seq.value),
                    )
                    .with_fix(
                        "去掉前导零",
                        "remove the leading zeros",
                        vec![Edit {
                            span: seq.span,
                            replacement: seq.value.to_string(),
                        }],
                    ),
                );
            }
        }
    }
}
