//! GZ003 syntax-error.

use crate::ast::{SyntaxContext, Unreadable, Unrecognised};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ003",
    name: "syntax-error",
    severity: Severity::Error,
    enabled_by_default: true,
    summary: "文字残缺或重复（错误），或写法未能识别（警告） / broken text (error), or a wording not recognised (warning)",
    explanation: r#"## 检查什么 (What it does)
公告（公告头之后、落款之前）中的每一行都必须是语法认识的结构：编号行、通过日期行、节标题、
任免条目、代表资格条款、决定标题、正文、落款、日期。不认识的行或条款报为本错误，
消息说明在该处期望的是什么（如「此处应为「代表」」「任免条目应以「；」或「。」结尾」），
标注停在第一个不符合的字符上。

## 错误还是警告 (Error or warning)
- **错误**：文字是坏的，不能付印——一个结构没写完就接上了另一个结构（中间的字丢了，如下例），
  或一段字（四个字以上）紧挨着又印了一遍（「辞去第十陈晓梅辞去第十三届……」「宁远县人宁远县人大
  常委会」），或「人民代表大会」「常务委员会」这样的固定用语缺了字（「人民代表大委员会」「人民代补选」），
  或结构深得超出解析上限。重印和缺字在公告的每一行都检查，包括语法读懂了的行、公告头、标题和决定正文；
  缺字还包括：「第N次」后面没有「会议」（「常务委员会第十四次安平市……」）、「第十四大会」「人大会常务委员会」
  「天代表大会第三次会议」这样残缺的大会名称、「辞职务」、不完整的农历日期（「农历九月二」）、
  以「的报告」「的决定」结尾却不以「关于」开头的书名（「《关2019年……的报告》」），
  以及下一行已是通过日期、自身却没有以「的决定」「的决议」等结尾的标题（标题没有写完）；
- **警告**：只是写法本工具还不认识，原文可能完全正确。消息说明从哪里起没有读懂；这一句里的
  姓名和人数不参与核对，依赖它的核对（如实有代表人数）改为「无法核对」并说明原因。
  预算决议和公布令的固定句式缺了关键的动词时也报为警告：「会议听取了……受……委托所作的……」
  「会议同意……提出的审查结果报告，决定批准……」「《……》已由……通过，现予公布」。

## 为什么 (Why)
无法识别的文字往往是漏字、串行或错字（例如复制排版时两处相同的「重庆市第六届人民代表大会」之间的文字被跳过）。
若当作普通文字放过，后面的人数核对、姓名核对都会失去依据。

## 示例 (Example)
```
…梁平区人民代表大会常务委员会补选吴凯为重庆市第六届人民代表大会常务委员会第十二次会议审议通过…
```
「补选…为」之后应为「…人民代表大会代表」，这里缺了「代表。重庆市第六届人民代表大会」。

## 应改为 (Use instead)
```
…补选吴凯为重庆市第六届人民代表大会代表。重庆市第六届人民代表大会常务委员会第十二次会议…
```
各种规范写法见 `examples/variants/`。
"#,
    check: Check::File(check),
};

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    // A text in which no notice is found was not checked at all: say so rather than pass it
    // (a title the grammar does not know yet would otherwise go unread without a word).
    let has_text = ctx.source.chars().any(|c| !c.is_whitespace());
    if has_text && ctx.document.notices().next().is_none() && ctx.input.failure.is_none() {
        out.push(
            RULE.diagnostic(
                crate::ast::Span::new(0, 0),
                "未发现公告：没有可识别的公告头（「……常务委员会公告」「……任免名单」或「关于……的决定」），本文件没有进行任何核对",
                "no notice found: no header the grammar knows (「…常务委员会公告」, 「…任免名单」 or 「关于…的决定」), so nothing in this file was checked",
            )
            .with_severity(Severity::Note),
        );
    }
    for u in &ctx.document.problems {
        out.push(diagnostic(ctx, u));
    }
    for notice in ctx.document.notices() {
        // Wordings not recognised are told once per line: a notice of a shape the grammar does
        // not know (a new term's roster, 扶风 2021) would otherwise get a warning on every clause
        // of it. The others of the line are labelled on the first.
        // A line with broken text (lost, doubled, run into) is told as broken: that it was
        // also not read follows.
        let all: Vec<&Unrecognised> = {
            let on_broken_line = |u: &Unrecognised| {
                notice.unrecognised.iter().any(|b| {
                    b.cause != Unreadable::UnknownWording && {
                        let (a, z) = if b.at.start <= u.at.start {
                            (b.at.start, u.at.start)
                        } else {
                            (u.at.start, b.at.start)
                        };
                        !ctx.source[a..z].contains('\n')
                    }
                })
            };
            let mut all: Vec<&Unrecognised> = notice
                .unrecognised
                .iter()
                .filter(|u| u.cause != Unreadable::UnknownWording || !on_broken_line(u))
                .collect();
            all.sort_by_key(|u| u.at.start);
            all
        };
        let mut i = 0;
        while i < all.len() {
            let u = all[i];
            if u.cause != Unreadable::UnknownWording {
                out.push(diagnostic(ctx, u));
                i += 1;
                continue;
            }
            let same_line = |v: &Unrecognised| {
                v.cause == Unreadable::UnknownWording
                    && v.at.start >= u.at.start
                    && !ctx.source[u.at.start..v.at.start].contains('\n')
            };
            let more = all[i + 1..].iter().take_while(|v| same_line(v)).count();
            let mut d = diagnostic(ctx, u);
            if more > 0 {
                d.message = crate::diagnostic::Message::new(
                    format!(
                        "{}；本行其后另有{more}处未能读懂",
                        d.message.get(crate::diagnostic::Lang::Zh)
                    ),
                    format!(
                        "{}; {more} more further on this line",
                        d.message.get(crate::diagnostic::Lang::En)
                    ),
                );
                for v in &all[i + 1..=i + more] {
                    d = d.with_related(v.at, "同样未能读懂", "not read either");
                }
            }
            out.push(d);
            i += more + 1;
        }
    }
}

