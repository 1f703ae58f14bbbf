//! The jurisdiction profile: which legal action introduces and removes each post, as data.
//!
//! Two profiles ship embedded (直辖市, the default, and 省); `--profile FILE` loads a user's
//! own in the same format. A profile applies to the notices of issuers it `applies_to`; for
//! other issuers (the NPC, a city with districts, a county) the post rules say nothing.

use std::collections::BTreeMap;

use regex_automata::meta::Regex;

use crate::ast::Action;
use crate::domain::post::PostInfo;
use crate::domain::tables::RawProfile;

/// What the profile says about one kind of post.
#[derive(Debug, Clone)]
pub struct PostRule {
    /// The pattern as written, for messages.
    pub pattern: String,
    pub actions: Vec<Action>,
    pub contested: Vec<Action>,
    pub elected: bool,
    pub single: bool,
    pub deputy_only: bool,
    pub chair: bool,
    pub approval: bool,
}

#[derive(Debug)]
pub struct Profile {
    pub name: String,
    /// The regions described: pattern, its literal pieces, its tokens when no regex is
    /// needed, else its regex once needed.
    applies_to: Vec<AppliesTo>,
    placeholders: BTreeMap<String, String>,
    rules: Vec<(Vec<String>, PostRule)>,
    /// Per pattern, its literal pieces (「中级人民法院院长」 of 「{本级}{序数}中级人民法院院长」):
    /// a post without them in order cannot match, and the regex is never compiled for it.
    pieces: Vec<Vec<Pieces>>,
    /// Per pattern, its tokens when it needs no regex.
    tokens: Vec<Vec<Option<Vec<Token>>>>,
    /// The patterns a post can match, by the post's last character: those whose final
    /// literal ends in it, with those that end in a placeholder, as (rule, pattern) in the
    /// profile's order. The seed page's 71 posts met 3,136 patterns when each met all of
    /// them, 1,399 so (most posts end in 长 or 员, as most patterns do).
    endings: Endings,
    /// Patterns compiled per issuer region, each on first need: compiling all of them for a
    /// one-page check cost more than parsing the page.
    compiled: std::sync::Mutex<BTreeMap<String, std::sync::Arc<Compiled>>>,
}

/// A region pattern of `applies_to`: as written, its literal pieces, its tokens when no regex
/// is needed, else its regex once needed.
type AppliesTo = (
    String,
    Pieces,
    Option<Vec<Token>>,
    std::sync::OnceLock<Option<Regex>>,
);

/// The patterns of one region, each compiled when a post first gets past its tail.
type Compiled = Vec<Vec<std::sync::OnceLock<Option<Regex>>>>;

/// A pattern made of literal text and the built-in placeholders only, matched without a
/// regex. Compiling a pattern's regex (the Unicode class of 「{名称}」 above all) cost about
/// 0.27 M instructions, and a page of one region compiled 26 of them: more than parsing the
/// page. Patterns with a placeholder of the profile's own (「{下级}」) still compile theirs.
#[derive(Debug)]
enum Token {
    Text(String),
    /// 「{本级}」, 「{本级?}」: the region or its last character (「重庆市」 or 「市」).
    Own {
        optional: bool,
    },
    /// 「{序数}」: 第 and one or more of 一…十.
    Ordinal,
    /// 「{名称}」: one or more Han characters.
    Name,
    /// A profile's placeholder of the form `\p{Han}{m,n}` (lazy or not) and then one of some
    /// endings (`[区县]`, `(?:市|自治州|地区|盟)`): a district, a county or a prefecture.
    Run {
        min: usize,
        max: usize,
        ends: Vec<String>,
    },
}

