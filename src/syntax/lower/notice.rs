//! A notice: its header, number and kind, and the builder that reads its lines in order
//! (qualification prose, personnel sections, decisions and their titles).

use super::*;

/// Lowers a notice whose pairs come from a parse of `source[base..]`.
pub(super) fn lower_notice(source: &str, base: usize, pair: P) -> Notice {
    let at = |s: pest::Span| Span::new(base + s.start(), base + s.end());
    let span = at(pair.as_span());
    let mut markup = Vec::new();
    let mut lines = Vec::new();
    let mut header = None;
    let mut news_heading = None;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::notice_header => header = Some(part),
            Rule::news_list_header => {
                let s = at(part.as_span());
                if let Some((marker, content)) = split_line(source, s) {
                    markup.extend(marker);
                    news_heading = Some(content);
                    // 「会议决定任命：」: what follows 会议 heads the first section.
                    let verb = content.start + "会议".len();
                    let heading = Span::new(verb, content.end);
                    let words = &source[heading.start..heading.end];
                    if words.trim_end_matches(['：', ':']) != "决定" {
                        lines.push(Line {
                            content: heading,
                            class: LineClass::Section,
                        });
                    }
                }
            }
            Rule::notice_line
            | Rule::decision_line
            | Rule::closing_block
            | Rule::press_lead
            | Rule::news_list_line
            | Rule::decision_header => {
                let sub: Vec<Span> = match part.as_rule() {
                    Rule::closing_block => {
                        part.clone().into_inner().map(|l| at(l.as_span())).collect()
                    }
                    // A stand-alone decision's issuer and title lines are read as the lines
                    // of a decision inside a 公告 are.
                    Rule::decision_header | Rule::news_list_line => {
                        line_spans(source, at(part.as_span()))
                    }
                    _ => vec![at(part.as_span())],
                };
                for s in sub {
                    if let Some((marker, content)) = split_line(source, s) {
                        markup.extend(marker);
                        // Comments (「<!-- … -->」) and directives (「# gazette-ignore …」) are
                        // layout for the tools, not text of the notice.
                        let text = &source[content.start..content.end];
                        if (text.starts_with("<!--") && text.ends_with("-->"))
                            || (marker.is_some() && text.starts_with("gazette-ignore"))
                        {
                            markup.push(content);
                            continue;
                        }
                        lines.push(Line {
                            content,
                            class: classify(&source[content.start..content.end]),
                        });
                    }
                }
            }
            _ => {}
        }
    }
    let mut header_press = Vec::new();
    let header = header.map(|h| lower_header(base, h, &mut markup, &mut header_press));
    // A news report's 「会议决定：」 is the list's heading: no issuer, its words as the title.
    let heading = news_heading.unwrap_or(Span::new(span.start, span.start));
    let header = header.unwrap_or_else(|| NoticeHeader {
        span: heading,
        issuer: Text {
            text: String::new(),
            span: Span::new(span.start, span.start),
        },
        issuer_term: None,
        title_word: Text {
            text: source[heading.start..heading.end].to_string(),
            span: heading,
        },
        number: None,
    });

    let kind = notice_kind(source, &header, &lines);
    let mut b = NoticeBuilder {
        source,
        unrecognised: Vec::new(),
        press: header_press,
        adoption: None,
        closing: Closing::default(),
    };

    let body = match kind {
        NoticeKind::Decision => NoticeBody::Decision(b.decision(&lines)),
        NoticeKind::Personnel => NoticeBody::Personnel(b.personnel(&lines)),
        NoticeKind::Qualification | NoticeKind::ByElection => {
            NoticeBody::Qualification(b.qualification(&lines))
        }
    };
    // A by-election notice is written in the clauses of a qualification notice; what makes it
    // one is the call itself.
    let calls_by_election = |body: &NoticeBody| match body {
        NoticeBody::Qualification(q) => q
            .paragraphs
            .iter()
            .flat_map(|p| &p.clauses)
            .any(|c| matches!(c.fact, Some(Fact::ByElectionCall { .. }))),
        _ => false,
    };
    // Text printed twice over, or a fixed word cut short, is broken wherever it stands: in a
    // line the grammar read (a region takes 「宁远县人宁远县人」 as two place names), in a
    // header, a title, a date or a decision's prose. Lines already reported as broken are left
    // to that finding. A line reported only as a wording not recognised is looked at too: the
    // lost or doubled text is the better account of why it did not read (「朝阳区人民代表大委员会
    // 决定…」 has no actor because 「会常务」 was lost); both are kept (the clause stays unread for
    // the model), and GZ003 tells the broken text.
    for content in lines
        .iter()
        .map(|l| l.content)
        .chain(line_spans(source, header.span))
    {
        let on_line = |u: &Unrecognised| u.span.start < content.end && content.start < u.span.end;
        let broken =
            |u: &Unrecognised| on_line(u) && !matches!(u.cause, Unreadable::UnknownWording);
        if content.is_empty() || b.unrecognised.iter().any(broken) {
            continue;
        }
        let text = &source[content.start..content.end];
        // What is found on the line, in the line's offsets, as the notice's record.
        let shift = |s: Span| Span::new(content.start + s.start, content.start + s.end);
        let problem = |at: Span, expected_zh: String, expected_en: String, cause| Unrecognised {
            span: content,
            at: shift(at),
            expected_zh,
            expected_en,
            context: SyntaxContext::NoticeLine,
            cause,
        };
        let found = if let Some((cut, word)) = cut_word(text) {
            let expected = format!("「{word}」");
            Some(problem(
                cut,
                expected.clone(),
                expected,
                Unreadable::CutWord { word },
            ))
        } else if let Some(at) = meeting_without_decision(text) {
            let expected = "「决定：」".to_string();
            Some(problem(
                at,
                expected.clone(),
                expected,
                Unreadable::UnknownWording,
            ))
        } else if let Some((at, zh, en)) = broken_formula(text) {
            Some(problem(
                at,
                zh.into(),
                en.into(),
                Unreadable::UnknownWording,
            ))
        } else {
            repeated_at_once(text).map(|(first, second)| {
                let cause = Unreadable::Doubled {
                    first: shift(first),
                    second: shift(second),
                };
                problem(
                    second,
                    "不重复的文字".into(),
                    "no repeated text".into(),
                    cause,
                )
            })
        };
        b.unrecognised.extend(found);
    }
    let kind = if calls_by_election(&body) {
        NoticeKind::ByElection
    } else {
        kind
    };

    let number = header.number.as_ref();
    let term = number
        .and_then(|n| n.term)
        .or(header.issuer_term)
        .map(|t| t.value);
    let seq = number.and_then(|n| n.sequence).map(|n| n.value);
    Notice {
        citations: citations(source, span),
        span,
        kind,
        issuer: header.issuer.text.clone(),
        term,
        number: seq,
        press: b.press,
        adoption: b.adoption,
        body,
        closing: b.closing,
        unrecognised: b.unrecognised,
        markup,
        header,
    }
}

