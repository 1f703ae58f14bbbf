//! GZ309 transfer-without-removal (within a run).

use crate::ast::Span;
use crate::check::{Check, Context, RuleDef};
use crate::diagnostic::{Diagnostic, Severity};
use crate::domain::post::parse_post;
use crate::domain::profile::issuer_region;
use crate::model::personnel::{lost_with_mandate, Direction};

pub const RULE: RuleDef = RuleDef {
    code: "GZ309",
    name: "transfer-without-removal",
    severity: Severity::Warning,
    enabled_by_default: true,
    summary: "任命到别的机构，原职务却未免去 / appointed elsewhere while an old post stays",
    explanation: r#"## 检查什么 (What it does)
本次检查的文件中，某人被任命到一个机构的职务，而同一批公告在别处写到了他在另一个机构的职务
（如决议正文中的「市财政局局长姜国杰」），这一职务却没有被免去，也没有辞去。给出警告，由人判断是否兼任、
或免职是否另行公告。给出名册（`--roster`）时，名册记载此人担任的其他机构的职务（专门委员会职务除外）
没有在本次检查中免去或辞去的，同样警告。

## 为什么 (Why)
调任而不免去原职，就同时担任了两个机构的职务；政府组成部门负责人、法官、检察官之间大多不能兼任
（地方组织法第四十七条，法官法第二十二条，检察官法第二十三条）。

## 示例 (Example)
第63号决议「……听取了市财政局局长姜国杰受市人民政府委托所作的……报告」，第58号「姜国杰为重庆市人民政府副市长」，
名单中没有「姜国杰的重庆市财政局局长职务」。
"#,
    check: Check::Run(check),
};

/// Words that end the text before a post mentioned in prose.
const BEFORE_POST: &[char] = &[
    '，', '。', '、', '；', '：', '“', '”', '「', '」', '《', '》', '（', '）', '(', ')', '了',
    '的', '\n', ' ',
];

use crate::roster::full_post as full;

/// With a roster: posts the roster says an appointee holds elsewhere, not left in the run.
/// Returns the people reported.
fn roster_posts_kept(
    contexts: &[Context],
    out: &mut Vec<(usize, Diagnostic)>,
) -> crate::hash::HashSet<String> {
    let mut reported = crate::hash::HashSet::default();
    let Some((roster, changes)) = Context::run_changes_with_roster(contexts) else {
        return reported;
    };
    for (file, ctx) in contexts.iter().enumerate() {
        // A seat on the standing committee or a special committee is held beside one's post.
        for m in ctx
            .model
            .moves()
            .iter()
            .filter(|m| m.direction == Direction::In && !lost_with_mandate(&m.info, m.rule))
        {
            let person = m.person_key();
            if reported.contains(&person) {
                continue;
            }
            let region = issuer_region(&m.notice.issuer);
            let profile = ctx.model.profile_for(&m.notice.issuer);
            let institution = full(&m.info.institution, &region);
            let kept: Vec<&str> = roster
                .offices_of(&person)
                .filter(|o| {
                    let info = parse_post(&o.post, None);
                    let special = profile
                        .as_ref()
                        .and_then(|p| p.rule(&info))
                        .is_some_and(|r| r.deputy_only);
                    !special
                        && full(&info.institution, &region) != institution
                        && !changes.leaves(&person, &o.post)
                })
                .map(|o| o.post.as_str())
                .collect();
            if kept.is_empty() {
                continue;
            }
            let posts = kept.join("、");
            out.push((
                file,
                RULE.diagnostic(
                    m.post.span,
                    format!(
                        "「{}」被任命为「{}」，而名册 {} 记载其担任「{posts}」，本批公告没有免去",
                        m.person.name.text, m.post.text, roster.path
                    ),
                    format!(
                        "「{}」 is appointed 「{}」 while the roster {} has them as 「{posts}」, not removed in this run",
                        m.person.name.text, m.post.text, roster.path
                    ),
                )
                .with_label("新任职务", "the new post")
                .with_help(
                    "若不再担任原职务，应在任免名单中一并免去；若依法兼任，可忽略；名册过时的，先用 gazette roster apply 更新",
                    "remove the old post in the list, unless the person may lawfully hold both; or bring the roster up to date",
                ),
            ));
            reported.insert(person);
        }
    }
    reported
}