impl Token {
    /// The token of a profile's own placeholder when its definition is a run of Han characters
    /// and an ending, the only form the built-in profiles use (「{下级}」); `None` for any other
    /// definition, which keeps its regex.
    fn run(definition: &str) -> Option<Token> {
        let rest = definition.strip_prefix("\\p{Han}{")?;
        let (bounds, rest) = rest.split_once('}')?;
        let (min, max) = bounds.split_once(',')?;
        let (min, max) = (min.parse().ok()?, max.parse().ok()?);
        let rest = rest.strip_prefix('?').unwrap_or(rest);
        let ends: Vec<String> = if let Some(set) = rest.strip_prefix('[') {
            set.strip_suffix(']')?.chars().map(String::from).collect()
        } else {
            let alts = rest.strip_prefix("(?:")?.strip_suffix(')')?;
            alts.split('|').map(String::from).collect()
        };
        let literal = |e: &String| !e.is_empty() && e.chars().all(|c| !c.is_ascii());
        (min >= 1 && min <= max && !ends.is_empty() && ends.iter().all(literal))
            .then_some(Token::Run { min, max, ends })
    }

    /// The tokens of `pattern`, or `None` if it has a placeholder only a regex can match (or
    /// is malformed: then the regex says why).
    fn of(pattern: &str, placeholders: &BTreeMap<String, String>) -> Option<Vec<Token>> {
        let mut out = Vec::new();
        let mut rest = pattern;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                out.push(Token::Text(rest[..open].to_string()));
            }
            let close = rest[open..].find('}')? + open;
            out.push(match &rest[open + 1..close] {
                "本级" => Token::Own { optional: false },
                "本级?" => Token::Own { optional: true },
                "序数" => Token::Ordinal,
                "名称" => Token::Name,
                own => Token::run(placeholders.get(own)?)?,
            });
            rest = &rest[close + 1..];
        }
        if !rest.is_empty() {
            out.push(Token::Text(rest.to_string()));
        }
        Some(out)
    }
}

/// Whether `text` is wholly matched by `tokens`, as the pattern's regex (anchored at both
/// ends) would match it: every way of splitting is tried, as a backtracking regex would.
fn tokens_match(tokens: &[Token], region: &str, text: &str) -> bool {
    let Some((first, rest)) = tokens.split_first() else {
        return text.is_empty();
    };
    match first {
        Token::Text(t) => text
            .strip_prefix(t.as_str())
            .is_some_and(|after| tokens_match(rest, region, after)),
        Token::Own { optional } => {
            let last = region
                .char_indices()
                .next_back()
                .map_or("", |(i, _)| &region[i..]);
            [region, last].into_iter().any(|own| {
                text.strip_prefix(own)
                    .is_some_and(|after| tokens_match(rest, region, after))
            }) || (*optional && tokens_match(rest, region, text))
        }
        Token::Ordinal => {
            let Some(after) = text.strip_prefix('第') else {
                return false;
            };
            let mut ends = after
                .char_indices()
                .take_while(|(_, c)| "一二三四五六七八九十".contains(*c))
                .map(|(i, c)| i + c.len_utf8());
            ends.any(|end| tokens_match(rest, region, &after[end..]))
        }
        Token::Name => {
            let mut ends = text
                .char_indices()
                .take_while(|&(_, c)| is_han(c))
                .map(|(i, c)| i + c.len_utf8());
            ends.any(|end| tokens_match(rest, region, &text[end..]))
        }
        Token::Run { min, max, ends } => {
            let mut runs = text
                .char_indices()
                .take_while(|&(_, c)| is_han(c))
                .take(*max)
                .map(|(i, c)| i + c.len_utf8())
                .skip(min - 1);
            runs.any(|run| {
                ends.iter().any(|e| {
                    text[run..]
                        .strip_prefix(e.as_str())
                        .is_some_and(|after| tokens_match(rest, region, after))
                })
            })
        }
    }
}

