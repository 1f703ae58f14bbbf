//! The annotated copy: the findings spliced into `word/document.xml` as Word comments.
//!
//! Nothing is re-serialised. The document part is copied byte for byte with the comment
//! marks inserted at their places (a run cut in two where a finding starts or ends inside it,
//! each piece keeping the run's properties); `word/comments.xml` gets the comments (appended
//! to the comments already there, with ids after the largest one in use), and the
//! relationships part and `[Content_Types].xml` learn of it when it is new. Every other part is
//! copied raw — its compressed bytes as they were, not inflated and compressed again.

use std::collections::BTreeMap;
use std::io::{Cursor, Write};

use quick_xml::events::Event;

use super::package::{Package, PackageError, DOCUMENT, MAX_DEPTH};
use super::read::{Extracted, Source};

const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELS: &str = "word/_rels/document.xml.rels";
const CONTENT_TYPES: &str = "[Content_Types].xml";
const COMMENTS_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const COMMENTS_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
pub const AUTHOR: &str = "gazette";

/// One comment: the text range it is anchored on (byte offsets into the extracted text) and
/// its paragraphs.
#[derive(Debug, Clone)]
pub struct Comment {
    pub start: usize,
    pub end: usize,
    pub paragraphs: Vec<String>,
}

/// The annotated copy of `package` (the bytes `extracted` was read from).
pub fn annotate(
    package: &[u8],
    extracted: &Extracted,
    comments: &[Comment],
) -> Result<Vec<u8>, PackageError> {
    let mut source = Package::open(package)?;
    let rels = match source.xml_part(RELS)? {
        Some((text, _)) => Some(scan(&text)?.with_text(text)),
        None => None,
    };
    let (types_text, _) = source
        .xml_part(CONTENT_TYPES)?
        .ok_or_else(|| PackageError::BrokenZip(format!("{CONTENT_TYPES} missing")))?;
    let types = scan(&types_text)?.with_text(types_text);

    // Where the comments go: the part the document already links, or a new one.
    let linked = rels.as_ref().and_then(|r| {
        r.scan.children.iter().find_map(|c| {
            (c.local == "Relationship"
                && c.attr("Type").is_some_and(|t| t.ends_with("/comments"))
                && c.attr("TargetMode").is_none_or(|m| m != "External"))
            .then(|| c.attr("Target").map(part_name))
            .flatten()
        })
    });
    let mut replaced: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut added: Vec<(String, Vec<u8>)> = Vec::new();
    let existing = match &linked {
        Some(name) => match source.xml_part(name)? {
            Some((text, bom)) => Some((name.clone(), scan(&text)?.with_text(text), bom)),
            None => None,
        },
        None => None,
    };
    let existing_max = existing.as_ref().and_then(|(_, c, _)| {
        c.scan
            .children
            .iter()
            .filter(|c| c.local == "comment")
            .filter_map(|c| c.attr("id").and_then(|v| v.parse::<u64>().ok()))
            .max()
    });
    let first_id = match (extracted.max_comment_id, existing_max) {
        (None, None) => 0,
        (a, b) => a.max(b).unwrap_or(0) + 1,
    };

    let prefix = &extracted.prefix;
    let mut entries = String::new();
    for (i, c) in comments.iter().enumerate() {
        entries.push_str(&comment_xml(prefix, first_id + i as u64, &c.paragraphs));
    }
    match existing {
        Some((name, part, bom)) => {
            let mut bytes = b"\xEF\xBB\xBF"[..bom].to_vec();
            bytes.extend(part.append_to_root(&entries).into_bytes());
            replaced.insert(name, bytes);
        }
        None => {
            let name = ["word/comments.xml", "word/gazette-comments.xml"]
                .into_iter()
                .find(|n| !source.has(n))
                .unwrap_or("word/gazette-comments1.xml")
                .to_string();
            let xmlns = if prefix.is_empty() {
                format!(" xmlns=\"{W_NS}\"")
            } else {
                format!(" xmlns:{}=\"{W_NS}\"", prefix.trim_end_matches(':'))
            };
            let part = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<{prefix}comments{xmlns}>{entries}</{prefix}comments>"
            );
            added.push((name.clone(), part.into_bytes()));
            let target = name.trim_start_matches("word/");
            let relationship = |id: &str| {
                format!("<Relationship Id=\"{id}\" Type=\"{COMMENTS_TYPE}\" Target=\"{target}\"/>")
            };
            match &rels {
                Some(r) => {
                    let taken: Vec<&str> =
                        r.scan.children.iter().filter_map(|c| c.attr("Id")).collect();
                    let id = (1..)
                        .map(|n| format!("rId{n}"))
                        .find(|id| !taken.contains(&id.as_str()))
                        .unwrap_or_default();
                    replaced.insert(
                        RELS.into(),
                        r.append_to_root(&relationship(&id)).into_bytes(),
                    );
                }
                None => added.push((
                    RELS.into(),
                    format!(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{}</Relationships>",
                        relationship("rId1")
                    )
                    .into_bytes(),
                )),
            }
            let part_name = format!("/{name}");
            let declared = types.scan.children.iter().any(|c| {
                c.local == "Override"
                    && c.attr("PartName")
                        .is_some_and(|p| p.eq_ignore_ascii_case(&part_name))
            });
            if !declared {
                replaced.insert(
                    CONTENT_TYPES.into(),
                    types
                        .append_to_root(&format!(
                            "<Override PartName=\"{part_name}\" ContentType=\"{COMMENTS_CONTENT_TYPE}\"/>"
                        ))
                        .into_bytes(),
                );
            }
        }
    }
    let mut document = b"\xEF\xBB\xBF"[..extracted.bom].to_vec();
    document.extend(splice_document(extracted, comments, first_id).into_bytes());
    replaced.insert(DOCUMENT.into(), document);

    write_package(&mut source, &replaced, &added)
}

