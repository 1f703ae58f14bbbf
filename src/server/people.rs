//! What a run says about each person: the moves of its personnel lists and decisions, and
//! the deputies its qualification notices introduce or terminate. Read from the models the
//! rules share (`model::personnel`, `model::qualification`), never from a rule, so that a
//! hover on a name tells what the checker read.

use std::collections::HashMap;

use crate::ast::Span;
use crate::check::Settings;
use crate::diagnostic::Message;
use crate::model::personnel::Direction;
use crate::model::qualification::name_key;
use crate::model::Model;
use crate::report::FileReport;

/// One thing said about a person, where it is said.
pub struct Mention {
    /// The report's path (or URI for an unsaved buffer).
    pub path: String,
    /// The name's span in that file, and its 1-based line.
    pub span: Span,
    pub line: usize,
    pub what: Message,
}

/// The mentions of a run, by name.
#[derive(Default)]
pub struct People(HashMap<String, Vec<Mention>>);

impl People {
    pub fn of_run(reports: &[FileReport], settings: &Settings) -> People {
        let mut people = People::default();
        for r in reports {
            let model = Model::new(&r.source, &r.document, settings.profile.as_deref());
            let mut add = |name: &str, span: Span, what: Message| {
                people.0.entry(name_key(name)).or_default().push(Mention {
                    path: r.path.clone(),
                    span,
                    line: r.line_index.position(&r.source, span.start).line,
                    what,
                });
            };
            for m in model.moves() {
                let action = m.action.map_or("", |a| a.words());
                let post = &m.post.text;
                let what = match m.direction {
                    Direction::In => Message::new(
                        format!("{action}为{post}"),
                        format!("appointed ({action}) {post}"),
                    ),
                    Direction::Out => Message::new(
                        format!("{action}{post}职务"),
                        format!("removed ({action}) from {post}"),
                    ),
                    Direction::Resign => Message::new(
                        format!("辞去{post}职务（{action}）"),
                        format!("resigns {post} ({action})"),
                    ),
                };
                add(&m.person.name.text, m.person.span, what);
            }
            for m in model.decision_moves() {
                let post = &m.post;
                let what = match m.direction {
                    Direction::In => Message::new(
                        format!("决定：任{post}"),
                        format!("decision: appointed {post}"),
                    ),
                    Direction::Out => Message::new(
                        format!("决定：免去{post}"),
                        format!("decision: removed from {post}"),
                    ),
                    Direction::Resign => Message::new(
                        format!("决定：辞去{post}"),
                        format!("decision: resigns {post}"),
                    ),
                };
                add(&m.person, m.person_span, what);
            }
            for q in model.qualifications() {
                for i in &q.introductions {
                    let what = if i.ground == crate::model::qualification::Ground::Detained {
                        Message::new(
                            format!("代表职务暂停执行（{}）", i.ground.zh()),
                            format!("mandate suspended ({})", i.ground.en()),
                        )
                    } else if i.ground.ends_mandate() {
                        Message::new(
                            format!("代表资格终止（{}）", i.ground.zh()),
                            format!("mandate ends ({})", i.ground.en()),
                        )
                    } else {
                        Message::new(
                            format!("代表资格确认（{}）", i.ground.zh()),
                            format!("mandate confirmed ({})", i.ground.en()),
                        )
                    };
                    add(&i.person.name.text, i.person.span, what);
                }
            }
        }
        for mentions in people.0.values_mut() {
            mentions.sort_by(|a, b| (&a.path, a.span.start).cmp(&(&b.path, b.span.start)));
        }
        people
    }

    /// The name mentioned at `offset` of `path`, and everything the run says about it.
    pub fn at(&self, path: &str, offset: usize) -> Option<(&str, &Mention, &[Mention])> {
        self.0.iter().find_map(|(name, mentions)| {
            mentions
                .iter()
                .find(|m| m.path == path && m.span.start <= offset && offset < m.span.end)
                .map(|here| (name.as_str(), here, mentions.as_slice()))
        })
    }
}

/// The hover text for the name at `offset`: each mention in the run, with its place.
pub fn hover(
    people: &People,
    path: &str,
    offset: usize,
    lang: crate::diagnostic::Lang,
) -> Option<(String, Span)> {
    let (name, here, mentions) = people.at(path, offset)?;
    let mut text = match lang {
        crate::diagnostic::Lang::Zh => format!("**{name}**：本次检查中的记载\n"),
        crate::diagnostic::Lang::En => format!("**{name}** in this run\n"),
    };
    for m in mentions {
        text.push_str(&format!(
            "\n- {}（{}:{}）",
            m.what.get(lang),
            m.path,
            m.line
        ));
    }
    Some((text, here.span))
}
