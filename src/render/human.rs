//! The human format: a header with the location in characters, then miette's drawing of the
//! labels under the exact characters, then the help, in the message language.
//!
//! miette counts columns in bytes and prints whole source lines. Notice paragraphs are single
//! lines of several hundred CJK characters, so miette is given an *excerpt*: the same line
//! structure as the source (line numbers stay right), with every line that carries a label cut
//! to a window around its labels, and every other line empty. A window fits the output's width
//! (CJK characters count two columns), so a terminal never wraps a line and breaks the
//! underlines; it starts where the sentence starts when that fits, so the reader sees what the
//! broken clause was about (「补选吴凯为…」), else a few characters before the labels.

use std::fmt::{self, Write as _};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};
use unicode_width::UnicodeWidthStr;

use crate::ast::Span;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::report::FileReport;

/// Characters of context kept after the labels of a line, at most.
const CONTEXT_CHARS: usize = 12;
/// Characters of context kept before them, at most, when the sentence does not fit.
const CONTEXT_BEFORE: usize = 24;

/// The width laid out for when none is given: a terminal's classic 80 columns.
pub const DEFAULT_WIDTH: usize = 80;

/// Columns of an excerpt line that are not source text: miette's gutter (` 109 │ `: the line
/// number's digits and four more) and the `...` on each side of a window.
const GUTTER: usize = 4;
const ELLIPSES: usize = 6;

pub struct Options {
    pub lang: Lang,
    pub color: bool,
    /// Also print the notes: what could not be verified, and why (`--explain-skipped`).
    pub show_notes: bool,
}

pub fn render(reports: &[FileReport], options: &Options) -> String {
    let mut out = String::new();
    let _ = render_to(&mut out, reports, options);
    out
}

/// What a run knows besides its reports: inputs that could not be read, how the output is
/// laid out.
#[derive(Debug, Clone, Default)]
pub struct RunOutput {
    /// The inputs that could not be read, by name: the summary says so instead of 「未发现问题」.
    pub unreadable: Vec<String>,
    /// Findings only, no summary line (`--quiet`).
    pub quiet: bool,
    /// The columns the output may use (the terminal's; 80 when not a terminal); 0 for the
    /// default, 80.
    pub width: usize,
}

/// As [`render`], written out diagnostic by diagnostic: an archive with a hundred thousand
/// findings is never held as one string.
pub fn render_to(
    out: &mut impl fmt::Write,
    reports: &[FileReport],
    options: &Options,
) -> fmt::Result {
    render_run(out, reports, options, &RunOutput::default())
}

/// As [`render_to`], with what the run knows besides its reports.
pub fn render_run(
    out: &mut impl fmt::Write,
    reports: &[FileReport],
    options: &Options,
    run: &RunOutput,
) -> fmt::Result {
    let mut one = String::new();
    for report in reports {
        for d in &report.diagnostics {
            if super::shown(report, d, options.show_notes) {
                one.clear();
                render_one(&mut one, report, d, options, width(run));
                out.write_str(&one)?;
            }
        }
    }
    if run.quiet {
        return Ok(());
    }
    out.write_str(&summary(reports, options, &run.unreadable))
}

fn width(run: &RunOutput) -> usize {
    if run.width == 0 {
        DEFAULT_WIDTH
    } else {
        // Narrower than this leaves no room for text beside the gutter.
        run.width.max(40)
    }
}