/// `\p{Han}` exactly as the regexes of the profile read it: the ranges of regex-syntax's own
/// table, taken once from the class it builds for that pattern (no automaton is compiled).
fn is_han(c: char) -> bool {
    static RANGES: std::sync::OnceLock<Vec<(char, char)>> = std::sync::OnceLock::new();
    let ranges = RANGES.get_or_init(|| {
        use regex_syntax::hir::{Class, HirKind};
        match regex_syntax::parse(r"\p{Han}").map(|h| h.into_kind()) {
            Ok(HirKind::Class(Class::Unicode(class))) => class
                .ranges()
                .iter()
                .map(|r| (r.start(), r.end()))
                .collect(),
            // The pattern is a constant and always one Unicode class.
            _ => unreachable!("\\p{{Han}} is a Unicode class"),
        }
    });
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// The literal text of a pattern between its placeholders: a cheap test that rules out
/// almost every pattern for a given post before any regex is compiled.
#[derive(Debug)]
struct Pieces {
    /// The text before the first placeholder, between them, and after the last.
    literals: Vec<String>,
    /// Whether the pattern has no placeholder at all (then equality decides).
    plain: bool,
}

impl Pieces {
    fn of(pattern: &str) -> Pieces {
        let mut literals = vec![String::new()];
        let mut depth = 0;
        for c in pattern.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth > 0 => {
                    depth -= 1;
                    literals.push(String::new());
                }
                _ if depth == 0 => literals.last_mut().expect("never empty").push(c),
                _ => {}
            }
        }
        Pieces {
            plain: literals.len() == 1,
            literals,
        }
    }

    /// Whether `text` could match: it ends with the last piece and holds the others in order.
    fn admits(&self, text: &str) -> bool {
        let last = self.literals.last().map_or("", String::as_str);
        if self.plain {
            return text == last;
        }
        let Some(body) = text.strip_suffix(last) else {
            return false;
        };
        let mut rest = body;
        for piece in &self.literals[..self.literals.len() - 1] {
            match find_short(rest, piece) {
                Some(i) => rest = &rest[i + piece.len()..],
                None => return false,
            }
        }
        true
    }
}

/// The patterns of a profile by the last character of their final literal (see
/// [`Profile::endings`]).
#[derive(Debug, Default)]
struct Endings {
    by_last: crate::hash::HashMap<char, Vec<(usize, usize)>>,
    /// The patterns whose final literal is empty: any post may match them.
    open: Vec<(usize, usize)>,
}

impl Endings {
    fn of(pieces: &[Vec<Pieces>]) -> Endings {
        let mut e = Endings::default();
        let all = pieces
            .iter()
            .enumerate()
            .flat_map(|(i, ps)| ps.iter().enumerate().map(move |(j, p)| ((i, j), p)));
        for (at, p) in all {
            match p.literals.last().and_then(|l| l.chars().next_back()) {
                Some(c) => e.by_last.entry(c).or_default().push(at),
                None => e.open.push(at),
            }
        }
        for list in e.by_last.values_mut() {
            list.extend_from_slice(&e.open);
            list.sort_unstable();
        }
        e
    }

    /// The patterns `text` may match: a pattern whose final literal is not empty matches only
    /// text that ends with it ([`Pieces::admits`]).
    fn of_text(&self, text: &str) -> &[(usize, usize)] {
        text.chars()
            .next_back()
            .and_then(|c| self.by_last.get(&c))
            .unwrap_or(&self.open)
    }
}

/// `haystack.find(needle)` for a post's few dozen bytes: the standard search prepares a
/// two-way searcher for every call, which cost more than the search itself when every post of
/// a file is tried against every pattern of the profile. A needle's first byte starts a
/// character, so a position holding it is a character boundary.
fn find_short(haystack: &str, needle: &str) -> Option<usize> {
    let Some(&first) = needle.as_bytes().first() else {
        return Some(0);
    };
    memchr::memchr_iter(first, haystack.as_bytes())
        .find(|&i| haystack.as_bytes()[i..].starts_with(needle.as_bytes()))
}

/// A profile that could not be read: the message, and where in the file when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileError {
    pub message: String,
    pub span: Option<std::ops::Range<usize>>,
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

