//! The text of a Word draft as its reader sees it, and where each character of it sits in
//! `word/document.xml`.
//!
//! The body's paragraphs are read in document order (a table's cells row by row, each
//! cell's paragraphs in turn) and joined with '\n'. Within a paragraph the runs are joined
//! (Word splits text into runs wherever formatting or editing history changed); tracked
//! changes read as accepted (`w:ins` kept, `w:del` and `w:moveFrom` dropped, a paragraph whose
//! mark was deleted runs on into the next: line = paragraph of the accepted text); a field reads as
//! its result, never its instruction; `w:tab` is '\t'. A soft line break (`w:br`, Shift+Enter,
//! and `w:cr`) is '\n' too, so a title broken over lines with soft breaks reads as the
//! grammar reads a title broken over lines — but it does not start a new line number: lines
//! are counted by [`Extracted::paragraph_starts`] alone, so line = paragraph still holds and
//! the soft break counts as one character of its paragraph, as Word counts it. Text boxes,
//! drawings and the fallback copy of alternate content are not the notice's text; neither are
//! headers, footers, footnotes and comments, which live in other parts.

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

use super::package::{PackageError, MAX_DEPTH};

const W_NS: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_NS_STRICT: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC_NS: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// The text of the document part and the map back into it.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub text: String,
    /// Where each paragraph starts in `text`: the line starts of the report.
    pub paragraph_starts: Vec<usize>,
    /// The document part as read (without a BOM); every offset below is into it.
    pub xml: String,
    /// The length of the BOM the part had (kept when it is written back).
    pub bom: usize,
    /// Contiguous stretches of `text`, in order, each with its place in `xml`.
    pub segments: Vec<Segment>,
    pub runs: Vec<Run>,
    pub paragraphs: Vec<Paragraph>,
    /// The qualified-name prefix of the WordprocessingML namespace (`"w:"`, or `""` when it
    /// is the default namespace): what new elements are written with.
    pub prefix: String,
    /// The largest comment id the document part already uses.
    pub max_comment_id: Option<u64>,
}

/// A stretch of the text and where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    pub source: Source,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// Characters of a `w:t` written as themselves: text byte `start + i` is XML byte `at + i`.
    Text { at: usize, run: usize },
    /// One character written as a reference (`&amp;`, `&#x4E00;`) at `at..end`.
    Reference { at: usize, end: usize, run: usize },
    /// One character standing for an element of a run (`w:tab`, `w:br`) at `at..end`.
    Element { at: usize, end: usize, run: usize },
    /// The '\n' between paragraph `paragraph` and the next.
    Break { paragraph: usize },
}

impl Source {
    pub fn run(self) -> Option<usize> {
        match self {
            Source::Text { run, .. }
            | Source::Reference { run, .. }
            | Source::Element { run, .. } => Some(run),
            Source::Break { .. } => None,
        }
    }
}

/// A `w:r` of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Where `<w:r …>` starts and ends.
    pub start: usize,
    pub open_end: usize,
    /// Its properties (`<w:rPr>…</w:rPr>`), copied onto each piece when it is split.
    pub properties: Option<(usize, usize)>,
    /// Just after `</w:r>`.
    pub end: usize,
    /// The prefix its name is written with (`"w:"`).
    pub prefix: String,
}

/// A `w:p` of the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Where content may be inserted first: after `<w:p>` and its `w:pPr`. `None` for `<w:p/>`.
    pub content_start: Option<usize>,
    /// Where `</w:p>` starts. `None` for `<w:p/>`.
    pub close: Option<usize>,
    /// Its paragraph mark is a tracked deletion: accepted, it runs on into the next one.
    pub mark_deleted: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Elem {
    P,
    PPr,
    R,
    RPr,
    T,
    Other,
}

