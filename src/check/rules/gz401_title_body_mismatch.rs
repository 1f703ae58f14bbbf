//! GZ401 title-body-mismatch.

use crate::ast::{NoticeBody, SyntaxContext, TitleAction, TitleMove};
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};

pub const RULE: RuleDef = RuleDef {
    code: "GZ401",
    name: "title-body-mismatch",
    severity: Severity::Error,
    enabled_by_default: true,
    summary:
        "决定标题中的事项与正文决定的事项不同 / the title's matter is not what the body decides",
    explanation: r#"## 检查什么 (What it does)
「关于<事项>的决定（决议）」中的事项必须是正文决定的事项（比较时忽略空白、标点、「同志」和「的」）。
标题可以简写：「关于接受X辞职请求的决定」对应正文「接受X辞去……职务的请求」（人名相同；标题写了职务的，
职务也相同），「关于召开……会议的决定」对应正文「……会议于……召开」，「关于修改《……》的决定」对应正文中同一个《……》；
标题既不点名（接受、任命、免去、撤销、罢免、代理、辞职），也不引书名号的（「……换届选举时间」「……有关事项」），
正文自有说法，只核对标题中的数字（年份、届次、会次）在正文中也出现；但正文照抄标题的事项却少了
中间一段（至多12个字，开头和结尾都在）时，报告少了的文字——正文不会比标题说得少。

## 为什么 (Why)
标题与正文不一致，引用时就不知道决定的到底是什么；多半是套用上一份决定时只改了一处。

## 示例 (Example)
标题「关于接受张国智同志辞去重庆市人民政府副市长职务的决定」，正文「……接受张国志同志辞去……」
"#,
    check: Check::File(check),
};

/// The words of a text without layout, punctuation, 「同志」 and the particle 「的」, which
/// title and body place differently (「…职务请求的决定」 / 「…职务的请求」).
fn compact(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !"，。、；：“”「」《》的".contains(*c))
        .collect::<String>()
        .replace("同志", "")
}

/// The acts on persons a title can name: where one is named, the body must do it to the same
/// person; a matter without one (a session, the dates of an election, a regulation) is judged
/// only by the names it quotes.
const PERSONNEL_ACTS: [&str; 7] = ["接受", "任命", "免去", "撤销", "罢免", "代理", "辞"];

/// Whether the body decides the title's matter. The matter need not be printed word for word:
/// a title abridges it, and the body says it in a sentence of its own —
/// - 「接受X辞职请求」 (江西 2017) is decided as 「接受X辞去…职务的请求」: the same person's
///   resignation accepted, and the post, when the title names one, the same; 「接受X等三名同志
///   辞去…」 (献县 2024) names the first of them;
/// - 「召开…第一次会议」 (天津 2022) as 「…第一次会议于…召开」: the same session convened;
/// - 「修改《…条例》」 as 「对《…条例》作出修改」 or 「作如下修订」: the same regulation named;
/// - a matter that names no person and quotes no title (「…换届选举时间」, 「…有关事项」) is
///   decided in words of the body's own: nothing to compare, no finding.
fn decides(body: &str, matter: &str, raw_body: &str, raw_matter: &str) -> bool {
    if body.contains(matter) {
        return true;
    }
    let quoted = quoted_titles(raw_matter);
    if !quoted.is_empty() {
        // Whole titles: 「《…选举实施细则》」 in the body does not decide 「修改《…选》」 (a title
        // that lost its end). The body may nest the title (〈…〉 inside 《…》).
        return quoted.iter().all(|q| {
            raw_body.contains(&format!("《{q}》")) || raw_body.contains(&format!("〈{q}〉"))
        });
    }
    if let Some(session) = matter.strip_prefix("召开") {
        return body.contains(session) && body.contains("召开");
    }
    if let Some(rest) = matter.strip_prefix("接受") {
        let Some(at) = rest.find('辞') else {
            return false;
        };
        let (person, resignation) = rest.split_at(at);
        // 「李秀娟等三名同志」: the first of several, listed in the body.
        let (person, several) = match person.find('等') {
            Some(i) => (&person[..i], true),
            None => (person, false),
        };
        let post = resignation
            .strip_prefix("辞去")
            .and_then(|p| p.split("职务").next())
            .filter(|p| !p.is_empty());
        let accepted = if several {
            body.contains(&format!("接受{person}")) && body.contains('辞')
        } else {
            body.contains(&format!("接受{person}辞"))
        };
        return !person.is_empty() && accepted && post.is_none_or(|p| body.contains(p));
    }
    if PERSONNEL_ACTS.iter().any(|a| matter.contains(a)) {
        return false;
    }
    // In its own words the body still names the same years, sessions and counts: a title
    // kept from the year before (「批准2024年…预算调整方案」 over a body approving 2023's
    // accounts) is caught by its numbers.
    numerals(matter).iter().all(|n| body.contains(n.as_str()))
}

