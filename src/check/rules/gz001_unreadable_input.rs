//! GZ001 unreadable-input.

use crate::ast::Span;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ001",
    name: "unreadable-input",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "输入不是受支持编码的文本 / the input is not text in a supported encoding",
    explanation: r#"## 检查什么 (What it does)
输入的字节不是受支持编码（UTF-8、带 BOM 的 UTF-8、GB18030/GBK、带 BOM 的 UTF-16）的文本：二进制文件、
无 BOM 的 UTF-16、被截断的多字节字符或非法字节。消息给出第一个出错字节的位置和原因。

## 为什么 (Why)
无法可靠解码的文本无法检查；猜测编码会把乱码当作正文，悄悄放过错误。

## 示例 (Example)
一个 UTF-8 文件在保存时最后一个汉字被截断（只剩 `E5 85`）。

## 应改为 (Use instead)
在编辑器中以 UTF-8 重新保存原稿。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(failure) = &ctx.input.failure else {
        return;
    };
    // The bad bytes are not text; point at the last character before them.
    let end = ctx.source.len();
    let last = ctx.source.chars().next_back().map_or(0, char::len_utf8);
    out.push(
        RULE.diagnostic(
            Span::new(end - last, end),
            format!(
                "{}（第 {} 字节）",
                failure.kind.message_zh(),
                failure.byte_offset
            ),
            format!(
                "{} (byte {})",
                failure.kind.message_en(),
                failure.byte_offset
            ),
        )
        .with_label(
            "此后的字节无法解码",
            "the bytes after this cannot be decoded",
        )
        .with_help(
            "请以 UTF-8 编码重新保存文件后再检查",
            "save the file again as UTF-8 and check it again",
        ),
    );
}
