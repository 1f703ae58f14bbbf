//! GZ106 issuer-mismatch.

use crate::ast::{NoticeBody, Text};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::names::BodyName;

pub const RULE: RuleDef = RuleDef {
    code: "GZ106",
    name: "issuer-mismatch",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "落款机关与公告头的发布机关不同 / the signature differs from the issuer",
    explanation: r#"## 检查什么 (What it does)
落款（以及决定标题上方的机关名）必须与公告头的发布机关是同一机关。
比较前统一简称（「人大常委会」=「人民代表大会常务委员会」）并去掉届次（「第十六届」），
所以写法不同而机关相同的不报。

## 为什么 (Why)
落款表明由谁发布；与公告头不一致，公告的效力就有疑问。常见于套用其他地方的模板。

## 示例 (Example)
公告头「重庆市人民代表大会常务委员会公告」，落款「四川省人民代表大会常务委员会」。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let issuer = &notice.header.issuer;
        if issuer.text.is_empty() {
            continue;
        }
        let mut names: Vec<(&Text, &str, &str)> = Vec::new();
        if let Some(signature) = &notice.closing.signature {
            names.push((signature, "落款", "signature"));
        }
        if let NoticeBody::Decision(d) = &notice.body {
            if let Some(line) = &d.issuer_line {
                names.push((line, "标题上方的机关名", "issuer above the title"));
            }
        }
        for (name, what_zh, what_en) in names {
            if same_body(&name.text, &issuer.text) {
                continue;
            }
            out.push(
                RULE.diagnostic(
                    name.span,
                    format!(
                        "{what_zh}「{}」与发布机关「{}」不同",
                        name.text, issuer.text
                    ),
                    format!(
                        "the {what_en} 「{}」 differs from the issuer 「{}」",
                        name.text, issuer.text
                    ),
                )
                .with_label(what_zh.to_string(), what_en.to_string())
                .with_related(
                    issuer.span,
                    "公告头的发布机关",
                    "the issuer in the header",
                ),
            );
        }
    }
}

fn same_body(a: &str, b: &str) -> bool {
    BodyName::parse(a).body == BodyName::parse(b).body
}
