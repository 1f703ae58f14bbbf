//! Posts as structure: institution + title (+ chamber), normalised so that the same post written
//! two ways is one post.
//!
//! 「重庆市高级人民法院副院长、审判委员会委员、审判员」 is three posts of one institution: the
//! later ones inherit it. 「重庆两江新区人民法院（重庆自由贸易试验区人民法院）院长」 names one
//! institution twice. 「重庆市人大财政经济委员会」 and 「重庆市第六届人民代表大会财政经济委员会」
//! are the same committee: aliases are spelt out and the term dropped.

use serde::Serialize;

/// Titles, longest first so that 「副主任委员」 wins over 「主任委员」 and 「委员」.
const TITLES: &[&str] = &[
    "审判委员会专职委员",
    "检察委员会专职委员",
    "审判委员会委员",
    "检察委员会委员",
    "副主任委员",
    "主任委员",
    "副秘书长",
    "秘书长",
    "副检察长",
    "检察长",
    "副院长",
    "院长",
    "审判员",
    "检察员",
    "副庭长",
    "庭长",
    "副市长",
    "市长",
    "副省长",
    "省长",
    "副主席",
    "主席",
    "副区长",
    "区长",
    "副县长",
    "县长",
    "副州长",
    "州长",
    "副局长",
    "局长",
    "副厅长",
    "厅长",
    "副主任",
    "主任",
    "人民陪审员",
    "委员",
];

/// Words an institution's name ends with; the last one before the title closes it.
const INSTITUTION_ENDS: &[&str] = &[
    "人民法院",
    "法院",
    "人民检察院",
    "检察院",
    "分院",
    "人民政府",
    "委员会",
    "办公厅",
    "办公室",
    "研究室",
    "局",
    "厅",
];

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostInfo {
    /// The institution, normalised (aliases spelt out, term and alternate names removed);
    /// empty when the post names none and inherits none.
    pub institution: String,
    /// The other name printed in parentheses: 重庆自由贸易试验区人民法院.
    pub alternate: Option<String>,
    /// 民事审判第二庭, 立案庭: the sub-unit between institution and title.
    pub chamber: Option<String>,
    /// 副院长, 庭长, 检察委员会委员 …; empty when no known title ends the post.
    pub title: String,
    /// 「代理…市长」
    pub acting: bool,
    /// The institution came from an earlier post of the same entry.
    pub inherited: bool,
}

impl PostInfo {
    /// The whole post, normalised: what the profile's patterns are matched against and what
    /// identifies one post across entries.
    pub fn key(&self) -> String {
        format!(
            "{}{}{}",
            self.institution,
            self.chamber.as_deref().unwrap_or(""),
            self.title
        )
    }
}

/// Spells out the abbreviations of congress bodies and drops the term: two spellings of one
/// body compare equal (see [`crate::domain::body`]).
pub fn normalise(text: &str) -> String {
    crate::domain::body::BodyName::parse(text).body
}

/// Removes parenthesised alternate names, returning the first one.
fn strip_alternates(s: &str) -> (String, Option<String>) {
    let mut out = String::new();
    let mut alternate = None;
    let mut depth = 0;
    let mut current = String::new();
    for c in s.chars() {
        match c {
            '（' | '(' => {
                depth += 1;
                if depth > 1 {
                    current.push(c);
                }
            }
            '）' | ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    alternate.get_or_insert(std::mem::take(&mut current));
                } else {
                    current.push(c);
                }
            }
            _ if depth > 0 => current.push(c),
            _ => out.push(c),
        }
    }
    (out, alternate)
}

/// Parses the posts of one entry in order; a post that names no institution inherits the
/// previous one's (「…副院长、审判委员会委员、审判员」).
pub fn parse_posts<'a>(posts: impl IntoIterator<Item = &'a str>) -> Vec<PostInfo> {
    let mut out: Vec<PostInfo> = Vec::new();
    for text in posts {
        let inherited = out.last().map(|p| p.institution.clone());
        out.push(parse_post(text, inherited.as_deref()));
    }
    out
}

pub fn parse_post(text: &str, inherited: Option<&str>) -> PostInfo {
    let (bare, alternate) = strip_alternates(text);
    let mut s = normalise(&bare);
    let acting = s.contains("代理");
    if acting {
        s = s.replacen("代理", "", 1);
    }
    let title = TITLES
        .iter()
        .find(|t| s.ends_with(**t))
        .map_or("", |t| *t)
        .to_string();
    let rest = &s[..s.len() - title.len()];
    // The institution ends at the last institution word; what follows is a chamber.
    let end = institution_end(rest);
    let (institution, chamber, inherited_flag) = match end {
        Some(e) => (rest[..e].to_string(), &rest[e..], false),
        None => match inherited {
            Some(inst) if !inst.is_empty() => (inst.to_string(), rest, true),
            _ => (String::new(), rest, false),
        },
    };
    PostInfo {
        institution,
        alternate: alternate.map(|a| normalise(&a)),
        chamber: (!chamber.is_empty()).then(|| chamber.to_string()),
        title,
        acting,
        inherited: inherited_flag,
    }
}