pub(super) fn lower_header(
    base: usize,
    h: P,
    markup: &mut Vec<Span>,
    press: &mut Vec<Text>,
) -> NoticeHeader {
    // The header's pairs come from the parse of the page from `base` on.
    let page = Fragment::at(base);
    let l = Lower::new(&page);
    // 「（授权发布）全国人民代表大会常务委员会公告」: the wire label on the title's line.
    press.extend(find_all(&h, Rule::press_line).iter().map(|p| l.text(p)));
    for m in find_all(&h, Rule::heading_marker) {
        let s = l.span(&m);
        // The marker's own trailing spaces are layout too.
        markup.push(s);
    }
    let issuer_pair = find(&h, Rule::header_issuer);
    let issuer = issuer_pair
        .as_ref()
        .map(|p| l.text(p))
        .unwrap_or_else(|| Text {
            text: String::new(),
            span: l.span(&h),
        });
    let issuer_term = issuer_pair
        .as_ref()
        .and_then(|p| find(p, Rule::term))
        .and_then(|t| l.number(&t));
    let title_word = find(&h, Rule::notice_word)
        .or_else(|| find(&h, Rule::spaced_notice_word))
        .map(|p| l.text(&p))
        .unwrap_or_else(|| Text {
            text: String::new(),
            span: l.span(&h),
        });
    let number = if let Some(n) = find(&h, Rule::notice_number) {
        Some(lower_number(&l, &n))
    } else {
        find(&h, Rule::malformed_number).map(|m| NoticeNumber {
            span: l.span(&m),
            brackets: None,
            parenthesised: false,
            term: None,
            year: None,
            sequence: None,
            well_formed: false,
        })
    };
    let start = base + h.as_span().start();
    let trimmed = h.as_str().trim_end_matches(|c: char| c.is_whitespace());
    NoticeHeader {
        span: Span::new(start, start + trimmed.len()),
        issuer,
        issuer_term,
        title_word,
        number,
    }
}

