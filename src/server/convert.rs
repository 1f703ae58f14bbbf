//! From a checked report to the protocol's shapes: diagnostics, code actions, hover text and
//! the outline. Nothing here judges a notice; it only translates what the rules found.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, DiagnosticRelatedInformation, DiagnosticSeverity, DocumentSymbol,
    Location, NumberOrString, SymbolKind, TextEdit, Url, WorkspaceEdit,
};

use super::position::Mapper;
use crate::ast::{Block, NoticeBody, Span};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::report::FileReport;

/// The kind of the action that applies every certain fix of a document.
pub const FIX_ALL: &str = "source.fixAll.gazette";

pub fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Style => DiagnosticSeverity::INFORMATION,
        // What could not be verified is not a finding: the faintest mark there is.
        Severity::Note => DiagnosticSeverity::HINT,
    }
}

pub fn diagnostic(d: &Diagnostic, m: &Mapper, uri: &Url, lang: Lang) -> lsp_types::Diagnostic {
    let mut message = d.message.get(lang).to_string();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(help.get(lang));
    }
    // The primary label first, at the primary range, as the JSON output lists them.
    let related: Vec<DiagnosticRelatedInformation> = d
        .label
        .iter()
        .map(|l| (d.span, l))
        .chain(d.labels.iter().map(|l| (l.span, &l.message)))
        .map(|(span, label)| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), m.range(span)),
            message: label.get(lang).to_string(),
        })
        .collect();
    lsp_types::Diagnostic {
        range: m.range(d.span),
        severity: Some(severity(d.severity)),
        // Notes keep the code of the rule that could not verify.
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: None,
        source: Some("gazette".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// Findings and notes, in source order.
pub fn diagnostics(
    report: &FileReport,
    m: &Mapper,
    uri: &Url,
    lang: Lang,
) -> Vec<lsp_types::Diagnostic> {
    report
        .diagnostics
        .iter()
        .map(|d| diagnostic(d, m, uri, lang))
        .collect()
}

fn overlaps(span: Span, from: usize, to: usize) -> bool {
    span.start <= to && from <= span.end
}

fn edit(m: &Mapper, span: Span, replacement: &str) -> TextEdit {
    TextEdit::new(m.range(span), replacement.to_string())
}

fn workspace_edit(uri: &Url, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(uri.clone(), edits)])),
        ..WorkspaceEdit::default()
    }
}

/// What the client asked for: `only` as sent (none means every kind).
pub struct ActionRequest<'a> {
    pub from: usize,
    pub to: usize,
    pub only: Option<&'a [CodeActionKind]>,
    /// Plain text takes `# gazette-ignore`; Markdown an HTML comment.
    pub markdown: bool,
}

fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    only.is_none_or(|kinds| {
        kinds.iter().any(|k| {
            kind.as_str() == k.as_str() || kind.as_str().starts_with(&format!("{}.", k.as_str()))
        })
    })
}

pub fn code_actions(
    report: &FileReport,
    m: &Mapper,
    uri: &Url,
    lang: Lang,
    request: &ActionRequest,
) -> Vec<CodeAction> {
    let mut actions = Vec::new();
    let here: Vec<&Diagnostic> = report
        .findings()
        .filter(|d| overlaps(d.span, request.from, request.to))
        .collect();
    if wanted(request.only, &CodeActionKind::QUICKFIX) {
        for d in &here {
            let Some(fix) = &d.fix else { continue };
            actions.push(CodeAction {
                title: format!("{}（{}）", fix.description.get(lang), d.code),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![diagnostic(d, m, uri, lang)]),
                edit: Some(workspace_edit(
                    uri,
                    fix.edits
                        .iter()
                        .map(|e| edit(m, e.span, &e.replacement))
                        .collect(),
                )),
                is_preferred: Some(true),
                ..CodeAction::default()
            });
        }
        for d in &here {
            actions.push(ignore_action(report, m, uri, lang, d, request.markdown));
        }
    }
    let fix_all = CodeActionKind::from(FIX_ALL);
    if wanted(request.only, &fix_all) {
        let edits: Vec<TextEdit> = crate::fix::chosen_edits(report)
            .into_iter()
            .map(|e| edit(m, e.span, &e.replacement))
            .collect();
        if !edits.is_empty() {
            actions.push(CodeAction {
                title: match lang {
                    Lang::Zh => "gazette：应用全部可确定的修正".to_string(),
                    Lang::En => "gazette: apply every certain fix".to_string(),
                },
                kind: Some(fix_all),
                edit: Some(workspace_edit(uri, edits)),
                ..CodeAction::default()
            });
        }
    }
    actions
}

