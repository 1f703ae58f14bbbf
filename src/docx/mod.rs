//! Word drafts (.docx): the reading stage beside [`crate::source`]'s decoding — bytes become
//! the text the checker reads, with a map from every character back to its place in the
//! package — and the annotated copy that hands the findings back as Word comments.
//!
//! - [`package`]: what is refused (not a zip, .doc/.wps, encrypted, bombs) and bounded reading;
//! - [`read`]: `word/document.xml` → text, paragraph starts and the offset map;
//! - [`annotate`]: the findings spliced into a copy as comments, every other part kept.

pub mod annotate;
pub mod package;
pub mod read;

pub use package::{is_docx_name, kind, Kind, PackageError};
pub use read::Extracted;

/// Reads a Word package into its text and the map back into `word/document.xml`.
pub fn read(bytes: &[u8]) -> Result<Extracted, PackageError> {
    let mut package = package::Package::open(bytes)?;
    let Some((xml, bom)) = package.xml_part(package::DOCUMENT)? else {
        return Err(PackageError::NoDocument);
    };
    read::read_document(xml, bom)
}
