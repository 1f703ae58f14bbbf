//! The meaning of a deputy-qualification notice, lowered from its tree: who is introduced on
//! which ground, which later clause restates whom, and the numbers it prints.
//!
//! A notice introduces people in *ground* clauses (补选, 辞去, 罢免, 调离, 去世 …) and restates
//! them in *consequence* clauses (…的代表资格终止, 确认…的代表资格有效, 其…职务相应终止). The
//! model resolves every restatement (including 「其」, 「他们」 and 「等7人」) against the
//! introductions still open, so that rules compare sets of people, not strings.

use crate::ast::*;

pub use super::names::name_key;

/// Why a deputy is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ground {
    /// 补选 / 选举 / 选出 (the mandate begins once confirmed)
    Elected,
    /// 递补
    Substituted,
    /// 接受…辞去
    Resigned,
    /// 罢免
    Recalled,
    /// 调离 / 迁出
    Transferred,
    /// 去世 / 逝世 / 遇害
    Died,
    /// 被判处…并处剥夺政治权利
    Deprived,
    /// 被逮捕 / 羁押 / 判处 without deprivation (suspends, does not end the mandate)
    Detained,
    /// Listed with a reason in parentheses that is none of the above.
    Other,
}

impl Ground {
    pub fn ends_mandate(self) -> bool {
        !matches!(self, Ground::Elected | Ground::Substituted)
    }
    pub fn zh(self) -> &'static str {
        match self {
            Ground::Elected => "补选",
            Ground::Substituted => "递补",
            Ground::Resigned => "辞职",
            Ground::Recalled => "罢免",
            Ground::Transferred => "调离",
            Ground::Died => "去世",
            Ground::Deprived => "被剥夺政治权利",
            Ground::Detained => "被羁押或判刑",
            Ground::Other => "其他原因",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Ground::Elected => "by-election",
            Ground::Substituted => "substitution",
            Ground::Resigned => "resignation",
            Ground::Recalled => "recall",
            Ground::Transferred => "transfer",
            Ground::Died => "death",
            Ground::Deprived => "deprivation of political rights",
            Ground::Detained => "detention or sentence",
            Ground::Other => "another ground",
        }
    }
    /// The ground of an event the grammar named (「李江（辞职）」, 「辞去代表职务的代表1名」).
    fn of_event(event: Option<EndingEvent>) -> Ground {
        match event {
            Some(EndingEvent::Resigned) => Ground::Resigned,
            Some(EndingEvent::Transferred) => Ground::Transferred,
            Some(EndingEvent::Recalled) => Ground::Recalled,
            Some(EndingEvent::Died) => Ground::Died,
            None => Ground::Other,
        }
    }
}

/// A person introduced by a ground clause.
#[derive(Debug, Clone)]
pub struct Introduction<'a> {
    pub key: String,
    pub person: &'a Person,
    pub ground: Ground,
    /// The clause that introduces them.
    pub clause: Span,
    /// Listed under 「出缺N名：」 (四川 2013: 「成都郝润生（调离），…」): the vacancy itself states
    /// that the mandate ended, so no 「…的代表资格终止」 need follow.
    pub vacated: bool,
}

/// What a restating clause does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restating {
    /// …的代表资格终止 (with 自行/自然 when printed)
    Termination,
    /// 确认…的代表资格有效
    Confirmation,
}

/// A clause that restates people introduced before it.
#[derive(Debug, Clone)]
pub struct Restatement<'a> {
    pub kind: Restating,
    pub clause: &'a Clause,
    /// The names as printed in the clause (empty for 「其」「他们」 or no subject).
    pub named: Vec<&'a Person>,
    /// 「等7人」, 「2987名代表」
    pub count: Option<Number>,
    /// 自行 / 自然
    pub mode: Option<&'a Text>,
    /// The introductions this clause covers (indices into `introductions`).
    pub covers: Vec<usize>,
    /// Names printed here that no open introduction has.
    pub strangers: Vec<&'a Person>,
    /// Names printed here whose introduction an earlier clause of the same kind already
    /// restated (terminated or confirmed twice), with that introduction.
    pub repeats: Vec<(&'a Person, usize)>,
    /// How many introductions were open when this clause came (for 「等7人」).
    pub open_before: usize,
}

/// 其…职务相应终止: the holders, resolved.
#[derive(Debug, Clone)]
pub struct Consequence<'a> {
    pub clause: &'a Clause,
    pub consequence: ConsequenceKind,
    pub consequence_span: Span,
    pub holding: &'a Holding,
    /// The introductions the holding refers to (by name or through 「其」).
    pub holders: Vec<usize>,
    /// Holders named here who are not terminated in the notice.
    pub strangers: Vec<&'a Person>,
}

