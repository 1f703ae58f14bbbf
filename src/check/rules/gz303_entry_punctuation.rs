//! GZ303 entry-punctuation.

use crate::ast::{NoticeBody, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ303",
    name: "entry-punctuation",
    severity: Severity::Style,
    enabled_by_default: true,
    summary: "任免条目之间用「；」，每节最后一条用「。」 / entries end in 「；」, a section's last in 「。」",
    explanation: r#"## 检查什么 (What it does)
任免名单中，一节内的条目以「；」分隔，每节最后一条以「。」结束。缺了、用错了（「，」「;」半角、
节中间用了「。」、节末用了「；」）都报，并可自动改正。

## 为什么 (Why)
GB/T 15834-2011 4.6.3.3：分号用于分隔列举的各项；任免名单的惯例是各条以分号隔开、末条句号结束。

## 示例 (Example)
```
二、任命
蒋德阳为重庆市人大财政经济委员会副主任委员
吴凯为重庆市人大教育科学文化卫生委员会副主任委员；
```

## 应改为 (Use instead)
```
二、任命
蒋德阳为重庆市人大财政经济委员会副主任委员；
吴凯为重庆市人大教育科学文化卫生委员会副主任委员。
```
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let NoticeBody::Personnel(list) = &notice.body else {
            continue;
        };
        for section in &list.sections {
            let last = section.entries.len().saturating_sub(1);
            // An unreadable line after the last readable entry (GZ003) may be the real last
            // entry: the one before it cannot be judged as last.
            let unreadable_after = |end: usize| section.unreadable.iter().any(|u| u.start >= end);
            for (i, entry) in section.entries.iter().enumerate() {
                if i == last && unreadable_after(entry.span.end) {
                    continue;
                }
                let want = if i == last { "。" } else { "；" };
                match &entry.terminator {
                    Some(t) if t.text == want => {}
                    Some(t) => {
                        let (zh, en) = if i == last {
                            (
                                format!("本节最后一条应以「。」结束，此处为「{}」", t.text),
                                format!(
                                    "the last entry of a section ends in 「。」, not 「{}」",
                                    t.text
                                ),
                            )
                        } else {
                            (
                                format!("任免条目之间应以「；」分隔，此处为「{}」", t.text),
                                format!("entries are separated by 「；」, not 「{}」", t.text),
                            )
                        };
                        out.push(
                            RULE.diagnostic(t.span, zh, en)
                                .with_label(
                                    format!("应为「{want}」"),
                                    format!("should be 「{want}」"),
                                )
                                .with_fix(
                                    format!("改为「{want}」"),
                                    format!("write 「{want}」"),
                                    vec![Edit {
                                        span: t.span,
                                        replacement: want.into(),
                                    }],
                                ),
                        );
                    }
                    None => {
                        let end = entry.span.end;
                        let last_char = ctx
                            .slice(entry.span)
                            .chars()
                            .next_back()
                            .map_or(0, char::len_utf8);
                        let (zh, en) = if i == last {
                            (
                                "本节最后一条没有以「。」结束",
                                "the last entry of the section does not end in 「。」",
                            )
                        } else {
                            (
                                "任免条目没有以「；」结束",
                                "the entry does not end in 「；」",
                            )
                        };
                        out.push(
                            RULE.diagnostic(Span::new(end - last_char, end), zh, en)
                                .with_label(
                                    format!("此后应有「{want}」"),
                                    format!("「{want}」 missing after this"),
                                )
                                .with_fix(
                                    format!("补上「{want}」"),
                                    format!("add 「{want}」"),
                                    vec![Edit {
                                        span: Span::new(end, end),
                                        replacement: want.into(),
                                    }],
                                ),
                        );
                    }
                }
            }
        }
    }
}