fn render_one(
    out: &mut String,
    report: &FileReport,
    d: &Diagnostic,
    options: &Options,
    width: usize,
) {
    let lang = options.lang;
    let pos = report.position(d.span.start);
    let (sev_color, sev_word) = match (d.severity, lang) {
        (Severity::Error, Lang::Zh) => ("\x1b[1;31m", "错误"),
        (Severity::Warning, Lang::Zh) => ("\x1b[1;33m", "警告"),
        (Severity::Style, Lang::Zh) => ("\x1b[1;36m", "格式"),
        (Severity::Note, Lang::Zh) => ("\x1b[1;34m", "无法核对"),
        (Severity::Note, Lang::En) => ("\x1b[1;34m", "not verified"),
        (Severity::Error, Lang::En) => ("\x1b[1;31m", "error"),
        (Severity::Warning, Lang::En) => ("\x1b[1;33m", "warning"),
        (Severity::Style, Lang::En) => ("\x1b[1;36m", "style"),
    };
    let (on, off) = if options.color {
        (sev_color, "\x1b[0m")
    } else {
        ("", "")
    };
    let _ = writeln!(
        out,
        "{on}{sev_word}[{}]{off} {}: {}",
        d.code,
        d.name,
        visible(d.message.get(lang), false)
    );
    let at = match lang {
        Lang::Zh => "位置：",
        Lang::En => "--> ",
    };
    let _ = writeln!(
        out,
        "  {at}{}:{}:{}",
        visible(&report.path, false),
        pos.line,
        pos.column
    );

    let mut help = d
        .help
        .as_ref()
        .map(|h| visible(h.get(lang), true).into_owned());
    if let Some(fix) = &d.fix {
        let note = match (lang, super::fixable(report, d)) {
            (Lang::Zh, true) => format!("可自动修正：{}", visible(&fix.description.zh, false)),
            (Lang::En, true) => format!("fixable: {}", visible(&fix.description.en, false)),
            (Lang::Zh, false) => format!("修改：{}", visible(&fix.description.zh, false)),
            (Lang::En, false) => format!("to fix: {}", visible(&fix.description.en, false)),
        };
        help = Some(match help {
            Some(h) => format!("{h}\n{note}"),
            None => note,
        });
    }
    let mut spans: Vec<Spanned> = vec![(
        d.span,
        d.label
            .as_ref()
            .map(|l| visible(l.get(lang), false).into_owned()),
        true,
    )];
    spans.extend(d.labels.iter().map(|l| {
        (
            l.span,
            Some(visible(l.message.get(lang), false).into_owned()),
            false,
        )
    }));
    let theme = if options.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_context_lines(1)
        .without_primary_span_start()
        .with_width(width)
        .with_links(false);
    let digits = report
        .line_index
        .position(&report.source, report.source.len())
        .line
        .to_string()
        .len();
    let budget = width.saturating_sub(digits + GUTTER + ELLIPSES).max(10);
    for cluster in clusters(report, &spans, budget) {
        let snippet = Snippet {
            message: String::new(),
            excerpt: excerpt(report, &cluster, budget),
            // miette's footer would say `help:` in English; the help is written below.
            help: None,
            severity: match d.severity {
                Severity::Error => miette::Severity::Error,
                Severity::Warning => miette::Severity::Warning,
                Severity::Style | Severity::Note => miette::Severity::Advice,
            },
        };
        let mut drawn = String::new();
        if handler.render_report(&mut drawn, &snippet).is_ok() {
            // miette opens with the (empty) message line; the header above already says it.
            for line in drawn.lines().skip_while(|l| !l.contains('╭')) {
                if !line.trim().is_empty() {
                    let _ = writeln!(out, "{}", line.trim_end());
                }
            }
        }
    }
    if let Some(help) = help {
        let first = match lang {
            Lang::Zh => "  帮助：",
            Lang::En => "  help: ",
        };
        for line in wrap_help(&help, width.saturating_sub(2), first) {
            let _ = writeln!(out, "{line}");
        }
    }
    out.push('\n');
}

/// Where the help's continuation lines start.
const HELP_INDENT: &str = "        ";

/// The help's lines under its heading (`first` opens the first, [`HELP_INDENT`] the rest),
/// wrapped to `width` columns; the fix's note continues the help under the same heading.
/// Most helps fit on their lines as written, and textwrap would leave them as they are: they
/// are laid out here without its line breaking (unicode-linebreak, 24,000 instructions a
/// help, 2 % of checking the seed page). A line that is blank, holds a tab or an escape, or
/// does not fit goes to textwrap with the rest.
fn wrap_help(help: &str, width: usize, first: &str) -> Vec<String> {
    let fits = |indent: &str, line: &str| {
        // textwrap measures all but the spaces at the end (an ideographic space counts).
        let measured = line.trim_end_matches(' ');
        !line.trim().is_empty()
            && !line.contains(['\t', '\x1b'])
            && indent
                .chars()
                .chain(measured.chars())
                .map(char_width)
                .sum::<usize>()
                <= width
    };
    let mut lines = help.lines();
    let as_written =
        lines.next().is_some_and(|l| fits(first, l)) && lines.all(|l| fits(HELP_INDENT, l));
    if as_written {
        return help
            .lines()
            .enumerate()
            .map(|(i, l)| {
                format!(
                    "{}{}",
                    if i == 0 { first } else { HELP_INDENT },
                    l.trim_end()
                )
            })
            .collect();
    }
    wrap_by_textwrap(help, width, first)
}

