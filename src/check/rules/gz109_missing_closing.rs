//! GZ109 missing-closing.

use crate::ast::{NoticeKind, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ109",
    name: "missing-closing",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "代表资格公告缺少落款或日期 / the signature or the date is missing",
    explanation: r#"## 检查什么 (What it does)
代表资格公告以发布机关落款和日期结束；缺哪一项报哪一项。「特此公告。」「现予公告。」是惯例，
但真实的公告也有不写的（湖南省人大常委会公告第4号，2013年），所以不作要求。
任免名单与决定以通过日期行表明出处，不要求落款。

## 为什么 (Why)
全国人大常委会和各地的代表资格公告均以此结尾（DOMAIN.md §4 STRUCT-CLOSING）；缺了落款或日期，
公告的出处和时间就无从查考。

## 示例 (Example)
最后一段「截至目前，……实有代表846人。」之后没有落款和日期。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        if notice.kind != NoticeKind::Qualification {
            continue;
        }
        // Point at the last printed character of the notice: that is where the closing belongs.
        let text = ctx.slice(notice.span).trim_end();
        let end = notice.span.start + text.len();
        let last = text.chars().next_back().map_or(0, char::len_utf8);
        let at = Span::new(end - last, end);
        let missing: Vec<(&str, &str)> = [
            (
                notice.closing.signature.is_none(),
                ("落款", "the signature"),
            ),
            (notice.closing.date.is_none(), ("日期", "the date")),
        ]
        .into_iter()
        .filter_map(|(absent, what)| absent.then_some(what))
        .collect();
        if missing.is_empty() {
            continue;
        }
        let zh: Vec<&str> = missing.iter().map(|m| m.0).collect();
        let en: Vec<&str> = missing.iter().map(|m| m.1).collect();
        out.push(
            RULE.diagnostic(
                at,
                format!("代表资格公告缺少{}", zh.join("、")),
                format!("the qualification notice lacks {}", en.join(", ")),
            )
            .with_label("公告在此结束", "the notice ends here")
            .with_help(
                format!("在公告末尾补上{}", zh.join("、")),
                format!("add {} at the end of the notice", en.join(", ")),
            ),
        );
    }
}