pub(super) fn lower_number(l: &Lower, n: &P) -> NoticeNumber {
    let parens = child(n, Rule::number_parens);
    let group = child(n, Rule::number_group);
    let brackets = group.as_ref().and_then(|g| {
        Some(Brackets {
            open: l.text(&child(g, Rule::open_bracket)?),
            close: l.text(&child(g, Rule::close_bracket)?),
        })
    });
    let term = group
        .as_ref()
        .and_then(|g| child(g, Rule::term_label))
        .and_then(|t| l.number(&t));
    let year = group
        .as_ref()
        .and_then(|g| child(g, Rule::year_label))
        .and_then(|y| {
            let value = y.as_str().parse().ok()?;
            Some(Number {
                value,
                style: crate::ast::NumeralStyle::Arabic,
                span: l.span(&y),
            })
        });
    let sequence = find(n, Rule::sequence).and_then(|s| l.number(&s));
    NoticeNumber {
        span: l.span(n),
        brackets,
        parenthesised: parens.is_some(),
        term,
        year,
        well_formed: sequence.is_some(),
        sequence,
    }
}

/// Words without which a text is no deputy-qualification notice: every one of them speaks of
/// deputies joining or leaving, or of their number.
pub(super) const QUALIFICATION_WORDS: [&str; 12] = [
    "代表资格",
    "代表职务",
    "实有代表",
    "现有代表",
    "代表名额",
    "补选",
    "罢免",
    "出缺",
    "递补",
    "调离",
    "去世",
    "逝世",
];

pub(super) fn notice_kind(source: &str, header: &NoticeHeader, lines: &[Line]) -> NoticeKind {
    let kind = notice_kind_by_lines(source, header, lines);
    // A 公告 that carries a decision's text without its title (长阳 2022: 「…会议决定：…召开。
    // 建议会议的主要议程是：」, 宁夏 2016: 「《…的决定》已由…通过，现予公布」) is read as the
    // decision's prose, not as deputy clauses that fail one by one.
    let body: Vec<&str> = lines
        .iter()
        .filter(|l| l.class == LineClass::Other)
        .map(|l| &source[l.content.start..l.content.end])
        .collect();
    let speaks_of_deputies = body
        .iter()
        .any(|text| QUALIFICATION_WORDS.iter().any(|w| text.contains(w)));
    // A notice with no text of its own (a header alone) stays what its header says.
    if kind == NoticeKind::Qualification && !body.is_empty() && !speaks_of_deputies {
        NoticeKind::Decision
    } else {
        kind
    }
}

/// Whether a notice's header is a news report's 「会议决定：」 (`news_list_header`): no issuer,
/// the heading's words as its title.
pub(super) fn is_news_list(header: &NoticeHeader) -> bool {
    header.issuer.text.is_empty() && header.title_word.text.starts_with("会议")
}