/// The run of characters (at most 12) that the body's restatement of `matter` lacks: the body
/// holds the matter's beginning and, right after it, the matter's end, with the run between
/// them gone. `None` when the body holds no such copy. (A copy without its verb alone proves
/// nothing: bodies put the verb elsewhere — 「…第一次会议于…召开」, 「会议决定，X与Y缔结…」 for
/// 「同意X与Y缔结…」. A clause that begins with the matter's last eight characters or more and
/// lacks at least four before them — 「会议决定，[同意重庆市与智利瓦尔]帕莱索大区缔结…」 — lost them.)
fn restated_with_loss(body: &str, raw_body: &str, matter: &str) -> Option<String> {
    restated_with_loss_inside(body, matter).or_else(|| restated_without_head(raw_body, matter))
}

fn restated_without_head(raw_body: &str, matter: &str) -> Option<String> {
    const SHORTEST_TAIL: usize = 8;
    const SHORTEST_HEAD: usize = 4;
    let m: Vec<char> = matter.chars().collect();
    if m.len() < SHORTEST_TAIL + SHORTEST_HEAD {
        return None;
    }
    let clauses: Vec<String> = raw_body
        .split(['，', '。', '：', '；', ',', ':', ';'])
        .map(compact)
        .collect();
    (SHORTEST_HEAD..=m.len() - SHORTEST_TAIL).find_map(|lost| {
        let tail: String = m[lost..].iter().collect();
        clauses
            .iter()
            .any(|c| c.starts_with(&tail))
            .then(|| m[..lost].iter().collect())
    })
}

fn restated_with_loss_inside(body: &str, matter: &str) -> Option<String> {
    const LONGEST_RUN: usize = 12;
    const SHORTEST_END: usize = 4;
    let m: Vec<char> = matter.chars().collect();
    let b: Vec<char> = body.chars().collect();
    if m.len() < 2 + SHORTEST_END {
        return None;
    }
    let holds_at = |at: usize, part: &[char]| b.get(at..at + part.len()) == Some(part);
    for a in 0..b.len() {
        let p = b[a..].iter().zip(&m).take_while(|(x, y)| x == y).count();
        if p < 2 {
            continue;
        }
        for r in p + 1..=(p + LONGEST_RUN).min(m.len()) {
            if m.len() - r >= SHORTEST_END && holds_at(a + p, &m[r..]) {
                return Some(m[p..r].iter().collect());
            }
        }
    }
    None
}

/// Whether the body does to the title's person what the title names (its verb before the name,
/// or 「X为」 for an appointment) and names the title of the post: 「任命X为…副市长、代理市长」 is
/// decided by 「任命X为…副市长，决定X为…代理市长」.
fn decides_move(body: &str, m: &TitleMove) -> bool {
    let person = compact(&m.person.text);
    let verb = match m.action {
        TitleAction::AcceptResignation => "接受",
        TitleAction::Dismissal => "免去",
        TitleAction::Revocation => "撤销",
        TitleAction::Appointment => "任命",
    };
    let acted = match m.action {
        // The resignation itself, between the name and the post's 职务: 「接受X辞去…」,
        // 「接受X因工作调动辞去…」 — not 「接受X罢免…」.
        TitleAction::AcceptResignation => {
            body.match_indices(&format!("{verb}{person}"))
                .any(|(at, _)| {
                    let rest = &body[at..];
                    let clause = rest.find("职务").map_or(rest, |end| &rest[..end]);
                    clause.contains('辞') && !clause.contains("罢免")
                })
        }
        TitleAction::Appointment => {
            body.contains(&format!("{verb}{person}")) || body.contains(&format!("{person}为"))
        }
        _ => body.contains(&format!("{verb}{person}")),
    };
    let info = crate::domain::post::parse_post(&m.post.text, None);
    acted && !info.title.is_empty() && body.contains(info.title.as_str())
}

