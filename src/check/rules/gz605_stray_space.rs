//! GZ605 stray-space.

use crate::ast::{NoticeBody, Span};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Edit, Severity};

use super::gz601_halfwidth_punctuation::{chars, inside, is_han, lines};
use super::gz602_name_separator::{persons, posts, wrong_separators};

pub const RULE: RuleDef = RuleDef {
    code: "GZ605",
    name: "stray-space",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "姓名、职务或句子中间多出的空格 / a space inside a name, post or sentence",
    explanation: r#"## 检查什么 (What it does)
公告的姓名、职务和句子中间多出的空格（半角空格、全角空格 U+3000、制表符）。
不报的：
- 两个字的姓名中间为对齐而加的一个空格（「王　军」），比对姓名时与「王军」视为同一人；
- 行首的缩进、行尾的空格（Markdown 用行尾两个空格表示换行）、标题标记「### 」；
- 公告头（「公  告」「……公告 〔十三届〕第七号」）；
- 两边都是西文字母或数字的空格（西文词语之间）；
- 公告以外的文字。
只有确定的情形自动修正：职务、法律名称、通过日期行等已读懂的结构中两个汉字之间的一个空格，删去。
姓名中的空格、汉字与数字或标点之间的空格，以及决定正文、决定标题和无法识别的行中的空格
（那里可能是两个姓名之间漏了顿号，见 GZ602）只报不改，由人判断。

## 为什么 (Why)
公告正文在汉字之间、汉字与数字之间都不加空格（「实有代表846人」「2024年11月28日」）。
多出的空格多来自排版软件的对齐或复制粘贴，付印后字距不匀；姓名、职务中的空格还会让比对失败
（「重庆市人民政府 副市长」与「重庆市人民政府副市长」是两个字符串）。

## 示例 (Example)
```
姜国杰为重庆市人民政府 副市长；
截至目前，重庆市第六届人民代表大会实有代表 846 人。
```

## 应改为 (Use instead)
```
姜国杰为重庆市人民政府副市长；
截至目前，重庆市第六届人民代表大会实有代表846人。
```

## 依据 (References)
GB/T 9704-2012 7.3.3（正文每个自然段左空二字，回行顶格）；全国人大常委会与各地人大常委会
公告的印刷惯例（`examples/variants/`）。
"#,
    check: Check::File(check),
};

fn is_space(c: char) -> bool {
    SPACES.contains(&c)
}

/// Layout at the edges of a line: indentation and trailing spaces (NBSP is GZ005's).
fn is_edge(c: char) -> bool {
    is_space(c) || c == '\u{00A0}'
}

fn kind(run: &str) -> (&'static str, &'static str) {
    if run.chars().all(|c| c == '\u{3000}') {
        ("全角空格", "full-width space")
    } else if run.chars().all(|c| c == ' ') {
        ("空格", "space")
    } else if run.chars().all(|c| c == '\t') {
        ("制表符", "tab")
    } else {
        ("空白", "blank")
    }
}

const SPACES: [char; 3] = [' ', '\u{3000}', '\t'];

