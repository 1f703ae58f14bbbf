//! GZ207 law-article-version.

use crate::ast::NumeralStyle;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::domain::laws;
use crate::syntax::numerals::to_chinese;

pub const RULE: RuleDef = RuleDef {
    code: "GZ207",
    name: "law-article-version",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary:
        "引用的条号与公告日期施行的法律版本不符 / an article number from another version of the law",
    explanation: r#"## 检查什么 (What it does)
公告引用「《…组织法》第三十二条」「代表法第四十九条」时，按公告日期找出当时施行的法律版本，
再按引文所在句子判断所引的内容（辞职、代表资格终止、相应撤销……），条号不是该版本中这一内容的条号就警告，
并说明它是哪个版本的条号。条号表是数据（`src/domain/laws.toml`），只收录在法律全文中核实过的条号；
没有核实的版本和内容不下结论。

## 为什么 (Why)
地方组织法2022年3月11日修正后重新编号（辞职：第二十七条 → 第三十二条；常委会职权：第四十四条 → 第五十条），
代表法2025年3月11日修正后重新编号（终止：第四十九条 → 第六十二条）。沿用旧模板的公告会引错条号。

## 示例 (Example)
2024年的决定：「根据《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》第二十七条……接受……辞去……职务」

## 应改为 (Use instead)
「……组织法》第三十二条……」

## 依据 (References)
DOMAIN.md §0「Version traps」。
"#,
    check: Check::File(check),
};

/// The sentence a citation stands in (from the previous 。 to the next), and where it starts.
fn sentence(source: &str, start: usize, end: usize, within: (usize, usize)) -> (usize, &str) {
    let before = &source[within.0..start];
    let s = before
        .rfind(['。', '\n'])
        .map_or(within.0, |i| within.0 + i);
    let after = &source[end..within.1];
    let e = after.find(['。', '\n']).map_or(within.1, |i| end + i);
    (s, &source[s..e])
}

/// The sentence without its 「鉴于…，」 clauses.
fn without_background(sentence: &str) -> String {
    let mut out = String::new();
    for clause in sentence.split_inclusive(['，', ',']) {
        if !clause.trim_start_matches(['。', '\n']).starts_with("鉴于") {
            out.push_str(clause);
        }
    }
    out
}

fn numeral(n: u32, style: NumeralStyle) -> String {
    match style {
        NumeralStyle::Chinese => to_chinese(n),
        NumeralStyle::Arabic => n.to_string(),
    }
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    let table = laws::table();
    for notice in ctx.document.notices() {
        let Some(date) = notice.date() else {
            continue;
        };
        for c in &notice.citations {
            let Some(law) = table.law(&c.law.text) else {
                continue;
            };
            let Some(version) = law.in_force(date) else {
                continue;
            };
            let (sentence_start, text) = sentence(
                ctx.source,
                c.span.start,
                c.span.end,
                (notice.span.start, notice.span.end),
            );
            // What the cited article governs is what the sentence goes on to decide; a clause
            // that only recalls the background (「鉴于X已辞去…职务，根据…第五十条…决定：Y代理…」)
            // is not what the article is cited for.
            let after = &text[(c.span.start - sentence_start).min(text.len())..];
            let background_free = without_background(text);
            let about = |t: &str| -> Vec<&laws::Topic> {
                table
                    .topic
                    .iter()
                    .filter(|x| version.articles.contains_key(&x.id))
                    .filter(|x| x.keywords.iter().any(|k| t.contains(k.as_str())))
                    .collect()
            };
            let mut topics = about(after);
            if topics.is_empty() {
                topics = about(&background_free);
            }
            // Only when the sentence says unambiguously what the article is about.
            let [topic] = topics.as_slice() else { continue };
            let expected = version.articles[&topic.id];
            let cited = c.article.value;
            if cited == expected {
                continue;
            }
            let style = c.article.style;
            let other = law
                .version
                .iter()
                .find(|v| v.articles.get(&topic.id) == Some(&cited))
                .map(|v| v.label.as_str());
            let mut d = RULE
                .diagnostic(
                    c.article.span,
                    format!(
                        "{}施行的{}（{}）中，{}为第{}条，此处引用第{}条",
                        version.from,
                        law.id,
                        version.label,
                        topic.zh,
                        numeral(expected, style),
                        numeral(cited, style)
                    ),
                    format!(
                        "in the {} in force from {} ({}), {} is article {}, not {}",
                        law.id, version.from, version.label, topic.id, expected, cited
                    ),
                )
                .with_label(
                    format!("应为第{}条", numeral(expected, style)),
                    format!("article {expected}"),
                );
            if let Some(label) = other {
                d = d.with_help(
                    format!("第{}条是{}的条号；公告日期施行的是{}", numeral(cited, style), label, version.label),
                    format!("article {cited} is the number in the {label} text; the {} text was in force", version.label),
                );
            }
            out.push(d);
        }
    }
}
