//! Applying fixes: the edits of the findings that carry one, spliced into the file's original
//! bytes (only the fixed places change, in the file's own encoding), repeated until no fix is
//! left, as ruff does.
//!
//! Fixes are offered only where they are certain (punctuation, brackets, numerals); overlapping
//! edits keep the first and leave the rest for the next pass, and a fix may reveal another
//! (「(草案 7.2);」), so one run applies passes until nothing changes.

use std::path::Path;

use crate::check::Settings;
use crate::diagnostic::Edit;
use crate::report::{check_all, FileReport};
use crate::source::Encoding;

/// Passes after which fixes that still change the text are a bug (ruff's bound too).
pub const MAX_PASSES: usize = 100;

/// The non-overlapping edits of one pass, in source order.
pub fn chosen_edits(report: &FileReport) -> Vec<&Edit> {
    let mut edits: Vec<&Edit> = report
        .findings()
        .filter_map(|d| d.fix.as_ref())
        .flat_map(|f| &f.edits)
        .collect();
    edits.sort_by_key(|e| (e.span.start, e.span.end));
    edits.dedup_by(|a, b| a.span == b.span && a.replacement == b.replacement);
    let mut chosen = Vec::with_capacity(edits.len());
    let mut at = 0;
    for e in edits {
        // An edit that overlaps one already taken waits for the next pass.
        if e.span.start < at
            || e.span.end > report.source.len()
            || !report.source.is_char_boundary(e.span.start)
            || !report.source.is_char_boundary(e.span.end)
        {
            continue;
        }
        // An edit that changes nothing is no fix.
        if report.source[e.span.start..e.span.end] == e.replacement {
            continue;
        }
        at = e.span.end;
        chosen.push(e);
    }
    chosen
}

/// The text with one pass of fixes applied, or `None` when nothing changes.
pub fn fixed_text(report: &FileReport) -> Option<String> {
    let edits = chosen_edits(report);
    if edits.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(report.source.len());
    let mut at = 0;
    for e in edits {
        out.push_str(&report.source[at..e.span.start]);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(&report.source[at..]);
    (out != report.source).then_some(out)
}

/// The findings whose fix a run of `--fix` applies whole (those that overlap another wait).
pub fn applied(report: &FileReport) -> Vec<&crate::diagnostic::Diagnostic> {
    let taken = chosen_edits(report);
    report
        .findings()
        .filter(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| !f.edits.is_empty() && f.edits.iter().all(|e| taken.contains(&e)))
        })
        .collect()
}

/// A Word package is not text to splice into: its fixes are made in Word (`--annotate`).
const DOCX_NOT_FIXED: &str = "Word 文档（.docx）不能自动修正，请用 --annotate 生成带批注的副本，在 Word 中修改 / a Word document (.docx) cannot be fixed automatically; use --annotate and make the changes in Word";

/// The bytes of `text` in the file's encoding, without a BOM.
fn encode_bare(text: &str, encoding: Encoding) -> Result<Vec<u8>, String> {
    Ok(match encoding {
        Encoding::Utf8 | Encoding::Utf8Bom => text.as_bytes().to_vec(),
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
        Encoding::Utf16Le => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        Encoding::Utf16Be => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        Encoding::Docx => return Err(DOCX_NOT_FIXED.into()),
    })
}

/// The length in bytes of the GB18030 character at the start of `bytes` (the input decoded
/// cleanly, so the sequence is well formed): ASCII and 0x80 are one byte, a lead byte
/// followed by a digit starts a four-byte sequence, anything else is a two-byte pair.
fn gb18030_len(bytes: &[u8]) -> usize {
    match bytes {
        [b, ..] if *b <= 0x80 => 1,
        [_, b'0'..=b'9', ..] => 4,
        _ => 2,
    }
}

/// The offsets in `original` of the text offsets `wanted` (sorted, on char boundaries of
/// `source`, which `original` decodes to in `encoding`).
fn original_offsets(
    original: &[u8],
    encoding: Encoding,
    source: &str,
    wanted: &[usize],
) -> Result<Vec<usize>, String> {
    let mismatch = || {
        "解码后的文字与原文件对不上，未写入 / the decoded text does not match the file; not written"
            .to_string()
    };
    match encoding {
        Encoding::Docx => Err(DOCX_NOT_FIXED.into()),
        Encoding::Utf8 => Ok(wanted.to_vec()),
        Encoding::Utf8Bom => Ok(wanted.iter().map(|o| o + 3).collect()),
        Encoding::Utf16Le | Encoding::Utf16Be | Encoding::Gb18030 => {
            let mut out = Vec::with_capacity(wanted.len());
            let mut wanted = wanted.iter().peekable();
            let mut byte = if encoding == Encoding::Gb18030 { 0 } else { 2 };
            let mut chars = source.char_indices();
            loop {
                let next = chars.next();
                let at = next.map_or(source.len(), |(i, _)| i);
                while wanted.next_if(|&&w| w <= at).is_some() {
                    out.push(byte);
                }
                let Some((_, c)) = next else { break };
                byte += match encoding {
                    Encoding::Gb18030 => gb18030_len(original.get(byte..).unwrap_or_default()),
                    _ => 2 * c.len_utf16(),
                };
            }
            if byte != original.len() {
                return Err(mismatch());
            }
            Ok(out)
        }
    }
}

