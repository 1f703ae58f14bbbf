//! Applying fixes: the edits of the findings that carry one, applied to the decoded text and
//! written back in the file's own encoding, atomically.
//!
//! Fixes are offered only where they are certain (punctuation, brackets, numerals); overlapping
//! edits keep the first and leave the rest for the next run, so applying twice converges.

use std::io::Write;
use std::path::Path;

use crate::diagnostic::Edit;
use crate::report::FileReport;
use crate::source::Encoding;

/// The edits `--fix` applies, in order: every fix's edits, the first of overlapping ones
/// kept (the rest wait for the next run). The language server's 「fix all」 sends exactly these.
pub fn applicable_edits(report: &FileReport) -> Vec<&Edit> {
    let mut edits: Vec<&Edit> = report
        .findings()
        .filter_map(|d| d.fix.as_ref())
        .flat_map(|f| &f.edits)
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits.dedup_by(|a, b| a.span == b.span && a.replacement == b.replacement);
    let mut at = 0;
    edits.retain(|e| {
        // An edit that overlaps one already taken waits for the next run.
        let fits = e.span.start >= at && e.span.end <= report.source.len();
        if fits {
            at = e.span.end;
        }
        fits
    });
    edits
}

/// The text with every non-overlapping fix applied, or `None` when nothing changes.
pub fn fixed_text(report: &FileReport) -> Option<String> {
    let mut out = String::with_capacity(report.source.len());
    let mut at = 0;
    for e in applicable_edits(report) {
        out.push_str(&report.source[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&report.source[at..]);
    (out != report.source).then_some(out)
}

/// The findings whose fix a run of `--fix` applies whole (those that overlap another wait).
pub fn applied(report: &FileReport) -> Vec<&crate::diagnostic::Diagnostic> {
    let taken = applicable_edits(report);
    report
        .findings()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| !f.edits.is_empty() && f.edits.iter().all(|e| taken.contains(&e)))
        })
        .collect()
}

/// The bytes of `text` in the file's encoding. GB18030 and UTF-16 files stay what they were.
pub fn encode(text: &str, encoding: Encoding) -> Result<Vec<u8>, String> {
    Ok(match encoding {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [&[0xEF, 0xBB, 0xBF][..], text.as_bytes()].concat(),
        Encoding::Gb18030 => {
            let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
            if unmappable {
                return Err(
                    "修正后的文字无法用 GB18030 表示 / the fixed text cannot be written in GB18030"
                        .into(),
                );
            }
            bytes.into_owned()
        }
        Encoding::Utf16Le => [
            vec![0xFF, 0xFE],
            text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ]
        .concat(),
        Encoding::Utf16Be => [
            vec![0xFE, 0xFF],
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ]
        .concat(),
    })
}

/// A unified diff of the change, for `--diff`.
pub fn diff(path: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("a/{}", path.trim_start_matches('/')),
            &format!("b/{}", path.trim_start_matches('/')),
        )
        .to_string()
}

/// Writes `bytes` to `path` atomically (a temporary file in the same directory, then rename),
/// keeping the permissions — but only if the file still holds `original`: a file that changed
/// since it was read is never overwritten.
pub fn write_atomically(path: &Path, original: &[u8], bytes: &[u8]) -> Result<(), String> {
    let now = std::fs::read(path).map_err(|e| format!("无法重新读取 / cannot re-read: {e}"))?;
    if now != original {
        return Err(
            "文件在检查之后被改动过，未写入修正 / the file changed since it was read; not fixed"
                .into(),
        );
    }
    write_new_atomically(path, bytes)
}

/// Writes `bytes` to `path` through a temporary file in the same directory and a rename, so a
/// reader never sees half a file; an existing file keeps its permissions.
pub fn write_new_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| e.to_string())?;
    tmp.write_all(bytes).map_err(|e| e.to_string())?;
    tmp.as_file().sync_all().map_err(|e| e.to_string())?;
    if let Ok(meta) = std::fs::metadata(path) {
        let _ = std::fs::set_permissions(tmp.path(), meta.permissions());
    }
    tmp.persist(path).map_err(|e| e.error.to_string())?;
    Ok(())
}