/// The help laid out by textwrap, what [`wrap_help`] does where a line needs breaking.
fn wrap_by_textwrap(help: &str, width: usize, first: &str) -> Vec<String> {
    let wrap = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(HELP_INDENT);
    let text = help.lines().collect::<Vec<_>>().join("\n");
    textwrap::wrap(&text, &wrap)
        .iter()
        .map(|l| l.trim_end().to_string())
        .collect()
}

/// A span to draw, its label, and whether it is the primary one.
type Spanned = (Span, Option<String>, bool);

/// Groups labels whose lines are at most two apart; each group is drawn as one excerpt.
/// Labels of one line too far apart to share a window of `budget` columns are drawn apart.
/// The primary label's group comes first.
fn clusters(report: &FileReport, spans: &[Spanned], budget: usize) -> Vec<Vec<Spanned>> {
    let line = |s: &Span| report.line_index.line_of(s.start);
    let source = report.source.as_str();
    let mut sorted: Vec<Spanned> = spans.to_vec();
    sorted.sort_by_key(|(s, _, _)| (line(s), s.start));
    let mut groups: Vec<Vec<Spanned>> = Vec::new();
    for item in sorted {
        let joins = |g: &Vec<Spanned>| {
            let last = &g[g.len() - 1].0;
            let near = line(&item.0) <= line(last) + 2;
            // Same line: the window from the first label of the line to this one must fit.
            let fits = g
                .iter()
                .filter(|(s, _, _)| line(s) == line(&item.0))
                .map(|(s, _, _)| s.start)
                .min()
                .is_none_or(|from| {
                    let from = floor_boundary(source, from.min(source.len()));
                    let to = floor_boundary(
                        source,
                        item.0.end.clamp(
                            from,
                            line_end_of(
                                report,
                                floor_boundary(source, item.0.start.min(source.len())),
                            ),
                        ),
                    );
                    let line_start = source[..from].rfind(['\n', '\r']).map_or(0, |i| i + 1);
                    let whole = source[line_start..line_end_of(report, from)].width();
                    // miette writes the label's message after `╰── ` under its middle.
                    let start = floor_boundary(source, item.0.start.clamp(from, to));
                    let message = source[from..start].width()
                        + source[start..to].width().div_ceil(2)
                        + 4
                        + item.1.as_deref().map_or(0, UnicodeWidthStr::width);
                    (source[from..to].width() <= budget || whole <= budget + ELLIPSES)
                        && message <= budget + ELLIPSES / 2
                });
            near && fits
        };
        match groups.last_mut() {
            Some(g) if joins(g) => g.push(item),
            _ => groups.push(vec![item]),
        }
    }
    groups.sort_by_key(|g| !g.iter().any(|(_, _, primary)| *primary));
    groups
}

fn summary(reports: &[FileReport], options: &Options, unreadable: &[String]) -> String {
    let count = |s| reports.iter().map(|r| r.count(s)).sum::<usize>();
    let (e, w, s) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Style),
    );
    // The notes not printed above (a file with no notice has its note printed).
    let notes: usize = reports
        .iter()
        .map(|r| r.notes().filter(|d| !super::shown(r, d, false)).count())
        .sum();
    let fixable: usize = reports
        .iter()
        .map(|r| {
            r.diagnostics
                .iter()
                .filter(|d| super::fixable(r, d))
                .count()
        })
        .sum();
    let files = reports.len();
    let failed = unreadable.len();
    let names = unreadable.join(", ");
    let mut line = match options.lang {
        // A run that could not read what it was given has not found that all is well.
        Lang::Zh if failed > 0 && e + w + s == 0 => {
            format!("检查了 {files} 个文件；{failed} 个文件无法读取：{names}。")
        }
        Lang::En if failed > 0 && e + w + s == 0 => {
            format!("Checked {files} file(s); {failed} could not be read: {names}.")
        }
        Lang::Zh if e + w + s == 0 => format!("检查了 {files} 个文件，未发现问题。"),
        Lang::Zh => format!(
            "检查了 {files} 个文件：{e} 个错误，{w} 个警告，{s} 个格式问题；{fixable} 个问题可自动修正。"
        ),
        Lang::En if e + w + s == 0 => format!("Checked {files} file(s): no problems found."),
        Lang::En => format!(
            "Checked {files} file(s): {e} error(s), {w} warning(s), {s} style issue(s); {fixable} fixable."
        ),
    };
    if failed > 0 && e + w + s > 0 {
        line.push_str(&match options.lang {
            Lang::Zh => format!("另有 {failed} 个文件无法读取：{names}。"),
            Lang::En => format!(" {failed} file(s) could not be read: {names}."),
        });
    }
    let empty = reports
        .iter()
        .filter(|r| !r.unreadable() && r.document.notices().next().is_none())
        .count();
    if empty > 0 {
        line.push_str(&match options.lang {
            Lang::Zh => format!("其中 {empty} 个文件中没有发现公告，未作任何核对。"),
            Lang::En => format!(" {empty} file(s) held no notice and were not checked."),
        });
    }
    if notes > 0 && !options.show_notes {
        line.push_str(&match options.lang {
            Lang::Zh => format!("另有 {notes} 处无法核对，用 --explain-skipped 查看原因。"),
            Lang::En => {
                format!(" {notes} item(s) could not be verified; --explain-skipped says why.")
            }
        });
    }
    line.push('\n');
    line
}

