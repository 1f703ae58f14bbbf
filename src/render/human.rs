//! The human format: a header with the location in characters, then miette's drawing of the
//! labels under the exact characters.
//!
//! miette counts columns in bytes and prints whole source lines. Notice paragraphs are single
//! lines of several hundred CJK characters, so miette is given an *excerpt*: the same line
//! structure as the source (line numbers stay right), with every line that carries a label cut
//! to a window around its labels, and every other line empty.

use std::fmt::{self, Write as _};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan};

use crate::ast::Span;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::report::FileReport;

/// Characters of context kept on each side of the labels of a line.
const CONTEXT_CHARS: usize = 12;

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

/// As [`render`], written out diagnostic by diagnostic: an archive with a hundred thousand
/// findings is never held as one string.
pub fn render_to(
    out: &mut impl fmt::Write,
    reports: &[FileReport],
    options: &Options,
) -> fmt::Result {
    let mut one = String::new();
    for report in reports {
        for d in &report.diagnostics {
            if d.severity != Severity::Note || options.show_notes {
                one.clear();
                render_one(&mut one, report, d, options);
                out.write_str(&one)?;
            }
        }
    }
    out.write_str(&summary(reports, options))
}

fn render_one(out: &mut String, report: &FileReport, d: &Diagnostic, options: &Options) {
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
    let _ = writeln!(
        out,
        "  --> {}:{}:{}",
        visible(&report.path, false),
        pos.line,
        pos.column
    );

    let mut help = d
        .help
        .as_ref()
        .map(|h| visible(h.get(lang), true).into_owned());
    if let Some(fix) = &d.fix {
        let note = match lang {
            Lang::Zh => format!("可自动修正：{}", visible(&fix.description.zh, false)),
            Lang::En => format!("fixable: {}", visible(&fix.description.en, false)),
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
        .with_width(100)
        .with_links(false);
    let clusters = clusters(report, &spans);
    let last = clusters.len().saturating_sub(1);
    for (i, cluster) in clusters.iter().enumerate() {
        let snippet = Snippet {
            message: String::new(),
            excerpt: excerpt(report, cluster),
            // The help closes the last drawing.
            help: if i == last { help.clone() } else { None },
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
                let _ = writeln!(out, "{}", line.trim_end());
            }
        }
    }
    out.push('\n');
}

/// A span to draw, its label, and whether it is the primary one.
type Spanned = (Span, Option<String>, bool);

/// Groups labels whose lines are at most two apart; each group is drawn as one excerpt.
/// The primary label's group comes first.
fn clusters(report: &FileReport, spans: &[Spanned]) -> Vec<Vec<Spanned>> {
    let line = |s: &Span| report.line_index.line_of(s.start);
    let mut sorted: Vec<Spanned> = spans.to_vec();
    sorted.sort_by_key(|(s, _, _)| (line(s), s.start));
    let mut groups: Vec<Vec<Spanned>> = Vec::new();
    for item in sorted {
        match groups.last_mut() {
            Some(g) if line(&item.0) <= line(&g[g.len() - 1].0) + 2 => g.push(item),
            _ => groups.push(vec![item]),
        }
    }
    groups.sort_by_key(|g| !g.iter().any(|(_, _, primary)| *primary));
    groups
}

fn summary(reports: &[FileReport], options: &Options) -> String {
    let count = |s| reports.iter().map(|r| r.count(s)).sum::<usize>();
    let (e, w, s) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Style),
    );
    let notes: usize = reports.iter().map(|r| r.notes().count()).sum();
    let fixable: usize = reports
        .iter()
        .map(|r| r.diagnostics.iter().filter(|d| d.fix.is_some()).count())
        .sum();
    let files = reports.len();
    let mut line = match options.lang {
        Lang::Zh if e + w + s == 0 => format!("检查了 {files} 个文件，未发现问题。"),
        Lang::Zh => format!(
            "检查了 {files} 个文件：{e} 个错误，{w} 个警告，{s} 个格式问题；{fixable} 个问题可自动修正。"
        ),
        Lang::En if e + w + s == 0 => format!("Checked {files} file(s): no problems found."),
        Lang::En => format!(
            "Checked {files} file(s): {e} error(s), {w} warning(s), {s} style issue(s); {fixable} fixable."
        ),
    };
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

/// The lines of one cluster, each labelled line cut to a window around its labels, with the
/// labels re-based into the excerpt.
fn excerpt(report: &FileReport, spans: &[Spanned]) -> Excerpt {
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
        let from = back_chars(source, span.start, CONTEXT_CHARS).max(line_start);
        let to =
            forward_chars(source, span.end, CONTEXT_CHARS).min(line_end_of(report, line_start));
        match windows.iter_mut().find(|w| w.line_start == line_start) {
            Some(w) => {
                w.from = w.from.min(from);
                w.to = w.to.max(to);
            }
            None => windows.push(Window {
                line_start,
                from,
                to,
                at: 0,
            }),
        }
    }
    windows.sort_by_key(|w| w.line_start);

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

/// `n` characters back from `from`, and further while inside a run of ASCII letters and
/// digits: a window must not cut 「2024年」 into 「24年」.
fn back_chars(s: &str, from: usize, n: usize) -> usize {
    let mut at = s[..from]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map_or(from, |(i, _)| i);
    while let Some(c) = s[..at].chars().next_back() {
        if !c.is_ascii_alphanumeric() || !s[at..].starts_with(|d: char| d.is_ascii_alphanumeric()) {
            break;
        }
        at -= c.len_utf8();
    }
    at
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
