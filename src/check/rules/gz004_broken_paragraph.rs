//! GZ004 broken-paragraph.

use crate::ast::{Notice, NoticeBody, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

use super::gz601_halfwidth_punctuation::inside;

pub const RULE: RuleDef = RuleDef {
    code: "GZ004",
    name: "broken-paragraph",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "一句话被换行或分页截成两段 / a sentence split by a line or page break",
    explanation: r#"## 检查什么 (What it does)
公告中被换行、空行或分页截断的句子：
- 代表资格公告中，解析时必须把两行接起来才能读通的段落（「……依照地方组织法和选举法的有」/
  空行 / 「关规定，……」）；以及以逗号、顿号结尾、下一段紧接着续写的段落；
- 任免名单中，必须和下一行接起来才能读通的任免条目；
- 被换行截断的通过日期行（「（2017年9月28日江西省第十二届人民代表大会」/ 空行 / 「常务委员会第三十五次会议通过）」）；
- 决定、决议的正文中，没有以句末标点（。；：！？或后引号、后括号）结束、下一行接着写的行
  （下一行以「一、」「（一）」「第一条」「本决定」等开头的，看作新的一段，不报；本行是不带标点的短标题，
  如「决定」「一、选举、补选名额」「4.选举日」，也不报）。
可自动修正：删去断开处的换行和空行，把两段接成一段。

## 为什么 (Why)
报纸、公报排版时一段文字跨栏或跨页，复制粘贴后断成两段；付印稿中一句话中间出现空行，
读者会以为是两段，检索、比对也会漏掉被截断的词（「有 / 关规定」）。

## 示例 (Example)
```
……依照地方组织法和选举法的有

关规定，其重庆市第六届人民代表大会教育科学文化卫生委员会委员职务相应终止。
```

## 应改为 (Use instead)
```
……依照地方组织法和选举法的有关规定，其重庆市第六届人民代表大会教育科学文化卫生委员会委员职务相应终止。
```

## 依据 (References)
GB/T 9704-2012 7.3.3（正文每个自然段左空二字，回行顶格：一个自然段不因排版而分开）；
重庆日报 2024年11月28日 第56号公告的跨栏断句（examples/chongqing-2024-11-28.md）。
"#,
    check: Check::File(check),
};

/// Marks that may end a line of prose: sentence ends, and closing quotes or brackets.
const CLOSING: &[char] = &[
    '。', '；', ';', '：', ':', '！', '!', '？', '?', '…', '」', '』', '”', '’', '）', ')', '】',
    '〕', ']', '》',
];

/// Marks after which a sentence always goes on.
const MID_SENTENCE: &[char] = &['，', ',', '、'];

/// Openings of a new paragraph in a decision's body.
const PARAGRAPH_OPENERS: &[&str] = &["本决定", "本决议", "特此"];

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        // The parser reads an adoption line broken over lines as one (lower.rs).
        for b in notice.adoption.iter().flat_map(|a| &a.breaks) {
            out.push(broken(ctx, *b));
        }
        match &notice.body {
            NoticeBody::Qualification(body) => {
                for (i, p) in body.paragraphs.iter().enumerate() {
                    for b in &p.breaks {
                        out.push(broken(ctx, *b));
                    }
                    // The parser joins only what does not read alone; a line that stops at a
                    // comma is cut whatever the grammar says.
                    let Some(next) = body.paragraphs.get(i + 1) else {
                        continue;
                    };
                    if ctx.slice(p.span).ends_with(MID_SENTENCE) {
                        if let Some(gap) = gap(ctx, notice, p.span.end, next.span.start) {
                            out.push(broken(ctx, gap));
                        }
                    }
                }
            }
            NoticeBody::Decision(d) => {
                for w in d.paragraphs.windows(2) {
                    let (line, next) = (ctx.slice(w[0].span), ctx.slice(w[1].span));
                    if line.ends_with(CLOSING) || opens_paragraph(next) || is_heading(line) {
                        continue;
                    }
                    if let Some(gap) = gap(ctx, notice, w[0].span.end, w[1].span.start) {
                        out.push(broken(ctx, gap));
                    }
                }
            }
            NoticeBody::Personnel(list) => {
                // An entry read together with the next line (lower.rs joins an entry that does
                // not read alone): its span runs across the break.
                for entry in list.sections.iter().flat_map(|s| &s.entries) {
                    if let Some(gap) = inner_gap(ctx, notice, entry.span) {
                        out.push(broken(ctx, gap));
                    }
                }
            }
        }
    }
}