pub(super) fn notice_kind_by_lines(
    source: &str,
    header: &NoticeHeader,
    lines: &[Line],
) -> NoticeKind {
    // 「会议决定：」 heads a news report's list of moves (`news_list_header`).
    if is_news_list(header) {
        return NoticeKind::Personnel;
    }
    if (0..lines.len()).any(|i| title_at(source, lines, i).is_some()) {
        return NoticeKind::Decision;
    }
    if header.title_word.text.ends_with("名单")
        || lines.iter().any(|l| l.class == LineClass::Section)
    {
        return NoticeKind::Personnel;
    }
    // A list in verb-first style has no headings: more lines read as entries than as clauses.
    let (mut entries, mut clauses) = (0, 0);
    let others: Vec<&Line> = lines
        .iter()
        .filter(|l| l.class == LineClass::Other)
        .collect();
    // Only a line that reads as an entry can count for a list: with none, the clauses win
    // (0 > clauses never holds) without a test parse of any paragraph.
    // 「一、决定任命X为…。」: a section's heading and its one entry on one line (河南 2020) is
    // an entry too, in a 公告 as in a 任免名单.
    let reads_as_entry = |l: &Line| {
        let text = &source[l.content.start..l.content.end];
        // section_heading = section_numeral? ~ section_action: a line that is one begins with
        // a numeral or the action's word.
        let headed = text.starts_with(|c: char| "〇零一二两三四五六七八九十百千廿".contains(c))
            || SECTION_ACTION_WORDS.iter().any(|w| text.starts_with(w))
            || text.starts_with("接受");
        reads(Rule::entry_fast_root, text) || (headed && reads(Rule::headed_entry_root, text))
    };
    if !others.iter().any(|l| reads_as_entry(l)) {
        return NoticeKind::Qualification;
    }
    for (i, l) in others.iter().enumerate() {
        // Stop once the lines left cannot change the answer (each adds at most one to one
        // side): a paragraph costs about as much to test as to read.
        let left = others.len() - i;
        if entries > clauses + left || clauses >= entries + left {
            break;
        }
        let text = &source[l.content.start..l.content.end];
        if reads(Rule::paragraph_fast_root, text) {
            clauses += 1;
        } else if reads_as_entry(l) {
            entries += 1;
        }
    }
    if entries > clauses {
        NoticeKind::Personnel
    } else {
        NoticeKind::Qualification
    }
}

pub(super) struct NoticeBuilder<'s> {
    pub(super) source: &'s str,
    pub(super) unrecognised: Vec<Unrecognised>,
    pub(super) press: Vec<Text>,
    pub(super) adoption: Option<AdoptionLine>,
    pub(super) closing: Closing,
}

impl<'s> NoticeBuilder<'s> {
    pub(super) fn text(&self, span: Span) -> Text {
        Text {
            text: self.source[span.start..span.end].to_string(),
            span,
        }
    }

    /// Handles the lines every kind shares; returns false for the kind's own lines.
    pub(super) fn common(&mut self, line: &Line) -> bool {
        let frag = Fragment::new(self.source, line.content);
        let l = Lower::new(&frag);
        match line.class {
            LineClass::Adoption if self.adoption.is_none() => {
                if let Some(p) = parse_root(Rule::adoption_root, &frag.text) {
                    let date = l.date(&p);
                    // A meeting printed but not read (its ordinal out of range) is no adoption.
                    let meeting = match find(&p, Rule::meeting) {
                        Some(m) => l.meeting(&m).map(Some),
                        None => Some(None),
                    };
                    if let (Some(date), Some(meeting)) = (date, meeting) {
                        self.adoption = Some(AdoptionLine {
                            span: line.content,
                            date,
                            meeting,
                            breaks: Vec::new(),
                            approval: find(&p, Rule::approval).map(|a| l.span(&a)),
                        });
                        return true;
                    }
                }
                false
            }
            LineClass::Closing => {
                self.closing.formula = Some(self.text(line.content));
                true
            }
            LineClass::Date => {
                if let Some(p) = parse_root(Rule::date_root, &frag.text) {
                    self.closing.date = l.date(&p);
                }
                self.closing.date.is_some()
            }
            LineClass::Signature => {
                self.closing.signature = Some(self.text(line.content));
                true
            }
            LineClass::Press => {
                self.press.push(self.text(line.content));
                true
            }
            _ => false,
        }
    }

    /// Whether `lines[*i - 1]`, the line just taken, is part of the notice's frame (adoption
    /// line, closing, signature, date …), possibly an adoption line broken over lines: it is
    /// read, and `*i` moves past it.
    pub(super) fn frame_line(&mut self, lines: &[Line], i: &mut usize) -> bool {
        let line = &lines[*i - 1];
        if line.class != LineClass::Other && self.common(line) {
            return true;
        }
        if let Some(n) = self.broken_adoption(lines, *i - 1) {
            *i += n - 1;
            return true;
        }
        false
    }