/// 「ignore GZxxx here」: a suppression comment on its own line above the finding's line. It
/// covers that line's block (up to the next blank line, or the whole notice when the block
/// starts one), which is what a suppression comment can cover.
fn ignore_action(
    report: &FileReport,
    m: &Mapper,
    uri: &Url,
    lang: Lang,
    d: &Diagnostic,
    markdown: bool,
) -> CodeAction {
    let line = report
        .line_index
        .position(&report.source, d.span.start)
        .line;
    let start = report.line_index.line_start(line);
    let next = report.line_index.line_start(line + 1);
    let newline = if report.source[start..next.max(start)].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let comment = if markdown {
        format!("<!-- gazette-ignore {} -->{newline}", d.code)
    } else {
        format!("# gazette-ignore {}{newline}", d.code)
    };
    CodeAction {
        title: match lang {
            Lang::Zh => format!("在此处忽略 {}（插入 gazette-ignore 注释）", d.code),
            Lang::En => format!("Ignore {} here (insert a gazette-ignore comment)", d.code),
        },
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic(d, m, uri, lang)]),
        edit: Some(workspace_edit(
            uri,
            vec![edit(m, Span::new(start, start), &comment)],
        )),
        ..CodeAction::default()
    }
}

/// The hover over `offset`: each finding or note there, with its rule's explanation
/// (`gazette explain`), and the span of the first. `None` when nothing was found there.
pub fn hover(report: &FileReport, offset: usize, lang: Lang) -> Option<(String, Span)> {
    let here: Vec<&Diagnostic> = report
        .diagnostics
        .iter()
        .filter(|d| {
            d.span.start <= offset
                && (offset < d.span.end || d.span.is_empty() && offset == d.span.start)
        })
        .collect();
    let first = here.first()?;
    let mut text = String::new();
    for d in &here {
        if !text.is_empty() {
            text.push_str("\n\n---\n\n");
        }
        if d.severity == Severity::Note {
            let title = match lang {
                Lang::Zh => "无法核对",
                Lang::En => "not verified",
            };
            text.push_str(&format!(
                "**{title}**（{}）\n\n{}",
                d.code,
                d.message.get(lang)
            ));
            continue;
        }
        text.push_str(&format!(
            "**{} {}** ({})\n\n{}",
            d.code,
            d.name,
            d.severity.as_str(),
            d.message.get(lang)
        ));
        if let Some(help) = &d.help {
            text.push_str(&format!("\n\n{}", help.get(lang)));
        }
        if let Some(rule) = crate::check::find_rule(d.code) {
            text.push_str(&format!("\n\n{}\n\n{}", rule.summary, rule.explanation));
        }
    }
    Some((text, first.span))
}

/// The first line of a span's text, trimmed: what an outline shows for a node.
fn title(source: &str, span: Span) -> String {
    let text = source.get(span.start..span.end).unwrap_or("");
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let line = line.trim_start_matches('#').trim();
    if line.is_empty() {
        "—".to_string()
    } else {
        line.to_string()
    }
}

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written, though deprecated.
fn symbol(
    name: String,
    detail: Option<String>,
    kind: SymbolKind,
    range: lsp_types::Range,
    selection: lsp_types::Range,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    DocumentSymbol {
        name,
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: (!children.is_empty()).then_some(children),
    }
}

/// The outline: each notice (its header and number), its sections with their entries, and
/// a decision's title.
pub fn outline(report: &FileReport, m: &Mapper) -> Vec<DocumentSymbol> {
    let source = &report.source;
    let mut out = Vec::new();
    for block in &report.document.blocks {
        let Block::Notice(notice) = block else {
            continue;
        };
        let mut children = Vec::new();
        match &notice.body {
            NoticeBody::Personnel(list) => {
                for section in &list.sections {
                    let heading = section.heading.as_ref().map_or(section.span, |h| h.span);
                    let entries = section
                        .entries
                        .iter()
                        .map(|e| {
                            symbol(
                                title(source, e.span),
                                None,
                                SymbolKind::FIELD,
                                m.range(e.span),
                                m.range(e.span),
                                Vec::new(),
                            )
                        })
                        .collect();
                    children.push(symbol(
                        title(source, heading),
                        None,
                        SymbolKind::ARRAY,
                        m.range(section.span),
                        m.range(heading),
                        entries,
                    ));
                }
            }
            NoticeBody::Decision(decision) => {
                if let Some(t) = &decision.title {
                    children.push(symbol(
                        title(source, t.span),
                        None,
                        SymbolKind::EVENT,
                        m.range(t.span),
                        m.range(t.span),
                        Vec::new(),
                    ));
                }
            }
            NoticeBody::Qualification(_) => {}
        }
        let header = notice.header.span;
        let name = match &notice.header.number {
            Some(n) => format!(
                "{} {}",
                title(source, notice.header.issuer.span),
                title(source, n.span)
            ),
            None => title(source, header),
        };
        out.push(symbol(
            name,
            Some(notice.kind.name_zh().to_string()),
            SymbolKind::MODULE,
            m.range(notice.span),
            m.range(header),
            children,
        ));
    }
    out
}