/// The lines of one cluster, each labelled line cut to a window of at most `budget` columns
/// around its labels, with the labels re-based into the excerpt.
fn excerpt(report: &FileReport, spans: &[Spanned], budget: usize) -> Excerpt {
    let source = report.source.as_str();
    // Clamp every span to the line it starts on: a label is drawn on one line.
    let clamped: Vec<(Span, usize)> = spans
        .iter()
        .map(|(span, _, _)| {
            let start = floor_boundary(source, span.start.min(source.len()));
            let line_start = report.line_index.line_bounds(source, start).0.min(start);
            let end = floor_boundary(source, span.end.clamp(start, line_end_of(report, start)));
            (Span::new(start, end), line_start)
        })
        .collect();

    let mut windows: Vec<Window> = Vec::new();
    for &(span, line_start) in &clamped {
        match windows.iter_mut().find(|w| w.line_start == line_start) {
            Some(w) => {
                w.from = w.from.min(span.start);
                w.to = w.to.max(span.end);
            }
            None => windows.push(Window {
                line_start,
                from: span.start,
                to: span.end,
                at: 0,
            }),
        }
    }
    for w in &mut windows {
        // miette writes each label's message after `╰── ` under the middle of the label:
        // the context before the labels must leave room for the longest such line.
        let lead = clamped
            .iter()
            .zip(spans)
            .filter(|((_, line_start), _)| *line_start == w.line_start)
            .map(|((span, _), (_, message, _))| {
                let half = source[span.start..span.end].width().div_ceil(2);
                let text = message.as_deref().map_or(0, UnicodeWidthStr::width);
                (budget + 3).saturating_sub(source[w.from..span.start].width() + half + 4 + text)
            })
            .min()
            .unwrap_or(budget);
        fit_window(report, w, budget, lead);
    }
    windows.sort_by_key(|w| w.line_start);
    // A label longer than its window is drawn up to the window's end.
    let clamped: Vec<(Span, usize)> = clamped
        .into_iter()
        .map(|(span, line_start)| {
            let w = windows
                .iter()
                .find(|w| w.line_start == line_start)
                .expect("every label has a window");
            let start = span.start.clamp(w.from, w.to);
            (Span::new(start, span.end.clamp(start, w.to)), line_start)
        })
        .collect();

    let first_line = windows
        .first()
        .map_or(1, |w| report.line_index.line_of(w.line_start));
    let mut text = String::new();
    let mut line_start = windows.first().map_or(0, |w| w.line_start);
    for w in &mut windows {
        // Lines between labelled lines of a cluster (at most two) are shown empty.
        while line_start < w.line_start {
            let brk = line_end_of(report, line_start);
            let len = if source[brk..].starts_with("\r\n") {
                2
            } else {
                1
            };
            line_start = brk + len;
            text.push('\n');
        }
        // ASCII dots: 「…」 is of ambiguous width and shifts the underlines in CJK terminals.
        if w.from > w.line_start {
            text.push_str("...");
        }
        w.at = text.len();
        text.push_str(&visible(&source[w.from..w.to], false));
        if w.to < line_end_of(report, w.line_start) {
            text.push_str("...");
        }
    }

    let labels = clamped
        .iter()
        .zip(spans)
        .map(|(&(span, line_start), (_, message, primary))| {
            let w = windows
                .iter()
                .find(|w| w.line_start == line_start)
                .expect("every label has a window");
            // Offsets in the excerpt, where control characters take their visible form.
            let at = |offset: usize| w.at + visible(&source[w.from..offset], false).len();
            let range = at(span.start)..at(span.end);
            if *primary {
                LabeledSpan::new_primary_with_span(message.clone(), range)
            } else {
                LabeledSpan::new_with_span(message.clone(), range)
            }
        })
        .collect();
    Excerpt {
        text,
        first_line,
        labels,
    }
}

