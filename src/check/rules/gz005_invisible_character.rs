//! GZ005 invisible-character.

use crate::ast::{Notice, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

use super::gz601_halfwidth_punctuation::{inside, is_han, lines};

pub const RULE: RuleDef = RuleDef {
    code: "GZ005",
    name: "invisible-character",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "公告中有看不见的字符 / invisible characters inside a notice",
    explanation: r#"## 检查什么 (What it does)
公告中（姓名、职务、编号、正文的任何一行）夹带的看不见的字符：
- 零宽字符 U+200B–U+200F（零宽空格、零宽连字、零宽不连字、左右方向标记）、
  U+2060–U+2064（词连接符等）、U+202A–U+202E（双向文字控制符）、软连字符 U+00AD，
  以及不在文件开头的 U+FEFF（字节顺序标记）；
- 不换行空格 U+00A0（NBSP），行首缩进和行尾的除外（那是版式，解析时也当作空白）。
连在一起的几个只报一次。可自动删除；不换行空格只在两边都是汉字时自动删除
（在数字、西文旁边时它可能是有意的空格，由人判断）。公告以外的文字不查。

## 为什么 (Why)
这些字符多是从网页、即时通讯软件或排版软件复制时带进来的，屏幕上看不见，
却会让同一个姓名、职务、编号在检索和比对时对不上（「王军」和「王\u{200B}军」是两个字符串），
人数核对、重复任免、前后姓名一致等检查都会因此失灵；付印时还可能显示成方框或多出空隙。

## 示例 (Example)
```
秦\u{200B}海波为北京市第一中级人民法院审判\u{00A0}委员会委员、审判员；
```
（`\u{…}` 标出看不见的字符：「秦」与「海」之间是零宽空格，「审判」与「委员会」之间是不换行空格。）

## 应改为 (Use instead)
```
秦海波为北京市第一中级人民法院审判委员会委员、审判员；
```

## 依据 (References)
The Unicode Standard, 第23章 Special Areas and Format Characters（23.2 Layout Controls）：
这些是格式控制字符，不是文字。
"#,
    check: Check::File(check),
};

fn is_target(c: char, at: usize) -> bool {
    c == '\u{00A0}' || (crate::source::is_invisible(c) && !(c == '\u{FEFF}' && at == 0))
}

fn name_of(c: char) -> (&'static str, &'static str) {
    match c {
        '\u{200B}' => ("零宽空格", "zero width space"),
        '\u{200C}' => ("零宽不连字", "zero width non-joiner"),
        '\u{200D}' => ("零宽连字", "zero width joiner"),
        '\u{200E}' => ("左至右标记", "left-to-right mark"),
        '\u{200F}' => ("右至左标记", "right-to-left mark"),
        '\u{2060}' => ("词连接符", "word joiner"),
        '\u{2061}'..='\u{2064}' => ("不可见数学符号", "invisible operator"),
        '\u{FEFF}' => ("字节顺序标记", "byte order mark"),
        '\u{00AD}' => ("软连字符", "soft hyphen"),
        '\u{00A0}' => ("不换行空格", "no-break space"),
        '\u{202A}'..='\u{202E}' => ("双向文字控制符", "bidirectional control"),
        _ => ("不可见字符", "invisible character"),
    }
}

/// Where in the notice the run stands, for the message: a name, a post, the number.
fn place(notice: &Notice, source: &str, at: usize) -> (String, String) {
    let strip = |s: &str| -> String { s.chars().filter(|&c| !is_target(c, 1)).collect() };
    for p in super::gz602_name_separator::persons(notice) {
        if p.name.span.start <= at && at < p.name.span.end {
            let name = strip(&p.name.text);
            return (
                format!("姓名「{name}」中"),
                format!("in the name 「{name}」"),
            );
        }
    }
    for post in super::gz602_name_separator::posts(notice) {
        if post.span.start <= at && at < post.span.end {
            let text = strip(&source[post.span.start..post.span.end]);
            return (
                format!("职务「{text}」中"),
                format!("in the post 「{text}」"),
            );
        }
    }
    if let Some(n) = &notice.header.number {
        if n.span.start <= at && at < n.span.end {
            return ("公告编号中".into(), "in the notice number".into());
        }
    }
    ("公告中".into(), "in the notice".into())
}

/// No-break spaces that indent a line or trail it: layout, as the parser reads them (and as
/// GZ605 treats indentation); they stand in no name, post or sentence.
fn edges(source: &str, notice: &Notice) -> Vec<Span> {
    let mut out = Vec::new();
    for line in lines(source, notice.span) {
        let text = &source[line.start..line.end];
        let blank = |c: char| c.is_whitespace() || c == '\u{00A0}';
        let lead = text.len() - text.trim_start_matches(blank).len();
        let trail = text.len() - text.trim_end_matches(blank).len();
        out.push(Span::new(line.start, line.start + lead));
        out.push(Span::new(line.end - trail, line.end));
    }
    out
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let text = ctx.slice(notice.span);
        let edges = edges(ctx.source, notice);
        let mut runs: Vec<(usize, usize)> = Vec::new();
        // Every target's UTF-8 begins with C2 (U+00A0, U+00AD), E2 (U+200B…U+2064) or EF
        // (U+FEFF), all lead bytes: only the characters at those bytes are decoded, where a
        // walk over every character was 1.2 % of a check of generated pages.
        let candidates = memchr::memchr3_iter(0xC2, 0xE2, 0xEF, text.as_bytes())
            .filter_map(|i| Some((i, text[i..].chars().next()?)));
        for (i, c) in candidates {
            let at = notice.span.start + i;
            if c == '\u{00A0}' && inside(&edges, at) {
                continue;
            }
            // Comments and directives (in `markup`) are not text of the notice.
            if !is_target(c, at) || inside(&notice.markup, at) {
                continue;
            }
            match runs.last_mut() {
                Some(run) if run.1 == at => run.1 = at + c.len_utf8(),
                _ => runs.push((at, at + c.len_utf8())),
            }
        }
        for (start, end) in runs {
            out.push(diagnostic(ctx, notice, Span::new(start, end)));
        }
    }
}