const BUILTIN: &[(&str, &str)] = &[
    ("municipality", include_str!("profiles/municipality.toml")),
    ("province", include_str!("profiles/province.toml")),
];

/// A compiled pattern for one issuer region.
fn compile(pattern: &str, region: &str, placeholders: &BTreeMap<String, String>) -> Option<Regex> {
    compile_checked(pattern, region, placeholders).ok()
}

/// As [`compile`], saying what is wrong: an unclosed 「{」, an unknown placeholder, or the
/// regex error of a placeholder's definition.
fn compile_checked(
    pattern: &str,
    region: &str,
    placeholders: &BTreeMap<String, String>,
) -> Result<Regex, String> {
    let own = {
        // 「重庆市」 or its abbreviation 「市」 (「市财政局局长」).
        let last = region
            .chars()
            .next_back()
            .map(String::from)
            .unwrap_or_default();
        format!("(?:{}|{})", regex::escape(region), regex::escape(&last))
    };
    let mut re = String::from("^");
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        re.push_str(&regex::escape(&rest[..open]));
        let close = rest[open..]
            .find('}')
            .ok_or_else(|| "「{」没有对应的「}」/ an unclosed 「{」".to_string())?
            + open;
        let name = &rest[open + 1..close];
        re.push_str(&match name {
            "本级" => own.clone(),
            // Lower-level institutions are often printed without the issuer's region
            // (「广州市人民检察院检察长」 in a 广东省 list).
            "本级?" => format!("{own}?"),
            "序数" => "第[一二三四五六七八九十]+".to_string(),
            "名称" => r"\p{Han}+?".to_string(),
            other => format!(
                "(?:{})",
                placeholders.get(other).ok_or_else(|| format!(
                    "没有占位符「{{{other}}}」（[placeholders] 中未定义）/ unknown placeholder 「{{{other}}}」"
                ))?
            ),
        });
        rest = &rest[close + 1..];
    }
    re.push_str(&regex::escape(rest));
    re.push('$');
    regex_automata::meta::Regex::builder()
        .configure(
            regex_automata::meta::Config::new()
                .hybrid(false)
                .dfa(false)
                .onepass(false),
        )
        .build(&re)
        .map_err(|e| format!("正则表达式有误 / bad regex: {e}"))
}

/// Where a string value is written in the profile's text: its first occurrence as a quoted
/// string (a value the parser unescaped may not be found; then there is no place).
fn string_span(text: &str, value: &str) -> Option<std::ops::Range<usize>> {
    ["\"", "'"].iter().find_map(|q| {
        let quoted = format!("{q}{value}{q}");
        text.find(&quoted).map(|i| i..i + quoted.len())
    })
}

fn actions(words: &[String]) -> Result<Vec<Action>, String> {
    words
        .iter()
        .map(|w| Action::from_words(w).ok_or_else(|| format!("unknown action 「{w}」")))
        .collect()
}

impl Profile {
    pub fn builtin(name: &str) -> Option<Profile> {
        // Read at build time from the TOML of BUILTIN (build.rs; a test holds them equal).
        let raw = crate::domain::embedded::builtin_profile(name)?;
        Profile::from_raw(raw, "", false).ok()
    }

    /// The built-in profiles. Their patterns are compiled per region on first use, not checked
    /// one by one here: that is done by a test, and costs start-up time in every run.
    pub fn builtins() -> Vec<Profile> {
        (0..BUILTIN.len()).filter_map(Profile::builtin_at).collect()
    }

    /// The `i`th built-in profile, built on its own: a run that meets only one kind of issuer
    /// builds only that one.
    pub fn builtin_at(i: usize) -> Option<Profile> {
        BUILTIN.get(i).and_then(|(name, _)| Profile::builtin(name))
    }

    /// How many built-in profiles there are.
    pub const BUILTIN_COUNT: usize = BUILTIN.len();

    /// A user's profile: every pattern is compiled once here, so a typo is an error up front.
    pub fn from_toml(text: &str) -> Result<Profile, ProfileError> {
        Profile::read(text, true)
    }