/// A part name from a relationship target of the document part (relative to `word/`).
fn part_name(target: &str) -> String {
    match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("word/{}", target.trim_start_matches("./")),
    }
}

fn write_package(
    source: &mut Package,
    replaced: &BTreeMap<String, Vec<u8>>,
    added: &[(String, Vec<u8>)],
) -> Result<Vec<u8>, PackageError> {
    let broken = |e: zip::result::ZipError| PackageError::BrokenZip(e.to_string());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..source.archive.len() {
        let entry = source.archive.by_index_raw(i).map_err(broken)?;
        match replaced.get(entry.name()) {
            Some(bytes) => {
                let name = entry.name().to_string();
                drop(entry);
                writer.start_file(name, options).map_err(broken)?;
                writer
                    .write_all(bytes)
                    .map_err(|e| PackageError::BrokenZip(e.to_string()))?;
            }
            None => writer.raw_copy_file(entry).map_err(broken)?,
        }
    }
    for (name, bytes) in added {
        writer.start_file(name.as_str(), options).map_err(broken)?;
        writer
            .write_all(bytes)
            .map_err(|e| PackageError::BrokenZip(e.to_string()))?;
    }
    Ok(writer.finish().map_err(broken)?.into_inner())
}

/// One `w:comment`: the author, then a paragraph per line of text; the first starts with the
/// annotation mark Word shows the comment's number with.
fn comment_xml(prefix: &str, id: u64, paragraphs: &[String]) -> String {
    let p = prefix;
    let ns = attribute_namespace(p);
    let mut out = format!(
        "<{p}comment{ns} {a}id=\"{id}\" {a}author=\"{AUTHOR}\" {a}initials=\"gz\">",
        a = attribute_prefix(p)
    );
    for (i, text) in paragraphs.iter().enumerate() {
        out.push_str(&format!("<{p}p>"));
        if i == 0 {
            out.push_str(&format!("<{p}r><{p}annotationRef/></{p}r>"));
        }
        out.push_str(&format!(
            "<{p}r><{p}t xml:space=\"preserve\">{}</{p}t></{p}r></{p}p>",
            escape(text)
        ));
    }
    out.push_str(&format!("</{p}comment>"));
    out
}

