//! GZ601 halfwidth-punctuation.
//!
//! Also the small text helpers the typography rules (GZ004, GZ005, GZ6xx) share: what a Han
//! character is, and the lines of a notice.

use crate::ast::{Notice, NoticeBody, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ601",
    name: "halfwidth-punctuation",
    severity: Severity::Style,
    enabled_by_default: true,
    summary: "中文文本中的半角标点 / ASCII punctuation inside Chinese text",
    explanation: r#"## 检查什么 (What it does)
公告中紧挨汉字的半角标点 `( ) , ; : ?`，以及括住汉字的半角括号，应改为全角的
「（ ） ， ； ： ？」。可自动修正。
- 成对的半角括号只要括住了汉字就报（「(2024年11月28日……会议通过)」「(草案)」
  「重庆两江新区人民法院(重庆自由贸易试验区人民法院)院长」），一对报一次；
- 节序号后的半角逗号（「一,决定任命」）应改为顿号「、」；
- 两边都是数字或西文字母的不报（「1,000」「9:30」、网址、西文词语），不在公告里的文字不报。
公告编号行的括号（GZ101）、任免条目末尾的「;」「,」（GZ303）、并列姓名之间的分隔符（GZ602）
由各自的规则报告，这里不重复。

## 为什么 (Why)
GB/T 15834-2011 给出的中文标点都是全角形式，第5.1节规定句号、逗号、顿号、分号、冒号和括号
各占一个字位。半角标点多来自网页转载或西文输入法，付印后字距不匀、与全角标点混排。
全国人大常委会和各地人大常委会公告的通过日期行一律用全角括号：「（2024年11月28日……通过）」。

## 示例 (Example)
```
(2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过)
彭贵为重庆两江新区人民法院(重庆自由贸易试验区人民法院)院长；
```

## 应改为 (Use instead)
```
（2024年11月28日重庆市第六届人民代表大会常务委员会第十二次会议通过）
彭贵为重庆两江新区人民法院（重庆自由贸易试验区人民法院）院长；
```

## 依据 (References)
GB/T 15834-2011《标点符号用法》4.9、5.1；GB/T 9704-2012 第9章；DOMAIN.md §3。
"#,
    check: Check::File(check),
};

/// A Han character (CJK unified ideographs, their extensions and compatibility forms, 〇).
pub(crate) fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{20000}'..='\u{3134F}'
            | '〇'
    )
}

/// Full-width punctuation and CJK symbols: text around them is Chinese text.
pub(crate) fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF01}'..='\u{FF60}' | '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// The lines of `span` (a notice), each without its line break ("\n", "\r\n" or a lone "\r",
/// as the source's line index counts them).
pub(crate) fn lines(source: &str, span: Span) -> Vec<Span> {
    let bytes = &source.as_bytes()[span.start..span.end];
    let mut out = Vec::new();
    let mut start = 0;
    // Only the line breaks are looked at, found by memchr rather than byte by byte.
    let mut breaks = memchr::memchr2_iter(b'\n', b'\r', bytes).peekable();
    while let Some(i) = breaks.next() {
        out.push(Span::new(span.start + start, span.start + i));
        // 「\r\n」 is one break.
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            breaks.next_if_eq(&(i + 1));
            start = i + 2;
        } else {
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push(Span::new(span.start + start, span.start + bytes.len()));
    }
    out
}

/// A line's characters with their source offsets.
pub(crate) fn chars(source: &str, line: Span) -> Vec<(usize, char)> {
    source[line.start..line.end]
        .char_indices()
        .map(|(i, c)| (line.start + i, c))
        .collect()
}

pub(crate) fn inside(spans: &[Span], at: usize) -> bool {
    spans.iter().any(|s| s.start <= at && at < s.end)
}

fn full_width(c: char) -> Option<char> {
    Some(match c {
        '(' => '（',
        ')' => '）',
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        _ => return None,
    })
}

fn chinese(c: Option<char>) -> bool {
    c.is_some_and(|c| is_han(c) || is_cjk_punctuation(c))
}

/// Spans other rules judge: the number line (GZ101), entry terminators (GZ303), separators
/// between names (GZ602), heading marks.
fn not_ours(notice: &Notice, source: &str) -> Vec<Span> {
    let mut skip = notice.markup.clone();
    if let Some(n) = &notice.header.number {
        skip.push(n.span);
    }
    if let NoticeBody::Personnel(list) = &notice.body {
        for entry in list.sections.iter().flat_map(|s| &s.entries) {
            if let Some(t) = &entry.terminator {
                skip.push(t.span);
            }
        }
    }
    skip.extend(super::gz602_name_separator::wrong_separators(
        notice, source,
    ));
    skip
}

/// The separator after a section numeral (「一,」), which is 「、」 in full width.
fn numeral_separators(notice: &Notice, source: &str) -> Vec<Span> {
    let NoticeBody::Personnel(list) = &notice.body else {
        return Vec::new();
    };
    list.sections
        .iter()
        .filter_map(|s| s.heading.as_ref()?.numeral_span)
        .filter(|ns| source[ns.start..ns.end].ends_with(','))
        .map(|ns| Span::new(ns.end - 1, ns.end))
        .collect()
}

