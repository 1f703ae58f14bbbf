//! Qualification prose: sentences cut into clauses, each read as facts about deputies.

use super::*;

/// How many characters of an unrecognised text the diagnostic underlines.
pub(super) const UNDERLINE_CHARS: usize = 6;

pub(super) const CLAUSE_SEPARATORS: &[char] = &['，', ',', '；', ';', '。', '：', ':'];

/// Reads the clauses of a paragraph one at a time, so that one unreadable clause costs only
/// itself: after a failure, reading resumes after the next separator.
pub(super) fn parse_clauses(frag: &Fragment) -> (Vec<Clause>, Vec<Unrecognised>) {
    let text = frag.text.as_str();
    let mut clauses = Vec::new();
    let mut errors = Vec::new();
    let words = WordsAhead::new(text);
    let mut pos = 0;
    while pos < text.len() {
        // Stray separators or spaces between clauses are not clauses.
        let rest = &text[pos..];
        let skipped = rest.len()
            - rest
                .trim_start_matches(|c: char| CLAUSE_SEPARATORS.contains(&c) || is_space(c))
                .len();
        if skipped > 0 {
            pos += skipped;
            continue;
        }
        match read_clause_or_parse(text, pos, &words) {
            Ok(read) => {
                let Some(read) = read else { break };
                if read.consumed == 0 {
                    break;
                }
                let clause_span = frag.span(pos, pos + read.end);
                let at = |off: usize| Lower {
                    frag,
                    base: pos + off,
                };
                let unnamed = read
                    .prefixes
                    .iter()
                    .chain(read.fact.iter())
                    .find_map(|(off, p)| unnamed_acting_unit(p).map(|unit| at(*off).span(&unit)));
                if let Some(unit) = unnamed {
                    errors.push(Unrecognised {
                        span: clause_span,
                        at: unit,
                        expected_zh: "选举单位的名称，如「驻苏部队」「台州军分区」「有关选举单位」"
                            .into(),
                        expected_en:
                            "the name of an electing unit, such as 「驻苏部队」「台州军分区」"
                                .into(),
                        context: SyntaxContext::DeputyClause,
                        cause: Unreadable::UnknownWording,
                    });
                    pos += read.consumed;
                    continue;
                }
                let lowered = lower_clause(frag, pos, &read);
                // A fact the grammar matched but whose parts do not hold (a count past
                // 99999, 「实有代表123456人」) is not silently dropped.
                if read.fact.is_some() && lowered.fact.is_none() {
                    errors.push(Unrecognised {
                        span: lowered.span,
                        at: lowered.span,
                        expected_zh: "人数、日期在合理范围内的条款（人数不超过99999）".into(),
                        expected_en:
                            "a clause whose counts and dates are in range (counts up to 99999)"
                                .into(),
                        context: SyntaxContext::DeputyClause,
                        cause: Unreadable::UnknownWording,
                    });
                }
                clauses.push(lowered);
                pos += read.consumed;
            }
            Err(err) => {
                let at = error_at(&err);
                let resume = next_separator(text, pos + at.max(1)).unwrap_or(text.len());
                errors.push(unrecognised(
                    frag,
                    pos,
                    resume,
                    Some(err),
                    Rule::clause,
                    SyntaxContext::DeputyClause,
                ));
                pos = resume;
            }
        }
    }
    // Pushed one by one, the vectors hold room for four: most fragments are one clause, and
    // the tree keeps them for the whole run.
    clauses.shrink_to_fit();
    errors.shrink_to_fit();
    (clauses, errors)
}

/// The endings of an electing unit's name: a military unit, 选举单位, a constituency or its
/// voters, a place.
const UNIT_SUFFIXES: [&str; 27] = [
    "部队",
    "驻军",
    "军分区",
    "警备区",
    "军区",
    "战区",
    "支队",
    "总队",
    "舰队",
    "基地",
    "部",
    "单位",
    "选区",
    "选民",
    "市",
    "区",
    "县",
    "省",
    "州",
    "旗",
    "盟",
    "镇",
    "乡",
    "地区",
    "自治区",
    "自治州",
    "自治县",
];