fn diagnostic(ctx: &Context, u: &Unrecognised) -> Diagnostic {
    let d = match u.cause {
        Unreadable::UnknownWording => return unknown_wording(u),
        Unreadable::TooComplex => return broken(u),
        Unreadable::BrokenOff => RULE.diagnostic(
            u.at,
            format!(
                "标题没有写完：在「{}」处中断，下一行已是通过日期；此处应为{}",
                ctx.slice(u.at),
                u.expected_zh
            ),
            format!(
                "the title breaks off at 「{}」 and the next line is its adoption note: {} was expected",
                ctx.slice(u.at),
                u.expected_en
            ),
        ),
        Unreadable::RunIn { resumes } => {
            let head: String = ctx.slice(resumes).chars().take(8).collect();
            RULE.diagnostic(
                u.at,
                format!("句子没有写完：此处应为{}，而另一句「{head}…」接了上来，中间的文字可能丢了", u.expected_zh),
                format!("a sentence breaks off: {} was expected here, but another sentence 「{head}…」 runs into it; words may have been lost", u.expected_en),
            )
            .with_related(
                head_of(ctx, resumes),
                "另起一句",
                "another sentence begins here",
            )
        }
        Unreadable::Doubled { first, second } => {
            let run = ctx.slice(first);
            RULE.diagnostic(
                second,
                format!("「{run}」印了两遍：这一句有重复的文字"),
                format!("「{run}」 is printed twice in this sentence"),
            )
            .with_related(first, "第一遍", "first")
        }
        Unreadable::CutWord { word } => {
            let found = ctx.slice(u.at);
            RULE.diagnostic(
                u.at,
                format!("「{word}」印得不完整：此处为「{found}」，中间的文字可能丢了"),
                format!("「{word}」 is cut short: 「{found}」 is printed here; words may have been lost"),
            )
        }
    };
    // The message says what was expected; the label only marks the place, short enough to
    // fit under a line of the excerpt.
    let d = match u.cause {
        Unreadable::Doubled { .. } => d.with_label("又印了一遍", "printed again"),
        Unreadable::CutWord { .. } => d.with_label("缺字", "characters lost"),
        Unreadable::BrokenOff => d.with_label("标题在此中断", "the title breaks off here"),
        _ => d.with_label("句子在此中断", "the sentence breaks off here"),
    };
    let (help_zh, help_en) = match u.cause {
        Unreadable::Doubled { .. } => (
            "对照原稿删去重复的文字；规范写法见 `gazette explain GZ003`",
            "compare with the original and delete the repeated words; `gazette explain GZ003` lists the accepted wordings",
        ),
        _ => (
            "对照原稿补上丢失的文字；规范写法见 `gazette explain GZ003`",
            "compare with the original and restore the lost words; `gazette explain GZ003` lists the accepted wordings",
        ),
    };
    d.with_help(help_zh, help_en)
}

/// The first characters of a span: enough to show where a structure begins.
fn head_of(ctx: &Context, span: crate::ast::Span) -> crate::ast::Span {
    const HEAD_CHARS: usize = 6;
    let len: usize = ctx
        .slice(span)
        .chars()
        .take(HEAD_CHARS)
        .map(char::len_utf8)
        .sum();
    crate::ast::Span::new(span.start, span.start + len)
}

/// A wording the grammar does not know: the text may well be right. Say what could not be
/// read and what that costs, in a clerk's words; the grammar's expectation is only a hint.
fn unknown_wording(u: &Unrecognised) -> Diagnostic {
    RULE.diagnostic(
        u.at,
        format!("{}的写法未能识别，从此处起没有读懂", u.context.name_zh()),
        format!("the wording of this {} is not recognised from here on", u.context.name_en()),
    )
    .with_severity(Severity::Warning)
    .with_label("从这里起未能读懂", "not read from here")
    .with_help(
        format!("若原文无误，这是本工具尚不认识的写法，这一句中的姓名和人数没有参与核对（--explain-skipped 列出受影响的核对）；语法在此处期待{}", u.expected_zh),
        format!("if the text is right, this is a wording the tool does not know yet, and the names and counts in it were not checked (--explain-skipped lists the checks affected); the grammar expected {} here", u.expected_en),
    )
}

fn broken(u: &Unrecognised) -> Diagnostic {
    let (help_zh, help_en) = match u.context {
        SyntaxContext::DeputyClause => (
            "对照原稿检查此处是否漏字、错字或串行；代表资格条款的规范写法见 `gazette explain GZ003`",
            "compare with the original for missing or wrong characters; `gazette explain GZ003` lists the accepted wordings",
        ),
        SyntaxContext::Entry | SyntaxContext::PersonnelLine => (
            "任免条目的写法为「张三为某院院长；」「张三的某院院长职务；」或「张三辞去某院院长职务；」",
            "entries read 「A为P；」, 「A的P职务；」 or 「A辞去P职务；」",
        ),
        _ => (
            "对照原稿检查此行",
            "compare this line with the original",
        ),
    };
    RULE.diagnostic(
        u.at,
        format!("{}无法识别：此处应为{}", u.context.name_zh(), u.expected_zh),
        format!(
            "unrecognised {}: expected {}",
            u.context.name_en(),
            u.expected_en
        ),
    )
    .with_label(
        format!("此处应为{}", u.expected_zh),
        format!("expected {}", u.expected_en),
    )
    .with_help(help_zh, help_en)
}