/// The runs of digits or Chinese numerals in a text (「2024」, 「十七」, 「两」).
fn numerals(text: &str) -> Vec<String> {
    let is_numeral = |c: char| c.is_ascii_digit() || "〇零一二两三四五六七八九十百千".contains(c);
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if is_numeral(c) {
            current.push(c);
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The titles quoted in 《…》 (the outermost), as printed.
fn quoted_titles(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '《' => {
                depth += 1;
                if depth == 1 {
                    current.clear();
                    continue;
                }
            }
            '》' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    out.push(std::mem::take(&mut current));
                    continue;
                }
            }
            _ => {}
        }
        if depth > 0 {
            current.push(c);
        }
    }
    out
}

fn check(ctx: &Context, out: &mut Vec<Diagnostic>) {
    for notice in ctx.document.notices() {
        let NoticeBody::Decision(d) = &notice.body else {
            continue;
        };
        let Some(title) = &d.title else { continue };
        if d.paragraphs.is_empty() {
            continue;
        }
        let raw_body: String = d.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let body = compact(&raw_body);
        let matter = compact(&title.matter.text);
        // The body restates the title's matter with words lost (「同意重庆市[与智利瓦]尔帕莱索大区
        // 缔结友好城市关系」): it says less than its title, which no correct body does.
        // Matters the body says in words of its own are not compared: a session convened, a
        // regulation quoted, 「…有关事项」.
        let personnel = title.decides.is_some()
            || PERSONNEL_ACTS.iter().any(|a| matter.contains(a))
            || matter.starts_with("召开")
            || matter.ends_with("事项")
            || !quoted_titles(&title.matter.text).is_empty();
        if let Some(lost) = (!personnel && !body.contains(&matter))
            .then(|| restated_with_loss(&body, &raw_body, &matter))
            .flatten()
        {
            out.push(
                RULE.diagnostic(
                    title.matter.span,
                    format!("正文复述标题中的事项「{}」时少了「{lost}」", title.matter.text),
                    format!(
                        "the body restates the title's matter 「{}」 without 「{lost}」",
                        title.matter.text
                    ),
                )
                .with_label("标题中的事项", "the title's matter")
                .with_help(
                    "正文少了标题中的文字，多半是排版时丢了：对照原稿补上",
                    "the body lacks words of the title, most likely lost in typesetting: compare with the original",
                ),
            );
            continue;
        }
        if decides(&body, &matter, &raw_body, &title.matter.text)
            || title
                .decides
                .as_ref()
                .is_some_and(|m| decides_move(&body, m))
        {
            continue;
        }
        // The sentence that decides was not read (GZ003 says where): the title cannot be
        // held to it.
        let unread = notice
            .unrecognised
            .iter()
            .find(|u| u.context == SyntaxContext::DecisionClause);
        if let Some(u) = unread {
            out.push(
                RULE.diagnostic(
                    title.matter.span,
                    format!("标题中的事项「{}」无法与正文核对：正文中决定的一句未能读懂", title.matter.text),
                    format!("the title's matter 「{}」 was not checked against the body: the sentence that decides was not read", title.matter.text),
                )
                .with_severity(Severity::Note)
                .with_label("标题中的事项", "the title's matter")
                .with_related(u.at, "未能读懂的一句", "the sentence not read"),
            );
            continue;
        }
        let first = d
            .paragraphs
            .iter()
            .map(|p| p.span)
            .reduce(|a, b| a.cover(b));
        let mut diag = RULE
            .diagnostic(
                title.matter.span,
                format!("标题中的事项「{}」在正文中没有出现", title.matter.text),
                format!(
                    "the matter of the title 「{}」 does not appear in the body",
                    title.matter.text
                ),
            )
            .with_label("标题中的事项", "the title's matter")
            .with_help(
                "核对标题与正文中的姓名、职务和事项是否一致",
                "check names, posts and the matter in title and body",
            );
        if let Some(span) = first {
            let start = span.start;
            let len = ctx.source[start..span.end]
                .chars()
                .take(20)
                .map(char::len_utf8)
                .sum::<usize>();
            diag = diag.with_related(
                crate::ast::Span::new(start, start + len),
                "正文",
                "the body",
            );
        }
        out.push(diag);
    }
}