    fn read(text: &str, check_patterns: bool) -> Result<Profile, ProfileError> {
        let raw: RawProfile = toml::from_str(text).map_err(|e| ProfileError {
            message: e.message().to_string(),
            span: e.span(),
        })?;
        Profile::from_raw(raw, text, check_patterns)
    }

    /// A profile from its table; `text` is the TOML it was read from, where a pattern's
    /// error is placed.
    fn from_raw(
        raw: RawProfile,
        text: &str,
        check_patterns: bool,
    ) -> Result<Profile, ProfileError> {
        let error = |message: String| ProfileError {
            message,
            span: None,
        };
        let mut rules = Vec::new();
        for post in raw.post {
            let rule = PostRule {
                pattern: post.patterns.join(" / "),
                actions: actions(&post.actions).map_err(error)?,
                contested: actions(&post.contested).map_err(error)?,
                elected: post.elected,
                single: post.single,
                deputy_only: post.deputy_only,
                chair: post.chair,
                approval: post.approval,
            };
            for p in post.patterns.iter().filter(|_| check_patterns) {
                // Check now that every placeholder is known, so a user's typo is an error here.
                compile_checked(p, "某市", &raw.placeholders).map_err(|e| ProfileError {
                    message: format!("pattern 「{p}」: {e}"),
                    span: string_span(text, p),
                })?;
            }
            rules.push((post.patterns, rule));
        }
        let mut applies_to = Vec::new();
        for a in raw.applies_to {
            let cell = std::sync::OnceLock::new();
            if check_patterns {
                let re = compile_checked(&a, "", &raw.placeholders).map_err(|e| ProfileError {
                    message: format!("applies_to 「{a}」: {e}"),
                    span: string_span(text, &a),
                })?;
                let _ = cell.set(Some(re));
            }
            applies_to.push((
                a.clone(),
                Pieces::of(&a),
                Token::of(&a, &raw.placeholders),
                cell,
            ));
        }
        let pieces: Vec<Vec<Pieces>> = rules
            .iter()
            .map(|(patterns, _)| patterns.iter().map(|p| Pieces::of(p)).collect())
            .collect();
        let tokens = rules
            .iter()
            .map(|(patterns, _)| {
                patterns
                    .iter()
                    .map(|p| Token::of(p, &raw.placeholders))
                    .collect()
            })
            .collect();
        Ok(Profile {
            name: raw.name,
            applies_to,
            placeholders: raw.placeholders,
            rules,
            endings: Endings::of(&pieces),
            pieces,
            tokens,
            compiled: Default::default(),
        })
    }

    /// Whether this profile describes the issuer's region (「重庆市」).
    pub fn applies(&self, region: &str) -> bool {
        self.applies_to
            .iter()
            .any(|(pattern, pieces, tokens, cell)| {
                pieces.admits(region)
                    && match tokens {
                        Some(tokens) => tokens_match(tokens, "", region),
                        None => cell
                            .get_or_init(|| compile(pattern, "", &self.placeholders))
                            .as_ref()
                            .is_some_and(|r| r.is_match(region)),
                    }
            })
    }

    /// The patterns compiled for one issuer region (cached).
    pub fn for_region(&self, region: &str) -> RegionProfile<'_> {
        let compiled = {
            let mut cache = self.compiled.lock().unwrap_or_else(|e| e.into_inner());
            cache
                .entry(region.to_string())
                .or_insert_with(|| {
                    std::sync::Arc::new(
                        self.rules
                            .iter()
                            .map(|(patterns, _)| {
                                patterns
                                    .iter()
                                    .map(|_| std::sync::OnceLock::new())
                                    .collect()
                            })
                            .collect(),
                    )
                })
                .clone()
        };
        RegionProfile {
            profile: self,
            region: region.to_string(),
            compiled,
        }
    }
}

