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
「关于<事项>的决定（决议）」中的事项必须是正文决定的事项（比较时忽略空白、标点、「同志」和「的」）。
标题可以简写：「关于接受X辞职请求的决定」对应正文「接受X辞去……职务的请求」（人名相同；标题写了职务的，
职务也相同），「关于召开……会议的决定」对应正文「……会议于……召开」。

## 为什么 (Why)
标题与正文不一致，引用时就不知道决定的到底是什么；多半是套用上一份决定时只改了一处。

## 示例 (Example)
标题「关于接受张国智同志辞去重庆市人民政府副市长职务的决定」，正文「……接受张国志同志辞去……」
"#,
    check: Check::File(check),
};

/// The words of a text without layout, punctuation, 「同志」 and the particle 「的」, which
/// title and body place differently (「…职务请求的决定」 / 「…职务的请求」).
fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"，。、；：“”「」《》的".contains(*c))
        .collect::<String>()
        .replace("同志", "")
}

/// Whether the body decides the title's matter. The matter need not be printed word for word:
/// a title abridges it, and the body says it in a sentence of its own —
/// - 「接受X辞职请求」 (江西 2017) is decided as 「接受X辞去…职务的请求」: the same person's
///   resignation accepted, and the post, when the title names one, the same;
/// - 「召开…第一次会议」 (天津 2022) as 「…第一次会议于…召开」: the same session convened.
fn decides(body: &str, matter: &str) -> bool {
    if body.contains(matter) {
        return true;
    }
    if let Some(session) = matter.strip_prefix("召开") {
        return body.contains(session) && body.contains("召开");
    }
    if let Some(rest) = matter.strip_prefix("接受") {
        let Some(at) = rest.find('辞') else {
            return false;
        };
        let (person, resignation) = rest.split_at(at);
        let post = resignation
            .strip_prefix("辞去")
            .and_then(|p| p.split("职务").next())
            .filter(|p| !p.is_empty());
        return !person.is_empty()
            && body.contains(&format!("接受{person}辞"))
            && post.is_none_or(|p| body.contains(p));
    }
    false
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
        if decides(&body, &matter) {
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