/// The first unit acting in `clause` (not one that elected a deputy the clause names:
/// 「广安选出的李芳华」) whose name has not the shape of a unit's.
fn unnamed_acting_unit<'i>(clause: &P<'i>) -> Option<P<'i>> {
    clause.clone().into_inner().find_map(|p| match p.as_rule() {
        Rule::deputy_group => None,
        Rule::actor_unit if !unit_is_named(p.as_str()) => Some(p),
        _ => unnamed_acting_unit(&p),
    })
}

/// Whether an acting unit (`actor_unit`) has the shape of one: each name ends in a unit's
/// suffix, or the names are a list closed by 等市/等县/等区/等地/等单位.
pub(super) fn unit_is_named(unit: &str) -> bool {
    if ["等市", "等县", "等区", "等地", "等单位"]
        .iter()
        .any(|w| unit.ends_with(w))
    {
        return true;
    }
    unit.split('、')
        .all(|name| UNIT_SUFFIXES.iter().any(|s| name.ends_with(s)))
}

/// The next clause separator at or after `from`, outside parentheses.
pub(super) fn next_separator(text: &str, from: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut i = from;
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    for (off, c) in text[i..].char_indices() {
        match c {
            // A quoted provision (「第五十四条关于“…，…”的规定」) holds commas of its own.
            '（' | '(' | '“' => depth += 1,
            '）' | ')' | '”' => depth -= 1,
            _ if depth <= 0 && CLAUSE_SEPARATORS.contains(&c) => return Some(i + off),
            _ => {}
        }
    }
    None
}

/// The clause read at `frag.text[pos..]`, lowered.
pub(super) fn lower_clause(frag: &Fragment, pos: usize, read: &ClauseRead) -> Clause {
    let at = |off: usize| Lower {
        frag,
        base: pos + off,
    };
    let mut legal_basis = None;
    let mut time_marker = None;
    for (off, prefix) in &read.prefixes {
        let l = at(*off);
        if let Some(b) = find(prefix, Rule::legal_basis) {
            legal_basis = Some(LegalBasis {
                span: l.span(&b),
                laws: find_all(&b, Rule::law).iter().map(|x| l.text(x)).collect(),
            });
        }
        if let Some(t) = find(prefix, Rule::time_marker) {
            time_marker = Some(l.text(&t));
        }
    }
    let fact = read
        .fact
        .as_ref()
        .and_then(|(off, f)| lower_fact(&at(*off), f));
    Clause {
        span: frag.span(pos, pos + read.end),
        legal_basis,
        time_marker,
        fact,
    }
}