/// The half-width marks this rule reports; every finding stands at one of them.
fn has_halfwidth_mark(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b'(' | b')' | b',' | b';' | b':' | b'?'))
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        // Most notices hold no half-width mark at all: a byte scan, not a walk of every line.
        if !has_halfwidth_mark(&ctx.source[notice.span.start..notice.span.end]) {
            continue;
        }
        let skip = not_ours(notice, ctx.source);
        let numeral_seps = numeral_separators(notice, ctx.source);
        for line in lines(ctx.source, notice.span) {
            if has_halfwidth_mark(&ctx.source[line.start..line.end]) {
                check_line(&chars(ctx.source, line), &skip, &numeral_seps, out);
            }
        }
    }
}

fn check_line(
    cs: &[(usize, char)],
    skip: &[Span],
    numeral_seps: &[Span],
    out: &mut Vec<Diagnostic>,
) {
    let at = |i: usize| cs.get(i).map(|&(_, c)| c);
    let before = |i: usize| i.checked_sub(1).and_then(at);
    let span = |i: usize| Span::new(cs[i].0, cs[i].0 + cs[i].1.len_utf8());
    // Pair parentheses of either width; a pair that encloses Han text is Chinese text even
    // when its first character is a digit (「(2024年11月28日…通过)」).
    let mut reported = vec![false; cs.len()];
    // Han characters before each index: whether a pair encloses Han text is a subtraction,
    // not a scan of its inside (which made nested parentheses quadratic in their depth).
    let mut han_before = Vec::with_capacity(cs.len() + 1);
    han_before.push(0usize);
    for &(_, c) in cs {
        han_before.push(han_before[han_before.len() - 1] + usize::from(is_han(c)));
    }
    let mut stack: Vec<usize> = Vec::new();
    for i in 0..cs.len() {
        match cs[i].1 {
            '(' | '（' => stack.push(i),
            ')' | '）' => {
                let Some(open) = stack.pop() else { continue };
                let ascii_open = cs[open].1 == '(' && !inside(skip, cs[open].0);
                let ascii_close = cs[i].1 == ')' && !inside(skip, cs[i].0);
                if !(ascii_open || ascii_close) {
                    continue;
                }
                if han_before[i] == han_before[open + 1] {
                    continue;
                }
                reported[open] |= ascii_open;
                reported[i] |= ascii_close;
                out.push(pair(open, i, ascii_open, ascii_close, &span));
            }
            _ => {}
        }
    }
    for i in 0..cs.len() {
        let c = cs[i].1;
        let Some(wide) = full_width(c) else { continue };
        if reported[i] || inside(skip, cs[i].0) {
            continue;
        }
        let s = span(i);
        if numeral_seps.contains(&s) {
            out.push(
                RULE.diagnostic(
                    s,
                    "节序号后应为顿号「、」，此处为半角「,」",
                    "a section numeral is followed by 「、」, not a half-width 「,」",
                )
                .with_label("应为「、」", "should be 「、」")
                .with_fix("改为「、」", "write 「、」", vec![edit(s, '、')]),
            );
            continue;
        }
        if !(chinese(before(i)) || chinese(at(i + 1))) {
            continue;
        }
        out.push(
            RULE.diagnostic(
                s,
                format!("中文文本中使用了半角标点「{c}」"),
                format!("half-width 「{c}」 in Chinese text"),
            )
            .with_label(
                format!("应为全角「{wide}」"),
                format!("should be 「{wide}」"),
            )
            .with_fix(
                format!("改为全角「{wide}」"),
                format!("write 「{wide}」"),
                vec![edit(s, wide)],
            ),
        );
    }
}

fn pair(
    open: usize,
    close: usize,
    ascii_open: bool,
    ascii_close: bool,
    span: &dyn Fn(usize) -> Span,
) -> Diagnostic {
    let (o, c) = (span(open), span(close));
    let mut edits = Vec::new();
    if ascii_open {
        edits.push(edit(o, '（'));
    }
    if ascii_close {
        edits.push(edit(c, '）'));
    }
    let d = if ascii_open && ascii_close {
        RULE.diagnostic(
            o,
            "中文文本中使用了半角括号「()」",
            "half-width parentheses 「()」 in Chinese text",
        )
        .with_label("应为全角「（」", "should be 「（」")
        .with_related(c, "应为全角「）」", "should be 「）」")
    } else if ascii_open {
        RULE.diagnostic(
            o,
            "中文文本中使用了半角括号「(」",
            "half-width 「(」 in Chinese text",
        )
        .with_label("应为全角「（」", "should be 「（」")
    } else {
        RULE.diagnostic(
            c,
            "中文文本中使用了半角括号「)」",
            "half-width 「)」 in Chinese text",
        )
        .with_label("应为全角「）」", "should be 「）」")
    };
    d.with_fix("改为全角括号「（）」", "write 「（）」", edits)
}

fn edit(span: Span, c: char) -> Edit {
    Edit {
        span,
        replacement: c.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines of a span, each without its break: 「\n」, 「\r」 and 「\r\n」 end a line, a last
    /// line without a break is a line, and offsets count from the start of the source.
    #[test]
    fn lines_split_at_every_kind_of_break() {
        let source = "前言\n甲\r\n乙\r丙\n\n丁";
        let got: Vec<&str> = lines(source, Span::new(0, source.len()))
            .into_iter()
            .map(|l| &source[l.start..l.end])
            .collect();
        assert_eq!(got, ["前言", "甲", "乙", "丙", "", "丁"]);
        let from = "前言\n".len();
        let inner = lines(source, Span::new(from, from + "甲\r\n".len()));
        assert_eq!(inner, [Span::new(from, from + "甲".len())]);
        assert!(lines(source, Span::new(3, 3)).is_empty());
    }
}