/// A profile compiled for one issuer.
pub struct RegionProfile<'p> {
    profile: &'p Profile,
    region: String,
    compiled: std::sync::Arc<Compiled>,
}

impl<'p> RegionProfile<'p> {
    /// The first rule whose pattern matches the post.
    pub fn rule(&self, post: &PostInfo) -> Option<&'p PostRule> {
        let key = post.key();
        let p = self.profile;
        // In the profile's order: the first (rule, pattern) that matches is of the first rule
        // that does.
        let &(i, _) = p.endings.of_text(&key).iter().find(|&&(i, j)| {
            p.pieces[i][j].admits(&key)
                && match &p.tokens[i][j] {
                    Some(tokens) => tokens_match(tokens, &self.region, &key),
                    None => self.compiled[i][j]
                        .get_or_init(|| compile(&p.rules[i].0[j], &self.region, &p.placeholders))
                        .as_ref()
                        .is_some_and(|r| r.is_match(&key)),
                }
        })?;
        Some(&p.rules[i].1)
    }
}

pub use crate::model::names::issuer_region;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::post::parse_post;

    #[test]
    fn find_short_is_str_find() {
        let texts = [
            "",
            "院",
            "重庆市第一中级人民法院院长",
            "𠮷市人民政府𠮷市长",
            "a院ab院",
        ];
        let needles = ["", "院", "院长", "人民", "市长", "𠮷", "b院", "检察院", "a"];
        for t in texts {
            for n in needles {
                assert_eq!(find_short(t, n), t.find(n), "{t:?} {n:?}");
            }
        }
    }

    #[test]
    fn embedded_profiles_are_what_their_toml_reads() {
        for (name, text) in BUILTIN {
            let parsed: RawProfile = toml::from_str(text).unwrap();
            assert_eq!(
                crate::domain::embedded::builtin_profile(name),
                Some(parsed),
                "{name}"
            );
        }
        assert_eq!(crate::domain::embedded::builtin_profile("unknown"), None);
    }

    #[test]
    fn builtin_profiles_read_and_every_pattern_compiles() {
        assert_eq!(Profile::builtins().len(), BUILTIN.len());
        for (name, text) in BUILTIN {
            assert!(Profile::from_toml(text).is_ok(), "{name}");
        }
    }

    /// The rule found through [`Endings`] is the rule found by trying every pattern in order,
    /// for every post of the examples and every pattern written out, under each built-in
    /// profile and a few regions.
    #[test]
    fn the_patterns_by_ending_find_the_rule_every_pattern_finds() {
        fn by_every_pattern<'p>(r: &RegionProfile<'p>, post: &PostInfo) -> Option<&'p PostRule> {
            let key = post.key();
            let p = r.profile;
            let i = r.compiled.iter().enumerate().position(|(i, patterns)| {
                patterns.iter().enumerate().any(|(j, cell)| {
                    p.pieces[i][j].admits(&key)
                        && match &p.tokens[i][j] {
                            Some(tokens) => tokens_match(tokens, &r.region, &key),
                            None => cell
                                .get_or_init(|| {
                                    compile(&p.rules[i].0[j], &r.region, &p.placeholders)
                                })
                                .as_ref()
                                .is_some_and(|re| re.is_match(&key)),
                        }
                })
            })?;
            Some(&p.rules[i].1)
        }
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/");
        let mut posts: Vec<String> = Vec::new();
        for dir in [
            "examples",
            "examples/variants",
            "examples/real-forms",
            "examples/rules",
        ] {
            for e in std::fs::read_dir(format!("{root}{dir}"))
                .into_iter()
                .flatten()
                .flatten()
            {
                let Ok(text) = std::fs::read_to_string(e.path()) else {
                    continue;
                };
                let doc = crate::syntax::parse_page(&text, &[]);
                for n in doc.notices() {
                    if let crate::ast::NoticeBody::Personnel(list) = &n.body {
                        for entry in list.sections.iter().flat_map(|s| &s.entries) {
                            for item in &entry.items {
                                posts.extend(item.posts.iter().map(|p| p.text.clone()));
                            }
                        }
                    }
                }
            }
        }
        let regions = ["重庆市", "北京市", "广东省", "湖南省", "某市", ""];
        for profile in Profile::builtins() {
            for (patterns, _) in &profile.rules {
                for pattern in patterns {
                    for region in regions {
                        let written = pattern
                            .replace("{本级?}", region)
                            .replace("{本级}", region)
                            .replace("{序数}", "第一")
                            .replace("{名称}", "江北");
                        posts.push(written.clone());
                        // Cut short and grown: near misses of the same ending.
                        posts.push(written.chars().skip(1).collect());
                        posts.push(format!("{written}长"));
                    }
                }
            }
        }
        posts.extend(["", "长", "院长", "副主任", "委员"].map(String::from));
        assert!(posts.len() > 2_000, "{} posts", posts.len());
        let mut found = 0;
        for profile in Profile::builtins() {
            for region in regions {
                let r = profile.for_region(region);
                for text in &posts {
                    let post = parse_post(text, None);
                    let fast = r.rule(&post).map(|x| x as *const PostRule);
                    let every = by_every_pattern(&r, &post).map(|x| x as *const PostRule);
                    assert_eq!(fast, every, "「{text}」 in {region} ({})", profile.name);
                    found += usize::from(fast.is_some());
                }
            }
        }
        assert!(found > 1_000, "{found} posts with a rule");
    }

    #[test]
    fn municipality_profile_resolves_the_seed_posts() {
        let p = Profile::builtin("municipality").unwrap();
        assert!(
            p.applies("重庆市")
                && p.applies("北京市")
                && !p.applies("徐州市")
                && !p.applies("全国")
        );
        let r = p.for_region("重庆市");
        let rule = |t: &str| r.rule(&parse_post(t, None)).map(|r| r.actions.clone());
        assert_eq!(
            rule("重庆市人民政府副市长"),
            Some(vec![
                Action::DecideAppoint,
                Action::DecideRemove,
                Action::DecideRevoke
            ])
        );
        assert_eq!(
            rule("重庆市梁平区人民检察院检察长").unwrap()[0],
            Action::ApproveAppoint
        );
        assert_eq!(
            rule("重庆市第一中级人民法院院长").unwrap()[0],
            Action::DecideAppoint
        );
        assert_eq!(
            rule("重庆市人大财政经济委员会副主任委员").unwrap()[0],
            Action::Appoint
        );
        assert_eq!(rule("市财政局局长").unwrap()[0], Action::DecideAppoint);
        // A committee whose name is missing is no known post.
        assert_eq!(rule("重庆市第六届人民代表大会委员会委员"), None);
    }

    /// The hand matcher of patterns without a profile placeholder says what their regex says,
    /// on every built-in pattern, against texts made from every pattern by filling its
    /// placeholders with right and wrong values, in several regions.
    #[test]
    fn patterns_matched_by_hand_agree_with_their_regexes() {
        let fills: &[(&str, &[&str])] = &[
            ("{本级}", &["重庆市", "市", "", "北京市", "重庆"]),
            ("{本级?}", &["重庆市", "市", "", "湖北省"]),
            ("{序数}", &["第一", "第十二", "第", "一", "第1", "第二十一"]),
            (
                "{名称}",
                &["财政", "经", "", "a", "（两江）", "𠇔", "〇", "々"],
            ),
            (
                "{下级}",
                &[
                    "渝中区",
                    "梁平县",
                    "区",
                    "",
                    "宜昌市",
                    "恩施土家族苗族自治州",
                    "神农架林区",
                    "锡林郭勒盟",
                    "大兴安岭地区",
                    "一二三四五六七八九十区",
                    "一二三四五六七八九十一区",
                    "a区",
                    "市区",
                ],
            ),
        ];
        let mut texts = vec![String::new(), "重庆市人民政府副市长".to_string()];
        let mut compared = (0, 0);
        for (_, text) in BUILTIN {
            let raw: RawProfile = toml::from_str(text).unwrap();
            let patterns: Vec<String> = raw
                .post
                .iter()
                .flat_map(|p| p.patterns.iter().cloned())
                .chain(raw.applies_to.iter().cloned())
                .collect();
            for pattern in &patterns {
                let mut made = vec![pattern.clone()];
                for (slot, values) in fills {
                    made = made
                        .iter()
                        .flat_map(|m| values.iter().map(move |v| m.replacen(slot, v, 1)))
                        .collect();
                    made.sort();
                    made.dedup();
                    made.truncate(400);
                }
                texts.extend(made);
            }
            for pattern in &patterns {
                let Some(tokens) = Token::of(pattern, &raw.placeholders) else {
                    continue;
                };
                for region in ["重庆市", "北京市", "湖北省", "广西壮族自治区", ""] {
                    let re = compile(pattern, region, &raw.placeholders).unwrap();
                    for t in &texts {
                        let by_hand = tokens_match(&tokens, region, t);
                        assert_eq!(by_hand, re.is_match(t), "{pattern} in {region}: 「{t}」");
                        compared.0 += 1;
                        compared.1 += usize::from(by_hand);
                    }
                }
            }
        }
        assert!(compared.0 > 10_000 && compared.1 > 200, "{compared:?}");
        // A profile's own placeholder is matched by hand only in the run-and-ending form.
        let own = |d: &str| BTreeMap::from([("下级".to_string(), d.to_string())]);
        let lower = "{本级?}{下级}人民检察院检察长";
        assert!(Token::of(lower, &own(r"\p{Han}{1,10}?[区县]")).is_some());
        assert!(Token::of(lower, &own(r"\p{Han}{1,10}?(?:市|自治州)")).is_some());
        assert!(Token::of(lower, &own(r"(渝中|渝北)区")).is_none());
        assert!(Token::of(lower, &own(r"\p{Han}+[区县]")).is_none());
        assert!(Token::of(lower, &BTreeMap::new()).is_none());
        assert!(is_han('重') && is_han('𠇔') && !is_han('（') && !is_han('a'));
    }

    #[test]
    fn a_users_profile_with_a_typo_is_an_error() {
        let e = Profile::from_toml("name = \"x\"\napplies_to = []\n[[post]]\npatterns = [\"{本级}局长\"]\nactions = [\"任名\"]\n");
        assert!(e.is_err());
        let e = Profile::from_toml("name = \"x\"\napplies_to = []\nextra = 1\npost = []\n");
        assert!(e.unwrap_err().span.is_some());
    }

    #[test]
    fn a_bad_pattern_says_what_is_wrong_and_where() {
        let text = "name = \"x\"\napplies_to = []\n[placeholders]\n\"机构\" = \"(财政|教育\"\n[[post]]\npatterns = [\"{本级}{机构}局局长\"]\nactions = [\"决定任命\"]\n";
        let e = Profile::from_toml(text).unwrap_err();
        assert!(e.message.contains("bad regex"), "{}", e.message);
        let span = e.span.expect("a place");
        assert_eq!(&text[span], "\"{本级}{机构}局局长\"");
        let text = "name = \"x\"\napplies_to = []\n[[post]]\npatterns = [\"{本级}{机关}局长\"]\nactions = [\"决定任命\"]\n";
        let e = Profile::from_toml(text).unwrap_err();
        assert!(
            e.message.contains("unknown placeholder 「{机关}」"),
            "{}",
            e.message
        );
        assert!(e.span.is_some());
        let text = "name = \"x\"\napplies_to = [\"{本级\"]\npost = []\n";
        let e = Profile::from_toml(text).unwrap_err();
        assert!(e.message.contains("unclosed"), "{}", e.message);
        assert_eq!(&text[e.span.unwrap()], "\"{本级\"");
    }
}
