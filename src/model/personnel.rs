//! The meaning of personnel lists: every person moved into or out of every post, with the post
//! parsed (institution + title) and resolved against the jurisdiction profile of the issuer.

use std::sync::OnceLock;

use super::names::{full_post, name_key};
use super::Model;
use crate::ast::*;
use crate::domain::post::{parse_posts, PostInfo};
use crate::domain::profile::{issuer_region, PostRule, Profile, RegionProfile};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// 为: into the post
    In,
    /// 的…职务: out of the post
    Out,
    /// 辞去: out of the post at the person's request
    Resign,
}

/// One person and one post of one entry.
pub struct Move<'a> {
    pub notice: &'a Notice,
    pub section: &'a Section,
    pub item: &'a EntryItem,
    pub person: &'a Person,
    pub post: &'a Post,
    /// Shared by the persons of one entry (「朱学元、王峰、彭劲荣为…」).
    pub info: std::sync::Arc<PostInfo>,
    /// The action: the verb before the names, else the section heading's.
    pub action: Option<Action>,
    pub action_span: Option<Span>,
    pub direction: Direction,
    /// What the profile says about the post; `None` when it knows no such post.
    pub rule: Option<&'a PostRule>,
    /// Whether a profile applies to this issuer at all.
    pub profiled: bool,
}

impl Move<'_> {
    pub fn person_key(&self) -> String {
        name_key(&self.person.name.text)
    }

    /// The post as the roster keys it: normalised, the issuer's region spelt out.
    pub fn full_post(&self) -> String {
        full_post(&self.info.key(), &issuer_region(&self.notice.issuer))
    }

    /// Labels the action the entry is under (the verb or the section heading) on `d`.
    pub fn label_action(&self, d: crate::diagnostic::Diagnostic) -> crate::diagnostic::Diagnostic {
        match (self.action_span, self.action) {
            (Some(span), Some(action)) => d.with_related(
                span,
                format!("任免类别「{}」", action.words()),
                format!("the action 「{}」", action.words()),
            ),
            _ => d,
        }
    }
}

/// The built-in profiles in their order, each read the first time an issuer is tried against
/// it (the seed page's 直辖市 never reads the provinces' profile).
fn builtins() -> impl Iterator<Item = &'static Profile> {
    static B: [OnceLock<Option<Profile>>; Profile::BUILTIN_COUNT] =
        [const { OnceLock::new() }; Profile::BUILTIN_COUNT];
    B.iter()
        .enumerate()
        .filter_map(|(i, cell)| cell.get_or_init(|| Profile::builtin_at(i)).as_ref())
}

/// The profile for an issuer: the user's, or the built-in one that applies to its region.
pub(super) fn profile_for<'a>(
    profile: Option<&'a Profile>,
    issuer: &str,
) -> Option<RegionProfile<'a>> {
    let region = issuer_region(issuer);
    match profile {
        Some(p) => Some(p.for_region(&region)),
        None => builtins()
            .find(|p| p.applies(&region))
            .map(|p| p.for_region(&region)),
    }
}

pub(super) fn compute_moves<'a>(model: &Model<'a>) -> Vec<Move<'a>> {
    let mut out = Vec::new();
    for notice in model.document.notices() {
        let NoticeBody::Personnel(list) = &notice.body else {
            continue;
        };
        let profile = model.profile_for(&notice.issuer);
        for section in &list.sections {
            for entry in &section.entries {
                for item in &entry.items {
                    let verb = item.action.zip(item.verb.as_ref().map(|v| v.span));
                    let (action, action_span) = match (verb, &section.heading) {
                        (Some((a, s)), _) => (Some(a), Some(s)),
                        (None, Some(h)) => (Some(h.action), Some(h.action_text.span)),
                        (None, None) => (None, None),
                    };
                    let direction = match item.form {
                        EntryForm::Appointment | EntryForm::Concurrent => Direction::In,
                        EntryForm::Removal | EntryForm::Current => Direction::Out,
                        EntryForm::Resignation => Direction::Resign,
                    };
                    let infos = parse_posts(item.posts.iter().map(|p| p.text.as_str()));
                    for (post, info) in item.posts.iter().zip(infos) {
                        let rule = profile.as_ref().and_then(|p| p.rule(&info));
                        let info = std::sync::Arc::new(info);
                        for person in &item.persons {
                            out.push(Move {
                                notice,
                                section,
                                item,
                                person,
                                post,
                                info: info.clone(),
                                action,
                                action_span,
                                direction,
                                rule,
                                profiled: profile.is_some(),
                            });
                        }
                    }
                }
            }
        }
    }
    // Kept to the end of the run: the doubling's spare room was a tenth of a 50 MB file's
    // peak memory with the findings' (a large block shrinks in place).
    out.shrink_to_fit();
    out
}