/// Attributes of WordprocessingML must carry its namespace: when the document binds it as
/// the default namespace (no prefix), new elements declare `w` for their attributes.
fn attribute_prefix(prefix: &str) -> &str {
    if prefix.is_empty() {
        "w:"
    } else {
        prefix
    }
}

fn attribute_namespace(prefix: &str) -> String {
    if prefix.is_empty() {
        format!(" xmlns:w=\"{W_NS}\"")
    } else {
        String::new()
    }
}

/// Text for an XML text node: escaped, and without the characters XML 1.0 forbids.
fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
        })
        .collect();
    quick_xml::escape::escape(&allowed).into_owned()
}

/// How an insertion point sits in the document part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// Between elements where comment marks may stand: nothing to cut.
    Boundary,
    /// Inside the text of a `w:t` of this run: the text and the run are cut.
    InText(usize),
    /// Between two children of this run: the run is cut.
    InRun(usize),
}

/// The place to insert a mark before the character at text byte `offset`.
fn before(x: &Extracted, offset: usize) -> Option<(usize, Cut)> {
    let i = x.segment_at(offset)?;
    let seg = x.segments[i];
    let first = offset == seg.start && starts_run(x, i);
    match seg.source {
        Source::Text { at, run } => Some(if first {
            (x.runs[run].start, Cut::Boundary)
        } else {
            (at + offset - seg.start, Cut::InText(run))
        }),
        Source::Reference { at, run, .. } => Some(if first {
            (x.runs[run].start, Cut::Boundary)
        } else {
            (at, Cut::InText(run))
        }),
        Source::Element { at, run, .. } => Some(if first {
            (x.runs[run].start, Cut::Boundary)
        } else {
            (at, Cut::InRun(run))
        }),
        Source::Break { paragraph } => x.paragraphs[paragraph].close.map(|c| (c, Cut::Boundary)),
    }
}

/// The place to insert a mark after the character that ends at text byte `offset`.
fn after(x: &Extracted, offset: usize) -> Option<(usize, Cut)> {
    let i = x.segments.partition_point(|s| s.end < offset);
    let seg = *x.segments.get(i).filter(|s| s.start < offset)?;
    let last = offset == seg.end && ends_run(x, i);
    match seg.source {
        Source::Text { at, run } => Some(if last {
            (x.runs[run].end, Cut::Boundary)
        } else {
            (at + offset - seg.start, Cut::InText(run))
        }),
        Source::Reference { end, run, .. } => Some(if last {
            (x.runs[run].end, Cut::Boundary)
        } else {
            (end, Cut::InText(run))
        }),
        Source::Element { end, run, .. } => Some(if last {
            (x.runs[run].end, Cut::Boundary)
        } else {
            (end, Cut::InRun(run))
        }),
        Source::Break { paragraph } => x
            .paragraphs
            .get(paragraph + 1)
            .and_then(|p| p.content_start)
            .map(|c| (c, Cut::Boundary)),
    }
}

fn starts_run(x: &Extracted, i: usize) -> bool {
    i == 0 || x.segments[i - 1].source.run() != x.segments[i].source.run()
}

fn ends_run(x: &Extracted, i: usize) -> bool {
    x.segments
        .get(i + 1)
        .is_none_or(|s| s.source.run() != x.segments[i].source.run())
}

/// Where a comment's range starts and ends in the document part. A place that cannot hold a
/// mark (an empty paragraph `<w:p/>`) moves to the nearest one inside the range, or beside it.
fn anchor(x: &Extracted, start: usize, end: usize) -> Option<((usize, Cut), (usize, Cut))> {
    let len = x.text.len();
    // Offsets inside a character (from a careless caller) move back to its start.
    let floor = |mut o: usize| {
        o = o.min(len);
        while !x.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    };
    let (start, end) = (floor(start), floor(end.max(start)));
    let next = |o: usize| {
        x.text[o..]
            .chars()
            .next()
            .map_or(o + 1, |c| o + c.len_utf8())
    };
    let prev = |o: usize| {
        x.text[..o]
            .chars()
            .next_back()
            .map_or(0, |c| o - c.len_utf8())
    };
    let mut s = None;
    let mut o = start;
    while s.is_none() && o < len {
        s = before(x, o);
        o = next(o);
    }
    let mut e = None;
    let mut o = end;
    while e.is_none() && o > 0 {
        e = after(x, o);
        o = prev(o);
    }
    // An empty range (or one that found no place of its own) marks a point.
    let s = s.or(e)?;
    let e = if end == start { s } else { e.unwrap_or(s) };
    Some(if e.0 < s.0 { (s, s) } else { (s, e) })
}