    /// An adoption line broken over up to three lines, starting at `lines[i]`: read as one,
    /// its breaks recorded. Returns how many lines it took.
    pub(super) fn broken_adoption(&mut self, lines: &[Line], i: usize) -> Option<usize> {
        let first = lines.get(i)?;
        let text = &self.source[first.content.start..first.content.end];
        if self.adoption.is_some()
            || first.class != LineClass::Other
            || !text.starts_with(['（', '('])
            || text.ends_with(['）', ')'])
        {
            return None;
        }
        for n in 2..=3 {
            let pieces: Vec<Span> = lines.get(i..i + n)?.iter().map(|l| l.content).collect();
            if lines[i + n - 1].class != LineClass::Other {
                return None;
            }
            let frag = Fragment::joined(self.source, &pieces);
            let Some(p) = parse_root(Rule::adoption_root, &frag.text) else {
                continue;
            };
            let l = Lower::new(&frag);
            let date = l.date(&p)?;
            let meeting = match find(&p, Rule::meeting) {
                Some(m) => Some(l.meeting(&m)?),
                None => None,
            };
            self.adoption = Some(AdoptionLine {
                span: pieces[0].cover(pieces[n - 1]),
                date,
                meeting,
                breaks: pieces
                    .windows(2)
                    .map(|w| Span::new(w[0].end, w[1].start))
                    .collect(),
                approval: find(&p, Rule::approval).map(|a| l.span(&a)),
            });
            return Some(n);
        }
        None
    }

    pub(super) fn unrecognised_line(&mut self, line: &Line, rule: Rule, context: SyntaxContext) {
        let frag = Fragment::new(self.source, line.content);
        let err = NoticeParser::parse(rule, &frag.text).err();
        self.unrecognised
            .push(unrecognised(&frag, 0, frag.text.len(), err, rule, context));
    }

    // ── decisions ──