pub(super) fn lower_fact(l: &Lower, f: &P) -> Option<Fact> {
    let congress = |p: &P| find(p, Rule::congress).map(|c| l.congress(&c));
    let actor = |p: &P| child(p, Rule::actor).map(|a| l.text(&a));
    let pronoun = |p: &P| find(p, Rule::pronoun).map(|x| l.text(&x));
    Some(match f.as_rule() {
        Rule::seated_total => Fact::SeatedTotal {
            congress: congress(f),
            word: l.text(&child(f, Rule::seated_word)?),
            count: l.number(&child(f, Rule::numeral)?)?,
            unit: l.text(&child(f, Rule::count_unit)?),
        },
        Rule::consequential_loss => {
            let consequence = child(f, Rule::consequence)?;
            Fact::ConsequentialLoss {
                holdings: find_all(f, Rule::holding)
                    .iter()
                    .map(|h| Holding {
                        span: l.span(h),
                        holders: l.persons(h),
                        pronoun: pronoun(h),
                        posts: l.posts(h),
                    })
                    .collect(),
                consequence: if consequence.as_str() == "撤销" {
                    ConsequenceKind::Revoked
                } else {
                    ConsequenceKind::Ended
                },
                consequence_span: l.span(&consequence),
            }
        }
        Rule::termination => {
            let subject = child(f, Rule::termination_subject);
            Fact::Termination {
                persons: subject.as_ref().map(|s| l.persons(s)).unwrap_or_default(),
                pronoun: subject.as_ref().and_then(pronoun),
                count: subject
                    .as_ref()
                    .and_then(|s| child(s, Rule::numeral))
                    .and_then(|n| l.number(&n)),
                congress: child(f, Rule::congress).map(|c| l.congress(&c)),
                mode: l.opt_text(f, Rule::termination_mode),
            }
        }
        Rule::confirmation => Fact::Confirmation {
            persons: l.persons(f),
            count: child(f, Rule::numeral).and_then(|n| l.number(&n)),
            congress: child(f, Rule::congress).map(|c| l.congress(&c)),
        },
        Rule::review => Fact::Review {
            meeting: child(f, Rule::meeting).and_then(|m| l.meeting(&m)),
        },
        Rule::election => Fact::Election {
            items: find_all(f, Rule::election_item)
                .iter()
                .map(|item| {
                    Some(ElectionItem {
                        span: l.span(item),
                        actor: actor(item),
                        verb: l.text(&child(item, Rule::elect_verb)?),
                        persons: l.persons(item),
                    })
                })
                .collect::<Option<Vec<_>>>()?,
            congress: l.congress(&child(f, Rule::congress)?),
        },
        Rule::substitution => Fact::Substitution {
            actor: actor(f),
            persons: l.persons(f),
            congress: l.congress(&child(f, Rule::congress)?),
        },
        Rule::resignation => Fact::Resignation {
            actor: actor(f),
            persons: l.persons(f),
            pronoun: pronoun(f),
            congress: congress(f),
            ordered: child(f, Rule::ordered_resignation).is_some(),
        },
        Rule::recall => Fact::Recall {
            actor: actor(f),
            persons: l.persons(f),
            pronoun: pronoun(f),
            congress: child(f, Rule::congress).map(|c| l.congress(&c)),
        },
        Rule::transfer => Fact::Transfer {
            deputies: l.deputies(f),
            destination: l.text(&child(f, Rule::place)?),
        },
        Rule::death => Fact::Death {
            deputies: l.deputies(f),
            verb: l.text(&child(f, Rule::death_verb)?),
        },
        Rule::illness => Fact::Illness {
            deputies: l.deputies(f),
        },
        Rule::mourning => Fact::Mourning {
            persons: l.persons(f),
        },
        Rule::vacancy => Fact::Vacancy {
            word: l.text(&child(f, Rule::vacancy_word)?),
            count: l.number(&child(f, Rule::numeral)?)?,
        },
        Rule::quota => Fact::Quota {
            congress: child(f, Rule::congress).map(|c| l.congress(&c)),
            count: l.number(&child(f, Rule::numeral)?)?,
        },
        Rule::baseline => Fact::Baseline {
            meeting: l.meeting(&child(f, Rule::meeting)?)?,
            count: child(f, Rule::numeral).and_then(|n| l.number(&n)),
        },
        Rule::count_first => Fact::CountFirst {
            event: l.text(&child(f, Rule::count_event)?),
            kind: ending_event(&child(f, Rule::count_event)?)?,
            count: l.number(&child(f, Rule::numeral)?)?,
        },
        Rule::enumeration => Fact::Enumeration {
            deputies: find_all(f, Rule::unit_person)
                .iter()
                .map(|u| DeputyRef {
                    span: l.span(u),
                    unit: l.opt_text(u, Rule::electing_unit),
                    congress: None,
                    person: l.person(&child(u, Rule::person).expect("required")),
                })
                .collect(),
        },
        Rule::explanation => Fact::Explanation { text: l.text(f) },
        Rule::listed_deputy => Fact::ListedDeputies {
            deputies: listed_deputies(l, f),
            reasons: find_all(f, Rule::listed_reason)
                .iter()
                .map(|r| child(r, Rule::count_event).and_then(|e| ending_event(&e)))
                .collect(),
        },
        Rule::counted_election => Fact::CountedElection {
            actor: actor(f),
            count: l.number(&child(f, Rule::numeral)?)?,
            congress: l.congress(&child(f, Rule::congress)?),
        },
        Rule::election_breakdown => Fact::ElectionBreakdown {
            unit: l.text(&child(f, Rule::electing_unit_plain)?),
            count: l.number(&child(f, Rule::numeral)?)?,
            persons: l.persons(f),
        },
        Rule::general_election => Fact::GeneralElection { text: l.text(f) },
        Rule::elected_count => Fact::ElectedCount {
            congress: l.congress(&child(f, Rule::congress)?),
            count: l.number(&child(f, Rule::numeral)?)?,
        },
        Rule::detention => Fact::Detention {
            deputies: l.deputies(f),
            text: l.text(f),
            deprived: child(f, Rule::deprivation).map(|d| l.text(&d)),
        },
        Rule::deprivation => Fact::Deprivation { text: l.text(f) },
        Rule::request => Fact::Request {
            deputies: l.deputies(f),
            text: l.text(f),
        },
        Rule::suspension => Fact::Suspension {
            persons: l.persons(f),
            pronoun: find(f, Rule::pronoun).map(|p| l.text(&p)),
        },
        Rule::by_election_call => Fact::ByElectionCall {
            districts: find_all(f, Rule::district)
                .iter()
                .map(|d| l.text(d))
                .collect(),
            each: l.number(&child(f, Rule::numeral)?)?,
            congress: l.congress(&child(f, Rule::congress)?),
        },
        Rule::count_sum => Fact::CountSum {
            count: l.number(&child(f, Rule::numeral)?)?,
        },
        Rule::election_date => Fact::ElectionDate { date: l.date(f)? },
        Rule::designation_only => match child(f, Rule::congress) {
            Some(c) => Fact::Topic {
                congress: l.congress(&c),
            },
            None => Fact::Designated {
                deputies: l
                    .persons(f)
                    .into_iter()
                    .map(|person| DeputyRef {
                        span: l.span(f),
                        unit: None,
                        congress: find(f, Rule::designation)
                            .and_then(|d| child(&d, Rule::congress))
                            .map(|c| l.congress(&c)),
                        person,
                    })
                    .collect(),
            },
        },
        _ => return None,
    })
}

