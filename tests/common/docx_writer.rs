//! A small .docx writer for the tests: packages built from text, with the parts Word writes
//! around the body (styles, a header, document properties, an image stored uncompressed) so
//! that the annotated copy has parts to keep byte for byte.

#![allow(dead_code)] // not every test uses every helper

use std::io::{Cursor, Write};

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub const HEADER_TEXT: &str = "页眉文字不是正文";

/// Text escaped for an XML text node.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// One run holding `text`, with formatting `style` (0: none, 1: bold, 2: East Asian font).
pub fn run(text: &str, style: usize) -> String {
    let properties = match style % 3 {
        0 => "",
        1 => "<w:rPr><w:b/><w:bCs/></w:rPr>",
        _ => "<w:rPr><w:rFonts w:hint=\"eastAsia\"/><w:sz w:val=\"32\"/></w:rPr>",
    };
    format!(
        "<w:r w:rsidR=\"00A1B2C3\">{properties}<w:t xml:space=\"preserve\">{}</w:t></w:r>",
        esc(text)
    )
}

/// `text` cut into runs at the given character counts (cycled), formats alternating: Word
/// splits text wherever formatting or editing history changed, names included.
pub fn runs(text: &str, pieces: &[usize]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    let mut i = 0;
    while at < chars.len() {
        let n = pieces[i % pieces.len()].max(1).min(chars.len() - at);
        let piece: String = chars[at..at + n].iter().collect();
        out.push_str(&run(&piece, i));
        at += n;
        i += 1;
    }
    out
}

pub fn paragraph(content: &str) -> String {
    format!("<w:p><w:pPr><w:jc w:val=\"both\"/></w:pPr>{content}</w:p>")
}

/// A table whose cells hold these paragraphs' contents, one row per entry of `rows`.
pub fn table(rows: &[Vec<String>]) -> String {
    let mut out = String::from("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>");
    for row in rows {
        out.push_str("<w:tr>");
        for cell in row {
            out.push_str(&format!(
                "<w:tc><w:tcPr><w:tcW w:w=\"4000\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
                paragraph(cell)
            ));
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    out
}

/// A comment already in the draft (a reviewer's), as `word/comments.xml` holds it.
pub fn existing_comment(id: u32, text: &str) -> String {
    format!(
        "<w:comment w:id=\"{id}\" w:author=\"审稿人\" w:initials=\"SG\"><w:p><w:r><w:annotationRef/></w:r><w:r><w:t>{}</w:t></w:r></w:p></w:comment>",
        esc(text)
    )
}

/// A whole package around `body` (the children of `w:body`); `comments` are the
/// `w:comment` elements of an existing comments part.
pub fn package(body: &str, comments: Option<&str>) -> Vec<u8> {
    let mut parts: Vec<(&str, String, bool)> = Vec::new();
    let comments_type = if comments.is_some() {
        "<Override PartName=\"/word/comments.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>"
    } else {
        ""
    };
    parts.push((
        "[Content_Types].xml",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Default Extension=\"png\" ContentType=\"image/png\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>{comments_type}<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/></Types>"
        ),
        false,
    ));
    parts.push((
        "_rels/.rels",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/></Relationships>".into(),
        false,
    ));
    let comments_rel = if comments.is_some() {
        "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" Target=\"comments.xml\"/>"
    } else {
        ""
    };
    parts.push((
        "word/_rels/document.xml.rels",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>{comments_rel}<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/image1.png\"/></Relationships>"
        ),
        false,
    ));
    parts.push((
        "word/document.xml",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"{W}\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>{body}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
        ),
        false,
    ));
    parts.push((
        "word/styles.xml",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia=\"宋体\"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>"
        ),
        false,
    ));
    parts.push((
        "word/header1.xml",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:hdr xmlns:w=\"{W}\"><w:p><w:r><w:t>{HEADER_TEXT}</w:t></w:r></w:p></w:hdr>"
        ),
        false,
    ));
    if let Some(c) = comments {
        parts.push((
            "word/comments.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:comments xmlns:w=\"{W}\">{c}</w:comments>"
            ),
            false,
        ));
    }
    parts.push((
        "docProps/core.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>办公厅</dc:creator></cp:coreProperties>".into(),
        false,
    ));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text, _) in &parts {
        zip.start_file(
            *name,
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    // An image, stored (not compressed), as Word stores media.
    zip.start_file(
        "word/media/image1.png",
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
    )
    .unwrap();
    zip.write_all(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR not really an image")
        .unwrap();
    zip.finish().unwrap().into_inner()
}

/// A zip holding exactly these parts (for packages that are broken on purpose).
pub fn raw_zip(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(
            *name,
            zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated),
        )
        .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A document part around `body`.
pub fn document_xml(body: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"{W}\"><w:body>{body}</w:body></w:document>")
}