/// Heading marks (「### 」) are layout; a comment or directive in `markup` is not, and joining
/// the lines around it would delete it.
fn is_layout(notice: &Notice, c: char, at: usize) -> bool {
    c.is_whitespace() || (c == '#' && inside(&notice.markup, at))
}

/// The break between two consecutive lines: only line breaks, spaces and heading marks.
fn gap(ctx: &Context, notice: &Notice, end: usize, start: usize) -> Option<Span> {
    let between = ctx.source.get(end..start)?;
    let only_layout = between
        .char_indices()
        .all(|(i, c)| is_layout(notice, c, end + i));
    (between.contains(['\n', '\r']) && only_layout).then(|| Span::new(end, start))
}

/// The first break inside a span that was read across lines.
fn inner_gap(ctx: &Context, notice: &Notice, span: Span) -> Option<Span> {
    let text = ctx.slice(span);
    let nl = text.find(['\n', '\r'])?;
    let end = span.start + text[..nl].trim_end().len();
    let mut start = span.start + nl;
    for (i, c) in text[nl..].char_indices() {
        let at = span.start + nl + i;
        if !is_layout(notice, c, at) {
            break;
        }
        start = at + c.len_utf8();
    }
    gap(ctx, notice, end, start)
}

/// A heading or label set on a line of its own: 「决定」, 「一、选举、补选名额」, 「4.选举日」. It
/// ends without punctuation by design; a line cut by a page break is a sentence, with commas,
/// and longer.
fn is_heading(line: &str) -> bool {
    const HEADING_CHARS: usize = 16;
    let short = line.chars().count() <= HEADING_CHARS;
    let sentence = line.contains(['，', ',', '。', '；', ';']);
    short && !sentence
}

fn opens_paragraph(line: &str) -> bool {
    if PARAGRAPH_OPENERS.iter().any(|w| line.starts_with(w)) {
        return true;
    }
    // 一、 （一） 1. 第一条: an enumerated item.
    let numeral = |c: char| c.is_ascii_digit() || "〇零一二三四五六七八九十百".contains(c);
    let rest = line.trim_start_matches(['（', '(']);
    let after = rest.trim_start_matches(numeral);
    if after.len() < rest.len() && after.starts_with(['、', '）', ')', '.', '．']) {
        return true;
    }
    let after_di = line
        .strip_prefix('第')
        .map(|r| r.trim_start_matches(numeral));
    after_di.is_some_and(|r| r.starts_with('条'))
}

/// A few characters on each side of the break, for the message.
fn excerpt(ctx: &Context, gap: Span) -> (String, String, Span, Span) {
    let before: Vec<(usize, char)> = ctx.source[..gap.start]
        .char_indices()
        .rev()
        .take(6)
        .collect();
    let after: Vec<(usize, char)> = ctx.source[gap.end..].char_indices().take(4).collect();
    let tail: String = before.iter().rev().map(|&(_, c)| c).collect();
    let head: String = after.iter().map(|&(_, c)| c).collect();
    let last = before
        .first()
        .map(|&(i, c)| Span::new(i, i + c.len_utf8()))
        .unwrap_or(Span::new(gap.start, gap.start));
    let first = after
        .first()
        .map(|&(i, c)| Span::new(gap.end + i, gap.end + i + c.len_utf8()))
        .unwrap_or(Span::new(gap.end, gap.end));
    (tail, head, last, first)
}

fn broken(ctx: &Context, gap: Span) -> Diagnostic {
    let (tail, head, last, first) = excerpt(ctx, gap);
    RULE.diagnostic(
        last,
        format!("一句话在此处被换行截断：「…{tail}」与下一行的「{head}…」应接成一段"),
        format!("a sentence is split across lines here: 「…{tail}」 goes on as 「{head}…」"),
    )
    .with_label("句子在此处断开", "the sentence breaks here")
    .with_related(first, "下一行接着写", "it goes on here")
    .with_help(
        "核对原稿：此处多半是排版跨栏、跨页造成的断行",
        "check the original: such breaks usually come from a column or page break in print",
    )
    .with_fix(
        "删去断行，接成一段",
        "remove the break and join the lines",
        vec![Edit {
            span: gap,
            replacement: String::new(),
        }],
    )
}
