//! Helpers over pest pairs: the text, span and children of a pair, offset into the page.

use super::*;

/// Reads pairs of one fragment, mapping their offsets back to the source.
pub(super) struct Lower<'f> {
    pub(super) frag: &'f Fragment,
    /// Offset of the parsed slice inside `frag.text` (clauses are parsed one at a time).
    pub(super) base: usize,
}

impl<'f> Lower<'f> {
    pub(super) fn new(frag: &'f Fragment) -> Self {
        Lower { frag, base: 0 }
    }

    pub(super) fn span(&self, p: &P) -> Span {
        let s = p.as_span();
        self.frag.span(self.base + s.start(), self.base + s.end())
    }

    pub(super) fn text(&self, p: &P) -> Text {
        Text {
            text: p.as_str().to_string(),
            span: self.span(p),
        }
    }

    pub(super) fn number(&self, p: &P) -> Option<Number> {
        let numeral = if p.as_rule() == Rule::numeral {
            p.clone()
        } else {
            find(p, Rule::numeral)?
        };
        let (value, style) = parse_numeral(numeral.as_str())?;
        Some(Number {
            value,
            style,
            span: self.span(&numeral),
        })
    }

    pub(super) fn date(&self, p: &P) -> Option<Date> {
        let date = if p.as_rule() == Rule::date {
            p.clone()
        } else {
            find(p, Rule::date)?
        };
        Some(Date {
            span: self.span(&date),
            year: self.number(&find(&date, Rule::year)?)?,
            month: self.number(&find(&date, Rule::month)?)?,
            day: self.number(&find(&date, Rule::day)?)?,
        })
    }

    pub(super) fn congress(&self, p: &P) -> Congress {
        Congress {
            span: self.span(p),
            text: p.as_str().to_string(),
            term: find(p, Rule::term).and_then(|t| self.number(&t)),
        }
    }

    pub(super) fn meeting(&self, p: &P) -> Option<Meeting> {
        let body = p
            .clone()
            .into_inner()
            .find(|c| matches!(c.as_rule(), Rule::standing_committee | Rule::congress))?;
        let ordinal = find(p, Rule::meeting_ordinal)?;
        Some(Meeting {
            span: self.span(p),
            body: self.congress(&body),
            ordinal: self.number(&ordinal)?,
        })
    }

    pub(super) fn person(&self, p: &P) -> Person {
        let name = find(p, Rule::name).unwrap_or_else(|| p.clone());
        let disambiguator = find(p, Rule::disambiguator).map(|d| {
            // The words inside the parentheses, without them.
            let s = d.as_str();
            let open = s.chars().next().map_or(0, char::len_utf8);
            let close = s.chars().next_back().map_or(0, char::len_utf8);
            let start = d.as_span().start() + open;
            let end = d.as_span().end() - close;
            Text {
                text: s[open..s.len() - close].to_string(),
                span: self.frag.span(self.base + start, self.base + end),
            }
        });
        Person {
            span: self.span(p),
            name: self.text(&name),
            disambiguator,
        }
    }

    pub(super) fn persons(&self, p: &P) -> Vec<Person> {
        find_all(p, Rule::person)
            .iter()
            .map(|q| self.person(q))
            .collect()
    }

    pub(super) fn posts(&self, p: &P) -> Vec<Post> {
        find_all(p, Rule::post)
            .iter()
            .map(|q| Post {
                span: self.span(q),
                text: q.as_str().to_string(),
            })
            .collect()
    }

    pub(super) fn opt_text(&self, p: &P, rule: Rule) -> Option<Text> {
        find(p, rule).map(|q| self.text(&q))
    }

