//! Lowering: pest pairs → the typed tree of `crate::ast`.
//!
//! The page layer (`Rule::document`) tells which lines belong to which notice. Each notice's
//! lines are then classified and parsed with the fragment entry rules; what no rule accepts
//! becomes an [`Unrecognised`] node (GZ003), never quiet prose.

use pest::iterators::Pair;
use pest::Parser;

use super::expected;
use super::fragment::Fragment;
use super::numerals::parse_numeral;
use super::parser::{NoticeParser, Rule};
use crate::ast::*;

type P<'i> = Pair<'i, Rule>;

/// Parses a page or draft. Never fails: what cannot be read is recorded in the tree.
///
/// The page is not handed to pest as a whole. A notice can only start on a line that holds
/// its header's issuer (「…常务委员会」/「…常委会」), a press lead (「新华社…电」,
/// 「（授权发布）」) or a decision's title (「关于…」); those lines are found with a byte search, and only there is the grammar
/// asked for one step of the page rule (`page_step = { notice | opaque_line }`). Every other
/// line is opaque without a look from the parser. The result is the same `Document` as
/// parsing the page with `Rule::document` (tests/page_layer.rs compares them), but the pairs
/// in memory at any time are those of one notice, and news text costs a byte search.
pub fn parse_document(source: &str) -> Document {
    parse_page(source, &[])
}

/// As [`parse_document`], keeping `opaque` as opaque text: no notice starts in it and none
/// runs into it. `opaque` is sorted and made of whole lines (a Markdown page's code blocks and
/// comments, `super::markdown`).
pub fn parse_page(source: &str, opaque: &[Span]) -> Document {
    super::install_call_limit();
    let mut page = Page::default();
    let mut starts = NoticeStarts::new(source);
    let mut skip = opaque.iter().peekable();
    let mut pos = 0;
    while pos < source.len() {
        let Some(candidate) = starts.next_line(pos) else {
            page.opaque(Span::new(pos, source.len()));
            break;
        };
        while skip.next_if(|s| s.end <= candidate).is_some() {}
        if let Some(s) = skip.peek().filter(|s| s.start <= candidate) {
            page.opaque(Span::new(pos, s.end));
            pos = s.end;
            continue;
        }
        let limit = skip.peek().map_or(source.len(), |s| s.start);
        page.opaque(Span::new(pos, candidate));
        match NoticeParser::parse(Rule::page_step, &source[candidate..limit]) {
            Ok(mut pairs) => {
                let step = pairs.next().and_then(|p| p.into_inner().next());
                match step {
                    Some(notice) if notice.as_rule() == Rule::notice => {
                        let end = candidate + notice.as_span().end();
                        let n = lower_notice(source, candidate, notice);
                        page.blocks.push(Block::Notice(Box::new(n)));
                        pos = end;
                    }
                    Some(line) => {
                        let end = candidate + line.as_span().end();
                        page.opaque(Span::new(candidate, end));
                        if let Some(header) = header_like(source, Span::new(candidate, end)) {
                            page.problems.push(header);
                        }
                        pos = end;
                    }
                    // `opaque_line` matches any non-empty input.
                    None => unreachable!("the page step matched nothing"),
                }
            }
            Err(_) => {
                // Only the call or stack limit can stop one step of the page rule. Keep the
                // text up to the next line that may start a notice as opaque, and say so.
                let end = starts
                    .next_line(line_end(source, candidate))
                    .unwrap_or(source.len())
                    .min(limit);
                let span = Span::new(candidate, end);
                page.opaque(span);
                page.problems.push(call_limit_problem(span));
                pos = end;
            }
        }
    }
    page.finish(source)
}

/// The old page layer: the whole page in one pest parse of `Rule::document`. Kept only as the
/// oracle of tests/page_layer.rs, which checks that [`parse_document`] gives the same tree.
#[doc(hidden)]
pub fn parse_document_whole_page(source: &str) -> Document {
    super::install_call_limit();
    let whole = Span::new(0, source.len());
    let pairs = match NoticeParser::parse(Rule::document, source) {
        Ok(pairs) => pairs,
        Err(_) => {
            // Only the call limit can stop the page rule; keep every byte as opaque text.
            return Document {
                span: whole,
                blocks: vec![Block::Opaque(Opaque {
                    span: whole,
                    deputy_reports: Vec::new(),
                })],
                problems: vec![call_limit_problem(whole)],
            };
        }
    };
    let mut page = Page::default();
    let document = pairs.into_iter().next();
    for pair in document.into_iter().flat_map(|d| d.into_inner()) {
        let span = Span::new(pair.as_span().start(), pair.as_span().end());
        match pair.as_rule() {
            Rule::notice => page
                .blocks
                .push(Block::Notice(Box::new(lower_notice(source, 0, pair)))),
            Rule::opaque_line => {
                page.opaque(span);
                page.problems.extend(header_like(source, span));
            }
            _ => {}
        }
    }
    page.finish(source)
}

