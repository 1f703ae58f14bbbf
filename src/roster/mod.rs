//! The roster: what was true before the notices being checked — how many deputies each
//! congress has seated, who they are (when known), and who holds which post. A human-edited
//! TOML file beside the drafts, rolled forward notice by notice (`gazette roster apply`).
//!
//! Names and posts are stored in the form the rules compare: names without alignment padding,
//! posts with aliases spelt out and the term dropped (`domain::post::normalise`), institutions
//! in full (「重庆市财政局局长」, not 「市财政局局长」).

pub mod apply;
pub mod edit;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::domain::post::parse_post;
pub use crate::model::names::{
    congress_name, congress_of_issuer, full_post, name_key, parse_congress_name,
};

/// The state of one congress (人民代表大会 of one region and term).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CongressRecord {
    /// 「重庆市第六届人民代表大会」: region + term + 人民代表大会.
    pub name: String,
    /// 「重庆市人民代表大会」: the name without its term, normalised.
    pub body: String,
    pub term: Option<u32>,
    /// Deputies seated before the next notice; `None` when not known.
    pub seated: Option<u32>,
    /// The seated deputies, when known. A list with exactly `seated` names is complete;
    /// a shorter one says who is a deputy, never who is not.
    pub deputies: Vec<String>,
    /// The number of the last notice of this congress's standing committee already applied.
    pub last_notice: Option<u32>,
}

impl CongressRecord {
    /// Whether the list of deputies is complete (as many names as seats filled).
    pub fn complete(&self) -> bool {
        self.seated
            .is_some_and(|s| s as usize == self.deputies.len() && s > 0)
    }

    /// `Some(true)` for a listed deputy, `Some(false)` for a name missing from a complete
    /// list, `None` when the roster cannot say.
    pub fn is_deputy(&self, name: &str) -> Option<bool> {
        let key = name_key(name);
        if self.deputies.contains(&key) {
            Some(true)
        } else if self.complete() {
            Some(false)
        } else {
            None
        }
    }
}

/// One person holding one post.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// The post in full normalised form: 「重庆市人民政府副市长」.
    pub post: String,
    pub holder: String,
    /// 「代理」: holds the post as acting head.
    pub acting: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roster {
    /// The file it was read from, for messages (「名册 roster.toml」).
    pub path: String,
    pub congresses: Vec<CongressRecord>,
    pub offices: Vec<Office>,
}

/// A roster file that cannot be used: the message, and where in the file.
#[derive(Debug, Clone)]
pub struct RosterError {
    pub path: String,
    pub text: String,
    pub span: Option<Range<usize>>,
    pub message: String,
}

impl std::fmt::Display for RosterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = self
            .span
            .as_ref()
            .map(|s| {
                let p = crate::source::LineIndex::new(&self.text).position(&self.text, s.start);
                format!(":{}:{}", p.line, p.column)
            })
            .unwrap_or_default();
        write!(
            f,
            "名册有误 / invalid roster {}{at}: {}",
            self.path, self.message
        )
    }
}

impl std::error::Error for RosterError {}

impl miette::Diagnostic for RosterError {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.text)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let span = self.span.clone()?;
        Some(Box::new(std::iter::once(miette::LabeledSpan::new(
            Some("此处 / here".into()),
            span.start,
            span.len(),
        ))))
    }
}

impl RosterError {
    /// The error drawn by miette over the roster's own text.
    pub fn render(&self, color: bool) -> String {
        let theme = if color {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        };
        let mut out = String::new();
        let handler = miette::GraphicalReportHandler::new_themed(theme).with_links(false);
        if handler.render_report(&mut out, self).is_err() {
            out = self.to_string();
        }
        out
    }
}

// ───────────────────────────── the file ─────────────────────────────

#[derive(Deserialize, Serialize, Default)]
#[serde(deny_unknown_fields)]
struct RawRoster {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    congress: Vec<RawCongress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    office: Vec<RawOffice>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawCongress {
    name: toml::Spanned<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seated: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_notice: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    deputies: Vec<toml::Spanned<String>>,
}

#[derive(Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RawOffice {
    post: toml::Spanned<String>,
    holder: toml::Spanned<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    acting: bool,
}

/// A post as written in a roster file, in the form rules compare.
pub(crate) fn post_key(text: &str) -> Option<String> {
    let info = parse_post(text, None);
    (!info.title.is_empty()).then(|| info.key())
}

/// Why the loader refuses `post` as a post, if it does.
pub fn post_problem(post: &str) -> Option<String> {
    post_key(post).is_none().then(|| {
        format!("「{post}」不是可识别的职务（应以院长、委员、局长等职称结尾）/ not a post")
    })
}

/// Why the loader refuses `name` as a person's name, if it does.
pub fn name_problem(name: &str) -> Option<String> {
    (name_key(name).chars().count() < 2).then(|| format!("「{name}」不是姓名 / not a name"))
}