fn diagnostic(ctx: &Context, notice: &Notice, span: Span) -> Diagnostic {
    let run = ctx.slice(span);
    let mut kinds: Vec<char> = run.chars().collect();
    kinds.dedup();
    let list_zh: Vec<String> = kinds
        .iter()
        .map(|&c| format!("U+{:04X}（{}）", c as u32, name_of(c).0))
        .collect();
    let list_en: Vec<String> = kinds
        .iter()
        .map(|&c| format!("U+{:04X} ({})", c as u32, name_of(c).1))
        .collect();
    let (where_zh, where_en) = place(notice, ctx.source, span.start);
    let count = run.chars().count();
    let (count_zh, count_en) = if count > 1 {
        (format!("{count}个"), format!("{count} "))
    } else {
        (String::new(), String::new())
    };
    let d = RULE
        .diagnostic(
            span,
            format!("{where_zh}夹有{count_zh}看不见的字符{}", list_zh.join("、")),
            format!(
                "{count_en}invisible character{} {} {where_en}",
                if count > 1 { "s" } else { "" },
                list_en.join(", ")
            ),
        )
        .with_label("此处有看不见的字符", "invisible character here")
        .with_help(
            "这类字符多由复制粘贴带入，会使姓名、职务的比对失败",
            "such characters come in with copy and paste and break the matching of names and posts",
        );
    let before = ctx.source[..span.start].chars().next_back();
    let after = ctx.source[span.end..].chars().next();
    let han_both = before.is_some_and(is_han) && after.is_some_and(is_han);
    // A no-break space next to digits or Latin text may stand for a real space: a person decides.
    if run.contains('\u{00A0}') && !han_both {
        return d;
    }
    d.with_fix(
        "删除看不见的字符",
        "remove the invisible characters",
        vec![Edit {
            span,
            replacement: String::new(),
        }],
    )
}

#[cfg(test)]
mod tests {
    use super::is_target;

    /// The scan decodes only the characters at C2, E2 and EF bytes: every target must begin
    /// with one of them, checked over all of Unicode.
    #[test]
    fn every_target_begins_with_a_scanned_byte() {
        let mut targets = 0;
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if is_target(c, 1) || is_target(c, 0) {
                let mut utf8 = [0; 4];
                let first = c.encode_utf8(&mut utf8).as_bytes()[0];
                assert!(matches!(first, 0xC2 | 0xE2 | 0xEF), "{c:?}");
                targets += 1;
            }
        }
        assert!(targets >= 10, "{targets}");
    }
}