/// A line that ends like a notice's header (「…常务委员会公告」, 「…常委会任免名单」) but does not
/// read as one: the notice under it was not read at all, which must not pass in silence
/// (「重代表大会常务委员会公告」: the issuer's name lost characters).
fn header_like(source: &str, line: Span) -> Option<Unrecognised> {
    let text = source[line.start..line.end].trim_end_matches(['\n', '\r']);
    let content = text
        .trim_start_matches(['#', ' ', '\t', '\u{3000}'])
        .trim_end();
    let title_words = ["公告", "任免名单", "任命名单", "免职名单"];
    let committee = ["常务委员会", "常委会"];
    let headed = title_words.iter().any(|t| {
        content
            .strip_suffix(t)
            .is_some_and(|rest| committee.iter().any(|c| rest.trim_end().ends_with(c)))
    });
    const LONGEST_HEADER: usize = 48;
    if !headed || content.chars().count() > LONGEST_HEADER || content.contains(['，', '。']) {
        return None;
    }
    let start =
        line.start + (text.len() - text.trim_start_matches(['#', ' ', '\t', '\u{3000}']).len());
    let span = Span::new(start, start + content.len());
    let head: usize = content.chars().take(6).map(char::len_utf8).sum();
    Some(Unrecognised {
        span,
        at: Span::new(span.start, span.start + head),
        expected_zh: "公告标题，如「重庆市人民代表大会常务委员会公告」".into(),
        expected_en: "a notice header, such as 「重庆市人民代表大会常务委员会公告」".into(),
        context: SyntaxContext::NoticeHeader,
        cause: Unreadable::UnknownWording,
    })
}

fn call_limit_problem(span: Span) -> Unrecognised {
    Unrecognised {
        span,
        at: Span::new(span.start, span.start),
        expected_zh: "篇幅或结构在解析器的调用上限之内的文本".into(),
        expected_en: "text within the parser's call limit".into(),
        context: SyntaxContext::Document,
        cause: Unreadable::TooComplex,
    }
}

/// The blocks of a page as they are found.
#[derive(Default)]
struct Page {
    blocks: Vec<Block>,
    problems: Vec<Unrecognised>,
}

impl Page {
    /// Opaque text at `span`; consecutive opaque lines form one block.
    fn opaque(&mut self, span: Span) {
        if span.start == span.end {
            return;
        }
        match self.blocks.last_mut() {
            Some(Block::Opaque(o)) if o.span.end == span.start => o.span.end = span.end,
            _ => self.blocks.push(Block::Opaque(Opaque {
                span,
                deputy_reports: Vec::new(),
            })),
        }
    }

    fn finish(mut self, source: &str) -> Document {
        for block in &mut self.blocks {
            if let Block::Opaque(o) = block {
                o.deputy_reports = deputy_reports(source, o.span);
            }
        }
        Document {
            span: Span::new(0, source.len()),
            blocks: self.blocks,
            problems: self.problems,
        }
    }
}

/// The end of the line that starts at `at`, after its line break (`\n`, `\r\n` or `\r`, as
/// pest's `NEWLINE`), or the end of the text.
fn line_end(source: &str, at: usize) -> usize {
    let bytes = source.as_bytes();
    match memchr::memchr2(b'\n', b'\r', &bytes[at..]) {
        Some(i) => {
            let i = at + i;
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            }
        }
        None => source.len(),
    }
}

/// The lines of `span`, each with its line break.
fn line_spans(source: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = span.start;
    while pos < span.end {
        let end = line_end(source, pos).min(span.end);
        out.push(Span::new(pos, end));
        pos = end;
    }
    out
}

/// Finds the lines on which a notice may start.
///
/// `notice = { press_lead* ~ notice_header ~ … }`: its first line is a press line (it holds
/// 「新华社」 or 「授权发布」) or the first line of a header, which holds the issuer, a
/// `standing_committee` (it ends in 「常务委员会」 or 「常委会」, and no part of it crosses a
/// line break). A line with none of these four words cannot start a notice. The converse need
/// not hold: the grammar decides on the lines found here.
struct NoticeStarts<'s> {
    bytes: &'s [u8],
    /// Each word's finder and its next occurrence at or after the last search (`None`: none).
    needles: Vec<(memchr::memmem::Finder<'static>, Option<usize>)>,
}

/// 「关于」 starts a decision printed without its issuer above the title (溧水 2021).
const NOTICE_START_WORDS: [&str; 5] = ["常务委员会", "常委会", "新华社", "授权发布", "关于"];

impl<'s> NoticeStarts<'s> {
    fn new(source: &'s str) -> Self {
        let bytes = source.as_bytes();
        let needles = NOTICE_START_WORDS
            .iter()
            .map(|w| {
                let finder = memchr::memmem::Finder::new(w.as_bytes()).into_owned();
                let next = finder.find(bytes);
                (finder, next)
            })
            .collect();
        NoticeStarts { bytes, needles }
    }

