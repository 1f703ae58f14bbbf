//! GZ110 mixed-numeral-style.

use crate::ast::NumeralStyle;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};
use crate::syntax::numerals::to_chinese;

pub const RULE: RuleDef = RuleDef {
    code: "GZ110",
    name: "mixed-numeral-style",
    severity: Severity::Style,
    enabled_by_default: true,
    summary: "同一文档中公告序号混用阿拉伯数字和汉字 / Arabic and Chinese sequence numbers mixed",
    explanation: r#"## 检查什么 (What it does)
同一文档中各公告的序号应统一用阿拉伯数字（「第56号」）或统一用汉字（「第五十六号」）。
报告与多数写法不同的序号，并可自动改写。

## 为什么 (Why)
一个系列的编号写法应一致（DOMAIN.md §3：全国人大常委会用汉字，多数地方用阿拉伯数字）；
混用多半是从不同来源拼版造成的。

## 示例 (Example)
「第7号」旁边是「第八号」。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let sequences: Vec<_> = ctx
        .document
        .notices()
        .filter_map(|n| n.header.number.as_ref()?.sequence)
        .collect();
    let arabic = sequences
        .iter()
        .filter(|s| s.style == NumeralStyle::Arabic)
        .count();
    let chinese = sequences.len() - arabic;
    if arabic == 0 || chinese == 0 {
        return;
    }
    // The majority sets the style; on a tie, the first notice does.
    let majority =
        if arabic > chinese || (arabic == chinese && sequences[0].style == NumeralStyle::Arabic) {
            NumeralStyle::Arabic
        } else {
            NumeralStyle::Chinese
        };
    let (why_zh, why_en) = if arabic == chinese {
        (
            "本文档第一份公告用",
            "the first notice of this document uses",
        )
    } else {
        ("本文档多数用", "most of this document uses")
    };
    for s in sequences.iter().filter(|s| s.style != majority) {
        let (replacement, zh, en) = match majority {
            NumeralStyle::Arabic => (s.value.to_string(), "阿拉伯数字", "Arabic numerals"),
            NumeralStyle::Chinese => (to_chinese(s.value), "汉字数字", "Chinese numerals"),
        };
        out.push(
            RULE.diagnostic(
                s.span,
                format!("公告序号写法不一致：{why_zh}{zh}"),
                format!("inconsistent sequence numbers: {why_en} {en}"),
            )
            .with_label(
                format!("应为「{replacement}」"),
                format!("should be 「{replacement}」"),
            )
            .with_fix(
                format!("改为「{replacement}」"),
                format!("write 「{replacement}」"),
                vec![Edit {
                    span: s.span,
                    replacement: replacement.clone(),
                }],
            ),
        );
    }
}
