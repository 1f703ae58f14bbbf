//! GZ606 unpaired-punctuation.

use crate::ast::{Span, Unreadable};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

use super::gz601_halfwidth_punctuation::{inside, lines};

pub const RULE: RuleDef = RuleDef {
    code: "GZ606",
    name: "unpaired-punctuation",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "成对的标点缺了一半 / a paired punctuation mark without its other half",
    explanation: r#"## 检查什么 (What it does)
公告中成对使用的标点——书名号《》〈〉、括号（）〔〕【】[]、引号“”‘’「」『』——缺了前一半或后一半，
或者前后两半不是同一种（「《……）」）。半角括号与全角括号视为同一种（半角另由 GZ601 报告）。
一段话在行末没有结束（没有句末标点，GZ004 断行）时，配对延续到下一行；
多段引文每段开头用前引号、只在最后一段末尾用后引号，这种写法不报。
行首的「1）」「一）」是序号，不报；公告以外的文字和注释不查。

## 为什么 (Why)
成对的标点缺了一半，几乎总是中间的文字丢了或多了：排版时漏掉了「》的决定」，
法律或决定的名称就引不完整，读者看不出哪里断了。

## 示例 (Example)
```
根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组三十二条的规定，
```

## 应改为 (Use instead)
```
根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》第三十二条的规定，
```

## 依据 (References)
GB/T 15834-2011《标点符号用法》引号（4.5）、括号（4.6）、书名号（4.15）：
均成对使用；引文有多段时，每段开头用前引号，只在最后一段末尾用后引号（4.5.3.4）。
"#,
    check: Check::File(check),
};

/// Opening marks and the closing mark of each. 「(」 and 「（」 are one kind.
const PAIRS: &[(char, char)] = &[
    ('《', '》'),
    ('〈', '〉'),
    ('（', '）'),
    ('(', ')'),
    ('〔', '〕'),
    ('【', '】'),
    ('[', ']'),
    ('“', '”'),
    ('‘', '’'),
    ('「', '」'),
    ('『', '』'),
];

/// The kind of a mark (its index in [`PAIRS`], with the half-width parenthesis and bracket
/// folded into the full-width ones) and whether it opens.
fn kind(c: char) -> Option<(usize, bool)> {
    let fold = |i: usize| match i {
        3 => 2,
        _ => i,
    };
    PAIRS.iter().enumerate().find_map(|(i, &(open, close))| {
        if c == open {
            Some((fold(i), true))
        } else if c == close {
            Some((fold(i), false))
        } else {
            None
        }
    })
}

/// A line ends its paragraph when its last mark closes a sentence or a heading-like item.
fn ends_paragraph(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| "。；：！？」』”’）)》〉】〕".contains(c))
}

/// 「1）」, 「一）」, 「(2)」's closer at the start of a line: an enumeration, not half a pair.
fn enumeration_closer(line: &str, at: usize) -> bool {
    let before = line[..at].trim_start();
    !before.is_empty()
        && before.chars().all(|c| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十".contains(c)
        })
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let mut open: Vec<(usize, Span)> = Vec::new();
        let notice_lines: Vec<Span> = lines(ctx.source, notice.span)
            .into_iter()
            .filter(|l| !ctx.source[l.start..l.end].trim().is_empty())
            .collect();
        // The number line is GZ101's (「〔六届第57号」); a line GZ003 reports as broken (text
        // lost or printed twice: 「…法》等法律法》等法律规定」) is told once, there.
        let mut skip: Vec<Span> = notice.markup.clone();
        skip.extend(notice.header.number.as_ref().map(|n| n.span));
        skip.extend(
            notice
                .unrecognised
                .iter()
                .filter(|u| u.cause != Unreadable::UnknownWording)
                .flat_map(|u| {
                    notice_lines
                        .iter()
                        .copied()
                        .filter(move |l| l.start <= u.at.start && u.at.start <= l.end)
                }),
        );
        let mut in_comment = false;
        for (n, &line) in notice_lines.iter().enumerate() {
            let text = &ctx.source[line.start..line.end];
            for (i, c) in text.char_indices() {
                let at = line.start + i;
                // Each test only where its first character stands, the mark's kind before the
                // spans to skip: most characters are no mark (this loop was a fiftieth of a
                // check when every place was compared with both comment delimiters).
                if in_comment {
                    if c == '-' && text[i..].starts_with("-->") {
                        in_comment = false;
                    }
                    continue;
                }
                if c == '<' && text[i..].starts_with("<!--") {
                    in_comment = true;
                    continue;
                }
                let Some((k, opens)) = kind(c) else { continue };
                if inside(&skip, at) {
                    continue;
                }
                let span = Span::new(at, at + c.len_utf8());
                if opens {
                    open.push((k, span));
                    continue;
                }
                match open.iter().rposition(|&(o, _)| o == k) {
                    Some(i) => {
                        // Marks opened inside the pair and never closed.
                        for &(_, inner) in &open[i + 1..] {
                            out.push(unclosed(ctx, inner, Some(span)));
                        }
                        open.truncate(i);
                    }
                    None if enumeration_closer(text, at - line.start) => {}
                    None => out.push(unopened(ctx, span)),
                }
            }
            if open.is_empty() || !ends_paragraph(text) {
                continue;
            }
            // A quotation of several paragraphs opens each and closes only the last.
            let next = notice_lines[n + 1..]
                .iter()
                .map(|l| ctx.source[l.start..l.end].trim_start())
                .find(|t| !t.is_empty());
            let continues =
                |&(k, _): &(usize, Span)| next.is_some_and(|t| t.starts_with(PAIRS[k].0));
            if open
                .iter()
                .all(|o| "“‘「『".contains(PAIRS[o.0].0) && continues(o))
            {
                open.clear();
                continue;
            }
            for (_, span) in open.drain(..) {
                out.push(unclosed(ctx, span, None));
            }
        }
        for (_, span) in open.drain(..) {
            out.push(unclosed(ctx, span, None));
        }
    }
}

fn unclosed(ctx: &Context, span: Span, closed_by: Option<Span>) -> Diagnostic {
    let mark = ctx.slice(span);
    let close = kind(mark.chars().next().unwrap_or(' ')).map_or(' ', |(k, _)| PAIRS[k].1);
    let mut d = RULE
        .diagnostic(
            span,
            format!("「{mark}」没有对应的「{close}」"),
            format!("「{mark}」 is never closed by 「{close}」"),
        )
        .with_label("缺后一半", "not closed")
        .with_help(
            "成对的标点缺了一半，往往是中间的文字丢了：对照原稿补上",
            "half of a pair is missing, usually with the words around it: compare with the original",
        );
    if let Some(other) = closed_by {
        d = d.with_related(
            other,
            "这里关闭的是外层的标点",
            "this closes the outer mark",
        );
    }
    d
}

fn unopened(ctx: &Context, span: Span) -> Diagnostic {
    let mark = ctx.slice(span);
    let open = kind(mark.chars().next().unwrap_or(' ')).map_or(' ', |(k, _)| PAIRS[k].0);
    RULE.diagnostic(
        span,
        format!("「{mark}」前面没有对应的「{open}」"),
        format!("「{mark}」 closes a 「{open}」 that was never opened"),
    )
    .with_label("缺前一半", "not opened")
    .with_help(
        "成对的标点缺了一半，往往是中间的文字丢了：对照原稿补上",
        "half of a pair is missing, usually with the words around it: compare with the original",
    )
}