    /// The start of the first line at or after `from` (a line start) that holds one of the
    /// words. Calls come with `from` non-decreasing, so each word is searched once overall.
    fn next_line(&mut self, from: usize) -> Option<usize> {
        let mut first: Option<usize> = None;
        for (finder, next) in &mut self.needles {
            if let Some(at) = *next {
                if at < from {
                    *next = finder.find(&self.bytes[from..]).map(|i| from + i);
                }
            }
            if let Some(at) = *next {
                first = Some(first.map_or(at, |f| f.min(at)));
            }
        }
        // The line holding it starts after the last line break before it (never before
        // `from`, which is a line start).
        first.map(|at| memchr::memrchr2(b'\n', b'\r', &self.bytes[..at]).map_or(0, |i| i + 1))
    }
}

/// Every 「关于…等N名代表的代表资格的报告」 in an article outside the notices.
fn deputy_reports(source: &str, span: Span) -> Vec<DeputyReport> {
    let text = &source[span.start..span.end];
    let mut out = Vec::new();
    for (at, _) in text.match_indices("关于") {
        // A report title never crosses a line break: read to the end of its line only, so
        // that a long article is not copied (and scanned by pest's error) once per 「关于」.
        let start = span.start + at;
        let frag = Fragment::new(
            source,
            Span::new(start, line_end(source, start).min(span.end)),
        );
        let Some(root) = parse_root(Rule::deputy_report_root, &frag.text) else {
            continue;
        };
        let l = Lower::new(&frag);
        let Some(report) = child(&root, Rule::deputy_report) else {
            continue;
        };
        if let Some(first) = find(&report, Rule::person) {
            out.push(DeputyReport {
                span: l.span(&report),
                first: l.person(&first),
                count: child(&report, Rule::numeral).and_then(|n| l.number(&n)),
            });
        }
    }
    out
}

/// Every law article cited in a notice: at each 「《」 and each short law name.
fn citations(source: &str, span: Span) -> Vec<Citation> {
    let text = &source[span.start..span.end];
    let mut starts: Vec<usize> = text.match_indices('《').map(|(i, _)| i).collect();
    for short in ["地方组织法", "代表法", "选举法"] {
        // Inside a 《…》 title a short name is followed by 》, not 第, and does not parse.
        starts.extend(text.match_indices(short).map(|(i, _)| i));
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out: Vec<Citation> = Vec::new();
    for at in starts {
        // A citation never crosses a line break (`law_title` and `article` stop at one).
        let start = span.start + at;
        let frag = Fragment::new(
            source,
            Span::new(start, line_end(source, start).min(span.end)),
        );
        let Some(root) = parse_root(Rule::citation_root, &frag.text) else {
            continue;
        };
        let l = Lower::new(&frag);
        let Some(c) = child(&root, Rule::citation) else {
            continue;
        };
        let law = child(&c, Rule::law_title).or_else(|| child(&c, Rule::cited_short));
        let article = child(&c, Rule::article)
            .and_then(|a| find(&a, Rule::article_number))
            .and_then(|a| l.number(&a));
        if let (Some(law), Some(article)) = (law, article) {
            let s = l.span(&c);
            // A short name inside an already found citation is the same citation.
            if out
                .iter()
                .any(|o| o.span.start <= s.start && s.end <= o.span.end)
            {
                continue;
            }
            out.push(Citation {
                span: s,
                law: l.text(&law),
                article,
            });
        }
    }
    out
}

// ───────────────────────────── helpers over pairs ─────────────────────────────

/// Reads pairs of one fragment, mapping their offsets back to the source.
struct Lower<'f> {
    frag: &'f Fragment,
    /// Offset of the parsed slice inside `frag.text` (clauses are parsed one at a time).
    base: usize,
}

impl<'f> Lower<'f> {
    fn new(frag: &'f Fragment) -> Self {
        Lower { frag, base: 0 }
    }

    fn span(&self, p: &P) -> Span {
        let s = p.as_span();
        self.frag.span(self.base + s.start(), self.base + s.end())
    }

    fn text(&self, p: &P) -> Text {
        Text {
            text: p.as_str().to_string(),
            span: self.span(p),
        }
    }

    fn number(&self, p: &P) -> Option<Number> {
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

    fn date(&self, p: &P) -> Option<Date> {
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

    fn congress(&self, p: &P) -> Congress {
        Congress {
            span: self.span(p),
            text: p.as_str().to_string(),
            term: find(p, Rule::term).and_then(|t| self.number(&t)),
        }
    }

    fn meeting(&self, p: &P) -> Option<Meeting> {
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

    fn person(&self, p: &P) -> Person {
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

    fn persons(&self, p: &P) -> Vec<Person> {
        find_all(p, Rule::person)
            .iter()
            .map(|q| self.person(q))
            .collect()
    }

    fn posts(&self, p: &P) -> Vec<Post> {
        find_all(p, Rule::post)
            .iter()
            .map(|q| Post {
                span: self.span(q),
                text: q.as_str().to_string(),
            })
            .collect()
    }

    fn opt_text(&self, p: &P, rule: Rule) -> Option<Text> {
        find(p, rule).map(|q| self.text(&q))
    }

    /// Deputies designated by unit and congress, one per name.
    fn deputies(&self, p: &P) -> Vec<DeputyRef> {
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
fn find<'i>(p: &P<'i>, rule: Rule) -> Option<P<'i>> {
    p.clone()
        .into_inner()
        .flatten()
        .find(|c| c.as_rule() == rule)
}

/// The outermost descendants with `rule` (a match is not searched inside).
fn find_all<'i>(p: &P<'i>, rule: Rule) -> Vec<P<'i>> {
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
fn child<'i>(p: &P<'i>, rule: Rule) -> Option<P<'i>> {
    p.clone().into_inner().find(|c| c.as_rule() == rule)
}

fn parse_root(rule: Rule, text: &str) -> Option<P<'_>> {
    NoticeParser::parse(rule, text).ok()?.next()
}