/// Reads the document part (`bytes` is its text, `bom` the length of the BOM removed from it).
pub fn read_document(xml: String, bom: usize) -> Result<Extracted, PackageError> {
    let mut reader = NsReader::from_str(&xml);
    reader.config_mut().trim_text(false);
    let mut out = Builder::default();
    // What each open element is, and whether it is of the WordprocessingML namespace.
    let mut stack: Vec<Elem> = Vec::new();
    // The depth at which skipped content (a deletion, a drawing…) began.
    let mut skipping: Option<usize> = None;
    // Open fields: true while their instruction is being read (up to `separate`).
    let mut fields: Vec<bool> = Vec::new();
    let mut open_runs: Vec<usize> = Vec::new();
    let mut open_paragraphs: Vec<usize> = Vec::new();
    let mut properties_start = 0;
    let mut prefix: Option<String> = None;
    loop {
        let before = position(&reader);
        let (ns, event) = match reader.read_resolved_event() {
            Ok((ResolveResult::Bound(n), event)) if n.0 == W_NS || n.0 == W_NS_STRICT => {
                (Ns::W, event)
            }
            Ok((ResolveResult::Bound(n), event)) if n.0 == MC_NS => (Ns::Mc, event),
            Ok((_, event)) => (Ns::Other, event),
            Err(e) => return Err(PackageError::BadXml(e.to_string())),
        };
        let after = position(&reader);
        match event {
            Event::Eof => break,
            Event::DocType(_) => return Err(PackageError::Entities),
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let local = e.local_name();
                let name = local.as_ref();
                if !empty && stack.len() >= MAX_DEPTH {
                    return Err(PackageError::TooDeep);
                }
                let depth = stack.len();
                let elem = match (ns, name) {
                    (Ns::W, b"p") => Elem::P,
                    (Ns::W, b"pPr") => Elem::PPr,
                    (Ns::W, b"r") => Elem::R,
                    (Ns::W, b"rPr") => Elem::RPr,
                    (Ns::W, b"t") => Elem::T,
                    _ => Elem::Other,
                };
                if ns == Ns::W && prefix.is_none() {
                    let q = e.name();
                    let q = q.as_ref();
                    prefix = Some(match q.iter().position(|&b| b == b':') {
                        Some(i) => String::from_utf8_lossy(&q[..=i]).into_owned(),
                        None => String::new(),
                    });
                }
                if ns == Ns::W
                    && matches!(
                        name,
                        b"commentRangeStart" | b"commentRangeEnd" | b"commentReference"
                    )
                {
                    if let Some(id) = attribute(e, b"id").and_then(|v| v.parse::<u64>().ok()) {
                        out.max_comment_id = Some(out.max_comment_id.map_or(id, |m| m.max(id)));
                    }
                }
                if skipping.is_none() {
                    let parent = stack.last().copied();
                    // `w:pPr/w:rPr/w:del`: the paragraph mark itself was deleted (two
                    // paragraphs joined with tracking on).
                    if ns == Ns::W
                        && name == b"del"
                        && parent == Some(Elem::RPr)
                        && stack.len() >= 2
                        && stack[stack.len() - 2] == Elem::PPr
                    {
                        if let Some(&p) = open_paragraphs.last() {
                            out.paragraphs[p].mark_deleted = true;
                        }
                    }
                    let skip = match ns {
                        Ns::W => matches!(
                            name,
                            b"del"
                                | b"moveFrom"
                                | b"instrText"
                                | b"delText"
                                | b"delInstrText"
                                | b"drawing"
                                | b"pict"
                                | b"object"
                                | b"txbxContent"
                                | b"sectPr"
                                | b"rt"
                        ),
                        Ns::Mc => name == b"Fallback",
                        Ns::Other => false,
                    };
                    if skip {
                        if !empty {
                            skipping = Some(depth);
                        }
                    } else {
                        let in_instruction = fields.iter().any(|&instr| instr);
                        match elem {
                            Elem::P => {
                                out.paragraph(empty, after);
                                if !empty {
                                    open_paragraphs.push(out.paragraphs.len() - 1);
                                }
                            }
                            Elem::R if !empty => {
                                open_runs.push(out.runs.len());
                                out.runs.push(Run {
                                    start: before,
                                    open_end: after,
                                    properties: None,
                                    end: after,
                                    prefix: qname_prefix(e.name().as_ref()),
                                });
                            }
                            Elem::RPr if parent == Some(Elem::R) => {
                                properties_start = before;
                                if empty {
                                    if let Some(&r) = open_runs.last() {
                                        out.runs[r].properties = Some((before, after));
                                    }
                                }
                            }
                            _ => {}
                        }
                        if ns == Ns::W && parent == Some(Elem::R) {
                            if let (Some(&run), false) = (open_runs.last(), in_instruction) {
                                let c = match name {
                                    b"tab" => Some('\t'),
                                    b"br" | b"cr" => Some('\n'),
                                    b"noBreakHyphen" => Some('\u{2011}'),
                                    _ => None,
                                };
                                if let Some(c) = c {
                                    out.push(
                                        c,
                                        Source::Element {
                                            at: before,
                                            end: after,
                                            run,
                                        },
                                    );
                                }
                            }
                        }
                        if ns == Ns::W && name == b"fldChar" {
                            match attribute(e, b"fldCharType").as_deref() {
                                Some("begin") => fields.push(true),
                                Some("separate") => {
                                    if let Some(top) = fields.last_mut() {
                                        *top = false;
                                    }
                                }
                                Some("end") => {
                                    fields.pop();
                                }
                                _ => {}
                            }
                        }
                    }
                }
                if !empty {
                    stack.push(elem);
                }
            }
            Event::End(_) => {
                let Some(elem) = stack.pop() else {
                    return Err(PackageError::BadXml("unmatched end tag".into()));
                };
                let depth = stack.len();
                if skipping == Some(depth) {
                    skipping = None;
                } else if skipping.is_none() {
                    let parent = stack.last().copied();
                    match elem {
                        Elem::P => {
                            if let Some(p) = open_paragraphs.pop() {
                                out.paragraphs[p].close = Some(before);
                            }
                        }
                        Elem::PPr if parent == Some(Elem::P) => {
                            if let Some(&p) = open_paragraphs.last() {
                                out.paragraphs[p].content_start = Some(after);
                            }
                        }
                        Elem::R => {
                            if let Some(r) = open_runs.pop() {
                                out.runs[r].end = after;
                            }
                        }
                        Elem::RPr if parent == Some(Elem::R) => {
                            if let Some(&r) = open_runs.last() {
                                out.runs[r].properties = Some((properties_start, after));
                            }
                        }
                        _ => {}
                    }
                }
            }
            Event::Text(ref t) => {
                if let Some(run) = text_run(&stack, skipping, &fields, &open_runs) {
                    let raw = std::str::from_utf8(t.as_ref())
                        .map_err(|e| PackageError::BadXml(e.to_string()))?;
                    out.push_text(raw, before, run);
                }
            }
            Event::CData(ref t) => {
                if let Some(run) = text_run(&stack, skipping, &fields, &open_runs) {
                    let raw = std::str::from_utf8(t.as_ref())
                        .map_err(|e| PackageError::BadXml(e.to_string()))?;
                    out.push_text(raw, before + "<![CDATA[".len(), run);
                }
            }
            Event::GeneralRef(ref r) => {
                let c = if r.is_char_ref() {
                    r.resolve_char_ref()
                        .map_err(|e| PackageError::BadXml(e.to_string()))?
                } else {
                    let name = std::str::from_utf8(r.as_ref()).unwrap_or("");
                    quick_xml::escape::resolve_predefined_entity(name)
                        .and_then(|s| s.chars().next())
                };
                let Some(c) = c else {
                    return Err(PackageError::Entities);
                };
                if let Some(run) = text_run(&stack, skipping, &fields, &open_runs) {
                    out.push(
                        c,
                        Source::Reference {
                            at: before,
                            end: after,
                            run,
                        },
                    );
                }
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
        }
    }
    let Builder {
        text,
        paragraph_starts,
        segments,
        runs,
        paragraphs,
        max_comment_id,
    } = out;
    Ok(Extracted {
        text,
        paragraph_starts: if paragraph_starts.is_empty() {
            vec![0]
        } else {
            paragraph_starts
        },
        xml,
        bom,
        segments,
        runs,
        paragraphs,
        prefix: prefix.unwrap_or_else(|| "w:".into()),
        max_comment_id,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ns {
    W,
    Mc,
    Other,
}

fn position<R>(reader: &NsReader<R>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

fn qname_prefix(q: &[u8]) -> String {
    match q.iter().position(|&b| b == b':') {
        Some(i) => String::from_utf8_lossy(&q[..=i]).into_owned(),
        None => String::new(),
    }
}

/// The value of the attribute with this local name (`w:id`, `w:fldCharType`).
fn attribute(e: &quick_xml::events::BytesStart, local: &[u8]) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == local)
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

/// The run whose text is being read, if text here is the notice's: inside a `w:t` of a run,
/// outside skipped content and field instructions.
fn text_run(
    stack: &[Elem],
    skipping: Option<usize>,
    fields: &[bool],
    open_runs: &[usize],
) -> Option<usize> {
    let in_t =
        stack.last() == Some(&Elem::T) && stack.len() >= 2 && stack[stack.len() - 2] == Elem::R;
    (in_t && skipping.is_none() && !fields.iter().any(|&i| i))
        .then(|| open_runs.last().copied())
        .flatten()
}

#[derive(Default)]
struct Builder {
    text: String,
    paragraph_starts: Vec<usize>,
    segments: Vec<Segment>,
    runs: Vec<Run>,
    paragraphs: Vec<Paragraph>,
    max_comment_id: Option<u64>,
}

impl Builder {
    /// A paragraph begins: a line of its own, unless the one before lost its mark to a
    /// tracked deletion (then the two read as one, as they will once the change is accepted).
    fn paragraph(&mut self, empty: bool, after: usize) {
        match self.paragraphs.last() {
            Some(previous) if previous.mark_deleted => {}
            Some(_) => {
                let paragraph = self.paragraphs.len() - 1;
                self.push('\n', Source::Break { paragraph });
                self.paragraph_starts.push(self.text.len());
            }
            None => self.paragraph_starts.push(self.text.len()),
        }
        self.paragraphs.push(Paragraph {
            content_start: (!empty).then_some(after),
            close: None,
            mark_deleted: false,
        });
    }

    fn push(&mut self, c: char, source: Source) {
        let start = self.text.len();
        self.text.push(c);
        self.segments.push(Segment {
            start,
            end: self.text.len(),
            source,
        });
    }

    /// Characters of a `w:t` written as themselves, starting at XML byte `at`. A line break
    /// written inside `w:t` is whitespace to Word (it shows a space), so it reads as one: the
    /// only line breaks of the text are the paragraphs' and the soft breaks'.
    fn push_text(&mut self, raw: &str, at: usize, run: usize) {
        if raw.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.extend(raw.chars().map(|c| match c {
            '\n' | '\r' => ' ',
            c => c,
        }));
        match self.segments.last_mut() {
            // Two text events in a row of one run (quick-xml may split text): one segment.
            Some(Segment {
                end,
                source:
                    Source::Text {
                        at: prev_at,
                        run: prev_run,
                    },
                start: prev_start,
            }) if *end == start && *prev_run == run && *prev_at + (start - *prev_start) == at => {
                *end = self.text.len();
            }
            _ => self.segments.push(Segment {
                start,
                end: self.text.len(),
                source: Source::Text { at, run },
            }),
        }
    }
}

impl Extracted {
    /// The segment holding the character that starts at text byte `offset`.
    pub fn segment_at(&self, offset: usize) -> Option<usize> {
        let i = self.segments.partition_point(|s| s.end <= offset);
        self.segments
            .get(i)
            .filter(|s| s.start <= offset && offset < s.end)
            .map(|_| i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn read(body: &str) -> Extracted {
        let xml =
            format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#);
        read_document(xml, 0).unwrap()
    }

    #[test]
    fn runs_join_and_paragraphs_break() {
        let x = read("<w:p><w:r><w:t>张</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>三</w:t></w:r></w:p><w:p><w:r><w:t xml:space=\"preserve\">为 </w:t></w:r></w:p>");
        assert_eq!(x.text, "张三\n为 ");
        assert_eq!(x.paragraph_starts, vec![0, 7]);
        assert_eq!(x.runs.len(), 3);
        assert!(x.runs[1].properties.is_some());
        for s in &x.segments {
            if let Source::Text { at, .. } = s.source {
                assert_eq!(&x.xml[at..at + s.end - s.start], &x.text[s.start..s.end]);
            }
        }
    }

    #[test]
    fn tracked_changes_read_as_accepted_and_fields_as_results() {
        let x = read(concat!(
            "<w:p><w:r><w:t>李</w:t></w:r><w:del w:id=\"1\"><w:r><w:delText>错</w:delText></w:r></w:del>",
            "<w:ins w:id=\"2\"><w:r><w:t>四</w:t></w:r></w:ins>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:r><w:tab/><w:t>&amp;&#x4E00;</w:t><w:br/><w:t>末</w:t></w:r></w:p>"
        ));
        assert_eq!(x.text, "李四3\t&一\n末");
        assert_eq!(x.paragraph_starts, vec![0]);
    }

    #[test]
    fn a_deleted_paragraph_mark_joins_the_paragraphs() {
        let x = read(concat!(
            "<w:p><w:pPr><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr></w:pPr><w:r><w:t>的有</w:t></w:r></w:p>",
            "<w:p><w:r><w:t>关规定</w:t></w:r></w:p><w:p><w:r><w:t>二</w:t></w:r></w:p>"
        ));
        assert_eq!(x.text, "的有关规定\n二");
        assert_eq!(x.paragraph_starts, vec![0, "的有关规定\n".len()]);
        // The paragraph mark of a paragraph's run properties is not its own.
        let x = read("<w:p><w:r><w:rPr><w:del w:id=\"1\" w:author=\"a\"/></w:rPr><w:t>甲</w:t></w:r></w:p><w:p><w:r><w:t>乙</w:t></w:r></w:p>");
        assert_eq!(x.text, "甲\n乙");
    }

    #[test]
    fn tables_read_row_by_row_and_textboxes_are_skipped() {
        let x = read(concat!(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc></w:tr>",
            "<w:tr><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            "<w:p><w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r></w:p>"
        ));
        assert_eq!(x.text, "甲\n乙\n丙\n");
        assert_eq!(x.paragraph_starts.len(), 4);
    }

    #[test]
    fn doctype_depth_and_unknown_entities_are_refused() {
        let xml = format!("<!DOCTYPE d [<!ENTITY a \"b\">]><w:document {W}/>");
        assert_eq!(read_document(xml, 0).unwrap_err(), PackageError::Entities);
        let xml = format!(
            "<w:document {W}><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"
        );
        assert_eq!(read_document(xml, 0).unwrap_err(), PackageError::Entities);
        let deep = format!(
            "<w:document {W}>{}{}</w:document>",
            "<x>".repeat(300),
            "</x>".repeat(300)
        );
        assert_eq!(read_document(deep, 0).unwrap_err(), PackageError::TooDeep);
        assert!(matches!(
            read_document("<a><b></a>".into(), 0),
            Err(PackageError::BadXml(_))
        ));
    }

    #[test]
    fn comment_ids_are_collected() {
        let x = read("<w:p><w:commentRangeStart w:id=\"7\"/><w:r><w:t>a</w:t></w:r><w:commentRangeEnd w:id=\"7\"/></w:p>");
        assert_eq!(x.max_comment_id, Some(7));
        assert_eq!(x.prefix, "w:");
    }
}