/// Widens a window from its labels (`from..to`) to context that fits `budget` columns: back
/// to the start of the sentence when the whole fits, else up to [`CONTEXT_BEFORE`]
/// characters; then forward, up to [`CONTEXT_CHARS`]. The context before the labels is at
/// most `lead` columns. Labels wider than the budget are cut at its end.
fn fit_window(report: &FileReport, w: &mut Window, budget: usize, lead: usize) {
    let source = report.source.as_str();
    let line_end = line_end_of(report, w.line_start);
    let cols = |from: usize, to: usize| source[from..to].width();
    if cols(w.from, w.to) > budget {
        w.to = w.from + fitting_prefix(&source[w.from..w.to], budget);
        return;
    }
    // A line that fits whole is shown whole, without dots.
    if cols(w.line_start, line_end) <= budget + ELLIPSES
        && cols(w.line_start, w.from) <= lead + ELLIPSES / 2
    {
        w.from = w.line_start;
        w.to = line_end;
        return;
    }
    let sentence = source[w.line_start..w.from]
        .rfind(['。', '；', '！', '？'])
        .map_or(w.line_start, |i| {
            let at = w.line_start + i;
            at + source[at..].chars().next().map_or(0, char::len_utf8)
        });
    // Leave room for a little context after the labels too.
    let after = forward_chars(source, w.to, 4).min(line_end);
    let room = budget.saturating_sub(cols(w.to, after));
    let from = if cols(sentence, w.to) <= room && cols(sentence, w.from) <= lead {
        sentence
    } else {
        // As far back as fits, up to CONTEXT_BEFORE characters: enough to show what the
        // clause is about (「补选吴凯为」 before the words a GZ003 found missing).
        let mut from = w.from;
        let labels = cols(w.from, w.to);
        let mut before = 0;
        for (i, c) in source[w.line_start..w.from]
            .char_indices()
            .rev()
            .take(CONTEXT_BEFORE)
        {
            before += char_width(c);
            if before + labels > room || before > lead {
                break;
            }
            from = w.line_start + i;
        }
        // Start at a clause when one begins in the context: 「依照…」, not 「民代表大会…」.
        // 「、」 separates names and posts, not clauses: a window may start after one, never
        // at one.
        let from = match source[from..w.from].find(['，', '：', '；', '。']) {
            Some(i) => {
                let at = from + i;
                at + source[at..].chars().next().map_or(0, char::len_utf8)
            }
            None if source[from..w.from].starts_with('、') => from + '、'.len_utf8(),
            None => from,
        };
        snap_back(
            source,
            from,
            w.line_start,
            w.from,
            room.min(lead + cols(w.from, w.to)),
        )
    };
    let mut to = w.to;
    let mut width = cols(from, w.to);
    for c in source[w.to..line_end].chars().take(CONTEXT_CHARS) {
        width += char_width(c);
        if width > budget {
            break;
        }
        to += c.len_utf8();
    }
    w.from = from;
    w.to = snap_forward(source, to, line_end, from, budget);
}

/// A character's columns as a terminal shows it. The windows grow a character at a time and
/// add these up, where measuring each candidate window whole made them quadratic in the
/// line's length (800 width measures, 4 % of checking the seed page). The sum is the
/// string's width but for sequences no notice holds (emoji joined by ZWJ, a variation
/// selector), where a window may come out a column off.
fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

/// The longest prefix of `text` at most `budget` columns wide, in bytes.
fn fitting_prefix(text: &str, budget: usize) -> usize {
    let mut width = 0;
    for (i, c) in text.char_indices() {
        width += char_width(c);
        if width > budget {
            return i;
        }
    }
    text.len()
}