/// How an entry's action fits its post, per the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Fits,
    /// The sources disagree on the verb (分院检察长 under 任命): a warning.
    Contested,
    /// The profile knows no such post (GZ305).
    UnknownPost,
    /// The congress elects the post; the SC may only decide an acting holder (GZ313).
    ElectedPost,
    /// A special committee's chair (GZ314).
    Chair,
    /// 批准… for a post that is not the next-lower level's chief procurator (GZ315).
    NotForApproval,
    /// Any other wrong action (GZ304).
    Wrong,
}

fn is_approval(a: Action) -> bool {
    matches!(
        a,
        Action::ApproveAppoint | Action::ApproveRemove | Action::ApproveResignation
    )
}

fn is_appointment(a: Action) -> bool {
    matches!(
        a,
        Action::DecideAppoint | Action::Appoint | Action::ApproveAppoint
    )
}

pub fn verdict(m: &Move) -> Verdict {
    let Some(action) = m.action else {
        return Verdict::Fits;
    };
    let Some(rule) = m.rule else {
        return if m.profiled {
            Verdict::UnknownPost
        } else {
            Verdict::Fits
        };
    };
    // 「决定任命X为…副市长、代理…市长职务」: the acting part is a decision the SC may take.
    let acting_decided = m.info.acting
        && rule.actions.contains(&Action::DecideActing)
        && matches!(action, Action::DecideAppoint | Action::DecideActing);
    if rule.actions.contains(&action) || acting_decided {
        Verdict::Fits
    } else if rule.contested.contains(&action) {
        Verdict::Contested
    } else if is_approval(action) && !rule.approval {
        Verdict::NotForApproval
    } else if rule.chair && is_appointment(action) {
        Verdict::Chair
    } else if rule.elected && is_appointment(action) && !m.info.acting {
        Verdict::ElectedPost
    } else {
        Verdict::Wrong
    }
}

/// The actions a rule allows in the entry's direction, as printed in headings:
/// 「决定任命」 for an appointment, 「决定免去」或「决定撤销」 for a removal.
pub fn allowed(rule: &PostRule, action: Action) -> Option<String> {
    let appointing = |a: &Action| {
        matches!(
            a,
            Action::DecideAppoint | Action::Appoint | Action::ApproveAppoint | Action::DecideActing
        )
    };
    let words: Vec<String> = rule
        .actions
        .iter()
        .filter(|a| appointing(a) == appointing(&action))
        .map(|a| format!("「{}」", a.words()))
        .collect();
    (!words.is_empty()).then(|| words.join("或"))
}

/// A person who leaves one post and takes another in the same document.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Transfer {
    pub person: String,
    /// 「transfer」 between institutions, 「promotion」 within one, 「swap」 when two people
    /// take each other's posts.
    pub kind: &'static str,
    pub appointed: Vec<PostRef>,
    pub removed: Vec<PostRef>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PostRef {
    pub post: String,
    pub span: Span,
    /// The notice's number, when it has one.
    pub notice: Option<u32>,
}

pub(super) fn transfers(model: &Model) -> Vec<Transfer> {
    let all = model.moves();
    // Each person's moves, in the order people first appear.
    let mut order: Vec<String> = Vec::new();
    let mut by_person: crate::hash::HashMap<String, Vec<&Move>> = crate::hash::HashMap::default();
    for m in all {
        let key = m.person_key();
        by_person
            .entry(key.clone())
            .or_insert_with(|| {
                order.push(key);
                Vec::new()
            })
            .push(m);
    }
    let post_ref = |m: &Move| PostRef {
        post: m.post.text.clone(),
        span: m.post.span,
        notice: m.notice.number,
    };
    let mut out: Vec<(Transfer, Vec<String>, Vec<String>)> = Vec::new();
    for key in &order {
        let mine = &by_person[key];
        let ins: Vec<&&Move> = mine
            .iter()
            .filter(|m| m.direction == Direction::In)
            .collect();
        let outs: Vec<&&Move> = mine
            .iter()
            .filter(|m| m.direction != Direction::In)
            .collect();
        if ins.is_empty() || outs.is_empty() {
            continue;
        }
        let same_institution = ins.iter().any(|i| {
            outs.iter()
                .any(|o| o.info.institution == i.info.institution)
        });
        out.push((
            Transfer {
                person: ins[0].person.name.text.clone(),
                kind: if same_institution {
                    "promotion"
                } else {
                    "transfer"
                },
                appointed: ins.iter().map(|m| post_ref(m)).collect(),
                removed: outs.iter().map(|m| post_ref(m)).collect(),
            },
            ins.iter().map(|m| m.info.key()).collect(),
            outs.iter().map(|m| m.info.key()).collect(),
        ));
    }
    // Two people who take each other's posts: index who left each post.
    let mut left: crate::hash::HashMap<&str, Vec<usize>> = crate::hash::HashMap::default();
    for (i, t) in out.iter().enumerate() {
        for post in &t.2 {
            left.entry(post.as_str()).or_default().push(i);
        }
    }
    let mut swaps = Vec::new();
    for (i, t) in out.iter().enumerate() {
        let swapped =
            t.1.iter()
                .flat_map(|p| left.get(p.as_str()).into_iter().flatten())
                .any(|&j| j != i && out[j].1.iter().any(|p| t.2.contains(p)));
        if swapped {
            swaps.push(i);
        }
    }
    for i in swaps {
        out[i].0.kind = "swap";
    }
    out.into_iter().map(|t| t.0).collect()
}