/// The meaning of a `count_event`: the rule it matched.
pub(super) fn ending_event(event: &P) -> Option<EndingEvent> {
    Some(match event.clone().into_inner().next()?.as_rule() {
        Rule::resigned_event => EndingEvent::Resigned,
        Rule::died_event => EndingEvent::Died,
        Rule::transferred_event => EndingEvent::Transferred,
        Rule::recalled_event => EndingEvent::Recalled,
        _ => return None,
    })
}

/// 「长沙陈润生（调离）」: the unit and the name are printed together. Names are two or three
/// characters and units at least two, so a run of five or more ends in a three-character
/// name, a run of four is a two-character unit and a two-character name, and a run of three or
/// less is a name alone (the unit is the one before it).
pub(super) fn listed_deputies(l: &Lower, f: &P) -> Vec<DeputyRef> {
    let mut out = Vec::new();
    let mut unit: Option<Text> = None;
    let parts: Vec<P> = f.clone().into_inner().collect();
    for pair in parts.chunks(2) {
        let [name_run, reason] = pair else { continue };
        let run = name_run.as_str();
        let chars: Vec<(usize, char)> = run.char_indices().collect();
        let name_chars = match chars.len() {
            n if n >= 5 => 3,
            4 => 2,
            n => n,
        };
        let split = chars[chars.len() - name_chars].0;
        let start = l.base + name_run.as_span().start();
        if split > 0 {
            unit = Some(Text {
                text: run[..split].to_string(),
                span: l.frag.span(start, start + split),
            });
        }
        let name = Text {
            text: run[split..].to_string(),
            span: l.frag.span(start + split, start + run.len()),
        };
        let s = reason.as_str();
        let open = s.chars().next().map_or(0, char::len_utf8);
        let close = s.chars().next_back().map_or(0, char::len_utf8);
        let rs = l.base + reason.as_span().start();
        let person = Person {
            span: l.frag.span(start + split, l.base + reason.as_span().end()),
            name,
            disambiguator: Some(Text {
                text: s[open..s.len() - close].to_string(),
                span: l.frag.span(rs + open, rs + s.len() - close),
            }),
        };
        out.push(DeputyRef {
            span: l.frag.span(start, l.base + reason.as_span().end()),
            unit: unit.clone(),
            congress: None,
            person,
        });
    }
    out
}