// ───────────────────────────── lines of a notice ─────────────────────────────

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineClass {
    Adoption,
    Closing,
    Date,
    Signature,
    Title,
    Section,
    Press,
    Other,
}

#[derive(Debug, Clone, Copy)]
struct Line {
    /// The content: without heading marks, indentation, trailing spaces or the line break.
    content: Span,
    class: LineClass,
}

const TERMINAL: &[char] = &['。', '；', ';', '：', ':', '！', '？', '」', '”', '）', ')'];

fn split_line(source: &str, span: Span) -> Option<(Option<Span>, Span)> {
    let raw = &source[span.start..span.end];
    let body = raw.trim_end_matches(['\n', '\r']);
    let hashes = body.len() - body.trim_start_matches('#').len();
    let mut marker = None;
    let mut start = span.start;
    if hashes > 0 && hashes <= 6 && body[hashes..].starts_with([' ', '\t', '\u{3000}']) {
        let after = body[hashes..].trim_start_matches([' ', '\t', '\u{3000}']);
        let marker_len = body.len() - after.len();
        marker = Some(Span::new(span.start, span.start + marker_len));
        start += marker_len;
    }
    let content = &source[start..span.start + body.len()];
    let lead = content.len() - content.trim_start_matches(is_space).len();
    let trimmed = content.trim_matches(is_space);
    if trimmed.is_empty() {
        return None;
    }
    let s = start + lead;
    Some((marker, Span::new(s, s + trimmed.len())))
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{00A0}')
}

fn classify(text: &str) -> LineClass {
    let is = |rule| NoticeParser::parse(rule, text).is_ok();
    // Each root is tried only on a line that has what every text it accepts has (a failed pest
    // parse builds an error with a copy of the line): an entry or clause line is asked at
    // most once or twice instead of seven times. Each test follows from the root's grammar.
    let paren = text.starts_with(['（', '(']);
    if paren && is(Rule::adoption_root) {
        // adoption_line = open_paren ~ …
        LineClass::Adoption
    } else if (text.starts_with("特此") || text.starts_with("现予")) && is(Rule::closing_root) {
        LineClass::Closing
    } else if text.ends_with('日') && is(Rule::date_root) {
        // date = … ~ day ~ "日", then EOI
        LineClass::Date
    } else if (text.ends_with("常务委员会") || text.ends_with("常委会")) && is(Rule::signature_root)
    {
        LineClass::Signature
    } else if (text.ends_with("决定") || text.ends_with("决议")) && is(Rule::title_root) {
        // decision_title = … ~ decision_kind, then EOI
        LineClass::Title
    } else if SECTION_ACTION_WORDS.iter().any(|w| text.contains(w)) && is(Rule::section_root) {
        LineClass::Section
    } else if (paren || text.starts_with("新华社")) && is(Rule::press_root) {
        LineClass::Press
    } else {
        LineClass::Other
    }
}

/// Every `section_action` holds one of these words.
const SECTION_ACTION_WORDS: [&str; 8] = [
    "任命", "免去", "撤销", "代理", "辞职", "任免", "批准", "决定",
];

// ───────────────────────────── notices ─────────────────────────────