/// A number the notice prints about its deputies, in text order.
#[derive(Debug, Clone)]
pub enum Figure<'a> {
    Quota(Number),
    /// 「…会议时实有代表768名」 (count possibly in the next clause).
    Baseline {
        count: Number,
        span: Span,
    },
    /// A change: −n for terminations, +n for confirmations; `clause` is the clause stating it.
    Change {
        delta: i64,
        clause: &'a Clause,
    },
    Total {
        count: Number,
        unit: &'a Text,
        congress: Option<&'a Congress>,
        clause: &'a Clause,
    },
    /// 尚缺 / 缺额 / 机动 after a total or baseline.
    Vacancy {
        word: &'a Text,
        count: Number,
    },
}

pub struct QualificationModel<'a> {
    pub notice: &'a Notice,
    pub introductions: Vec<Introduction<'a>>,
    pub restatements: Vec<Restatement<'a>>,
    pub consequences: Vec<Consequence<'a>>,
    pub figures: Vec<Figure<'a>>,
    /// Spans of clauses the grammar could not read (GZ003): rules stay silent about what
    /// might be hidden in them.
    pub unreadable: Vec<Span>,
    /// Ground clauses whose persons a later clause could not be matched to.
    pub clauses: Vec<&'a Clause>,
}

impl<'a> QualificationModel<'a> {
    /// The models of every qualification notice of a document.
    pub fn all(document: &'a Document) -> impl Iterator<Item = QualificationModel<'a>> {
        document.notices().filter_map(QualificationModel::of)
    }

    pub fn of(notice: &'a Notice) -> Option<QualificationModel<'a>> {
        let NoticeBody::Qualification(body) = &notice.body else {
            return None;
        };
        let clauses: Vec<&Clause> = body.paragraphs.iter().flat_map(|p| &p.clauses).collect();
        let mut m = QualificationModel {
            notice,
            introductions: Vec::new(),
            restatements: Vec::new(),
            consequences: Vec::new(),
            figures: Vec::new(),
            unreadable: notice
                .unrecognised
                .iter()
                .filter(|u| u.context == SyntaxContext::DeputyClause)
                .map(|u| u.span)
                .collect(),
            clauses: clauses.clone(),
        };
        m.build(&clauses);
        Some(m)
    }

    /// Introductions not yet restated by a clause of `kind`.
    fn open(&self, kind: Restating) -> Vec<usize> {
        // A flag per introduction: `contains` on the list of the restated made this quadratic.
        let mut restated = vec![false; self.introductions.len()];
        for r in self.restatements.iter().filter(|r| r.kind == kind) {
            for &i in &r.covers {
                if let Some(flag) = restated.get_mut(i) {
                    *flag = true;
                }
            }
        }
        (0..self.introductions.len())
            .filter(|&i| !restated[i])
            .filter(|&i| {
                let g = self.introductions[i].ground;
                match kind {
                    Restating::Termination => g.ends_mandate(),
                    Restating::Confirmation => !g.ends_mandate(),
                }
            })
            .collect()
    }

    fn introduce(&mut self, person: &'a Person, ground: Ground, clause: &'a Clause) {
        self.introductions.push(Introduction {
            key: name_key(&person.name.text),
            person,
            ground,
            clause: clause.span,
            vacated: false,
        });
    }

    /// The subject of a clause that prints none: the persons of the topic clause before it
    /// (「市六届人大代表裘春燕因工作岗位变动，向原选举单位提出辞职请求并被接受」).
    fn subject_or_topic<'p>(persons: Vec<&'p Person>, topic: &[&'p Person]) -> Vec<&'p Person> {
        if persons.is_empty() {
            topic.to_vec()
        } else {
            persons
        }
    }

    fn build(&mut self, clauses: &[&'a Clause]) {
        // The subject named before a sentence that has none (「宋海涛同志，于…突发心脏病，经抢救无效逝世」).
        let mut topic: Vec<&'a Person> = Vec::new();
        // The ground announced by a count-first clause, for the 「即…」 that follows.
        let mut count_first: Option<Ground> = None;
        let mut pending_baseline: Option<Span> = None;
        // 「出缺14名：」 announces that the listing after it ends mandates.
        let mut outflow = false;
        // Listings of vacated deputies: (index of their change figure, their introductions).
        let mut vacated: Vec<(usize, std::ops::Range<usize>)> = Vec::new();
        let mut previous: Option<&'a Fact> = None;
        for &clause in clauses {
            let Some(fact) = &clause.fact else { continue };
            let this = Some(fact);
            match fact {
                Fact::Designated { deputies } => {
                    // Several topics in a row share the event that follows them (黄石 2019).
                    if !matches!(previous, Some(Fact::Designated { .. })) {
                        topic.clear();
                    }
                    topic.extend(deputies.iter().map(|d| &d.person));
                }
                Fact::Election { items, .. } => {
                    for p in items.iter().flat_map(|i| &i.persons) {
                        self.introduce(p, Ground::Elected, clause);
                    }
                }
                Fact::ElectionBreakdown { persons, .. } => {
                    for p in persons {
                        self.introduce(p, Ground::Elected, clause);
                    }
                }
                Fact::Substitution { persons, .. } => {
                    for p in persons {
                        self.introduce(p, Ground::Substituted, clause);
                    }
                }
                Fact::Resignation {
                    persons, pronoun, ..
                } => {
                    let named: Vec<&'a Person> = persons.iter().collect();
                    let persons = if pronoun.is_some() {
                        named
                    } else {
                        Self::subject_or_topic(named, &topic)
                    };
                    for p in persons {
                        self.introduce(p, Ground::Resigned, clause);
                    }
                }
                Fact::Recall { persons, .. } => {
                    for p in persons {
                        self.introduce(p, Ground::Recalled, clause);
                    }
                }
                Fact::Transfer { deputies, .. } => {
                    let named = deputies.iter().map(|d| &d.person).collect();
                    for p in Self::subject_or_topic(named, &topic) {
                        self.introduce(p, Ground::Transferred, clause);
                    }
                }
                Fact::Death { deputies, .. } | Fact::Illness { deputies } => {
                    let persons: Vec<&'a Person> = if deputies.is_empty() {
                        topic.clone()
                    } else {
                        deputies.iter().map(|d| &d.person).collect()
                    };
                    // 「突发心脏病，经抢救无效逝世」: one death, stated over two clauses.
                    for p in persons {
                        let key = name_key(&p.name.text);
                        let known = self
                            .introductions
                            .iter()
                            .any(|i| i.key == key && i.ground == Ground::Died);
                        if !known {
                            self.introduce(p, Ground::Died, clause);
                        }
                    }
                }
                Fact::Detention {
                    deputies, deprived, ..
                } => {
                    let ground = match deprived {
                        Some(_) => Ground::Deprived,
                        None => Ground::Detained,
                    };
                    for d in deputies {
                        self.introduce(&d.person, ground, clause);
                    }
                    topic = deputies.iter().map(|d| &d.person).collect();
                }
                Fact::Deprivation { .. } => {
                    // 「被判处…，并处剥夺政治权利」: the sentence ends the mandate after all.
                    let keys: Vec<String> = topic.iter().map(|p| name_key(&p.name.text)).collect();
                    for i in self.introductions.iter_mut() {
                        if i.ground == Ground::Detained && keys.contains(&i.key) {
                            i.ground = Ground::Deprived;
                        }
                    }
                }
                Fact::ListedDeputies { deputies, reasons } => {
                    let first = self.introductions.len();
                    for (d, reason) in deputies.iter().zip(reasons) {
                        self.introduce(&d.person, Ground::of_event(*reason), clause);
                    }
                    if outflow {
                        for i in &mut self.introductions[first..] {
                            i.vacated = i.ground.ends_mandate();
                        }
                        let end = self.introductions.len();
                        // One listing runs over several clauses (「成都郝润生（调离），绵阳…」):
                        // one change for all of it, as 「出缺14名」 counts it.
                        match vacated.last_mut() {
                            Some((figure, range)) if *figure + 1 == self.figures.len() => {
                                range.end = end;
                            }
                            _ => {
                                vacated.push((self.figures.len(), first..end));
                                self.figures.push(Figure::Change { delta: 0, clause });
                            }
                        }
                    }
                }
                Fact::CountFirst { kind, .. } => {
                    count_first = Some(Ground::of_event(Some(*kind)));
                }
                Fact::Enumeration { deputies } => {
                    let ground = count_first.unwrap_or(Ground::Other);
                    for d in deputies {
                        self.introduce(&d.person, ground, clause);
                    }
                }
                Fact::Termination {
                    persons,
                    pronoun,
                    count,
                    mode,
                    ..
                } => {
                    let r = self.restate(
                        Restating::Termination,
                        clause,
                        persons,
                        pronoun.is_some(),
                        *count,
                        mode.as_ref(),
                    );
                    // The names listed count; a count word that disagrees with them is GZ206's.
                    let delta = if !persons.is_empty() {
                        persons.len() as i64
                    } else {
                        count.map_or(r.covers.len() as i64, |c| i64::from(c.value))
                    };
                    self.figures.push(Figure::Change {
                        delta: -delta,
                        clause,
                    });
                    self.restatements.push(r);
                }
                Fact::Confirmation { persons, count, .. } => {
                    let r = self.restate(
                        Restating::Confirmation,
                        clause,
                        persons,
                        false,
                        *count,
                        None,
                    );
                    let delta = if persons.is_empty() {
                        count.map_or(r.covers.len() as i64, |c| i64::from(c.value))
                    } else {
                        persons.len() as i64
                    };
                    self.figures.push(Figure::Change { delta, clause });
                    self.restatements.push(r);
                }
                Fact::ConsequentialLoss {
                    holdings,
                    consequence,
                    consequence_span,
                } => {
                    for holding in holdings {
                        let c = self.consequence(clause, holding, *consequence, *consequence_span);
                        self.consequences.push(c);
                    }
                }
                Fact::Quota { count, .. } => self.figures.push(Figure::Quota(*count)),
                Fact::Baseline { count, meeting } => match count {
                    Some(c) => self.figures.push(Figure::Baseline {
                        count: *c,
                        span: meeting.span.cover(c.span),
                    }),
                    None => pending_baseline = Some(meeting.span),
                },
                Fact::SeatedTotal {
                    count,
                    congress,
                    unit,
                    ..
                } => match pending_baseline.take() {
                    // 「…一次会议时，实有代表768名」: the count of the baseline, in its own clause.
                    Some(span) => self.figures.push(Figure::Baseline {
                        count: *count,
                        span: span.cover(count.span),
                    }),
                    None => self.figures.push(Figure::Total {
                        count: *count,
                        unit,
                        congress: congress.as_ref(),
                        clause,
                    }),
                },
                Fact::Vacancy { word, .. } if word.text == "出缺" => outflow = true,
                Fact::Vacancy { word, count } => self.figures.push(Figure::Vacancy {
                    word,
                    count: *count,
                }),
                _ => {}
            }
            previous = this;
        }
        // Vacated deputies are counted where they are listed (「出缺14名：…」), also when a
        // termination clause restates them after (湖南 2013: 「…等5人的…代表资格终止」).
        for (figure, range) in &vacated {
            let ended = range
                .clone()
                .filter(|i| self.introductions[*i].vacated)
                .count();
            if let Figure::Change { delta, .. } = &mut self.figures[*figure] {
                *delta = -(ended as i64);
            }
        }
        for r in self
            .restatements
            .iter()
            .filter(|r| r.kind == Restating::Termination)
        {
            let counted = r
                .covers
                .iter()
                .filter(|&&i| self.introductions[i].vacated)
                .count() as i64;
            if counted == 0 {
                continue;
            }
            for f in &mut self.figures {
                if let Figure::Change { delta, clause } = f {
                    if std::ptr::eq(*clause, r.clause) && *delta < 0 {
                        *delta = (*delta + counted).min(0);
                    }
                }
            }
        }
        self.figures
            .retain(|f| !matches!(f, Figure::Change { delta: 0, .. }));
    }

    fn restate(
        &self,
        kind: Restating,
        clause: &'a Clause,
        persons: &'a [Person],
        _pronoun: bool,
        count: Option<Number>,
        mode: Option<&'a Text>,
    ) -> Restatement<'a> {
        let open = self.open(kind);
        let open_before = open.len();
        let mut covers = Vec::new();
        let mut strangers = Vec::new();
        let mut repeats = Vec::new();
        if persons.is_empty() {
            // 「他们的代表资格终止」, 「其…」, 「代表资格自行终止」, 「2987名代表的代表资格全部有效」.
            covers = open;
        } else {
            // The introductions by name, each list in order: the open ones (those not yet
            // restated) and all of them. Looking names up here instead of scanning every
            // introduction for every person keeps a list of thousands of names linear.
            let mut open_by_key: crate::hash::HashMap<&str, Vec<usize>> =
                crate::hash::HashMap::default();
            for &i in &open {
                open_by_key
                    .entry(self.introductions[i].key.as_str())
                    .or_default()
                    .push(i);
            }
            let mut all_by_key: crate::hash::HashMap<&str, Vec<usize>> =
                crate::hash::HashMap::default();
            for (i, intro) in self.introductions.iter().enumerate() {
                all_by_key.entry(intro.key.as_str()).or_default().push(i);
            }
            let mut covered = vec![false; self.introductions.len()];
            for p in persons {
                let key = name_key(&p.name.text);
                // 王军（黑龙江） and 王军（北京） are two people; a bare 王军 may be either.
                let same = |i: usize| match (
                    &self.introductions[i].person.disambiguator,
                    &p.disambiguator,
                ) {
                    (Some(a), Some(b)) => a.text == b.text,
                    _ => true,
                };
                let open_match = open_by_key.get(key.as_str()).and_then(|candidates| {
                    candidates.iter().copied().find(|&i| !covered[i] && same(i))
                });
                if let Some(i) = open_match {
                    covered[i] = true;
                    covers.push(i);
                } else if let Some(i) = all_by_key
                    .get(key.as_str())
                    .and_then(|candidates| candidates.iter().copied().find(|&i| same(i)))
                {
                    repeats.push((p, i));
                } else {
                    strangers.push(p);
                }
            }
        }
        Restatement {
            kind,
            clause,
            named: persons.iter().collect(),
            count,
            mode,
            covers,
            strangers,
            repeats,
            open_before,
        }
    }

    fn consequence(
        &self,
        clause: &'a Clause,
        holding: &'a Holding,
        consequence: ConsequenceKind,
        consequence_span: Span,
    ) -> Consequence<'a> {
        let terminated: Vec<usize> = self
            .restatements
            .iter()
            .filter(|r| r.kind == Restating::Termination)
            .flat_map(|r| r.covers.iter().copied())
            .collect();
        let mut holders = Vec::new();
        let mut strangers = Vec::new();
        if holding.holders.is_empty() {
            // 「其」: the person or people of the last termination clause.
            if let Some(last) = self
                .restatements
                .iter()
                .rev()
                .find(|r| r.kind == Restating::Termination)
            {
                holders = last.covers.clone();
            }
        } else {
            for p in &holding.holders {
                let key = name_key(&p.name.text);
                match terminated
                    .iter()
                    .find(|&&i| self.introductions[i].key == key)
                {
                    Some(&i) => holders.push(i),
                    None => strangers.push(p),
                }
            }
        }
        Consequence {
            clause,
            consequence,
            consequence_span,
            holding,
            holders,
            strangers,
        }
    }

    /// Whether a clause the grammar could not read might itself confirm or terminate someone
    /// (such clauses end in 有效 or 终止): only then can the notice's arithmetic be short.
    pub fn hides_changes(&self, source: &str) -> bool {
        self.hidden_change(source).is_some()
    }

    /// The first unread clause that might confirm or terminate someone.
    pub fn hidden_change(&self, source: &str) -> Option<Span> {
        self.unreadable.iter().copied().find(|u| {
            let text = source.get(u.start..u.end).unwrap_or("");
            text.contains("终止") || text.contains("有效")
        })
    }

    /// Every terminated introduction with the clause that terminates it (by its index in
    /// `introductions`, which consequences refer to).
    pub fn terminations(&self) -> impl Iterator<Item = (&Restatement<'a>, usize)> + '_ {
        self.restatements
            .iter()
            .filter(|r| r.kind == Restating::Termination)
            .flat_map(|r| r.covers.iter().map(move |&i| (r, i)))
    }

    /// Everyone a clause of `kind` restates (terminates or confirms), by name key: those it
    /// resolved to an introduction and those it names without one.
    pub fn restated(&self, kind: Restating) -> Vec<String> {
        self.restatements
            .iter()
            .filter(|r| r.kind == kind)
            .flat_map(|r| {
                r.covers
                    .iter()
                    .map(|&i| self.introductions[i].key.clone())
                    .chain(r.strangers.iter().map(|p| name_key(&p.name.text)))
            })
            .collect()
    }

    /// The last printed total, if any.
    pub fn final_total(&self) -> Option<&Number> {
        self.figures.iter().rev().find_map(|f| match f {
            Figure::Total { count, .. } => Some(count),
            _ => None,
        })
    }

    /// Whether the notice states its own starting point (a baseline).
    pub fn has_baseline(&self) -> bool {
        self.figures
            .iter()
            .any(|f| matches!(f, Figure::Baseline { .. }))
    }
}
