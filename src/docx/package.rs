//! The zip package of a Word draft: what is refused before any XML is read, and the bounded
//! reading of one part.
//!
//! A .docx comes from whoever sends it, so nothing in it is trusted: the sizes a zip declares
//! may lie (a few kilobytes can inflate to gigabytes), so every part is read through a counter
//! that stops at [`MAX_INFLATED`]; XML nesting is capped at [`MAX_DEPTH`], and a DOCTYPE (the
//! only way to declare entities or point at external files) is refused outright.

use std::io::{Cursor, Read};

use crate::diagnostic::Lang;

/// The most a package may inflate to, all parts read together: far above any notice (the
/// document part of a 300-page report is a few megabytes), far below the machine's memory.
pub const MAX_INFLATED: u64 = 64 * 1024 * 1024;
/// The deepest XML nesting accepted. Word nests a table in a table a few levels at most;
/// each level costs about five elements.
pub const MAX_DEPTH: usize = 256;
/// The part holding the body of the document.
pub const DOCUMENT: &str = "word/document.xml";

/// The start of every OLE compound file: an old binary .doc, a Kingsoft .wps, and a .docx
/// encrypted with a password (Word wraps the encrypted package in one).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// An empty zip (an end-of-directory record alone).
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";

/// Why a package is refused. Every case is the user's file, not a bug: it exits 2 with
/// [`message`](PackageError::message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackageError {
    /// Named .docx but not a zip at all.
    NotZip,
    /// A zip, but its directory cannot be read (truncated, damaged).
    BrokenZip(String),
    /// A zip without the document part: not a Word document.
    NoDocument,
    /// An OLE compound file holding an encrypted package.
    Encrypted,
    /// An OLE compound file that is not an encrypted package: .doc or .wps.
    LegacyBinary,
    /// Named .doc or .wps (whatever it holds).
    LegacyName,
    /// A part inflates past [`MAX_INFLATED`].
    TooLarge,
    /// A part is compressed in a way Word never writes, or encrypted inside the zip.
    Unsupported(String),
    /// XML nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A DOCTYPE or an entity the XML standard does not predefine.
    Entities,
    /// The XML is not well formed (or not UTF-8).
    BadXml(String),
}

impl PackageError {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.message_zh(),
            Lang::En => self.message_en(),
        }
    }

    fn message_zh(&self) -> String {
        match self {
            PackageError::NotZip => {
                "不是 Word 文档：.docx 应是 zip 压缩包，此文件不是；请在 Word 或 WPS 中另存为 .docx".into()
            }
            PackageError::BrokenZip(e) => {
                format!("Word 文档已损坏，zip 目录无法读取（{e}）；请在 Word 或 WPS 中打开后重新另存为 .docx")
            }
            PackageError::NoDocument => {
                "不是 Word 文档：压缩包里没有正文部分 word/document.xml".into()
            }
            PackageError::Encrypted => {
                "文档设置了打开密码（已加密），无法读取；请在 Word 或 WPS 中去掉密码后另存为 .docx".into()
            }
            PackageError::LegacyBinary | PackageError::LegacyName => {
                "这是旧版 Word（.doc）或 WPS（.wps）格式的文件，或是设置了密码的文档，无法读取；请在 Word 或 WPS 中去掉密码（如有），另存为 .docx 后再检查".into()
            }
            PackageError::TooLarge => format!(
                "Word 文档解压后超过 {} MB，不像是公告草稿（可能是压缩炸弹），未读取",
                MAX_INFLATED / (1024 * 1024)
            ),
            PackageError::Unsupported(e) => {
                format!("Word 文档使用了不支持的压缩或加密方式（{e}）；请在 Word 或 WPS 中重新另存为 .docx")
            }
            PackageError::TooDeep => format!(
                "Word 文档的 XML 嵌套超过 {MAX_DEPTH} 层，不像是正常文档，未读取"
            ),
            PackageError::Entities => {
                "Word 文档的 XML 含有 DOCTYPE 或实体声明（可能引用外部文件），出于安全考虑不予读取".into()
            }
            PackageError::BadXml(e) => format!("Word 文档的 XML 已损坏（{e}）"),
        }
    }

    fn message_en(&self) -> String {
        match self {
            PackageError::NotZip => {
                "not a Word document: a .docx is a zip package and this file is not one; save it as .docx in Word or WPS".into()
            }
            PackageError::BrokenZip(e) => format!(
                "the Word document is damaged: its zip directory cannot be read ({e}); open it in Word or WPS and save it as .docx again"
            ),
            PackageError::NoDocument => {
                "not a Word document: the package has no body part word/document.xml".into()
            }
            PackageError::Encrypted => {
                "the document is protected by a password (encrypted) and cannot be read; remove the password in Word or WPS and save it as .docx".into()
            }
            PackageError::LegacyBinary | PackageError::LegacyName => {
                "this is an old Word (.doc) or WPS (.wps) file, or a document protected by a password, and cannot be read; remove the password (if any) and save it as .docx in Word or WPS".into()
            }
            PackageError::TooLarge => format!(
                "the Word document inflates to more than {} MB; no notice is that large (a zip bomb?); not read",
                MAX_INFLATED / (1024 * 1024)
            ),
            PackageError::Unsupported(e) => format!(
                "the Word document uses a compression or encryption that is not supported ({e}); save it as .docx again in Word or WPS"
            ),
            PackageError::TooDeep => format!(
                "the XML of the Word document nests deeper than {MAX_DEPTH} levels; not read"
            ),
            PackageError::Entities => {
                "the XML of the Word document holds a DOCTYPE or entity declarations (possibly referring to outside files); not read, for safety".into()
            }
            PackageError::BadXml(e) => format!("the XML of the Word document is damaged ({e})"),
        }
    }
}