/// A window must not start inside a run of ASCII letters and digits (「2024年」 cut to
/// 「24年」): back to the run's start when the window still fits, else forward past it (never
/// past the labels at `limit`).
fn snap_back(source: &str, from: usize, line_start: usize, limit: usize, budget: usize) -> usize {
    let inside = |at: usize| {
        at > line_start
            && source[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
            && source[at..].starts_with(|c: char| c.is_ascii_alphanumeric())
    };
    let mut back = from;
    while inside(back) {
        back -= 1;
    }
    if source[back..limit].width() <= budget {
        return back;
    }
    let mut at = from;
    while inside(at) && at < limit {
        at += 1;
    }
    at
}

/// Likewise for the end: back to the run's start when extending it would not fit.
fn snap_forward(source: &str, to: usize, line_end: usize, from: usize, budget: usize) -> usize {
    let inside = |at: usize| {
        at < line_end
            && source[..at].ends_with(|c: char| c.is_ascii_alphanumeric())
            && source[at..].starts_with(|c: char| c.is_ascii_alphanumeric())
    };
    let mut at = to;
    while inside(at) && source[from..at + 1].width() <= budget {
        at += 1;
    }
    if inside(at) {
        while at > from && inside(at) {
            at -= 1;
        }
    }
    at
}

/// A labelled line's window: source bytes `from..to` of the line at `line_start`, placed at
/// `at` in the excerpt.
struct Window {
    line_start: usize,
    from: usize,
    to: usize,
    at: usize,
}

/// Where the line holding `from` ends (before its break), never before `from`: from the line
/// index, since searching the text would scan a long line again for each finding on it.
fn line_end_of(report: &FileReport, from: usize) -> usize {
    report
        .line_index
        .line_bounds(&report.source, from)
        .1
        .max(from)
}

/// Excerpt text whose first line is line `first_line` of the source.
struct Excerpt {
    text: String,
    first_line: usize,
    labels: Vec<LabeledSpan>,
}

impl miette::SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, before, after)?;
        Ok(Box::new(miette::MietteSpanContents::new(
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line - 1,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// `s` with its control characters made visible: notice text must not reach the terminal as
/// escape sequences (ESC, OSC, BEL can set the window title or clear the screen). C0 controls
/// and DEL become their Unicode control pictures (␛, ␇, one column each, so underlines stay
/// under their characters); C1 controls become `<U+009B>`. Tabs stay, and line breaks too
/// when `keep_breaks` (help texts have several lines).
pub fn visible(s: &str, keep_breaks: bool) -> std::borrow::Cow<'_, str> {
    let shown = |c: char| c.is_control() && c != '\t' && !(keep_breaks && c == '\n');
    if !s.chars().any(shown) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            c if !shown(c) => out.push(c),
            '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
            '\u{7F}' => out.push('\u{2421}'),
            c => {
                let _ = write!(out, "<U+{:04X}>", c as u32);
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// `n` characters forward from `from`, likewise not ending inside an ASCII run.
fn forward_chars(s: &str, from: usize, n: usize) -> usize {
    let mut at = s[from..]
        .char_indices()
        .nth(n)
        .map_or(s.len(), |(i, _)| from + i);
    while let Some(c) = s[at..].chars().next() {
        if !c.is_ascii_alphanumeric() || !s[..at].ends_with(|d: char| d.is_ascii_alphanumeric()) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

/// What miette draws: an excerpt with labels, and the help text.
struct Snippet {
    message: String,
    excerpt: Excerpt,
    help: Option<String>,
    severity: miette::Severity,
}

impl fmt::Debug for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Snippet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Snippet {}

impl miette::Diagnostic for Snippet {
    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(&self.excerpt)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.excerpt.labels.iter().cloned()))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h.as_str()) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
}

#[cfg(test)]
mod tests {
    use super::{wrap_by_textwrap, wrap_help};

    #[test]
    fn help_laid_out_as_written_is_textwraps_layout() {
        let helps = [
            "可自动修正：改为六角括号「〔〕」",
            "对照原稿补上丢失的文字；规范写法见 `gazette explain GZ003`",
            "fixable: write the hexagonal brackets 〔〕 instead",
            "第一行\n第二行继续说明，写得很长很长很长很长很长很长很长很长很长很长很长很长很长很长",
            "trailing spaces   \r\nand CRLF  ",
            "  leading spaces",
            "a\ttab",
            "\u{3000}全角空格开头\u{3000}",
            "",
            "two\n\nparagraphs",
            "𠮷野家 outside the BMP, 𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷",
            "averyveryveryveryveryveryveryveryveryveryveryverylongwordwithoutbreaks",
        ];
        let mut skipped = 0;
        for help in helps {
            for first in ["  帮助：", "  help: "] {
                for width in 8..100 {
                    let ours = wrap_help(help, width, first);
                    assert_eq!(
                        ours,
                        wrap_by_textwrap(help, width, first),
                        "{help:?} at {width}"
                    );
                    skipped += usize::from(ours.len() == help.lines().count());
                }
            }
        }
        // The test means something only if many of these were laid out as written.
        assert!(skipped > 500, "{skipped}");
    }
}