    pub(super) fn decision(&mut self, lines: &[Line]) -> Decision {
        let mut decision = Decision {
            issuer_line: None,
            title: None,
            paragraphs: Vec::new(),
        };
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            i += 1;
            if decision.title.is_none() {
                let next_is_title = title_at(self.source, lines, i).is_some();
                if line.class == LineClass::Signature && next_is_title {
                    decision.issuer_line = Some(self.text(line.content));
                    continue;
                }
                if let Some((n, frag)) = title_at(self.source, lines, i - 1) {
                    let l = Lower::new(&frag);
                    if let Some(p) = parse_root(Rule::title_root, &frag.text) {
                        let matter_pair = find(&p, Rule::decision_matter);
                        let matter = matter_pair.as_ref().map(|m| l.text(m));
                        let kind = match find(&p, Rule::decision_kind).map(|k| k.as_str()) {
                            Some("决议") => DecisionKind::Resolution,
                            _ => DecisionKind::Decision,
                        };
                        let decides = matter_pair.and_then(|m| title_move(&frag, &m));
                        if let Some(matter) = matter {
                            decision.title = Some(DecisionTitle {
                                span: line.content.cover(lines[i + n - 2].content),
                                matter,
                                kind,
                                decides,
                            });
                            i += n - 1;
                            continue;
                        }
                    }
                }
            }
            if let Some(n) = self.broken_adoption(lines, i - 1) {
                i += n - 1;
                continue;
            }
            if self.common(line) {
                continue;
            }
            // The body of a decision is prose: each remaining line is a paragraph (text printed
            // twice in it is found with every other line of the notice, in `lower_notice`).
            decision.paragraphs.push(self.text(line.content));
        }
        self.operative_sentences(&decision);
        decision
    }

    /// Reads the sentences of a personnel decision that decide (they hold 决定 and accept a
    /// resignation or name an acting head), clause by clause: a word lost or doubled there
    /// changes what was decided. Other prose (a convening decision's agenda, the reasons of a
    /// regulation) is not read.
    pub(super) fn operative_sentences(&mut self, decision: &Decision) {
        let personnel = |t: &str| (t.contains("接受") && t.contains('辞')) || t.contains("代理");
        if !decision
            .title
            .as_ref()
            .is_some_and(|t| personnel(&t.matter.text))
        {
            return;
        }
        // Lines that a page break cut mid-sentence are read together (GZ004 reports the break).
        let mut groups: Vec<Vec<Span>> = Vec::new();
        for (i, p) in decision.paragraphs.iter().enumerate() {
            let continues = i > 0 && !decision.paragraphs[i - 1].text.ends_with(TERMINAL);
            match groups.last_mut() {
                Some(group) if continues => group.push(p.span),
                _ => groups.push(vec![p.span]),
            }
        }
        for group in groups {
            let joined = Fragment::joined(self.source, &group);
            let mut start = 0;
            for sentence in joined.text.split_inclusive('。') {
                let (from, to) = (start, start + sentence.len());
                start = to;
                if !sentence.contains("决定") || !personnel(sentence) {
                    continue;
                }
                if let Err(err) = NoticeParser::parse(Rule::decision_sentence_root, sentence) {
                    self.unrecognised.push(unrecognised(
                        &joined,
                        from,
                        to,
                        Some(err),
                        Rule::decision_clause,
                        SyntaxContext::DecisionClause,
                    ));
                }
            }
        }
    }

    // ── personnel lists ──

    pub(super) fn personnel(&mut self, lines: &[Line]) -> PersonnelList {
        let mut sections: Vec<Section> = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            i += 1;
            if line.class == LineClass::Section {
                let frag = Fragment::new(self.source, line.content);
                if let Some(heading) = section_heading(&frag) {
                    sections.push(Section {
                        span: line.content,
                        heading: Some(heading),
                        entries: Vec::new(),
                        unreadable: Vec::new(),
                    });
                    continue;
                }
            }
            if self.frame_line(lines, &mut i) {
                continue;
            }
            let single = Fragment::new(self.source, line.content);
            if let Some((heading, entry)) = headed_entry(&single) {
                sections.push(Section {
                    span: line.content,
                    heading: Some(heading),
                    entries: vec![entry],
                    unreadable: Vec::new(),
                });
                continue;
            }
            let single_root = parse_root(Rule::entry_root, &single.text);
            // An entry broken by a page break: read it with the next line.
            let joined = match (&single_root, lines.get(i)) {
                (None, Some(next)) if next.class == LineClass::Other => {
                    Some(Fragment::joined(self.source, &[line.content, next.content]))
                }
                _ => None,
            };
            let joined_root = joined
                .as_ref()
                .and_then(|j| parse_root(Rule::entry_root, &j.text));
            let (frag, root) = match (single_root, joined_root, &joined) {
                (Some(root), _, _) => (&single, Some(root)),
                (None, Some(root), Some(joined)) => {
                    i += 1;
                    (joined, Some(root))
                }
                _ => (&single, None),
            };
            let Some(root) = root else {
                let context = if sections.is_empty() {
                    SyntaxContext::PersonnelLine
                } else {
                    SyntaxContext::Entry
                };
                self.unrecognised_line(line, Rule::entry_root, context);
                if let Some(section) = sections.last_mut() {
                    section.span = section.span.cover(line.content);
                    section.unreadable.push(line.content);
                }
                continue;
            };
            let Some(entry_pair) = child(&root, Rule::entry) else {
                continue;
            };
            let entry = lower_entry(frag, &entry_pair);
            for post in entry.items.iter().flat_map(|i| &i.posts) {
                if !names_a_title(&post.text) {
                    self.unrecognised.push(untitled_post(post));
                }
            }
            if sections.is_empty() {
                sections.push(Section {
                    span: entry.span,
                    heading: None,
                    entries: Vec::new(),
                    unreadable: Vec::new(),
                });
            }
            if let Some(section) = sections.last_mut() {
                section.span = section.span.cover(entry.span);
                section.entries.push(entry);
            }
        }
        PersonnelList { sections }
    }

    // ── qualification notices ──

    pub(super) fn qualification(&mut self, lines: &[Line]) -> QualificationBody {
        let mut paragraphs = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            i += 1;
            if self.frame_line(lines, &mut i) {
                continue;
            }
            let single = Fragment::new(self.source, line.content);
            let (mut clauses, mut errors) = parse_clauses(&single);
            let mut pieces = vec![line.content];
            // A sentence cut by a page break (「…的有」 / 「关规定，…」): join and re-read.
            let text = &self.source[line.content.start..line.content.end];
            if !errors.is_empty() && !text.ends_with(TERMINAL) {
                if let Some(next) = lines.get(i).filter(|n| n.class == LineClass::Other) {
                    let joined_pieces = [line.content, next.content];
                    let joined = Fragment::joined(self.source, &joined_pieces);
                    let (c2, e2) = parse_clauses(&joined);
                    if e2.is_empty() {
                        clauses = c2;
                        errors = e2;
                        pieces = joined_pieces.to_vec();
                        i += 1;
                    }
                }
            }
            let breaks = pieces
                .windows(2)
                .map(|w| Span::new(w[0].end, w[1].start))
                .collect();
            self.unrecognised.extend(errors);
            self.unrecognised
                .extend(recall_without_actor(self.source, pieces[0].start, &clauses));
            paragraphs.push(Paragraph {
                span: pieces[0].cover(pieces[pieces.len() - 1]),
                clauses,
                breaks,
            });
        }
        QualificationBody { paragraphs }
    }
}