/// Where the last institution word of `post` ends: the last place, scanning back, where one
/// of [`INSTITUTION_ENDS`] ends. The same as the largest `rfind(word) + word.len()` over the
/// words, without building a substring searcher per word per post (the model resolves every
/// post of a file, and those searchers were a third of it).
fn institution_end(post: &str) -> Option<usize> {
    post.char_indices()
        .rev()
        .map(|(i, c)| i + c.len_utf8())
        .find(|&end| INSTITUTION_ENDS.iter().any(|w| post[..end].ends_with(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan back finds what the largest end of the last occurrence of each word finds, on
    /// every post of up to four pieces drawn from institution words, their parts and others.
    #[test]
    fn institution_end_agrees_with_the_last_occurrence_of_each_word() {
        let pieces = [
            "人民",
            "法院",
            "检察院",
            "分院",
            "政府",
            "委员会",
            "办公厅",
            "室",
            "局",
            "厅",
            "市",
            "第一",
            "庭",
            "院长",
        ];
        let by_rfind = |post: &str| {
            INSTITUTION_ENDS
                .iter()
                .filter_map(|w| post.rfind(w).map(|i| i + w.len()))
                .max()
        };
        let mut posts = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = posts
                .iter()
                .flat_map(|p| pieces.iter().map(move |q| format!("{p}{q}")))
                .collect();
            posts.extend(longer.into_iter().filter(|p| p.chars().count() <= 12));
            posts.sort();
            posts.dedup();
        }
        assert!(posts.len() > 10_000);
        for post in &posts {
            assert_eq!(institution_end(post), by_rfind(post), "{post}");
        }
    }

    fn p(text: &str) -> (String, Option<String>, String) {
        let i = parse_post(text, None);
        (i.institution, i.chamber, i.title)
    }

    #[test]
    fn institution_chamber_title() {
        assert_eq!(
            p("重庆市人民政府副市长"),
            ("重庆市人民政府".into(), None, "副市长".into())
        );
        assert_eq!(
            p("重庆市第三中级人民法院民事审判第二庭庭长"),
            (
                "重庆市第三中级人民法院".into(),
                Some("民事审判第二庭".into()),
                "庭长".into()
            )
        );
        assert_eq!(
            p("重庆市人民检察院第一分院检察委员会委员"),
            (
                "重庆市人民检察院第一分院".into(),
                None,
                "检察委员会委员".into()
            )
        );
        assert_eq!(
            p("重庆市人大常委会预算工作委员会主任"),
            (
                "重庆市人民代表大会常务委员会预算工作委员会".into(),
                None,
                "主任".into()
            )
        );
        assert_eq!(
            p("重庆市第六届人民代表大会常务委员会委员"),
            ("重庆市人民代表大会常务委员会".into(), None, "委员".into())
        );
    }

    #[test]
    fn aliases_terms_and_alternates_give_one_post() {
        let a = parse_post("重庆市人大财政经济委员会副主任委员", None);
        let b = parse_post("重庆市第六届人民代表大会财政经济委员会副主任委员", None);
        assert_eq!(a.key(), b.key());
        let d = parse_post("省十二届人大常委会委员", None);
        assert_eq!(d.institution, "省人民代表大会常务委员会");
        let c = parse_post("重庆两江新区人民法院(重庆自由贸易试验区人民法院)院长", None);
        assert_eq!(c.institution, "重庆两江新区人民法院");
        assert_eq!(c.alternate.as_deref(), Some("重庆自由贸易试验区人民法院"));
    }

    #[test]
    fn later_posts_of_an_entry_inherit_the_institution() {
        let posts = parse_posts([
            "重庆市高级人民法院审判委员会委员",
            "民事审判第二庭庭长",
            "审判员",
        ]);
        assert!(posts.iter().all(|p| p.institution == "重庆市高级人民法院"));
        assert_eq!(posts[1].chamber.as_deref(), Some("民事审判第二庭"));
        assert!(posts[2].inherited);
    }

    #[test]
    fn acting_posts() {
        let a = parse_post("重庆市人民政府代理市长", None);
        assert!(a.acting);
        assert_eq!(a.title, "市长");
    }
}