    /// Deputies designated by unit and congress, one per name.
    pub(super) fn deputies(&self, p: &P) -> Vec<DeputyRef> {
        let mut out = Vec::new();
        for group in find_all(p, Rule::deputy_group) {
            let unit = group
                .clone()
                .into_inner()
                .find(|c| {
                    matches!(
                        c.as_rule(),
                        Rule::actor | Rule::electing_unit | Rule::unit_of
                    )
                })
                .map(|a| {
                    let mut t = self.text(&a);
                    if a.as_rule() == Rule::unit_of {
                        // 「东丰县的」 names the unit 东丰县.
                        t.text.truncate(t.text.len() - "的".len());
                        t.span.end -= "的".len();
                    }
                    t
                });
            let congress = find(&group, Rule::designation)
                .and_then(|d| child(&d, Rule::congress))
                .map(|c| self.congress(&c));
            for person in self.persons(&group) {
                out.push(DeputyRef {
                    span: self.span(&group),
                    unit: unit.clone(),
                    congress: congress.clone(),
                    person,
                });
            }
        }
        out
    }
}

/// The first descendant (pre-order) with `rule`.
pub(super) fn find<'i>(p: &P<'i>, rule: Rule) -> Option<P<'i>> {
    p.clone()
        .into_inner()
        .flatten()
        .find(|c| c.as_rule() == rule)
}

/// The outermost descendants with `rule` (a match is not searched inside).
pub(super) fn find_all<'i>(p: &P<'i>, rule: Rule) -> Vec<P<'i>> {
    let mut out = Vec::new();
    for child in p.clone().into_inner() {
        if child.as_rule() == rule {
            out.push(child);
        } else {
            out.extend(find_all(&child, rule));
        }
    }
    out
}

/// The direct child with `rule`.
pub(super) fn child<'i>(p: &P<'i>, rule: Rule) -> Option<P<'i>> {
    p.clone().into_inner().find(|c| c.as_rule() == rule)
}

/// The root parsed, in fast mode where the grammar has a fast twin of it (the same pairs on
/// success; only an error could differ, and none is returned here).
pub(super) fn parse_root(rule: Rule, text: &str) -> Option<P<'_>> {
    NoticeParser::parse(probe(fast_twin(rule)), text)
        .ok()?
        .next()
}

/// Whether `rule` reads `text` (its error, were one built, unused).
pub(super) fn reads(rule: Rule, text: &str) -> bool {
    parse_root(rule, text).is_some()
}

/// Each root read through a probe (grammar/notice.pest, "Probes") and its probe: the root
/// wrapped so that a text it does not read is an empty success, for which pest builds no
/// error. tests/fast_mode.rs holds every pair equal.
pub const PROBES: [(Rule, Rule); 16] = [
    (Rule::number_root, Rule::number_probe),
    (Rule::adoption_root, Rule::adoption_probe),
    (Rule::section_root, Rule::section_probe),
    (Rule::entry_root, Rule::entry_probe),
    (Rule::entry_fast_root, Rule::entry_fast_probe),
    (Rule::headed_entry_root, Rule::headed_entry_probe),
    (Rule::paragraph_fast_root, Rule::paragraph_fast_probe),
    (Rule::signature_root, Rule::signature_probe),
    (Rule::date_root, Rule::date_probe),
    (Rule::title_root, Rule::title_probe),
    (Rule::title_move_root, Rule::title_move_probe),
    (Rule::citation_root, Rule::citation_probe),
    (Rule::deputy_report_root, Rule::deputy_report_probe),
    (Rule::body_start_fast_root, Rule::body_start_fast_probe),
    (Rule::predicate_start_root, Rule::predicate_start_probe),
    (Rule::news_list_header, Rule::news_list_header_probe),
];

/// The probe of a root; a root without one is its own probe.
pub fn probe(rule: Rule) -> Rule {
    PROBES
        .iter()
        .find(|&&(root, _)| root == rule)
        .map_or(rule, |&(_, probe)| probe)
}

/// The fast-mode twin of a root (grammar/notice.pest, `fast_mode`), for parses whose error is
/// not used; tests/fast_mode.rs checks each pair of roots against each other.
pub(super) fn fast_twin(rule: Rule) -> Rule {
    match rule {
        Rule::clause_item_root => Rule::clause_item_fast_root,
        Rule::entry_root => Rule::entry_fast_root,
        Rule::paragraph_root => Rule::paragraph_fast_root,
        Rule::body_start_root => Rule::body_start_fast_root,
        other => other,
    }
}
