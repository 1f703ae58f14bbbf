//! GZ111 law-title.

use crate::ast::Span;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ111",
    name: "law-title",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "引用的法律名称有误 / the title of a cited law is misprinted",
    explanation: r#"## 检查什么 (What it does)
公告引用的国家法律名称（《中华人民共和国……法》）与本工具法律名称表中的某一部法律只差几个字时，
报告其名称有误，并给出正确的名称。表中收录公告常引的法律：宪法、选举法、代表法、地方组织法、
全国人民代表大会组织法、监督法、人民法院组织法、人民检察院组织法、法官法、检察官法、监察法等。
名称是表中某部法律漏掉了连续的一段文字（只剩开头和结尾）时，无论漏了多少字，也报告——
包括漏掉「中华人民共和国」中的字或整个「中华人民共和国」（法律应以全称引用）。
与表中任何法律都相差很远的名称不作判断（可能是表中没有的法律），地方性法规不核对。

## 为什么 (Why)
法律名称很长（「中华人民共和国全国人民代表大会和地方各级人民代表大会代表法」），排版时漏字、
重字不易发现，而引错的法律名称会使决定和公告的依据落空。

## 示例 (Example)
「依照《中华人民共和国全国人民代表大会和地方各级人民代表大会代法》的有关规定」——漏了「表」。

## 应改为 (Use instead)
「依照《中华人民共和国全国人民代表大会和地方各级人民代表大会代表法》的有关规定」

## 依据 (References)
各法律的正式名称以全国人民代表大会常务委员会公布的文本为准。
"#,
    check: Check::File(check),
};

/// The titles of national laws that notices cite. A title close to one of these but not equal
/// is a misprint; a title far from all of them may be a law this table does not hold.
const TITLES: &[&str] = &[
    "中华人民共和国宪法",
    "中华人民共和国全国人民代表大会和地方各级人民代表大会选举法",
    "中华人民共和国全国人民代表大会和地方各级人民代表大会代表法",
    "中华人民共和国地方各级人民代表大会和地方各级人民政府组织法",
    "中华人民共和国全国人民代表大会组织法",
    "中华人民共和国全国人民代表大会议事规则",
    "中华人民共和国各级人民代表大会常务委员会监督法",
    "中华人民共和国立法法",
    "中华人民共和国人民法院组织法",
    "中华人民共和国人民检察院组织法",
    "中华人民共和国法官法",
    "中华人民共和国检察官法",
    "中华人民共和国监察法",
    "中华人民共和国监察官法",
    "中华人民共和国公务员法",
    "中华人民共和国国务院组织法",
    "中华人民共和国民族区域自治法",
    "中华人民共和国人民陪审员法",
    "中华人民共和国国家勋章和国家荣誉称号法",
    "中华人民共和国村民委员会组织法",
    "中华人民共和国城市居民委员会组织法",
    "中华人民共和国香港特别行政区基本法",
    "中华人民共和国澳门特别行政区基本法",
];

/// Only long titles are compared: between short ones (「…刑法」, 「…民法」) a few characters
/// make another law, not a misprint.
const SHORTEST_COMPARED: usize = 15;

/// The titles compared with a misprinted one, as characters: collected once, not for each
/// title quoted in a notice (10,000 collections on 200 pages).
static LONG_TITLES: std::sync::LazyLock<Vec<(Vec<char>, &str)>> = std::sync::LazyLock::new(|| {
    TITLES
        .iter()
        .map(|t| (t.chars().collect::<Vec<_>>(), *t))
        .filter(|(t, _)| t.len() >= SHORTEST_COMPARED)
        .collect()
});

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        for (span, title) in quoted(ctx.source, notice.span) {
            let chars: Vec<char> = title.chars().collect();
            // Longer than any title twice over: not a title (an unclosed 《 on a long line).
            const LONGEST: usize = 64;
            if TITLES.contains(&title) || chars.len() > LONGEST {
                continue;
            }
            // A title that does not begin as a national law's may be a local regulation or a
            // decision: only a known title with a run of characters lost is told there (the
            // run may have taken 「国」 of 「中华人民共和国」, or all of it).
            let national = title.starts_with("中华人民共和国");
            let long_titles = || LONG_TITLES.iter().map(|(t, k)| (t.as_slice(), *k));
            // A run of characters lost from a long title, however long the run: what is left
            // is the title's beginning and its end (「…和地方各级人民代表大会和地方》」 lost
            // 「各级人民政府组织法」).
            let cut = long_titles()
                .find(|(t, _)| cut_from(&chars, t))
                .map(|(_, k)| k);
            let nearest = long_titles()
                .filter(|_| national)
                .map(|(t, k)| (distance(&chars, t), k))
                .min();
            let known = match (cut, nearest) {
                (Some(known), _) => known,
                (None, Some((d, known))) if d > 0 && d * 3 <= known.chars().count() => known,
                _ => continue,
            };
            // 「中华人民共和国」 left off whole is a short form, not a misprint inside the title.
            let (zh, en) = if known.strip_prefix("中华人民共和国") == Some(title) {
                (
                    format!("引用法律应写全称：《{title}》，应为《{known}》"),
                    format!("a law is cited by its full title: 《{title}》 should be 《{known}》"),
                )
            } else {
                (
                    format!("法律名称有误：《{title}》，应为《{known}》"),
                    format!("misprinted law title: 《{title}》 should be 《{known}》"),
                )
            };
            out.push(
                RULE.diagnostic(span, zh, en)
                .with_label("法律名称有误", "misprinted title")
                .with_help(
                    format!("法律的正式名称为《{known}》；漏字、重字都会使引用落空"),
                    format!("the law's official title is 《{known}》; a missing or repeated character voids the citation"),
                ),
            );
        }
    }
}

/// The outermost 《…》 titles in `span`, with the span of the title's text.
fn quoted(source: &str, span: Span) -> Vec<(Span, &str)> {
    let text = &source[span.start..span.end];
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '《' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    let s = Span::new(span.start + start, span.start + i);
                    out.push((s, &text[start..i]));
                }
            }
            '\n' | '\r' => depth = 0,
            _ => {}
        }
    }
    out
}

/// Whether `title` is `known` with one run of characters taken out: their common beginning
/// and common end cover all of `title`. Titles of ten characters or fewer are other laws as
/// often as cut ones (「…监察法」 and 「…监察官法」).
fn cut_from(title: &[char], known: &[char]) -> bool {
    const SHORTEST_CUT: usize = 10;
    if title.len() <= SHORTEST_CUT || title.len() >= known.len() {
        return false;
    }
    let head = title.iter().zip(known).take_while(|(a, b)| a == b).count();
    let tail = title
        .iter()
        .rev()
        .zip(known.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    head + tail >= title.len()
}

/// Edit distance in characters (insertions, deletions, substitutions).
fn distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