#[derive(Default)]
struct Marks {
    cut: Option<Cut>,
    ends: Vec<u64>,
    starts: Vec<u64>,
}

/// The document part with the comment marks spliced in.
fn splice_document(x: &Extracted, comments: &[Comment], first_id: u64) -> String {
    let mut at: BTreeMap<usize, Marks> = BTreeMap::new();
    for (i, c) in comments.iter().enumerate() {
        let id = first_id + i as u64;
        let Some((s, e)) = anchor(x, c.start, c.end).or_else(|| {
            // A document with no text: mark the start of its first paragraph.
            let p = x.paragraphs.iter().find_map(|p| p.content_start)?;
            Some(((p, Cut::Boundary), (p, Cut::Boundary)))
        }) else {
            continue;
        };
        let m = at.entry(s.0).or_default();
        m.cut.get_or_insert(s.1);
        m.starts.push(id);
        let m = at.entry(e.0).or_default();
        m.cut.get_or_insert(e.1);
        m.ends.push(id);
    }
    let p = &x.prefix;
    let a = attribute_prefix(p);
    let ns = attribute_namespace(p);
    let mut out = String::with_capacity(x.xml.len() + comments.len() * 256);
    let mut copied = 0;
    for (&offset, marks) in &at {
        out.push_str(&x.xml[copied..offset]);
        copied = offset;
        let mut inserted = String::new();
        for id in &marks.ends {
            inserted.push_str(&format!(
                "<{p}commentRangeEnd{ns} {a}id=\"{id}\"/><{p}r><{p}commentReference{ns} {a}id=\"{id}\"/></{p}r>"
            ));
        }
        for id in &marks.starts {
            inserted.push_str(&format!("<{p}commentRangeStart{ns} {a}id=\"{id}\"/>"));
        }
        let reopen = |run: usize| {
            let r = &x.runs[run];
            let properties = r.properties.map_or("", |(s, e)| &x.xml[s..e]);
            format!("{}{properties}", &x.xml[r.start..r.open_end])
        };
        match marks.cut.unwrap_or(Cut::Boundary) {
            Cut::Boundary => out.push_str(&inserted),
            Cut::InText(run) => {
                let rp = &x.runs[run].prefix;
                out.push_str(&format!(
                    "</{rp}t></{rp}r>{inserted}{}<{rp}t xml:space=\"preserve\">",
                    reopen(run)
                ));
            }
            Cut::InRun(run) => {
                let rp = &x.runs[run].prefix;
                out.push_str(&format!("</{rp}r>{inserted}{}", reopen(run)));
            }
        }
    }
    out.push_str(&x.xml[copied..]);
    out
}

/// What the small parts (relationships, content types, comments) hold at their top level.
struct Scan {
    children: Vec<Child>,
    /// The root element: its qualified name, and where it ends (`</root>` starts at `close`;
    /// for an empty root `<root/>`, `empty` is the range of the whole tag).
    root: String,
    close: Option<usize>,
    empty: Option<(usize, usize)>,
}

struct Child {
    local: String,
    attributes: Vec<(String, String)>,
}

impl Child {
    fn attr(&self, local: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == local)
            .map(|(_, v)| v.as_str())
    }
}

struct Scanned {
    scan: Scan,
    text: String,
}

impl Scan {
    fn with_text(self, text: String) -> Scanned {
        Scanned { scan: self, text }
    }
}