/// Whether `text` holds one of [`SPACES`], by SIMD search for their bytes:
/// `str::contains(SPACES)` decodes every character, and ran over every notice and line.
fn holds_space(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2(b' ', b'\t', bytes).is_some()
        || memchr::memmem::find(bytes, "\u{3000}".as_bytes()).is_some()
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        // Every finding is a run of spaces: a notice or a line without one needs no walk.
        if !holds_space(&ctx.source[notice.span.start..notice.span.end]) {
            continue;
        }
        let persons = persons(notice);
        let posts = posts(notice);
        let mut skip = wrong_separators(notice, ctx.source);
        skip.push(notice.header.span);
        // Heading marks, comments and gazette-ignore directives are layout for the tools.
        skip.extend(notice.markup.iter().copied());
        // Text the grammar did not read into names: a space there may stand between two names
        // (「张三 李四」, GZ602's case), so it is reported but not removed.
        let mut unread: Vec<Span> = notice.unrecognised.iter().map(|u| u.span).collect();
        if let NoticeBody::Decision(d) = &notice.body {
            unread.extend(d.paragraphs.iter().map(|p| p.span));
            unread.extend(d.title.iter().map(|t| t.span));
            // 「常山县人民代表大会常务委员会 关于…的决定」: the issuer set before its title.
            skip.extend(
                d.title
                    .iter()
                    .map(|t| Span::new(t.span.start, t.matter.span.start)),
            );
        }
        // 「…会议通过 1998年7月31日…会议批准」: adoption and approval set apart.
        if let Some(ap) = notice.adoption.as_ref().and_then(|a| a.approval) {
            let before = ctx.source[..ap.start].trim_end_matches(is_space);
            skip.push(Span::new(before.len(), ap.start));
        }
        for line in lines(ctx.source, notice.span) {
            if !holds_space(&ctx.source[line.start..line.end]) {
                continue;
            }
            let cs = chars(ctx.source, line);
            let mut lo = 0;
            while lo < cs.len() && (is_edge(cs[lo].1) || inside(&notice.markup, cs[lo].0)) {
                lo += 1;
            }
            let mut hi = cs.len();
            while hi > lo && is_edge(cs[hi - 1].1) {
                hi -= 1;
            }
            let mut i = lo;
            while i < hi {
                if !is_space(cs[i].1) {
                    i += 1;
                    continue;
                }
                let mut j = i;
                while j < hi && is_space(cs[j].1) {
                    j += 1;
                }
                let span = Span::new(cs[i].0, cs[j].0);
                let (prev, next) = (cs[i - 1].1, cs[j].1);
                i = j;
                if inside(&skip, span.start) || (prev.is_ascii() && next.is_ascii()) {
                    continue;
                }
                let run = ctx.slice(span);
                let single = run.chars().count() == 1 && !run.starts_with('\t');
                let (kind_zh, kind_en) = kind(run);
                let name = persons
                    .iter()
                    .find(|p| p.name.span.start <= span.start && span.end <= p.name.span.end);
                if let Some(p) = name {
                    let han = p.name.text.chars().filter(|&c| is_han(c)).count();
                    // 王　军: a two-character name padded to the width of three.
                    if han == 2 && single {
                        continue;
                    }
                    out.push(
                        RULE.diagnostic(
                            span,
                            format!("姓名「{}」中间有多余的{kind_zh}", p.name.text),
                            format!("a {kind_en} inside the name 「{}」", p.name.text),
                        )
                        .with_label(format!("多余的{kind_zh}"), format!("stray {kind_en}"))
                        .with_help(
                            "只有两个字的姓名可以为对齐在中间加一个全角空格（「王　军」）；核对原稿后删去",
                            "only a two-character name may be padded with one full-width space (「王　军」); check the original",
                        ),
                    );
                    continue;
                }
                let post = posts
                    .iter()
                    .find(|p| p.span.start <= span.start && span.end <= p.span.end);
                let (zh, en) = match post {
                    Some(p) => (
                        format!("职务「{}」中间有多余的{kind_zh}", p.text),
                        format!("a {kind_en} inside the post 「{}」", p.text),
                    ),
                    None => (
                        format!("公告文字中间有多余的{kind_zh}"),
                        format!("a {kind_en} inside the text of the notice"),
                    ),
                };
                let mut d = RULE
                    .diagnostic(span, zh, en)
                    .with_label(format!("多余的{kind_zh}"), format!("stray {kind_en}"));
                if prev.is_ascii_digit() || next.is_ascii_digit() {
                    d = d.with_help(
                        "公告中汉字与数字之间不加空格（「实有代表846人」）",
                        "official style puts no space between Chinese and digits",
                    );
                }
                if inside(&unread, span.start) {
                    if is_han(prev) && is_han(next) {
                        d = d.with_help(
                            "核对原稿：两个姓名之间应为顿号「、」，其他情况删去空格",
                            "check the original: two names are separated by 「、」; otherwise remove the space",
                        );
                    }
                } else if single && is_han(prev) && is_han(next) {
                    d = d.with_fix(
                        format!("删去{kind_zh}"),
                        format!("remove the {kind_en}"),
                        vec![Edit {
                            span,
                            replacement: String::new(),
                        }],
                    );
                }
                out.push(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{holds_space, SPACES};

    #[test]
    fn holds_space_is_contains_of_the_spaces() {
        for text in [
            "",
            "重庆市人民代表大会常务委员会",
            "张三 李四",
            "张三\u{3000}李四",
            "张三\t",
            "\u{3001}\u{3002}\u{2003}𠮷",
            " ",
        ] {
            assert_eq!(holds_space(text), text.contains(SPACES), "{text:?}");
        }
    }
}