/// How an input is to be read, decided from its name and its first bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Text: decoded as before.
    Text,
    /// A Word package (.docx, or a zip whatever its name).
    Package,
    /// A file that is certainly a Word draft in a form that cannot be read.
    Refused(PackageError),
}

/// Whether `path` names a Word draft by its extension (any case: Windows writes `.DOCX`).
pub fn is_docx_name(path: &str) -> bool {
    extension_is(path, &["docx"])
}

fn extension_is(path: &str, wanted: &[&str]) -> bool {
    std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| wanted.iter().any(|w| e.eq_ignore_ascii_case(w)))
}

/// Decides how an input is read. The content wins over the name: an OLE file renamed .md is
/// still a .doc, and a zip piped on standard input is still a .docx.
pub fn kind(path: &str, bytes: &[u8]) -> Kind {
    if bytes.starts_with(OLE_MAGIC) {
        return Kind::Refused(if holds_encrypted_package(bytes) {
            PackageError::Encrypted
        } else {
            PackageError::LegacyBinary
        });
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC) || is_docx_name(path) {
        return Kind::Package;
    }
    if extension_is(path, &["doc", "wps", "dot", "wpt"]) {
        return Kind::Refused(PackageError::LegacyName);
    }
    Kind::Text
}

/// An encrypted .docx is an OLE file with a stream named `EncryptedPackage` (its directory
/// stores names in UTF-16LE).
fn holds_encrypted_package(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    memchr::memmem::find(bytes, &name).is_some()
}

/// An opened package, reading parts within one shared budget.
pub struct Package<'a> {
    pub archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// What may still be inflated.
    budget: u64,
}

impl<'a> Package<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Package<'a>, PackageError> {
        if bytes.starts_with(OLE_MAGIC) {
            return Err(PackageError::LegacyBinary);
        }
        if !(bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC)) {
            return Err(PackageError::NotZip);
        }
        let archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(what) => {
                PackageError::Unsupported(what.to_string())
            }
            other => PackageError::BrokenZip(other.to_string()),
        })?;
        Ok(Package {
            archive,
            budget: MAX_INFLATED,
        })
    }

    pub fn has(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The inflated bytes of a part, or `None` when there is no such part.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, PackageError> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let entry = self.archive.by_index(index).map_err(|e| match e {
            zip::result::ZipError::UnsupportedArchive(what) => {
                if what == zip::result::ZipError::PASSWORD_REQUIRED {
                    PackageError::Encrypted
                } else {
                    PackageError::Unsupported(what.to_string())
                }
            }
            other => PackageError::BrokenZip(other.to_string()),
        })?;
        // The declared size is only a hint (it may lie); the take is the bound.
        let mut out =
            Vec::with_capacity(usize::try_from(entry.size().min(self.budget)).unwrap_or(0));
        let read = entry
            .take(self.budget.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|e| PackageError::BrokenZip(e.to_string()))?;
        if read as u64 > self.budget {
            return Err(PackageError::TooLarge);
        }
        self.budget -= read as u64;
        Ok(Some(out))
    }

    /// A part that must be UTF-8 XML (a BOM is allowed: its length is returned, since
    /// offsets into the part count it).
    pub fn xml_part(&mut self, name: &str) -> Result<Option<(String, usize)>, PackageError> {
        let Some(bytes) = self.part(name)? else {
            return Ok(None);
        };
        xml_text(bytes).map(Some)
    }
}

/// The text of an XML part and the length of the BOM before it.
pub fn xml_text(bytes: Vec<u8>) -> Result<(String, usize), PackageError> {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut text = String::from_utf8(bytes).map_err(|e| {
        PackageError::BadXml(format!(
            "不是 UTF-8 / not UTF-8 at byte {}",
            e.utf8_error().valid_up_to()
        ))
    })?;
    text.drain(..bom);
    Ok((text, bom))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_content_then_name() {
        assert_eq!(kind("a.md", b"abc"), Kind::Text);
        assert_eq!(kind("a.docx", b"abc"), Kind::Package);
        assert_eq!(kind("a.DOCX", b"abc"), Kind::Package);
        assert_eq!(kind("-", b"PK\x03\x04rest"), Kind::Package);
        assert_eq!(
            kind("a.wps", b"text"),
            Kind::Refused(PackageError::LegacyName)
        );
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend_from_slice(&[0; 64]);
        assert_eq!(
            kind("a.docx", &ole),
            Kind::Refused(PackageError::LegacyBinary)
        );
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(kind("a.md", &ole), Kind::Refused(PackageError::Encrypted));
    }

    #[test]
    fn every_message_is_said_in_both_languages() {
        for e in [
            PackageError::NotZip,
            PackageError::BrokenZip("x".into()),
            PackageError::NoDocument,
            PackageError::Encrypted,
            PackageError::LegacyBinary,
            PackageError::LegacyName,
            PackageError::TooLarge,
            PackageError::Unsupported("x".into()),
            PackageError::TooDeep,
            PackageError::Entities,
            PackageError::BadXml("x".into()),
        ] {
            assert!(e.message(Lang::Zh).chars().any(|c| c > '\u{3000}'), "{e:?}");
            assert!(e.message(Lang::En).is_ascii(), "{e:?}");
        }
    }
}
