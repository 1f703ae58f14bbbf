//! Rolling a roster forward through notices: what each notice changes, in date and number
//! order. The model says what a notice means (who is confirmed or terminated,
//! who takes or leaves which post), so the roster and the rules never disagree on a reading.

use crate::ast::{Notice, NoticeBody};
use crate::model::names::issuer_region;
use crate::model::personnel::Direction;
use crate::model::qualification::{name_key, Figure, QualificationModel, Restating};
use crate::model::Model;
use crate::source::LineIndex;

use super::{
    congress_name, congress_of_issuer, full_post, parse_congress_name, CongressRecord, Office,
    Roster,
};

/// What applying did, line by line, for the person who runs it.
#[derive(Debug, Default)]
pub struct ApplyLog {
    pub applied: Vec<String>,
    /// Text the grammar could not read, and changes that could not be made.
    pub skipped: Vec<String>,
    /// Changes the roster file could not hold (the loader would refuse them), each with the
    /// notice line it comes from: a roster with any of them must not be written.
    pub refused: Vec<String>,
}

/// One checked file as the roster reads it: what its notices mean, and where their lines are
/// (for the log).
pub struct Page<'a> {
    pub path: &'a str,
    pub lines: &'a LineIndex,
    pub model: Model<'a>,
}

impl Page<'_> {
    fn at(&self, offset: usize) -> String {
        let line = self.lines.position(self.model.source, offset).line;
        format!("{}:{line}", self.path)
    }
}

/// The notices of a run in the order they take effect: by date, then number.
pub fn chronological<'a>(pages: &[Page<'a>]) -> Vec<(usize, &'a Notice)> {
    let mut all: Vec<(usize, &Notice)> = pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.model.document.notices().map(move |n| (i, n)))
        .collect();
    all.sort_by_key(|(file, n)| (n.date().is_none(), n.date(), n.number, *file, n.span.start));
    all
}

/// The notices of `pages` the roster has already taken in: numbered at or below its
/// congress's `last_notice`. Applying them again would count their changes twice.
pub fn already_applied(roster: &Roster, pages: &[Page]) -> Vec<String> {
    let mut out = Vec::new();
    for (file, notice) in chronological(pages) {
        let Some(n) = notice.number else { continue };
        let Some(last) = roster
            .congress(&congress_of_issuer(&notice.issuer), notice.term)
            .and_then(|c| c.last_notice)
        else {
            continue;
        };
        if n <= last {
            out.push(format!(
                "{} 第{n}号公告已经应用过（名册 last_notice = {last}）/ notice {n} already applied (last_notice = {last})",
                pages[file].at(notice.span.start)
            ));
        }
    }
    out
}

/// Applies every notice of `pages` to `roster`.
pub fn apply(roster: &mut Roster, pages: &[Page]) -> ApplyLog {
    let mut log = ApplyLog::default();
    for (file, notice) in chronological(pages) {
        let page = &pages[file];
        let at = |offset: usize| page.at(offset);
        for u in &notice.unrecognised {
            let text: String = page.model.source[u.span.start..u.span.end]
                .chars()
                .take(40)
                .collect();
            log.skipped.push(format!(
                "{} 无法识别，未应用 / not read, not applied: 「{}」",
                at(u.span.start),
                text.trim()
            ));
        }
        let region = issuer_region(&notice.issuer);
        match &notice.body {
            NoticeBody::Qualification(_) => {
                if let Some(model) = QualificationModel::of(notice) {
                    qualification(roster, &model, &region, &at, &mut log);
                }
            }
            NoticeBody::Personnel(_) => {
                for m in page
                    .model
                    .moves()
                    .iter()
                    .filter(|m| std::ptr::eq(m.notice, notice))
                {
                    let place = at(m.post.span.start);
                    post_change(
                        roster,
                        &m.person.name.text,
                        m.full_post(),
                        m.info.acting,
                        m.direction,
                        &place,
                        &mut log,
                    );
                }
            }
            NoticeBody::Decision(_) => {
                for m in page
                    .model
                    .decision_moves()
                    .iter()
                    .filter(|m| std::ptr::eq(m.notice, notice))
                {
                    let place = at(m.post_span.start);
                    post_change(
                        roster,
                        &m.person,
                        m.full_post(),
                        m.info.acting,
                        m.direction,
                        &place,
                        &mut log,
                    );
                }
            }
        }
        if let Some(n) = notice.number {
            if let Some(c) = roster.congress_mut(&congress_of_issuer(&notice.issuer), notice.term) {
                c.last_notice = Some(c.last_notice.map_or(n, |l| l.max(n)));
            }
        }
    }
    log
}