/// Why the loader refuses `name` as the name of a congress, if it does.
pub fn congress_problem(name: &str) -> Option<String> {
    parse_congress_name(name).is_none().then(|| {
        format!("「{name}」不是人民代表大会的名称（应如「重庆市第六届人民代表大会」）/ not the name of a congress")
    })
}

/// Why the loader refuses a congress with this many deputies listed, if it does.
pub fn seats_problem(listed: usize, seated: Option<u32>) -> Option<String> {
    seated.filter(|&s| listed > s as usize).map(|s| {
        format!("列出的代表（{listed}名）多于实有代表数（{s}）/ more deputies listed than seated")
    })
}

impl Roster {
    pub fn from_toml(path: &str, text: &str) -> Result<Roster, RosterError> {
        let error = |span: Option<Range<usize>>, message: String| RosterError {
            path: path.to_string(),
            text: text.to_string(),
            span,
            message,
        };
        let raw: RawRoster =
            toml::from_str(text).map_err(|e| error(e.span(), e.message().to_string()))?;
        let mut roster = Roster {
            path: path.to_string(),
            ..Roster::default()
        };
        for c in raw.congress {
            let Some((body, term)) = parse_congress_name(c.name.get_ref()) else {
                let message = congress_problem(c.name.get_ref()).unwrap_or_default();
                return Err(error(Some(c.name.span()), message));
            };
            if roster.congress(&body, term).is_some() {
                return Err(error(
                    Some(c.name.span()),
                    format!("「{}」重复 / listed twice", c.name.get_ref()),
                ));
            }
            let mut deputies: Vec<String> = Vec::new();
            for d in &c.deputies {
                let key = name_key(d.get_ref());
                if let Some(message) = name_problem(d.get_ref()) {
                    return Err(error(Some(d.span()), message));
                }
                if deputies.contains(&key) {
                    return Err(error(
                        Some(d.span()),
                        format!("代表「{key}」重复 / listed twice"),
                    ));
                }
                deputies.push(key);
            }
            if let Some(message) = seats_problem(deputies.len(), c.seated) {
                return Err(error(Some(c.name.span()), message));
            }
            roster.congresses.push(CongressRecord {
                name: congress_name(&body, term),
                body,
                term,
                seated: c.seated,
                deputies,
                last_notice: c.last_notice,
            });
        }
        for o in raw.office {
            let Some(post) = post_key(o.post.get_ref()) else {
                let message = post_problem(o.post.get_ref()).unwrap_or_default();
                return Err(error(Some(o.post.span()), message));
            };
            let holder = name_key(o.holder.get_ref());
            if let Some(message) = name_problem(o.holder.get_ref()) {
                return Err(error(Some(o.holder.span()), message));
            }
            let office = Office {
                post,
                holder,
                acting: o.acting,
            };
            if roster.offices.contains(&office) {
                return Err(error(
                    Some(o.post.span()),
                    format!(
                        "「{}」担任「{}」重复 / listed twice",
                        office.holder, office.post
                    ),
                ));
            }
            roster.offices.push(office);
        }
        Ok(roster)
    }

    pub fn load(path: &std::path::Path) -> Result<Roster, RosterError> {
        let name = path.display().to_string();
        let text = crate::files::read_utf8(path, crate::files::DEFAULT_LIMIT).map_err(|e| {
            RosterError {
                path: name.clone(),
                text: String::new(),
                span: None,
                message: format!("无法读取 / cannot read: {e}"),
            }
        })?;
        Roster::from_toml(&name, &text)
    }

    /// The roster as TOML, in a stable order, with a header that says how to read it.
    pub fn to_toml(&self) -> String {
        let spanned = |s: &str| toml::Spanned::new(0..0, s.to_string());
        let raw = RawRoster {
            congress: self
                .congresses
                .iter()
                .map(|c| RawCongress {
                    name: spanned(&c.name),
                    seated: c.seated,
                    last_notice: c.last_notice,
                    deputies: c.deputies.iter().map(|d| spanned(d)).collect(),
                })
                .collect(),
            office: self
                .offices
                .iter()
                .map(|o| RawOffice {
                    post: spanned(&o.post),
                    holder: spanned(&o.holder),
                    acting: o.acting,
                })
                .collect(),
        };
        let body = toml::to_string_pretty(&raw).unwrap_or_default();
        format!(
            "# gazette 名册 / roster: 各届人民代表大会的实有代表、在任职务及其担任者。\n\
             # seated = 下一份公告之前的实有代表数；deputies 列满 seated 人时视为完整名单。\n\
             # 同一职务有多人担任时，名册不必列全；单人职务（院长、检察长……）列出的即现任者。\n\n{body}"
        )
    }

