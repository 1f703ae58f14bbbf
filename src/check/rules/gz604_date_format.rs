//! GZ604 date-format.

use crate::ast::Span;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

use super::gz601_halfwidth_punctuation::{chars, inside, lines};

pub const RULE: RuleDef = RuleDef {
    code: "GZ604",
    name: "date-format",
    severity: Severity::Style,
    enabled_by_default: true,
    summary: "日期补零或年份简写 / zero-padded or abbreviated dates",
    explanation: r#"## 检查什么 (What it does)
公告中的日期应写作「2024年11月28日」：阿拉伯数字，年份写全，月、日不补零。
- 月或日补了零（「2024年01月05日」「2024年11月05日」）：可自动去掉前导零，改为「2024年1月5日」；
- 年份只写了两位（「24年11月28日」）：报出，不自动修正（由人补全年份）。
只查后面接着「月」的年份，「任期5年」「10年」这样的年数不查；不可能的日期（「2024年02月30日」）
由 GZ107 报告；公告以外的文字（报头「2023年02月25日 第04版」）不查。
本规则不建议任何其他改动：汉字与数字之间不加空格，「2024年11月28日」就是规范写法。

## 为什么 (Why)
GB/T 9704-2012 7.3.5.4：成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位
（即 1 不编为 01）。全国人大常委会和各地人大常委会的公告都这样写（「2019年4月23日」）。

## 示例 (Example)
```
（2024年01月05日重庆市第六届人民代表大会常务委员会第八次会议通过）
24年11月28日
```

## 应改为 (Use instead)
```
（2024年1月5日重庆市第六届人民代表大会常务委员会第八次会议通过）
2024年11月28日
```

## 依据 (References)
GB/T 9704-2012 7.3.5.4；GB/T 15835-2011《出版物上数字用法》；DOMAIN.md §3。
"#,
    check: Check::File(check),
};

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A run of digits at `i` in `cs`: its end index and value.
fn digits(cs: &[(usize, char)], i: usize) -> (usize, u32) {
    let mut j = i;
    let mut value = 0u32;
    while let Some(d) = cs.get(j).and_then(|&(_, c)| digit(c)) {
        value = value.saturating_mul(10).saturating_add(d);
        j += 1;
    }
    (j, value)
}

fn end_of(cs: &[(usize, char)], j: usize) -> usize {
    cs.get(j - 1).map_or(0, |&(a, c)| a + c.len_utf8())
}

/// Whether `text` holds a digit of either width: every date this rule reads begins with one.
fn has_digit(text: &str) -> bool {
    text.contains(|c| digit(c).is_some())
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let mut skip = notice.markup.clone();
        if let Some(n) = &notice.header.number {
            skip.push(n.span);
        }
        for line in lines(ctx.source, notice.span) {
            if !has_digit(&ctx.source[line.start..line.end]) {
                continue;
            }
            let cs = chars(ctx.source, line);
            let mut i = 0;
            while i < cs.len() {
                let starts_number = digit(cs[i].1).is_some()
                    && (i == 0 || digit(cs[i - 1].1).is_none())
                    && !inside(&skip, cs[i].0);
                if !starts_number {
                    i += 1;
                    continue;
                }
                let (year_end, _) = digits(&cs, i);
                check_date(ctx, &cs, i, year_end, out);
                i = year_end;
            }
        }
    }
}

/// A date from the year's digits at `y..y_end`: 「Y年M月(D日)?」.
fn check_date(
    ctx: &Context,
    cs: &[(usize, char)],
    y: usize,
    y_end: usize,
    out: &mut Vec<Diagnostic>,
) {
    let at = |i: usize| cs.get(i).map(|&(_, c)| c);
    if at(y_end) != Some('年') {
        return;
    }
    let m = y_end + 1;
    let (m_end, month) = digits(cs, m);
    if m_end == m || at(m_end) != Some('月') {
        return;
    }
    let d = m_end + 1;
    let (d_end, day) = digits(cs, d);
    let has_day = d_end > d && at(d_end) == Some('日');
    let year_len = y_end - y;
    let date = Span::new(
        cs[y].0,
        if has_day {
            end_of(cs, d_end + 1)
        } else {
            end_of(cs, m_end + 1)
        },
    );
    let printed = ctx.slice(date);

    if year_len == 2 {
        let span = Span::new(cs[y].0, end_of(cs, y_end + 1));
        let short = ctx.slice(span);
        out.push(
            RULE.diagnostic(
                span,
                format!("年份应写全（四位），此处为「{short}」"),
                format!("the year is written in full (four digits), not 「{short}」"),
            )
            .with_label("年份不全", "abbreviated year")
            .with_help(
                format!("在「{printed}」中补全年份，如「2024年」"),
                format!("write the full year in 「{printed}」, e.g. 「2024年」"),
            ),
        );
    }

    // Zero padding (「01月」「05日」); 「00」 is an impossible date, left to GZ107.
    let padded = |start: usize, end: usize, value: u32| {
        end - start > 1 && digit(cs[start].1) == Some(0) && value > 0
    };
    let mut edits = Vec::new();
    let mut spans = Vec::new();
    if padded(m, m_end, month) {
        spans.push(Span::new(cs[m].0, end_of(cs, m_end)));
    }
    if has_day && padded(d, d_end, day) {
        spans.push(Span::new(cs[d].0, end_of(cs, d_end)));
    }
    if spans.is_empty() {
        return;
    }
    let mut fixed = String::new();
    let mut pos = date.start;
    for s in &spans {
        let text = ctx.slice(*s);
        // The value is not zero, so a digit remains.
        let kept = text.trim_start_matches(['0', '０']);
        fixed.push_str(&ctx.source[pos..s.start]);
        fixed.push_str(kept);
        pos = s.end;
        edits.push(Edit {
            span: *s,
            replacement: kept.to_string(),
        });
    }
    fixed.push_str(&ctx.source[pos..date.end]);
    let primary = if spans.len() == 1 { spans[0] } else { date };
    out.push(
        RULE.diagnostic(
            primary,
            format!("日期中的月、日不应补零：「{printed}」应为「{fixed}」"),
            format!("months and days are not zero-padded: 「{printed}」 should be 「{fixed}」"),
        )
        .with_label(format!("应为「{fixed}」"), format!("should be 「{fixed}」"))
        .with_fix("去掉前导零", "remove the leading zeros", edits),
    );
}