fn check(contexts: &[Context], out: &mut Vec<(usize, Diagnostic)>) {
    let mut reported = roster_posts_kept(contexts, out);
    let all: Vec<(usize, &[crate::model::personnel::Move])> = contexts
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.model.moves()))
        .collect();
    let removed: crate::hash::HashSet<(String, String)> = all
        .iter()
        .flat_map(|(_, ms)| ms.iter())
        .filter(|m| m.direction != Direction::In)
        .map(|m| {
            (
                m.person_key(),
                full(&m.info.key(), &issuer_region(&m.notice.issuer)),
            )
        })
        .collect();
    let removed_people: crate::hash::HashSet<&str> =
        removed.iter().map(|(p, _)| p.as_str()).collect();
    // Appointed people who leave no post in the run, by the name as printed.
    let mut appointed: crate::hash::HashMap<&str, Vec<(usize, &crate::model::personnel::Move)>> =
        crate::hash::HashMap::default();
    for (file, ms) in &all {
        for m in ms.iter().filter(|m| m.direction == Direction::In) {
            if !removed_people.contains(m.person_key().as_str()) {
                appointed
                    .entry(m.person.name.text.as_str())
                    .or_default()
                    .push((*file, m));
            }
        }
    }
    if appointed.is_empty() {
        return;
    }
    // One pass over every notice's text (names are two to four characters), files in
    // parallel; each file's findings in text order, then the first per person kept, in file
    // order, as one pass would.
    use rayon::prelude::*;
    let starts_a_name = FirstChars::of(appointed.keys().copied());
    let before = reported.clone();
    let per_file: Vec<Vec<(String, usize, Diagnostic)>> = contexts
        .par_iter()
        .enumerate()
        .map(|(mfile, ctx)| {
            let mut reported = before.clone();
            let mut out: Vec<(String, usize, Diagnostic)> = Vec::new();
        for notice in ctx.document.notices() {
            let text = &ctx.source[notice.span.start..notice.span.end];
            let starts: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain([text.len()])
                .collect();
            for (k, &at) in starts.iter().enumerate() {
                if !text[at..].chars().next().is_some_and(|c| starts_a_name.may_start(c)) {
                    continue;
                }
                for len in 2..=4 {
                    let Some(&end) = starts.get(k + len) else {
                        break;
                    };
                    let Some(candidates) = appointed.get(&text[at..end]) else {
                        continue;
                    };
                    let before = &text[..at];
                    let start = before.rfind(BEFORE_POST).map_or(0, |i| {
                        i + before[i..].chars().next().map_or(1, char::len_utf8)
                    });
                    let mention = &before[start..];
                    if mention.chars().count() < 3 {
                        continue;
                    }
                    let held = parse_post(mention, None);
                    if held.title.is_empty() || held.institution.is_empty() {
                        continue;
                    }
                    for (file, m) in candidates {
                        let key = m.person_key();
                        let region = issuer_region(&m.notice.issuer);
                        let held_full = full(&held.key(), &region);
                        if reported.contains(&key)
                            || full(&held.institution, &region)
                                == full(&m.info.institution, &region)
                            || removed.contains(&(key.clone(), held_full))
                        {
                            continue;
                        }
                        let mention_span =
                            Span::new(notice.span.start + start, notice.span.start + at);
                        let mut d = RULE
                            .diagnostic(
                                m.post.span,
                                format!(
                                    "「{}」被任命为「{}」，而本批公告称其为「{mention}」，该职务没有免去",
                                    m.person.name.text, m.post.text
                                ),
                                format!(
                                    "「{}」 is appointed 「{}」 while named 「{mention}」 elsewhere, a post not removed",
                                    m.person.name.text, m.post.text
                                ),
                            )
                            .with_label("新任职务", "the new post")
                            .with_help(
                                "若不再担任原职务，应在任免名单中一并免去；若依法兼任，可忽略",
                                "remove the old post in the list, unless the person may lawfully hold both",
                            );
                        if mfile == *file {
                            d = d.with_related(mention_span, "原职务", "the post held");
                        }
                        out.push((key.clone(), *file, d));
                        reported.insert(key);
                    }
                }
            }
        }
            out
        })
        .collect();
    for (key, file, d) in per_file.into_iter().flatten() {
        if reported.insert(key) {
            out.push((file, d));
        }
    }
}

/// The characters that begin an appointed name, as a bit per character: the text scan looks a
/// name up (three hashes of two to four characters) only where one may begin, which a table
/// lookup tells. Hashing at every character was this rule's cost and, as the last run-level
/// rule to finish, the serial tail of a run on two cores.
struct FirstChars {
    bits: Vec<u64>,
}

impl FirstChars {
    /// Characters past the table (rare planes) are always looked up.
    const COVERED: u32 = 0x3_0000;

    fn of<'a>(names: impl Iterator<Item = &'a str>) -> FirstChars {
        let mut bits = vec![0u64; (Self::COVERED / 64) as usize];
        for c in names.filter_map(|n| n.chars().next()) {
            let c = c as u32;
            if c < Self::COVERED {
                bits[(c / 64) as usize] |= 1 << (c % 64);
            }
        }
        FirstChars { bits }
    }

    fn may_start(&self, c: char) -> bool {
        let c = c as u32;
        c >= Self::COVERED || self.bits[(c / 64) as usize] & (1 << (c % 64)) != 0
    }
}

#[cfg(test)]
mod tests {
    use super::FirstChars;

    #[test]
    fn first_chars_are_told_apart() {
        let table = FirstChars::of(["王军", "欧阳雪梅", "𠮷祥"].into_iter());
        for c in ['王', '欧', '𠮷', '\u{3_1000}'] {
            assert!(table.may_start(c), "{c}");
        }
        for c in ['军', '阳', '张', 'a', '\u{2_FFFF}'] {
            assert!(!table.may_start(c), "{c}");
        }
    }
}