    /// Whether two rosters hold the same congresses and offices, whatever their order and
    /// file: what a written roster must read back as.
    pub fn same_entries(&self, other: &Roster) -> bool {
        let congress_in = |c: &CongressRecord, r: &Roster| {
            r.congresses.iter().any(|d| {
                d.body == c.body
                    && d.term == c.term
                    && d.seated == c.seated
                    && d.last_notice == c.last_notice
                    && d.deputies.len() == c.deputies.len()
                    && c.deputies.iter().all(|x| d.deputies.contains(x))
            })
        };
        self.congresses.len() == other.congresses.len()
            && self.offices.len() == other.offices.len()
            && self.congresses.iter().all(|c| congress_in(c, other))
            && self.offices.iter().all(|o| other.offices.contains(o))
    }

    pub fn congress(&self, body: &str, term: Option<u32>) -> Option<&CongressRecord> {
        self.congresses
            .iter()
            .find(|c| c.body == body && (c.term == term || c.term.is_none() || term.is_none()))
    }

    pub fn congress_mut(&mut self, body: &str, term: Option<u32>) -> Option<&mut CongressRecord> {
        self.congresses
            .iter_mut()
            .find(|c| c.body == body && (c.term == term || c.term.is_none() || term.is_none()))
    }

    /// The holders of a post (full form; an abbreviated post of `region` is spelt out first),
    /// or `None` when the roster does not list the post at all.
    pub fn holders(&self, post: &str, region: &str) -> Option<Vec<&Office>> {
        let full = full_post(post, region);
        let found: Vec<&Office> = self
            .offices
            .iter()
            .filter(|o| o.post == full || o.post == post)
            .collect();
        (!found.is_empty()).then_some(found)
    }

    /// The posts a person holds.
    pub fn offices_of<'r>(&'r self, name: &str) -> impl Iterator<Item = &'r Office> + 'r {
        let key = name_key(name);
        self.offices.iter().filter(move |o| o.holder == key)
    }

    /// Whether `name` holds `post` (full form or spelt out with `region`).
    pub fn holds(&self, name: &str, post: &str, region: &str) -> bool {
        let full = full_post(post, region);
        self.offices_of(name)
            .any(|o| o.post == full || o.post == post)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROSTER: &str = r#"
[[congress]]
name = "重庆市第六届人民代表大会"
seated = 3
deputies = ["姜国杰", "王　军", "吴凯"]

[[office]]
post = "重庆市人大常委会委员"
holder = "王军"

[[office]]
post = "重庆市第三中级人民法院院长"
holder = "蒋佩伏"
"#;

    #[test]
    fn reads_and_normalises() {
        let r = Roster::from_toml("r.toml", ROSTER).unwrap();
        let c = r.congress("重庆市人民代表大会", Some(6)).unwrap();
        assert_eq!(c.name, "重庆市第六届人民代表大会");
        assert!(c.complete());
        assert_eq!(c.is_deputy("王军"), Some(true));
        assert_eq!(c.is_deputy("李四"), Some(false));
        assert_eq!(r.offices[0].post, "重庆市人民代表大会常务委员会委员");
        assert!(r.holds("王　军", "市人民代表大会常务委员会委员", "重庆市"));
        assert_eq!(
            r.holders("重庆市第三中级人民法院院长", "重庆市").unwrap()[0].holder,
            "蒋佩伏"
        );
        assert!(r.holders("重庆市财政局局长", "重庆市").is_none());
        // Written and read back, it is the same roster.
        let again = Roster::from_toml("r.toml", &r.to_toml()).unwrap();
        assert_eq!(again, r);
    }

    #[test]
    fn mistakes_are_errors_with_a_place() {
        let at = |text: &str| {
            let e = Roster::from_toml("r.toml", text).unwrap_err();
            let p = crate::source::LineIndex::new(text).position(text, e.span.unwrap().start);
            (p.line, e.message)
        };
        assert_eq!(at("[[congress]]\nname = \"x\"\nseatd = 3\n").0, 3);
        assert_eq!(at("[[congress]]\nname = \"重庆市\"\n").0, 2);
        assert_eq!(
            at("[[congress]]\nname = \"重庆市六届人大\"\nseated = \"many\"\n").0,
            3
        );
        assert_eq!(
            at("[[office]]\npost = \"重庆市人民政府\"\nholder = \"张三\"\n").0,
            2
        );
        let (line, message) =
            at("[[congress]]\nname = \"重庆市六届人大\"\nseated = 1\ndeputies = [\"甲乙\", \"丙丁\"]\n");
        assert_eq!(line, 2, "{message}");
        assert!(Roster::from_toml("r", "[[office]]\npost = \"重庆市人民政府副市长\"\nholder = \"张三\"\n[[office]]\npost = \"重庆市人民政府副市长\"\nholder = \"张三\"\n").is_err());
    }
}