/// A recall that opens its sentence names who recalled (「江苏省人大常委会罢免了…」); without
/// one (「罢免了季建国的…代表职务。」) the body's name was lost. Inside a sentence the body may
/// stand in an earlier clause (「…召开会议，罢免了…」).
fn recall_without_actor(source: &str, start: usize, clauses: &[Clause]) -> Vec<Unrecognised> {
    clauses
        .iter()
        .filter(|c| {
            matches!(&c.fact, Some(Fact::Recall { actor: None, .. }))
                && c.legal_basis.is_none()
                && c.time_marker.is_none()
        })
        .filter(|c| {
            let before = &source[start.min(c.span.start)..c.span.start];
            let sentence = before
                .rfind('。')
                .map_or(before, |i| &before[i + '。'.len_utf8()..]);
            !sentence.contains(['，', ',', '；', ';', '：', ':'])
        })
        .map(|c| Unrecognised {
            span: c.span,
            // Under the recall's verb: what is missing stands before it.
            at: source[c.span.start..c.span.end]
                .find("罢免")
                .map_or(Span::new(c.span.start, c.span.start), |i| {
                    Span::new(c.span.start + i, c.span.start + i + "罢免".len())
                }),
            expected_zh: "罢免代表的机关或选民，如「江苏省人大常委会罢免了…」".into(),
            expected_en: "who recalled the deputy, such as 「江苏省人大常委会罢免了…」".into(),
            context: SyntaxContext::DeputyClause,
            cause: Unreadable::UnknownWording,
        })
        .collect()
}

/// A decision's title starting at `lines[i]`: on that line alone, or broken over up to four
/// lines as headlines are set (鹤壁 2024: 「关于接受邵文涛同志辞去鹤壁市人民政府」 /
/// 「市长职务请求的决定」). Returns how many lines it takes and its text joined.
pub(super) fn title_at(source: &str, lines: &[Line], i: usize) -> Option<(usize, Fragment)> {
    let first = lines.get(i)?;
    if first.class == LineClass::Title {
        return Some((1, Fragment::new(source, first.content)));
    }
    let text = |l: &Line| &source[l.content.start..l.content.end];
    // A headline has no sentence punctuation; a body line that mentions 关于 has.
    let headline = |l: &Line| {
        l.class == LineClass::Other && !text(l).contains(['，', '。', '；', ',', ';', '：'])
    };
    if !headline(first) || !text(first).contains("关于") {
        return None;
    }
    for n in 2..=4 {
        let last = lines.get(i + n - 1)?;
        if !headline(last) {
            return None;
        }
        let t = text(last);
        if t.ends_with("决定") || t.ends_with("决议") {
            let pieces: Vec<Span> = lines[i..i + n].iter().map(|l| l.content).collect();
            let frag = Fragment::joined(source, &pieces);
            return reads(Rule::title_root, &frag.text).then_some((n, frag));
        }
    }
    None
}

/// What a decision's title decides, read from its matter with `title_move_root`.
pub(super) fn title_move(frag: &Fragment, matter: &P) -> Option<TitleMove> {
    let root = parse_root(Rule::title_move_root, matter.as_str())?;
    let l = Lower {
        frag,
        base: matter.as_span().start(),
    };
    let (action_pair, action) = if let Some(p) = find(&root, Rule::title_resignation) {
        (p, TitleAction::AcceptResignation)
    } else if let Some(p) = find(&root, Rule::title_removal) {
        let action = match find(&p, Rule::title_revocation) {
            Some(_) => TitleAction::Revocation,
            None => TitleAction::Dismissal,
        };
        (p, action)
    } else {
        (
            find(&root, Rule::title_appointment)?,
            TitleAction::Appointment,
        )
    };
    let post =
        find(&action_pair, Rule::title_office).or_else(|| find(&action_pair, Rule::title_post))?;
    Some(TitleMove {
        action,
        person: l.text(&find(&action_pair, Rule::title_name)?),
        post: l.text(&post),
    })
}
