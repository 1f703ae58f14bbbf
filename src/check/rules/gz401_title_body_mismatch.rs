//! GZ401 title-body-mismatch.

use crate::ast::NoticeBody;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ401",
    name: "title-body-mismatch",
    severity: Severity::Error,
    enabled_by_default: true,
    summary:
        "决定标题中的事项与正文决定的事项不同 / the title's matter is not what the body decides",
    explanation: r#"## 检查什么 (What it does)
「关于<事项>的决定（决议）」中的事项必须出现在正文中（比较时忽略空白和「同志」）。

## 为什么 (Why)
标题与正文不一致，引用时就不知道决定的到底是什么；多半是套用上一份决定时只改了一处。

## 示例 (Example)
标题「关于接受张国智同志辞去重庆市人民政府副市长职务的决定」，正文「……接受张国志同志辞去……」
"#,
    check: Check::File(check),
};

fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"，。、；：“”「」《》".contains(*c))
        .collect::<String>()
        .replace("同志", "")
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let NoticeBody::Decision(d) = &notice.body else {
            continue;
        };
        let Some(title) = &d.title else { continue };
        if d.paragraphs.is_empty() {
            continue;
        }
        let body: String = d.paragraphs.iter().map(|p| compact(&p.text)).collect();
        let matter = compact(&title.matter.text);
        if body.contains(&matter) {
            continue;
        }
        let first = d
            .paragraphs
            .iter()
            .map(|p| p.span)
            .reduce(|a, b| a.cover(b));
        let mut diag = RULE
            .diagnostic(
                title.matter.span,
                format!("标题中的事项「{}」在正文中没有出现", title.matter.text),
                format!(
                    "the matter of the title 「{}」 does not appear in the body",
                    title.matter.text
                ),
            )
            .with_label("标题中的事项", "the title's matter")
            .with_help(
                "核对标题与正文中的姓名、职务和事项是否一致",
                "check names, posts and the matter in title and body",
            );
        if let Some(span) = first {
            let start = span.start;
            let len = ctx.source[start..span.end]
                .chars()
                .take(20)
                .map(char::len_utf8)
                .sum::<usize>();
            diag = diag.with_related(
                crate::ast::Span::new(start, start + len),
                "正文",
                "the body",
            );
        }
        out.push(diag);
    }
}