/// Lowers a notice whose pairs come from a parse of `source[base..]`.
fn lower_notice(source: &str, base: usize, pair: P) -> Notice {
    let at = |s: pest::Span| Span::new(base + s.start(), base + s.end());
    let span = at(pair.as_span());
    let mut markup = Vec::new();
    let mut lines = Vec::new();
    let mut header = None;
    for part in pair.into_inner() {
        match part.as_rule() {
            Rule::notice_header => header = Some(part),
            Rule::notice_line
            | Rule::decision_line
            | Rule::closing_block
            | Rule::press_lead
            | Rule::decision_header => {
                let sub: Vec<Span> = match part.as_rule() {
                    Rule::closing_block => {
                        part.clone().into_inner().map(|l| at(l.as_span())).collect()
                    }
                    // A stand-alone decision's issuer and title lines are read as the lines
                    // of a decision inside a 公告 are.
                    Rule::decision_header => line_spans(source, at(part.as_span())),
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
    let header = header.unwrap_or_else(|| NoticeHeader {
        span: Span::new(span.start, span.start),
        issuer: Text {
            text: String::new(),
            span: Span::new(span.start, span.start),
        },
        issuer_term: None,
        title_word: Text {
            text: String::new(),
            span: Span::new(span.start, span.start),
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

fn lower_header(base: usize, h: P, markup: &mut Vec<Span>, press: &mut Vec<Text>) -> NoticeHeader {
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

fn lower_number(l: &Lower, n: &P) -> NoticeNumber {
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
                style: super::numerals::NumeralStyle::Arabic,
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
const QUALIFICATION_WORDS: [&str; 12] = [
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

fn notice_kind(source: &str, header: &NoticeHeader, lines: &[Line]) -> NoticeKind {
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

fn notice_kind_by_lines(source: &str, header: &NoticeHeader, lines: &[Line]) -> NoticeKind {
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
    let reads_as_entry = |l: &Line| {
        NoticeParser::parse(Rule::entry_root, &source[l.content.start..l.content.end]).is_ok()
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
        if NoticeParser::parse(Rule::paragraph_root, text).is_ok() {
            clauses += 1;
        } else if NoticeParser::parse(Rule::entry_root, text).is_ok() {
            entries += 1;
        }
    }
    if entries > clauses {
        NoticeKind::Personnel
    } else {
        NoticeKind::Qualification
    }
}

struct NoticeBuilder<'s> {
    source: &'s str,
    unrecognised: Vec<Unrecognised>,
    press: Vec<Text>,
    adoption: Option<AdoptionLine>,
    closing: Closing,
}

impl<'s> NoticeBuilder<'s> {
    fn text(&self, span: Span) -> Text {
        Text {
            text: self.source[span.start..span.end].to_string(),
            span,
        }
    }

    /// Handles the lines every kind shares; returns false for the kind's own lines.
    fn common(&mut self, line: &Line) -> bool {
        let frag = Fragment::new(self.source, line.content);
        let l = Lower::new(&frag);
        match line.class {
            LineClass::Adoption if self.adoption.is_none() => {
                if let Some(p) = parse_root(Rule::adoption_root, &frag.text) {
                    let date = l.date(&p);
                    let meeting = find(&p, Rule::meeting).and_then(|m| l.meeting(&m));
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

    /// An adoption line broken over up to three lines, starting at `lines[i]`: read as one,
    /// its breaks recorded. Returns how many lines it took.
    fn broken_adoption(&mut self, lines: &[Line], i: usize) -> Option<usize> {
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
            let meeting = find(&p, Rule::meeting).and_then(|m| l.meeting(&m))?;
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

    fn unrecognised_line(&mut self, line: &Line, rule: Rule, context: SyntaxContext) {
        let frag = Fragment::new(self.source, line.content);
        let err = NoticeParser::parse(rule, &frag.text).err();
        self.unrecognised
            .push(unrecognised(&frag, 0, frag.text.len(), err, rule, context));
    }

    // ── decisions ──

    fn decision(&mut self, lines: &[Line]) -> Decision {
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
                        let matter = find(&p, Rule::decision_matter).map(|m| l.text(&m));
                        let kind = match find(&p, Rule::decision_kind).map(|k| k.as_str()) {
                            Some("决议") => DecisionKind::Resolution,
                            _ => DecisionKind::Decision,
                        };
                        if let Some(matter) = matter {
                            decision.title = Some(DecisionTitle {
                                span: line.content.cover(lines[i + n - 2].content),
                                matter,
                                kind,
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
            // The body of a decision is prose: each remaining line is a paragraph. Prose is not
            // read clause by clause, but a run printed twice over is broken all the same.
            let text = &self.source[line.content.start..line.content.end];
            if let Some((first, second)) = repeated_at_once(text) {
                let at =
                    |s: Span| Span::new(line.content.start + s.start, line.content.start + s.end);
                self.unrecognised.push(Unrecognised {
                    span: line.content,
                    at: at(second),
                    expected_zh: "不重复的文字".into(),
                    expected_en: "no repeated text".into(),
                    context: SyntaxContext::NoticeLine,
                    cause: Unreadable::Doubled {
                        first: at(first),
                        second: at(second),
                    },
                });
            }
            decision.paragraphs.push(self.text(line.content));
        }
        self.operative_sentences(&decision);
        decision
    }

    /// Reads the sentences of a personnel decision that decide (they hold 决定 and accept a
    /// resignation or name an acting head), clause by clause: a word lost or doubled there
    /// changes what was decided. Other prose (a convening decision's agenda, the reasons of a
    /// regulation) is not read.
    fn operative_sentences(&mut self, decision: &Decision) {
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

    fn personnel(&mut self, lines: &[Line]) -> PersonnelList {
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
            if line.class != LineClass::Other && self.common(line) {
                continue;
            }
            if let Some(n) = self.broken_adoption(lines, i - 1) {
                i += n - 1;
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

    fn qualification(&mut self, lines: &[Line]) -> QualificationBody {
        let mut paragraphs = Vec::new();
        let mut i = 0;
        while i < lines.len() {
            let line = &lines[i];
            i += 1;
            if line.class != LineClass::Other && self.common(line) {
                continue;
            }
            if let Some(n) = self.broken_adoption(lines, i - 1) {
                i += n - 1;
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
            paragraphs.push(Paragraph {
                span: pieces[0].cover(pieces[pieces.len() - 1]),
                clauses,
                breaks,
            });
        }
        QualificationBody { paragraphs }
    }
}

/// A decision's title starting at `lines[i]`: on that line alone, or broken over up to four
/// lines as headlines are set (鹤壁 2024: 「关于接受邵文涛同志辞去鹤壁市人民政府」 /
/// 「市长职务请求的决定」). Returns how many lines it takes and its text joined.
fn title_at(source: &str, lines: &[Line], i: usize) -> Option<(usize, Fragment)> {
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
            let reads = parse_root(Rule::title_root, &frag.text).is_some();
            return reads.then_some((n, frag));
        }
    }
    None
}

/// The last characters of the titles of posts (院长, 审判员, 主任, 检察官, 书记, 主席, 助理, 顾问,
/// 参事, 工程师, 总监, 政委). A post that ends otherwise lost its title (「…检察委员会委员」 printed
/// 「…检员」, 「…副区长」 cut to 「襄」).
const TITLE_ENDINGS: &str = "长员任官记席理问事师监委";

fn names_a_title(post: &str) -> bool {
    // 「…院长（正厅级）」: a note in parentheses after the title.
    let mut text = post.trim_end();
    if let Some(open) = text.rfind(['（', '(']) {
        if text.ends_with(['）', ')']) {
            text = &text[..open];
        }
    }
    text.chars()
        .next_back()
        .is_some_and(|c| TITLE_ENDINGS.contains(c))
}

fn untitled_post(post: &Post) -> Unrecognised {
    Unrecognised {
        span: post.span,
        at: post.span,
        expected_zh: "以职务名称结尾的职务（如「院长」「审判员」「副主任」）".into(),
        expected_en: "a post ending in its title (院长, 审判员, 副主任 …)".into(),
        context: SyntaxContext::Entry,
        cause: Unreadable::UnknownWording,
    }
}

fn section_heading(frag: &Fragment) -> Option<SectionHeading> {
    let root = parse_root(Rule::section_root, &frag.text)?;
    let l = Lower::new(frag);
    lower_section_heading(&l, &child(&root, Rule::section_heading)?)
}

/// 「一、决定任命X为…。」: a heading and its one entry on a line.
fn headed_entry(frag: &Fragment) -> Option<(SectionHeading, Entry)> {
    // section_heading = section_numeral? ~ section_action …: without a numeral, the line is an
    // entry in verb-first style (「决定任命X为…」), read as such.
    let numeral = frag
        .text
        .trim_start_matches(|c| "一二三四五六七八九十".contains(c));
    if numeral.len() == frag.text.len() || !numeral.starts_with(['、', '，', ',', '.', '．']) {
        return None;
    }
    let root = parse_root(Rule::headed_entry_root, &frag.text)?;
    let l = Lower::new(frag);
    let heading = lower_section_heading(&l, &child(&root, Rule::section_heading)?)?;
    Some((heading, lower_entry(frag, &child(&root, Rule::entry)?)))
}

fn lower_section_heading(l: &Lower, heading: &P) -> Option<SectionHeading> {
    let heading = heading.clone();
    let numeral_pair = child(&heading, Rule::section_numeral);
    let action_pair = child(&heading, Rule::section_action)?;
    let action = Action::from_words(action_pair.as_str())?;
    Some(SectionHeading {
        span: l.span(&heading),
        numeral: numeral_pair.as_ref().and_then(|n| {
            let c = child(n, Rule::chinese_numeral)?;
            let (value, style) = parse_numeral(c.as_str())?;
            Some(Number {
                value,
                style,
                span: l.span(&c),
            })
        }),
        numeral_span: numeral_pair.as_ref().map(|n| l.span(n)),
        action,
        action_text: l.text(&action_pair),
    })
}

fn lower_entry(frag: &Fragment, entry: &P) -> Entry {
    let l = Lower::new(frag);
    let items = find_all(entry, Rule::entry_item)
        .iter()
        .map(|item| {
            let tail = item
                .clone()
                .into_inner()
                .find(|c| {
                    matches!(
                        c.as_rule(),
                        Rule::appoint_tail
                            | Rule::remove_tail
                            | Rule::resign_tail
                            | Rule::concurrent_tail
                            | Rule::current_tail
                    )
                })
                .expect("the grammar requires a tail");
            let form = match tail.as_rule() {
                Rule::appoint_tail => EntryForm::Appointment,
                Rule::remove_tail => EntryForm::Removal,
                Rule::resign_tail => EntryForm::Resignation,
                Rule::concurrent_tail => EntryForm::Concurrent,
                _ => EntryForm::Current,
            };
            let link_len = match form {
                EntryForm::Appointment | EntryForm::Removal | EntryForm::Concurrent => "为".len(),
                EntryForm::Resignation | EntryForm::Current => "辞去".len(),
            };
            let ts = tail.as_span().start();
            EntryItem {
                span: l.span(item),
                verb: l.opt_text(item, Rule::entry_verb),
                persons: l.persons(&child(item, Rule::entry_persons).expect("required")),
                form,
                link: frag.span(ts, ts + link_len),
                posts: l.posts(&tail),
                duty_word: find(&tail, Rule::duty_word).map(|d| l.span(&d)),
            }
        })
        .collect();
    Entry {
        span: l.span(entry),
        items,
        terminator: l.opt_text(entry, Rule::entry_end),
    }
}

// ───────────────────────────── clauses ─────────────────────────────

/// How many characters of an unrecognised text the diagnostic underlines.
const UNDERLINE_CHARS: usize = 6;

const CLAUSE_SEPARATORS: &[char] = &['，', ',', '；', ';', '。', '：', ':'];

/// Reads the clauses of a paragraph one at a time, so that one unreadable clause costs only
/// itself: after a failure, reading resumes after the next separator.
fn parse_clauses(frag: &Fragment) -> (Vec<Clause>, Vec<Unrecognised>) {
    let text = frag.text.as_str();
    let mut clauses = Vec::new();
    let mut errors = Vec::new();
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
        match NoticeParser::parse(Rule::clause_item_root, rest) {
            Ok(mut pairs) => {
                let Some(root) = pairs.next() else { break };
                let consumed = root.as_span().end();
                if consumed == 0 {
                    break;
                }
                if let Some(clause) = child(&root, Rule::clause) {
                    let l = Lower { frag, base: pos };
                    let lowered = lower_clause(&l, &clause);
                    // A fact the grammar matched but whose parts do not hold (a count past
                    // 99999, 「实有代表123456人」) is not silently dropped.
                    let matched = child(&clause, Rule::clause_core).is_some();
                    if matched && lowered.fact.is_none() {
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
                }
                pos += consumed;
            }
            Err(err) => {
                let at = match err.location {
                    pest::error::InputLocation::Pos(p) => p,
                    pest::error::InputLocation::Span((s, _)) => s,
                };
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
    (clauses, errors)
}

/// The next clause separator at or after `from`, outside parentheses.
fn next_separator(text: &str, from: usize) -> Option<usize> {
    let mut depth = 0i32;
    let mut i = from;
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    for (off, c) in text[i..].char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ if depth <= 0 && CLAUSE_SEPARATORS.contains(&c) => return Some(i + off),
            _ => {}
        }
    }
    None
}

fn lower_clause(l: &Lower, clause: &P) -> Clause {
    let mut legal_basis = None;
    let mut time_marker = None;
    for prefix in find_all(clause, Rule::clause_prefix) {
        if let Some(b) = find(&prefix, Rule::legal_basis) {
            legal_basis = Some(LegalBasis {
                span: l.span(&b),
                laws: find_all(&b, Rule::law).iter().map(|x| l.text(x)).collect(),
            });
        }
        if let Some(t) = find(&prefix, Rule::time_marker) {
            time_marker = Some(l.text(&t));
        }
    }
    let fact = child(clause, Rule::clause_core)
        .and_then(|core| core.into_inner().next())
        .and_then(|f| lower_fact(l, &f));
    Clause {
        span: l.span(clause),
        legal_basis,
        time_marker,
        fact,
    }
}

fn lower_fact(l: &Lower, f: &P) -> Option<Fact> {
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
        },
        Rule::deprivation => Fact::Deprivation { text: l.text(f) },
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
fn ending_event(event: &P) -> Option<EndingEvent> {
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
fn listed_deputies(l: &Lower, f: &P) -> Vec<DeputyRef> {
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

// ───────────────────────────── syntax errors ─────────────────────────────

/// Builds the GZ003 record for `frag.text[start..end]`, which `rule` could not read.
fn unrecognised(
    frag: &Fragment,
    start: usize,
    end: usize,
    err: Option<pest::error::Error<Rule>>,
    rule: Rule,
    context: SyntaxContext,
) -> Unrecognised {
    let text = frag.text.as_str();
    let (mut at, positives) = match &err {
        Some(e) => {
            let at = match e.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            let positives = match &e.variant {
                pest::error::ErrorVariant::ParsingError { positives, .. } => positives.clone(),
                pest::error::ErrorVariant::CustomError { .. } => Vec::new(),
            };
            (start + at, positives)
        }
        None => (start, Vec::new()),
    };
    at = at.min(end);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    // Underline from where reading stopped, a few characters at most: the point matters,
    // not the rest of the clause.
    let stop = next_separator(text, at)
        .unwrap_or(end)
        .clamp(at, end.max(at));
    let stop = text[at..stop]
        .char_indices()
        .nth(UNDERLINE_CHARS)
        .map_or(stop, |(i, _)| at + i);
    let (expected_zh, expected_en) = expected::describe(&positives, rule);
    let whole_end = end.max(start);
    let cause = match doubled(text, start, whole_end).filter(|(first, second)| {
        // The doubling is where reading stopped: a repeat elsewhere in an unread sentence
        // (「代表资格审查委员会关于代表资格的…」) is the wording, not the fault.
        let near: usize = text[..first.start]
            .chars()
            .rev()
            .take(2)
            .map(char::len_utf8)
            .sum();
        first.start - near <= at && at <= second.end
    }) {
        Some((first, second)) => Unreadable::Doubled {
            first: frag.span(first.start, first.end),
            second: frag.span(second.start, second.end),
        },
        None if context == SyntaxContext::DeputyClause => match run_in(text, start, at) {
            Some(resumes) => Unreadable::RunIn {
                resumes: frag.span(resumes.start, resumes.end),
            },
            None => Unreadable::UnknownWording,
        },
        None => Unreadable::UnknownWording,
    };
    Unrecognised {
        span: frag.span(start, whole_end),
        at: frag.span(at, stop),
        expected_zh,
        expected_en,
        context,
        cause,
    }
}

/// How close two copies of a run must be to read as printed twice, in characters.
const DOUBLED_WITHIN: usize = 12;
/// How long a run must be to count (shorter runs repeat in correct text: 「人民代表大会」 does
/// but is far apart; 「、」-separated names are short).
const DOUBLED_MIN: usize = 4;

/// The longest run [`repeated_at_once`] looks for: bounds its work per character.
const REPEAT_MAX: usize = 40;

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// A run printed twice with nothing between the copies (「…辞去献县第十八届辞去献县第十八届人大…」):
/// in prose the grammar does not read, only an immediate repeat is sure to be a fault.
fn repeated_at_once(text: &str) -> Option<(Span, Span)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    for i in 0..chars.len() {
        let longest = ((chars.len() - i) / 2).min(REPEAT_MAX);
        for k in (DOUBLED_MIN..=longest).rev() {
            let same =
                (0..k).all(|n| chars[i + n].1 == chars[i + k + n].1 && is_han(chars[i + n].1));
            if same {
                return Some((
                    Span::new(end(i), end(i + k)),
                    Span::new(end(i + k), end(i + 2 * k)),
                ));
            }
        }
    }
    None
}

/// A run of at least [`DOUBLED_MIN`] characters printed again within [`DOUBLED_WITHIN`]
/// characters after itself: typesetting that repeated a piece of a line. Only Han characters
/// count, so 「第6选区、第7选区」-like lists do not.
fn doubled(text: &str, start: usize, end: usize) -> Option<(Span, Span)> {
    let chars: Vec<(usize, char)> = text[start..end]
        .char_indices()
        .map(|(i, c)| (start + i, c))
        .collect();
    for i in 0..chars.len() {
        for j in i + DOUBLED_MIN..(i + DOUBLED_WITHIN).min(chars.len()) {
            let mut k = 0;
            while j + k < chars.len()
                && i + k < j
                && chars[i + k].1 == chars[j + k].1
                && is_han(chars[i + k].1)
            {
                k += 1;
            }
            // Two items of a list (「香港特别行政区、澳门特别行政区」, 「全国人民代表大会和地方各级人民代表
            // 大会」) repeat a word on purpose.
            let between: String = chars[i + k..j].iter().map(|&(_, c)| c).collect();
            let listed = between.contains(['、', '和', '及', '与', '，', '《', '》']);
            if k >= DOUBLED_MIN && !listed {
                let span = |a: usize, n: usize| {
                    let last = chars[a + n - 1];
                    Span::new(chars[a].0, last.0 + last.1.len_utf8())
                };
                return Some((span(i, k), span(j, k)));
            }
        }
    }
    None
}

/// How far before the point where reading stopped another structure may begin, in characters.
const RUN_IN_WITHIN: usize = 24;

/// Where, shortly before `at` (where reading stopped), a complete clause begins and runs past
/// `at`: a structure that broke off because another one ran into it, the words between lost.
fn run_in(text: &str, start: usize, at: usize) -> Option<Span> {
    let from = text[start..at]
        .char_indices()
        .rev()
        .nth(RUN_IN_WITHIN - 1)
        .map_or(start, |(i, _)| start + i);
    let starts = text[from..at]
        .char_indices()
        .map(|(i, _)| from + i)
        .chain(std::iter::once(at));
    for q in starts {
        if q == start {
            continue;
        }
        // The structure that runs in begins with a body's name (the seed: 「重庆市第六届人民代表
        // 大会常务委员会第十二次会议…」 after 「…为重庆市第六届人民代表大会」): the eye skipped
        // from one printing of the name to the next. A clause that begins mid-word proves nothing.
        // At the very point where reading stopped, any complete clause will do (「依照《…代表法》
        // 贺志强…的代表资格终止」: 「的有关规定，」 lost between the law and the clause).
        if q != at && NoticeParser::parse(Rule::body_start_root, &text[q..]).is_err() {
            continue;
        }
        let Ok(mut pairs) = NoticeParser::parse(Rule::clause_item_root, &text[q..]) else {
            continue;
        };
        let Some(root) = pairs.next() else { continue };
        let end = q + root.as_span().end();
        // A clause that only names people or a congress (a topic) proves nothing.
        let weak = find(&root, Rule::designation_only).is_some();
        if end > at && !weak {
            return Some(Span::new(q, end));
        }
    }
    None
}