impl Scanned {
    /// The part with `addition` as the last children of its root.
    fn append_to_root(&self, addition: &str) -> String {
        let text = &self.text;
        match (self.scan.close, self.scan.empty) {
            (Some(close), _) => format!("{}{addition}{}", &text[..close], &text[close..]),
            (None, Some((s, e))) => {
                let tag = text[s..e].trim_end_matches("/>").trim_end();
                format!(
                    "{}{tag}>{addition}</{}>{}",
                    &text[..s],
                    self.scan.root,
                    &text[e..]
                )
            }
            (None, None) => format!("{text}{addition}"),
        }
    }
}

/// Reads a small part's top level, with the same guards as the document part.
fn scan(text: &str) -> Result<Scan, PackageError> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0usize;
    let mut out = Scan {
        children: Vec::new(),
        root: String::new(),
        close: None,
        empty: None,
    };
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let event = reader
            .read_event()
            .map_err(|e| PackageError::BadXml(e.to_string()))?;
        let after = usize::try_from(reader.buffer_position()).unwrap_or(0);
        match event {
            Event::Eof => break,
            Event::DocType(_) => return Err(PackageError::Entities),
            Event::GeneralRef(r) => {
                let known = r.is_char_ref()
                    || std::str::from_utf8(r.as_ref())
                        .ok()
                        .and_then(quick_xml::escape::resolve_predefined_entity)
                        .is_some();
                if !known {
                    return Err(PackageError::Entities);
                }
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                if depth == 0 {
                    out.root = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                    if empty {
                        out.empty = Some((before, after));
                    }
                } else if depth == 1 {
                    let attributes = e
                        .attributes()
                        .flatten()
                        .map(|a| {
                            let value = a
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .map(|v| v.into_owned())
                                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
                            (
                                String::from_utf8_lossy(a.key.local_name().as_ref()).into_owned(),
                                value,
                            )
                        })
                        .collect();
                    out.children.push(Child {
                        local: String::from_utf8_lossy(e.local_name().as_ref()).into_owned(),
                        attributes,
                    });
                }
                if !empty {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(PackageError::TooDeep);
                    }
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    out.close = Some(before);
                }
            }
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::read::read_document;

    fn doc(body: &str) -> Extracted {
        let xml = format!("<w:document xmlns:w=\"{W_NS}\"><w:body>{body}</w:body></w:document>");
        read_document(xml, 0).unwrap()
    }

    fn splice(x: &Extracted, start: usize, end: usize) -> String {
        let c = Comment {
            start,
            end,
            paragraphs: vec!["x".into()],
        };
        let out = splice_document(x, &[c], 0);
        // The spliced part reads back to the same text.
        assert_eq!(read_document(out.clone(), 0).unwrap().text, x.text, "{out}");
        out
    }

    #[test]
    fn a_range_inside_a_run_cuts_it_keeping_its_properties() {
        let x = doc("<w:p><w:r w:rsidR=\"1\"><w:rPr><w:b/></w:rPr><w:t>张三为</w:t></w:r></w:p>");
        let out = splice(&x, 3, 6); // 三
        assert!(
            out.contains(concat!(
            "<w:t>张</w:t></w:r><w:commentRangeStart w:id=\"0\"/>",
            "<w:r w:rsidR=\"1\"><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">三</w:t></w:r>",
            "<w:commentRangeEnd w:id=\"0\"/><w:r><w:commentReference w:id=\"0\"/></w:r>",
            "<w:r w:rsidR=\"1\"><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">为</w:t>"
        )),
            "{out}"
        );
    }

    #[test]
    fn a_range_on_whole_runs_cuts_nothing() {
        let x = doc("<w:p><w:r><w:t>张</w:t></w:r><w:r><w:t>三</w:t></w:r></w:p>");
        let out = splice(&x, 3, 6);
        assert!(out.contains("<w:t>张</w:t></w:r><w:commentRangeStart w:id=\"0\"/><w:r><w:t>三</w:t></w:r><w:commentRangeEnd"), "{out}");
    }

    /// A package of these parts, deflated.
    fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in parts {
            w.start_file(*name, zip::write::SimpleFileOptions::default())
                .unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn part(package: &[u8], name: &str) -> Option<String> {
        let mut p = Package::open(package).unwrap();
        p.xml_part(name).unwrap().map(|(t, _)| t)
    }

    const TYPES: &str = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";

    #[test]
    fn a_default_namespace_document_gets_prefixed_attributes() {
        let document = format!(
            "<document xmlns=\"{W_NS}\"><body><p><r><t>张三为</t></r></p></body></document>"
        );
        let package = zip_of(&[(CONTENT_TYPES, TYPES), (DOCUMENT, &document)]);
        let x = crate::docx::read(&package).unwrap();
        assert_eq!(x.prefix, "");
        let c = Comment {
            start: 3,
            end: 6,
            paragraphs: vec!["GZ000 x".into()],
        };
        let copy = annotate(&package, &x, &[c]).unwrap();
        let doc = part(&copy, DOCUMENT).unwrap();
        assert!(
            doc.contains(&format!(
                "<commentRangeStart xmlns:w=\"{W_NS}\" w:id=\"0\"/>"
            )),
            "{doc}"
        );
        let again = crate::docx::read(&copy).unwrap();
        assert_eq!(again.text, "张三为");
        assert_eq!(again.max_comment_id, Some(0));
        // No relationships part before: one is made; the content type is declared.
        let rels = part(&copy, RELS).unwrap();
        assert!(rels.contains("Target=\"comments.xml\""), "{rels}");
        let types = part(&copy, CONTENT_TYPES).unwrap();
        assert!(types.contains("/word/comments.xml"), "{types}");
        let comments = part(&copy, "word/comments.xml").unwrap();
        assert!(comments.starts_with("<?xml"), "{comments}");
        assert!(comments.contains(" xmlns=\""), "{comments}");
        assert!(comments.contains("w:author=\"gazette\""), "{comments}");
    }

    #[test]
    fn ids_continue_after_the_largest_in_use_and_an_empty_comments_part_is_filled() {
        let document = format!(
            "<w:document xmlns:w=\"{W_NS}\"><w:body><w:p><w:commentRangeStart w:id=\"41\"/><w:r><w:t>甲乙</w:t></w:r><w:commentRangeEnd w:id=\"41\"/></w:p></w:body></w:document>"
        );
        let rels = format!("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{COMMENTS_TYPE}\" Target=\"/word/notes.xml\"/></Relationships>");
        let notes = format!("<w:comments xmlns:w=\"{W_NS}\"/>");
        let package = zip_of(&[
            (CONTENT_TYPES, TYPES),
            (DOCUMENT, &document),
            (RELS, &rels),
            ("word/notes.xml", &notes),
        ]);
        let x = crate::docx::read(&package).unwrap();
        let c = |start, end| Comment {
            start,
            end,
            paragraphs: vec!["a & <b>".into(), "\u{1}c".into()],
        };
        let copy = annotate(&package, &x, &[c(0, 3), c(3, 6)]).unwrap();
        let notes = part(&copy, "word/notes.xml").unwrap();
        assert!(
            notes.contains("w:id=\"42\"") && notes.contains("w:id=\"43\""),
            "{notes}"
        );
        assert!(
            notes.contains("a &amp; &lt;b&gt;</w:t>") && notes.contains(">c</w:t>"),
            "{notes}"
        );
        assert!(notes.ends_with("</w:comments>"), "{notes}");
        // The relationships and content types did not need to change.
        assert_eq!(part(&copy, RELS).unwrap(), rels);
        assert_eq!(part(&copy, CONTENT_TYPES).unwrap(), TYPES);
        assert!(part(&copy, "word/comments.xml").is_none());
    }

    #[test]
    fn ranges_across_paragraphs_references_and_tabs() {
        let x = doc("<w:p><w:r><w:t>a&amp;b</w:t><w:tab/><w:t>c</w:t></w:r></w:p><w:p/><w:p><w:r><w:t>d</w:t></w:r></w:p>");
        assert_eq!(x.text, "a&b\tc\n\nd");
        for s in 0..x.text.len() {
            for e in s..=x.text.len() {
                splice(&x, s, e);
            }
        }
    }
}