/// A move printed in a decision's title: 「关于接受张国智同志辞去重庆市人民政府副市长职务的决定」.
pub struct DecisionMove<'a> {
    pub notice: &'a Notice,
    /// The name as printed, and its span.
    pub person: String,
    pub person_span: Span,
    pub post: String,
    pub post_span: Span,
    pub info: PostInfo,
    pub direction: Direction,
    pub rule: Option<&'a PostRule>,
}

impl DecisionMove<'_> {
    pub fn person_key(&self) -> String {
        name_key(&self.person)
    }

    /// The post as the roster keys it: normalised, the issuer's region spelt out.
    pub fn full_post(&self) -> String {
        full_post(&self.info.key(), &issuer_region(&self.notice.issuer))
    }
}

/// The moves of every decision of the document whose title names one person and one post.
pub(super) fn decision_moves<'a>(model: &Model<'a>) -> Vec<DecisionMove<'a>> {
    let mut out = Vec::new();
    for notice in model.document.notices() {
        let NoticeBody::Decision(d) = &notice.body else {
            continue;
        };
        let Some(m) = d.title.as_ref().and_then(|t| t.decides.as_ref()) else {
            continue;
        };
        let direction = match m.action {
            TitleAction::AcceptResignation => Direction::Resign,
            TitleAction::Dismissal | TitleAction::Revocation => Direction::Out,
            TitleAction::Appointment => Direction::In,
        };
        let info = crate::domain::post::parse_post(&m.post.text, None);
        let rule = model
            .profile_for(&notice.issuer)
            .and_then(|p| p.rule(&info));
        out.push(DecisionMove {
            notice,
            person: m.person.text.clone(),
            person_span: m.person.span,
            post: m.post.text.clone(),
            post_span: m.post.span,
            info,
            direction,
            rule,
        });
    }
    out
}

/// What the whole run changes, keyed as the roster is (person key, full post): who leaves and
/// who takes which post (lists, decisions, posts lost with a deputy's mandate), and whose
/// mandate is confirmed or ends.
#[derive(Default)]
pub struct RunChanges {
    pub departures: crate::hash::HashSet<(String, String)>,
    pub arrivals: crate::hash::HashSet<(String, String)>,
    pub confirmed: crate::hash::HashSet<String>,
    pub terminated: crate::hash::HashSet<String>,
}

impl RunChanges {
    pub fn of<'m, 'a: 'm>(models: impl IntoIterator<Item = &'m Model<'a>>) -> RunChanges {
        use super::qualification::Restating;
        let mut c = RunChanges::default();
        for model in models {
            let listed = model
                .moves()
                .iter()
                .map(|m| (m.person_key(), m.full_post(), m.direction));
            let decided = model
                .decision_moves()
                .into_iter()
                .map(|m| (m.person_key(), m.full_post(), m.direction));
            for (person, post, direction) in listed.chain(decided) {
                match direction {
                    Direction::In => c.arrivals.insert((person, post)),
                    _ => c.departures.insert((person, post)),
                };
            }
            for q_model in model.qualifications() {
                let region = issuer_region(&q_model.notice.issuer);
                c.terminated
                    .extend(q_model.restated(Restating::Termination));
                c.confirmed
                    .extend(q_model.restated(Restating::Confirmation));
                for q in &q_model.consequences {
                    let infos = parse_posts(q.holding.posts.iter().map(|p| p.text.as_str()));
                    for info in infos {
                        for &h in &q.holders {
                            c.departures.insert((
                                q_model.introductions[h].key.clone(),
                                full_post(&info.key(), &region),
                            ));
                        }
                    }
                }
            }
        }
        c
    }

    pub fn leaves(&self, person: &str, post: &str) -> bool {
        self.departures
            .contains(&(person.to_string(), post.to_string()))
    }

    pub fn takes(&self, person: &str, post: &str) -> bool {
        self.arrivals
            .contains(&(person.to_string(), post.to_string()))
    }
}

/// Whether a post ends with its holder's mandate as a deputy: membership of the standing
/// committee (not of its working bodies) and of the special committees.
pub fn lost_with_mandate(info: &PostInfo, rule: Option<&PostRule>) -> bool {
    rule.is_some_and(|r| r.deputy_only) || info.institution.ends_with("人民代表大会常务委员会")
}