fn post_change(
    roster: &mut Roster,
    name: &str,
    post: String,
    acting: bool,
    direction: Direction,
    place: &str,
    log: &mut ApplyLog,
) {
    let holder = name_key(name);
    match direction {
        Direction::In => {
            if let Some(problem) = super::post_problem(&post).or_else(|| super::name_problem(name))
            {
                log.refused.push(format!("{place} {problem}"));
                return;
            }
            let office = Office {
                post,
                holder,
                acting,
            };
            if !roster.offices.contains(&office) {
                log.applied.push(format!(
                    "{place} {} 担任 / holds {}{}",
                    office.holder,
                    if acting { "（代理）" } else { "" },
                    office.post
                ));
                roster.offices.push(office);
            }
        }
        Direction::Out | Direction::Resign => {
            let before = roster.offices.len();
            roster
                .offices
                .retain(|o| !(o.holder == holder && o.post == post));
            if roster.offices.len() < before {
                log.applied
                    .push(format!("{place} {holder} 不再担任 / leaves {post}"));
            } else {
                log.applied.push(format!(
                    "{place} {holder} 不再担任 / leaves {post}（名册中原无此记录 / not in the roster）"
                ));
            }
        }
    }
}

fn qualification(
    roster: &mut Roster,
    model: &QualificationModel,
    region: &str,
    at: &dyn Fn(usize) -> String,
    log: &mut ApplyLog,
) {
    let notice = model.notice;
    // The congress the printed total names, else the issuer's.
    let named = model.figures.iter().find_map(|f| match f {
        Figure::Total {
            congress: Some(c), ..
        } => parse_congress_name(&c.text),
        _ => None,
    });
    let (body, term) = match named {
        Some((body, term)) => (body, term.or(notice.term)),
        None => (congress_of_issuer(&notice.issuer), notice.term),
    };
    let place = at(model
        .final_total()
        .map_or(notice.span.start, |n| n.span.start));
    if roster.congress(&body, term).is_none() {
        if let Some(problem) = super::congress_problem(&congress_name(&body, term)) {
            log.refused.push(format!("{place} {problem}"));
            return;
        }
        roster.congresses.push(CongressRecord {
            name: congress_name(&body, term),
            body: body.clone(),
            term,
            seated: None,
            deputies: Vec::new(),
            last_notice: None,
        });
    }
    let terminated = model.restated(Restating::Termination);
    let confirmed = model.restated(Restating::Confirmation);
    let change: i64 = model
        .figures
        .iter()
        .map(|f| match f {
            Figure::Change { delta, .. } => *delta,
            _ => 0,
        })
        .sum();
    let total = model.final_total().map(|n| n.value);
    let record = roster
        .congress_mut(&body, term)
        .expect("the congress was added above");
    let before = record.seated;
    record.seated = match (total, before) {
        (Some(t), _) => Some(t),
        (None, Some(s)) => Some(u32::try_from((i64::from(s) + change).max(0)).unwrap_or(0)),
        (None, None) => None,
    };
    let show = |n: Option<u32>| n.map_or("?".to_string(), |n| n.to_string());
    log.applied.push(format!(
        "{place} {}：实有代表 / seated {} → {}",
        record.name,
        show(before),
        show(record.seated)
    ));
    record.deputies.retain(|d| !terminated.contains(d));
    for c in confirmed {
        if let Some(problem) = super::name_problem(&c) {
            log.refused.push(format!("{place} {problem}"));
        } else if !record.deputies.contains(&c) {
            record.deputies.push(c);
        }
    }
    if let Some(problem) = super::seats_problem(record.deputies.len(), record.seated) {
        log.refused
            .push(format!("{place} {}：{problem}", record.name));
    }
    for c in &model.consequences {
        let holders: Vec<String> = c
            .holders
            .iter()
            .map(|&i| model.introductions[i].key.clone())
            .collect();
        let infos =
            crate::domain::post::parse_posts(c.holding.posts.iter().map(|p| p.text.as_str()));
        for info in infos {
            let post = full_post(&info.key(), region);
            for h in &holders {
                let place = at(c.clause.span.start);
                post_change(roster, h, post.clone(), false, Direction::Out, &place, log);
            }
        }
    }
}
