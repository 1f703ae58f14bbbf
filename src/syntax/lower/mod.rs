//! Lowering: pest pairs → the typed tree of `crate::ast`.
//!
//! The page layer (`Rule::document`) tells which lines belong to which notice. Each notice's
//! lines are then classified and parsed with the fragment entry rules; what no rule accepts
//! becomes an [`Unrecognised`] node (GZ003), never quiet prose.

use pest::iterators::Pair;
use pest::Parser;

pub(super) use super::expected;
use super::fragment::Fragment;
use super::numerals::parse_numeral;
use super::parser::{NoticeParser, Rule};
use crate::ast::*;

mod clause_forms;
mod clauses;
mod lines;
mod notice;
mod page;
mod pairs;
mod personnel;
mod unread;

use clause_forms::*;
use clauses::*;
use lines::*;
use notice::*;
use page::*;
use pairs::*;
use personnel::*;
use unread::*;

#[doc(hidden)]
pub use clause_forms::{clause_form_rules, clause_reading};
#[doc(hidden)]
pub use pairs::{probe, PROBES};

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
            page.problems
                .extend(headers_in_gap(source, Span::new(pos, source.len()), opaque));
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
        page.problems
            .extend(headers_in_gap(source, Span::new(pos, candidate), opaque));
        // Fast mode (grammar/notice.pest, `fast_mode`): the same pairs; its errors are not used.
        match NoticeParser::parse(Rule::page_step_fast, &source[candidate..limit]) {
            Ok(mut pairs) => {
                let step = pairs.next().and_then(|p| p.into_inner().next());
                match step {
                    Some(notice) if notice.as_rule() == Rule::notice => {
                        let end = candidate + notice.as_span().end();
                        let n = lower_notice(source, candidate, notice);
                        page.problems.extend(cut_short(source, &n));
                        page.blocks.push(Block::Notice(Box::new(n)));
                        pos = end;
                    }
                    Some(line) => {
                        let end = candidate + line.as_span().end();
                        page.opaque(Span::new(candidate, end));
                        if let Some(header) = damaged_header(source, Span::new(candidate, end)) {
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

/// A news report's list (no issuer, 「会议…：」 as its title) that stopped at a line its last
/// entry promised: see [`page::news_list_cut_short`].
fn cut_short(source: &str, notice: &Notice) -> Option<Unrecognised> {
    is_news_list(&notice.header)
        .then(|| news_list_cut_short(source, notice.span))
        .flatten()
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
            Rule::notice => {
                let n = lower_notice(source, 0, pair);
                page.problems.extend(cut_short(source, &n));
                page.blocks.push(Block::Notice(Box::new(n)));
            }
            Rule::opaque_line => {
                page.opaque(span);
                page.problems.extend(damaged_header(source, span));
            }
            _ => {}
        }
    }
    page.finish(source)
}