/// `original` with the edits spliced in: the bytes outside the edits stay exactly as they
/// were (re-encoding the whole text would rewrite GB18030 bytes such as 0x80 as A2 E3).
pub fn splice(
    original: &[u8],
    encoding: Encoding,
    source: &str,
    edits: &[&Edit],
) -> Result<Vec<u8>, String> {
    let bounds: Vec<usize> = edits
        .iter()
        .flat_map(|e| [e.span.start, e.span.end])
        .collect();
    let at = original_offsets(original, encoding, source, &bounds)?;
    let mut out = Vec::with_capacity(original.len());
    let mut from = 0;
    for (i, e) in edits.iter().enumerate() {
        let (start, end) = (at[2 * i], at[2 * i + 1]);
        out.extend_from_slice(&original[from..start]);
        out.extend(encode_bare(&e.replacement, encoding)?);
        from = end;
    }
    out.extend_from_slice(&original[from..]);
    Ok(out)
}

/// A run's files after fixing.
pub struct FixedRun {
    /// The bytes of each input after every pass (the original bytes where nothing changed or
    /// fixing failed).
    pub bytes: Vec<Vec<u8>>,
    /// The reports of the last pass, of `bytes`.
    pub reports: Vec<FileReport>,
    /// The reports of the original inputs (for diffs), when they differ from `reports`.
    first: Option<Vec<FileReport>>,
    /// Files that could not be fixed, and why; their bytes are the original ones.
    pub errors: Vec<(usize, String)>,
    pub passes: usize,
}

impl FixedRun {
    /// The reports of the inputs as they were read.
    pub fn first(&self) -> &[FileReport] {
        self.first.as_deref().unwrap_or(&self.reports)
    }
}

/// Fixes the inputs of one run to a fixed point: checks them together (fixes may depend on
/// the run), applies every file's certain fixes, and again until no file changes. A file
/// still changing after [`MAX_PASSES`] is an internal error and keeps its original bytes.
pub fn fix_run(inputs: Vec<(String, Vec<u8>)>, settings: &Settings) -> FixedRun {
    fix_run_with(inputs, &|inputs| check_all(inputs, settings))
}

/// [`fix_run`] with the checking step given, so the bound can be tested with a fix that
/// never settles.
pub fn fix_run_with(
    inputs: Vec<(String, Vec<u8>)>,
    check: &dyn Fn(Vec<(String, Vec<u8>)>) -> Vec<FileReport>,
) -> FixedRun {
    let originals: Vec<Vec<u8>> = inputs.iter().map(|(_, b)| b.clone()).collect();
    let names: Vec<String> = inputs.iter().map(|(n, _)| n.clone()).collect();
    let mut current = originals.clone();
    let mut frozen = vec![false; current.len()];
    let mut errors: Vec<(usize, String)> = Vec::new();
    let mut first: Option<Vec<FileReport>> = None;
    let mut passes = 0;
    let reports = loop {
        let reports = check(names.iter().cloned().zip(current.iter().cloned()).collect());
        let mut changed = false;
        for (i, report) in reports.iter().enumerate() {
            if frozen[i] {
                continue;
            }
            let edits = chosen_edits(report);
            if edits.is_empty() {
                continue;
            }
            let spliced = report
                .encoding
                .ok_or_else(|| "无法解码的文件不修正 / undecodable".to_string())
                .and_then(|enc| splice(&current[i], enc, &report.source, &edits));
            match spliced {
                Ok(bytes) if bytes != current[i] => {
                    current[i] = bytes;
                    changed = true;
                }
                Ok(_) => {}
                Err(e) => {
                    frozen[i] = true;
                    current[i] = originals[i].clone();
                    errors.push((i, e));
                    changed = true;
                }
            }
        }
        if !changed {
            break reports;
        }
        if first.is_none() {
            first = Some(reports);
        }
        passes += 1;
        if passes >= MAX_PASSES {
            let last = check(inputs_of(&names, &current));
            let mut loops = false;
            for (i, report) in last.iter().enumerate() {
                if !frozen[i] && !chosen_edits(report).is_empty() {
                    errors.push((
                        i,
                        format!(
                            "内部错误：{MAX_PASSES} 轮修正后仍有修正，文件未写入；请报告此问题 / internal error: fixes did not converge after {MAX_PASSES} passes; not written, please report it"
                        ),
                    ));
                    current[i] = originals[i].clone();
                    loops = true;
                }
            }
            break if loops {
                check(inputs_of(&names, &current))
            } else {
                last
            };
        }
    };
    errors.sort_by_key(|(i, _)| *i);
    FixedRun {
        bytes: current,
        reports,
        first,
        errors,
        passes,
    }
}

fn inputs_of(names: &[String], bytes: &[Vec<u8>]) -> Vec<(String, Vec<u8>)> {
    names.iter().cloned().zip(bytes.iter().cloned()).collect()
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

/// Writes the fixed bytes over `path` — through a link to its target, in place for a file
/// with several hard links — if it still holds `original` (see [`crate::files::replace`]).
pub fn write_fixed(
    path: &Path,
    original: &[u8],
    bytes: &[u8],
    options: crate::files::WriteOptions,
) -> Result<(), String> {
    crate::files::replace(path, original, bytes, options)
}
