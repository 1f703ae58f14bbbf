//! GZ002 legacy-encoding.

use crate::ast::Span;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ002",
    name: "legacy-encoding",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "文件不是 UTF-8 编码 / the file is not UTF-8",
    explanation: r#"## 检查什么 (What it does)
文件以 GB18030/GBK（或带 BOM 的 UTF-16）保存，已按该编码解码后检查。

## 为什么 (Why)
编辑系统、版本库和档案都以 UTF-8 为准；旧编码的文件在传递中容易被误读成乱码，
扩展区汉字（如「𠇔」）在 GBK 中也无法表示。

## 应改为 (Use instead)
以 UTF-8 另存原稿。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(encoding) = ctx.input.encoding else {
        return;
    };
    if !encoding.is_legacy() {
        return;
    }
    let first = ctx.source.chars().next().map_or(0, char::len_utf8);
    out.push(
        RULE.diagnostic(
            Span::new(0, first),
            format!("文件以 {} 编码保存，已按此解码", encoding.name()),
            format!(
                "the file is encoded as {} and was decoded as such",
                encoding.name()
            ),
        )
        .with_help("请改存为 UTF-8", "save it as UTF-8"),
    );
}
