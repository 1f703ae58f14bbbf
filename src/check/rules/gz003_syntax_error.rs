//! GZ003 syntax-error.

use crate::ast::{SyntaxContext, Unrecognised};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ003",
    name: "syntax-error",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "公告中有无法识别的行或条款 / a line or clause of a notice does not match the grammar",
    explanation: r#"## 检查什么 (What it does)
公告（公告头之后、落款之前）中的每一行都必须是语法认识的结构：编号行、通过日期行、节标题、
任免条目、代表资格条款、决定标题、正文、落款、日期。不认识的行或条款报为本错误，
消息说明在该处期望的是什么（如「此处应为「代表」」「任免条目应以「；」或「。」结尾」），
标注停在第一个不符合的字符上。

## 为什么 (Why)
无法识别的文字往往是漏字、串行或错字（例如复制排版时两处相同的「重庆市第六届人民代表大会」之间的文字被跳过）。
若当作普通文字放过，后面的人数核对、姓名核对都会失去依据。

## 示例 (Example)
```
…梁平区人民代表大会常务委员会补选吴凯为重庆市第六届人民代表大会常务委员会第十二次会议审议通过…
```
「补选…为」之后应为「…人民代表大会代表」，这里缺了「代表。重庆市第六届人民代表大会」。

## 应改为 (Use instead)
```
…补选吴凯为重庆市第六届人民代表大会代表。重庆市第六届人民代表大会常务委员会第十二次会议…
```
各种规范写法见 `examples/variants/`。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for u in &ctx.document.problems {
        out.push(diagnostic(u));
    }
    for notice in ctx.document.notices() {
        for u in &notice.unrecognised {
            out.push(diagnostic(u));
        }
    }
}

fn diagnostic(u: &Unrecognised) -> Diagnostic {
    let (help_zh, help_en) = match u.context {
        SyntaxContext::DeputyClause => (
            "对照原稿检查此处是否漏字、错字或串行；代表资格条款的规范写法见 `gazette explain GZ003`",
            "compare with the original for missing or wrong characters; `gazette explain GZ003` lists the accepted wordings",
        ),
        SyntaxContext::Entry | SyntaxContext::PersonnelLine => (
            "任免条目的写法为「张三为某院院长；」「张三的某院院长职务；」或「张三辞去某院院长职务；」",
            "entries read 「A为P；」, 「A的P职务；」 or 「A辞去P职务；」",
        ),
        _ => (
            "对照原稿检查此行",
            "compare this line with the original",
        ),
    };
    RULE.diagnostic(
        u.at,
        format!("{}无法识别：此处应为{}", u.context.name_zh(), u.expected_zh),
        format!(
            "unrecognised {}: expected {}",
            u.context.name_en(),
            u.expected_en
        ),
    )
    .with_label(
        format!("此处应为{}", u.expected_zh),
        format!("expected {}", u.expected_en),
    )
    .with_help(help_zh, help_en)
}
