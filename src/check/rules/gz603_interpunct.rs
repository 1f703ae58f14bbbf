//! GZ603 interpunct.

use crate::ast::{NoticeBody, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

use super::gz601_halfwidth_punctuation::{chars, inside, is_han, lines};

pub const RULE: RuleDef = RuleDef {
    code: "GZ603",
    name: "interpunct",
    severity: Severity::Style,
    enabled_by_default: true,
    summary: "姓名中的间隔号应为「·」 / the middle dot of a name is 「·」 (U+00B7)",
    explanation: r#"## 检查什么 (What it does)
少数民族或外国人名各部分之间的间隔号应为「·」（U+00B7）。夹在两个汉字之间的
「•」（U+2022 项目符号）、「・」（U+30FB 日文中点）、「．」（U+FF0E 全角句点）、
「‧」（U+2027 连字点）、「･」（U+FF65 半角中点）、「∙」「⋅」（数学符号）都报，可自动改为「·」。
节序号或列项序号后的「．」（「一．」）不是间隔号，不报；公告以外的文字不查。

## 为什么 (Why)
GB/T 15834-2011 规定间隔号「·」标示外国人名、少数民族人名各组成部分的分界。
外形相近的其他点号是别的字符：检索「多来提曼·开米克」找不到「多来提曼•开米克」，
同一个人会被当成两个人；不同字体中这些符号的高低、宽窄也不一致。

## 示例 (Example)
```
多来提曼•开米克（塔吉克族）
```

## 应改为 (Use instead)
```
多来提曼·开米克（塔吉克族）
```

## 依据 (References)
GB/T 15834-2011《标点符号用法》间隔号（4.14）；`examples/variants/06_npc13_2023_renmin_ribao.md`「多来提曼·开米克（塔吉克族）」。
"#,
    check: Check::File(check),
};

const LOOKALIKES: &[char] = &['•', '・', '．', '‧', '･', '∙', '⋅'];

/// Whether `text` holds a look-alike dot, by a SIMD substring search for each one's UTF-8:
/// `str::contains(&[char])` decodes every character of the notice to compare it with each
/// dot, 1.5 % of a check of generated pages (most of which hold none).
fn holds_lookalike(text: &str) -> bool {
    LOOKALIKES.iter().any(|c| {
        let mut utf8 = [0; 4];
        memchr::memmem::find(text.as_bytes(), c.encode_utf8(&mut utf8).as_bytes()).is_some()
    })
}

fn is_chinese_numeral(c: char) -> bool {
    "〇零一二三四五六七八九十百千".contains(c)
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        // Every finding is at a look-alike dot: a notice without one needs no walk.
        if !holds_lookalike(&ctx.source[notice.span.start..notice.span.end]) {
            continue;
        }
        let mut numerals: Vec<Span> = notice.markup.clone();
        if let NoticeBody::Personnel(list) = &notice.body {
            numerals.extend(
                list.sections
                    .iter()
                    .filter_map(|s| s.heading.as_ref()?.numeral_span),
            );
        }
        let persons = super::gz602_name_separator::persons(notice);
        for line in lines(ctx.source, notice.span) {
            let cs = chars(ctx.source, line);
            for i in 1..cs.len().saturating_sub(1) {
                let (at, dot) = cs[i];
                if !LOOKALIKES.contains(&dot) || inside(&numerals, at) {
                    continue;
                }
                if !(is_han(cs[i - 1].1) && is_han(cs[i + 1].1)) {
                    continue;
                }
                // 「一．」 opening a line or following a non-Han character numbers an item.
                let run_start = cs[..i]
                    .iter()
                    .rposition(|&(_, c)| !is_han(c))
                    .map_or(0, |p| p + 1);
                if dot == '．' && cs[run_start..i].iter().all(|&(_, c)| is_chinese_numeral(c)) {
                    continue;
                }
                let span = Span::new(at, at + dot.len_utf8());
                let name = persons
                    .iter()
                    .find(|p| p.name.span.start <= at && at < p.name.span.end)
                    .map(|p| p.name.text.clone());
                let (zh, en) = match &name {
                    Some(n) => (
                        format!(
                            "姓名「{n}」中的间隔号应为「·」（U+00B7），此处为「{dot}」（U+{:04X}）",
                            dot as u32
                        ),
                        format!(
                            "the middle dot in 「{n}」 should be 「·」 (U+00B7), not 「{dot}」 (U+{:04X})",
                            dot as u32
                        ),
                    ),
                    None => (
                        format!(
                            "人名中的间隔号应为「·」（U+00B7），此处为「{dot}」（U+{:04X}）",
                            dot as u32
                        ),
                        format!(
                            "a name's middle dot should be 「·」 (U+00B7), not 「{dot}」 (U+{:04X})",
                            dot as u32
                        ),
                    ),
                };
                out.push(
                    RULE.diagnostic(span, zh, en)
                        .with_label("应为「·」", "should be 「·」")
                        .with_fix(
                            "改为间隔号「·」",
                            "write 「·」",
                            vec![Edit {
                                span,
                                replacement: "·".into(),
                            }],
                        ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{holds_lookalike, LOOKALIKES};

    #[test]
    fn holds_lookalike_is_contains_of_the_dots() {
        let mut texts = vec![
            String::new(),
            "多来提曼·开米克（塔吉克族）".to_string(),
            "𠮷野家 a.b 2024.11 ・".to_string(),
        ];
        for dot in LOOKALIKES {
            texts.push(format!("多来提曼{dot}开米克"));
            texts.push(dot.to_string());
        }
        for text in &texts {
            assert_eq!(holds_lookalike(text), text.contains(LOOKALIKES), "{text}");
        }
    }
}
