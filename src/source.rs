//! Turning the bytes of a notice into text, and mapping byte offsets in that
//! text to line/column positions.
//!
//! Gazette notices arrive from many offices: most are UTF-8, some are still
//! saved as GB18030/GBK by older Windows tools, a few as UTF-16 by Notepad.
//! We accept those, but never guess silently between "broken UTF-8" and
//! "legacy GB18030": GB18030 decodes almost any byte soup, so a corrupted
//! UTF-8 file would otherwise come back as plausible-looking mojibake.

use std::fmt;

/// The encoding a notice was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Gb18030,
    Utf16Le,
    Utf16Be,
    /// A Word package (.docx): the text is its body's paragraphs ([`crate::docx`]).
    Docx,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Gb18030 => "gb18030",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Docx => "docx",
        }
    }

    /// Legacy encodings still decode, but earn a warning asking for UTF-8.
    pub fn is_legacy(self) -> bool {
        matches!(
            self,
            Encoding::Gb18030 | Encoding::Utf16Le | Encoding::Utf16Be
        )
    }
}

/// Successfully decoded text. The text is exactly what the file says: line
/// endings are not normalised, so byte offsets reported later stay faithful
/// to what the author sees in their editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Encoding,
}

/// Why the bytes are not text we accept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeFailure {
    /// Offset into the ORIGINAL bytes (BOM included) of the first offending byte.
    pub byte_offset: usize,
    pub kind: DecodeFailureKind,
    /// The text decoded before the offending byte, so a diagnostic can show
    /// the user where things went wrong. May be empty.
    pub valid_prefix: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeFailureKind {
    /// NUL or other control bytes typical of binary data.
    Binary,
    /// Looks like UTF-16 but has no BOM to tell us the byte order for sure.
    Utf16WithoutBom,
    /// Mostly UTF-8 with damage: an illegal byte or a truncated multi-byte character.
    InvalidUtf8,
    /// Neither UTF-8 nor GB18030 (or corrupt UTF-16 after a BOM).
    Undecodable,
    /// Starts with a UTF-32 byte-order mark: an encoding no notice is kept in, and which read
    /// as UTF-16 would be NUL-laden nonsense.
    Utf32,
}

impl DecodeFailureKind {
    pub fn message_zh(self) -> &'static str {
        match self {
            DecodeFailureKind::Binary => "文件含有 NUL 等控制字节，像是二进制文件，不是文本",
            DecodeFailureKind::Utf16WithoutBom => {
                "文件像是没有 BOM 的 UTF-16 文本，无法可靠解码；请另存为 UTF-8"
            }
            DecodeFailureKind::InvalidUtf8 => "不是有效的 UTF-8：多字节字符被截断或含非法字节",
            DecodeFailureKind::Undecodable => {
                "既不是 UTF-8 也不是 GB18030 文本（或带 BOM 的 UTF-16 内容已损坏）"
            }
            DecodeFailureKind::Utf32 => {
                "文件是 UTF-32 编码（有 UTF-32 的 BOM），不受支持；请另存为 UTF-8"
            }
        }
    }

    pub fn message_en(self) -> &'static str {
        match self {
            DecodeFailureKind::Binary => {
                "the file contains NUL or other control bytes; it looks binary, not text"
            }
            DecodeFailureKind::Utf16WithoutBom => {
                "the file looks like UTF-16 without a BOM and cannot be decoded reliably; \
                 please save it as UTF-8"
            }
            DecodeFailureKind::InvalidUtf8 => {
                "not valid UTF-8: a multi-byte character is truncated or an illegal byte occurs"
            }
            DecodeFailureKind::Undecodable => {
                "neither UTF-8 nor GB18030 text (or corrupt UTF-16 after a BOM)"
            }
            DecodeFailureKind::Utf32 => {
                "the file is UTF-32 (it starts with a UTF-32 BOM), which is not supported; \
                 please save it as UTF-8"
            }
        }
    }
}

impl fmt::Display for DecodeFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}（字节偏移 {}） / {} (at byte {})",
            self.kind.message_zh(),
            self.byte_offset,
            self.kind.message_en(),
            self.byte_offset
        )
    }
}

impl std::error::Error for DecodeFailure {}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";
const UTF32LE_BOM: &[u8] = b"\xFF\xFE\x00\x00";
const UTF32BE_BOM: &[u8] = b"\x00\x00\xFE\xFF";

/// How much of the head of the file the UTF-16 sniffing looks at.
const UTF16_SNIFF_WINDOW: usize = 1024;
/// How much of the head of the file the control-byte density check looks at.
const BINARY_SNIFF_WINDOW: usize = 8192;
/// Valid multi-byte UTF-8 characters needed per invalid sequence before we
/// call the file "broken UTF-8" rather than "probably GB18030".
const UTF8_EVIDENCE_RATIO: usize = 4;

/// As [`decode`], but takes the bytes: plain UTF-8 (the common case) becomes the text without
/// a copy, which on a large file is as much memory as the file itself.
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeFailure> {
    let bom = [UTF8_BOM, UTF16LE_BOM, UTF16BE_BOM]
        .iter()
        .any(|b| bytes.starts_with(b));
    if bom || memchr::memchr(0, &bytes).is_some() {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: Encoding::Utf8,
        }),
        Err(e) => decode(e.as_bytes()),
    }
}

pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeFailure> {
    // A BOM is an explicit declaration by the writer, so it beats every
    // heuristic below, including the NUL check (UTF-16 is full of NULs).
    if let Some(body) = bytes.strip_prefix(UTF8_BOM) {
        return match std::str::from_utf8(body) {
            Ok(text) => Ok(Decoded {
                text: text.to_owned(),
                encoding: Encoding::Utf8Bom,
            }),
            Err(e) => Err(DecodeFailure {
                byte_offset: UTF8_BOM.len() + e.valid_up_to(),
                kind: DecodeFailureKind::InvalidUtf8,
                valid_prefix: utf8_prefix(body).to_owned(),
            }),
        };
    }
    // FF FE 00 00 also starts UTF-16LE text whose first character is NUL, which no notice is.
    if bytes.starts_with(UTF32LE_BOM) || bytes.starts_with(UTF32BE_BOM) {
        return Err(DecodeFailure {
            byte_offset: 0,
            kind: DecodeFailureKind::Utf32,
            valid_prefix: String::new(),
        });
    }
    if let Some(body) = bytes.strip_prefix(UTF16LE_BOM) {
        return decode_utf16_after_bom(body, Utf16Order::Le);
    }
    if let Some(body) = bytes.strip_prefix(UTF16BE_BOM) {
        return decode_utf16_after_bom(body, Utf16Order::Be);
    }

    // NUL is valid UTF-8, but no notice legitimately contains one, and it is
    // the clearest sign of binary data or BOM-less UTF-16.
    if let Some(first_nul) = bytes.iter().position(|&b| b == 0) {
        let kind = if looks_like_utf16_without_bom(bytes) {
            DecodeFailureKind::Utf16WithoutBom
        } else {
            DecodeFailureKind::Binary
        };
        return Err(failure_at(bytes, first_nul, kind));
    }

    let utf8_error = match std::str::from_utf8(bytes) {
        Ok(text) => {
            return Ok(Decoded {
                text: text.to_owned(),
                encoding: Encoding::Utf8,
            })
        }
        Err(e) => e,
    };
    let first_bad = utf8_error.valid_up_to();

    let (valid_multibyte, invalid_sequences) = utf8_evidence(bytes);
    // `error_len() == None` means the first (hence only) error is a
    // multi-byte character cut off by end of input: the classic truncated
    // UTF-8 file. Alongside real UTF-8 multi-byte text that is decisive even
    // when the file is too short for the ratio test to mean anything.
    let truncated_tail_only = utf8_error.error_len().is_none();
    let broken_utf8 = valid_multibyte > 0
        && (truncated_tail_only || valid_multibyte >= UTF8_EVIDENCE_RATIO * invalid_sequences);
    if broken_utf8 {
        return Err(failure_at(bytes, first_bad, DecodeFailureKind::InvalidUtf8));
    }

    if let Some(text) =
        encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
    {
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: Encoding::Gb18030,
        });
    }

    // Only once nothing decodes do we look for NUL-free binary: doing it
    // earlier could reject a text file that merely carries a stray control
    // character, which the linter should report as a finding instead.
    if let Some(first_control) = binary_control_bytes(bytes) {
        return Err(failure_at(bytes, first_control, DecodeFailureKind::Binary));
    }
    Err(failure_at(bytes, first_bad, DecodeFailureKind::Undecodable))
}

fn failure_at(bytes: &[u8], offset: usize, kind: DecodeFailureKind) -> DecodeFailure {
    let head = bytes.get(..offset).unwrap_or(bytes);
    DecodeFailure {
        byte_offset: offset,
        kind,
        valid_prefix: utf8_prefix(head).to_owned(),
    }
}

/// The longest prefix of `bytes` that is valid UTF-8.
fn utf8_prefix(bytes: &[u8]) -> &str {
    bytes.utf8_chunks().next().map_or("", |chunk| chunk.valid())
}

/// Counts (valid multi-byte UTF-8 characters, maximal invalid sequences).
///
/// GBK/GB18030 Chinese text only rarely forms valid UTF-8 multi-byte
/// sequences by accident (a lead byte C2–DF followed by a trail 80–BF), and
/// produces an invalid sequence for nearly every character; damaged UTF-8
/// is the reverse. The ratio is what separates them.
fn utf8_evidence(bytes: &[u8]) -> (usize, usize) {
    let mut valid_multibyte = 0;
    let mut invalid_sequences = 0;
    for chunk in bytes.utf8_chunks() {
        // Every multi-byte character starts with exactly one byte >= 0xC0.
        valid_multibyte += chunk.valid().bytes().filter(|&b| b >= 0xC0).count();
        if !chunk.invalid().is_empty() {
            invalid_sequences += 1;
        }
    }
    (valid_multibyte, invalid_sequences)
}

#[derive(Clone, Copy)]
enum Utf16Order {
    Le,
    Be,
}

impl Utf16Order {
    fn unit(self, pair: &[u8]) -> u16 {
        match (self, pair) {
            (Utf16Order::Le, [lo, hi]) => u16::from_le_bytes([*lo, *hi]),
            (Utf16Order::Be, [hi, lo]) => u16::from_be_bytes([*hi, *lo]),
            // `chunks_exact(2)` never hands us anything else.
            _ => 0,
        }
    }
}

fn decode_utf16_after_bom(body: &[u8], order: Utf16Order) -> Result<Decoded, DecodeFailure> {
    let (codec, encoding) = match order {
        Utf16Order::Le => (encoding_rs::UTF_16LE, Encoding::Utf16Le),
        Utf16Order::Be => (encoding_rs::UTF_16BE, Encoding::Utf16Be),
    };
    if let Some(text) = codec.decode_without_bom_handling_and_without_replacement(body) {
        return Ok(Decoded {
            text: text.into_owned(),
            encoding,
        });
    }
    // encoding_rs only says "malformed"; find where, so the diagnostic can
    // point at it.
    let (offset_in_body, valid_prefix) = locate_utf16_error(body, order);
    Err(DecodeFailure {
        // Both UTF-16 BOMs are two bytes long.
        byte_offset: UTF16LE_BOM.len() + offset_in_body,
        kind: DecodeFailureKind::Undecodable,
        valid_prefix,
    })
}

/// Finds the first unpaired surrogate or dangling odd byte.
fn locate_utf16_error(body: &[u8], order: Utf16Order) -> (usize, String) {
    let units = body.chunks_exact(2).map(|pair| order.unit(pair));
    let mut prefix = String::new();
    let mut units_read = 0;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => {
                prefix.push(c);
                units_read += c.len_utf16();
            }
            Err(_) => return (units_read * 2, prefix),
        }
    }
    // Every unit was fine, so the problem is a lone trailing byte.
    (body.len().saturating_sub(1), prefix)
}

/// Decides whether a NUL-containing file is BOM-less UTF-16 rather than binary.
///
/// UTF-16 puts the zero high byte of every ASCII character (newlines, digits)
/// at one fixed parity; binary data scatters NULs over both parities. Chinese
/// text has few ASCII characters, so "most units have a NUL" would miss it; we
/// accept a lower NUL density provided the parity is clearly one-sided and the
/// window decodes to something text-like. The minority-parity allowance is for
/// characters such as 一 (U+4E00), whose low byte is zero.
fn looks_like_utf16_without_bom(bytes: &[u8]) -> bool {
    // UTF-16 comes in whole code units; an odd length rules it out.
    if bytes.len() % 2 == 1 {
        return false;
    }
    let window_len = bytes.len().min(UTF16_SNIFF_WINDOW) & !1;
    let window = &bytes[..window_len];
    let units = window_len / 2;
    if units == 0 {
        return false;
    }
    let even_nuls = window.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = window
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let (dominant, minority, order) = if odd_nuls > even_nuls {
        (odd_nuls, even_nuls, Utf16Order::Le)
    } else {
        (even_nuls, odd_nuls, Utf16Order::Be)
    };
    let dense_enough = dominant * 2 >= units || (dominant >= 2 && dominant * 16 >= units);
    let one_sided = minority * 2 <= dominant;
    if !(dense_enough && one_sided) {
        return false;
    }
    // Arrays of small integers pass the parity test too; they decode to
    // control characters, which real text does not contain.
    let suspicious = char::decode_utf16(window.chunks_exact(2).map(|pair| order.unit(pair)))
        .filter(|decoded| match decoded {
            Ok(c) => c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'),
            Err(_) => true,
        })
        .count();
    suspicious * 20 <= units
}

/// For input that decodes as nothing: if it is dense with C0 control bytes,
/// returns the offset of the first one. Bytes below 0x20 never occur inside a
/// UTF-8 or GB18030 multi-byte character, so this needs no knowledge of the
/// encoding.
fn binary_control_bytes(bytes: &[u8]) -> Option<usize> {
    let is_binaryish = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A | 0x1B);
    let window = &bytes[..bytes.len().min(BINARY_SNIFF_WINDOW)];
    let count = window.iter().filter(|&&b| is_binaryish(b)).count();
    // About 10% of random bytes fall in this range; text has essentially none.
    if count == 0 || count * 32 < window.len() {
        return None;
    }
    window.iter().position(|&b| is_binaryish(b))
}

/// Maps byte offsets to 1-based line/column positions.
///
/// Modelled on ruff's `LineIndex`: it stores only line start offsets, and a
/// per-line ASCII flag so that columns on ASCII lines are a subtraction
/// rather than a character count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset where each line starts; always begins with 0.
    line_starts: Vec<usize>,
    /// Parallel to `line_starts`: whether that line (terminator included) is ASCII.
    ascii_lines: Vec<bool>,
    text_len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The byte offset actually used, after clamping.
    pub byte: usize,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column in Unicode scalar values.
    pub column: usize,
    /// 1-based column in UTF-16 code units (what LSP clients expect by default).
    pub column_utf16: usize,
}

impl LineIndex {
    /// Line breaks are "\n", "\r\n" and a lone "\r". Text ending in a break
    /// has a final empty line, so `position(text.len())` always has a line
    /// to land on.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut ascii_lines = Vec::new();
        let mut start = 0;
        // The breaks found by memchr, each line's ASCII-ness by a word-wide test: a byte at a
        // time this was a seventieth of a check. Searching bytes is safe for a str: '\r' and
        // '\n' never occur inside a multi-byte UTF-8 character.
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if i < start {
                // The '\n' of a "\r\n", taken with its '\r'.
                continue;
            }
            ascii_lines.push(bytes[start..i].is_ascii());
            start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            line_starts.push(start);
        }
        ascii_lines.push(bytes[start..].is_ascii());
        LineIndex {
            line_starts,
            ascii_lines,
            text_len: text.len(),
        }
    }

    /// An index whose lines start at `line_starts` (sorted, the first 0) whatever the text
    /// holds: a Word draft's lines are its paragraphs, and a soft break inside one is a
    /// character of it, not a new line.
    pub fn with_line_starts(text: &str, mut line_starts: Vec<usize>) -> Self {
        line_starts.retain(|&s| s <= text.len() && text.is_char_boundary(s));
        line_starts.dedup();
        if line_starts.first() != Some(&0) {
            line_starts.insert(0, 0);
        }
        let ascii_lines = line_starts
            .iter()
            .zip(line_starts.iter().skip(1).chain([&text.len()]))
            .map(|(&s, &e)| text.get(s..e).is_some_and(str::is_ascii))
            .collect();
        LineIndex {
            line_starts,
            ascii_lines,
            text_len: text.len(),
        }
    }

    /// `text` must be the text the index was built from. Offsets past the
    /// end are clamped to `text.len()`, and offsets inside a character move
    /// back to its first byte, so a sloppy caller gets a nearby position
    /// rather than a panic.
    pub fn position(&self, text: &str, byte: usize) -> Position {
        let (byte, line_idx, start) = self.locate(text, byte);
        let ascii = self.ascii_lines.get(line_idx).copied().unwrap_or(false);
        let (chars, utf16_units) = match text.get(start..byte) {
            Some(prefix) if !ascii => (
                prefix.chars().count(),
                prefix.chars().map(char::len_utf16).sum(),
            ),
            // ASCII line, or a text that does not match the index (in which
            // case any answer is wrong, but a byte count is cheap and safe).
            _ => (byte - start, byte - start),
        };
        Position {
            byte,
            line: line_idx + 1,
            column: chars + 1,
            column_utf16: utf16_units + 1,
        }
    }

    /// `byte` clamped to the text and moved back to a character's first byte, the index of its
    /// line and the byte where that line starts.
    fn locate(&self, text: &str, byte: usize) -> (usize, usize, usize) {
        let mut byte = byte.min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        let line_idx = self
            .line_starts
            .partition_point(|&start| start <= byte)
            .saturating_sub(1);
        let start = self
            .line_starts
            .get(line_idx)
            .copied()
            .unwrap_or(0)
            .min(byte);
        (byte, line_idx, start)
    }

    /// The positions of many offsets in one pass per line: `offsets` must be sorted, and the
    /// answer is in their order. [`position`](Self::position) counts the characters from the
    /// start of the line for every call, which is quadratic for many findings on one long line.
    pub fn positions(&self, text: &str, offsets: &[usize]) -> Vec<Position> {
        let mut out = Vec::with_capacity(offsets.len());
        // (line index, byte reached on it, characters and UTF-16 units before that byte)
        let mut cursor: Option<(usize, usize, usize, usize)> = None;
        for &offset in offsets {
            let (byte, line_idx, start) = self.locate(text, offset);
            let (mut at, mut chars, mut units) = match cursor {
                Some((l, at, c, u)) if l == line_idx && at <= byte => (at, c, u),
                _ => (start, 0, 0),
            };
            if self.ascii_lines.get(line_idx).copied().unwrap_or(false) {
                (chars, units) = (byte - start, byte - start);
            } else if let Some(between) = text.get(at..byte) {
                for c in between.chars() {
                    chars += 1;
                    units += c.len_utf16();
                }
            } else {
                (chars, units) = (byte - start, byte - start);
            }
            at = byte;
            cursor = Some((line_idx, at, chars, units));
            out.push(Position {
                byte,
                line: line_idx + 1,
                column: chars + 1,
                column_utf16: units + 1,
            });
        }
        out
    }

    /// The 1-based line holding `byte`, without counting columns.
    pub fn line_of(&self, byte: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start <= byte.min(self.text_len))
            .max(1)
    }

    /// Where the line holding `byte` starts and ends (before its line break). `text` must be
    /// the text the index was built from.
    pub fn line_bounds(&self, text: &str, byte: usize) -> (usize, usize) {
        let line = self.line_of(byte);
        let start = self.line_start(line);
        let end = match self.line_starts.get(line) {
            Some(&next) if text.get(..next).is_some_and(|t| t.ends_with("\r\n")) => next - 2,
            Some(&next) => next.saturating_sub(1),
            None => self.text_len,
        };
        (start, end.max(start))
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Byte offset where 1-based `line` starts. Line 0 is treated as line 1
    /// and lines past the end start at the end of the text, so that callers
    /// computing ranges never have to special-case the boundaries.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text_len)
    }
}

/// The positions of a fixed set of offsets, converted together with
/// [`LineIndex::positions`]; any other offset is converted on its own.
#[derive(Debug, Clone, Default)]
pub struct Positions {
    offsets: Vec<usize>,
    positions: Vec<Position>,
}

impl Positions {
    pub fn new(index: &LineIndex, text: &str, mut offsets: Vec<usize>) -> Positions {
        offsets.sort_unstable();
        offsets.dedup();
        let positions = index.positions(text, &offsets);
        Positions { offsets, positions }
    }

    pub fn at(&self, index: &LineIndex, text: &str, byte: usize) -> Position {
        match self.offsets.binary_search(&byte) {
            Ok(i) => self.positions[i],
            Err(_) => index.position(text, byte),
        }
    }
}

/// Characters that print as nothing but break matching of names and posts: zero-width
/// spaces and joiners, the BOM, soft hyphens, word joiners and bidi marks.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{202A}'..='\u{202E}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first implementation, a byte at a time: the oracle of [`LineIndex::new`].
    fn line_index_byte_by_byte(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut ascii_lines = Vec::new();
        let mut line_ascii = true;
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => {
                    ascii_lines.push(line_ascii);
                    line_starts.push(i + 1);
                    line_ascii = true;
                }
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    ascii_lines.push(line_ascii);
                    line_starts.push(i + 1);
                    line_ascii = true;
                }
                b if b >= 0x80 => line_ascii = false,
                _ => {}
            }
            i += 1;
        }
        ascii_lines.push(line_ascii);
        LineIndex {
            line_starts,
            ascii_lines,
            text_len: text.len(),
        }
    }

    #[test]
    fn line_breaks_found_by_memchr_as_byte_by_byte() {
        let pieces = ["\n", "\r", "\r\n", "\n\r", "a", "中", "𠀀", " ", ""];
        let mut next = crate::testing::draws(0x2545_f491_4f6c_dd1d_u64);
        for _ in 0..20_000 {
            let len = next(30);
            let text: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            assert_eq!(
                LineIndex::new(&text),
                line_index_byte_by_byte(&text),
                "{text:?}"
            );
        }
    }

    const NOTICE: &str = "重庆市人民代表大会常务委员会公告";

    fn ok(bytes: &[u8]) -> Decoded {
        match decode(bytes) {
            Ok(d) => d,
            Err(e) => panic!("expected success, got {e:?}"),
        }
    }

    fn err(bytes: &[u8]) -> DecodeFailure {
        match decode(bytes) {
            Ok(d) => panic!("expected failure, got {d:?}"),
            Err(e) => e,
        }
    }

    fn utf16(text: &str, order: Utf16Order) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|u| match order {
                Utf16Order::Le => u.to_le_bytes(),
                Utf16Order::Be => u.to_be_bytes(),
            })
            .collect()
    }

    fn gb18030(text: &str) -> Vec<u8> {
        let (bytes, _, had_errors) = encoding_rs::GB18030.encode(text);
        assert!(!had_errors);
        bytes.into_owned()
    }

    #[test]
    fn encoding_names_and_legacy_flags() {
        let all = [
            (Encoding::Utf8, "utf-8", false),
            (Encoding::Utf8Bom, "utf-8-bom", false),
            (Encoding::Gb18030, "gb18030", true),
            (Encoding::Utf16Le, "utf-16le", true),
            (Encoding::Utf16Be, "utf-16be", true),
            (Encoding::Docx, "docx", false),
        ];
        for (enc, name, legacy) in all {
            assert_eq!(enc.name(), name);
            assert_eq!(enc.is_legacy(), legacy);
        }
    }

    #[test]
    fn messages_are_nonempty_and_display_mentions_offset() {
        for kind in [
            DecodeFailureKind::Binary,
            DecodeFailureKind::Utf16WithoutBom,
            DecodeFailureKind::InvalidUtf8,
            DecodeFailureKind::Undecodable,
            DecodeFailureKind::Utf32,
        ] {
            assert!(!kind.message_zh().is_empty());
            assert!(!kind.message_en().is_empty());
        }
        let f = err(b"ab\0cd");
        let shown = f.to_string();
        assert!(shown.contains("二进制"), "{shown}");
        assert!(shown.contains('2'), "{shown}");
    }

    #[test]
    fn empty_input_is_empty_utf8() {
        let d = ok(b"");
        assert_eq!(d.text, "");
        assert_eq!(d.encoding, Encoding::Utf8);
    }

    #[test]
    fn plain_utf8() {
        let d = ok("第56号\n".as_bytes());
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.text, "第56号\n");
        let d = ok(NOTICE.as_bytes());
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.text, NOTICE);
    }

    #[test]
    fn crlf_and_lone_cr_are_left_alone() {
        let text = "公告\r\n第一条\r\n\r第二条\r";
        assert_eq!(ok(text.as_bytes()).text, text);
    }

    #[test]
    fn utf8_bom_is_stripped() {
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice(NOTICE.as_bytes());
        let d = ok(&bytes);
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text, NOTICE);
    }

    #[test]
    fn utf8_bom_alone_is_empty_text() {
        let d = ok(UTF8_BOM);
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        assert_eq!(d.text, "");
    }

    #[test]
    fn utf8_bom_then_invalid_reports_original_offset() {
        let mut bytes = UTF8_BOM.to_vec();
        bytes.extend_from_slice("公告".as_bytes());
        bytes.push(0xFF);
        bytes.extend_from_slice("第一条".as_bytes());
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::InvalidUtf8);
        assert_eq!(f.byte_offset, 3 + "公告".len());
        assert_eq!(f.valid_prefix, "公告");
    }

    #[test]
    fn utf16le_with_bom() {
        let text = "公告𠇔\r\nA1";
        let mut bytes = UTF16LE_BOM.to_vec();
        bytes.extend(utf16(text, Utf16Order::Le));
        let d = ok(&bytes);
        assert_eq!(d.encoding, Encoding::Utf16Le);
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf16be_with_bom() {
        let text = "公告𠇔\nA1";
        let mut bytes = UTF16BE_BOM.to_vec();
        bytes.extend(utf16(text, Utf16Order::Be));
        let d = ok(&bytes);
        assert_eq!(d.encoding, Encoding::Utf16Be);
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf32_is_refused_not_read_as_utf16() {
        for bom in [UTF32LE_BOM, UTF32BE_BOM] {
            let mut bytes = bom.to_vec();
            bytes.extend(NOTICE.chars().flat_map(|c| {
                let n = c as u32;
                if bom == UTF32LE_BOM {
                    n.to_le_bytes()
                } else {
                    n.to_be_bytes()
                }
            }));
            let f = err(&bytes);
            assert_eq!(f.kind, DecodeFailureKind::Utf32);
            assert_eq!(f.byte_offset, 0);
        }
    }

    #[test]
    fn utf16_bom_alone_is_empty_text() {
        assert_eq!(ok(UTF16LE_BOM).text, "");
        assert_eq!(ok(UTF16BE_BOM).encoding, Encoding::Utf16Be);
    }

    #[test]
    fn utf16_with_bom_and_unpaired_surrogate() {
        let mut bytes = UTF16LE_BOM.to_vec();
        bytes.extend(utf16("公告", Utf16Order::Le));
        bytes.extend_from_slice(&0xD840u16.to_le_bytes()); // high surrogate, no partner
        bytes.extend(utf16("A", Utf16Order::Le));
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::Undecodable);
        assert_eq!(f.byte_offset, 2 + 4);
        assert_eq!(f.valid_prefix, "公告");

        let mut bytes = UTF16BE_BOM.to_vec();
        bytes.extend(utf16("𠇔", Utf16Order::Be));
        bytes.extend_from_slice(&0xDC00u16.to_be_bytes()); // lone low surrogate
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::Undecodable);
        assert_eq!(f.byte_offset, 2 + 4);
        assert_eq!(f.valid_prefix, "𠇔");
    }

    #[test]
    fn utf16_with_bom_and_odd_length() {
        let mut bytes = UTF16LE_BOM.to_vec();
        bytes.extend(utf16("公告", Utf16Order::Le));
        bytes.push(0x41);
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::Undecodable);
        assert_eq!(f.byte_offset, bytes.len() - 1);
        assert_eq!(f.valid_prefix, "公告");
    }

    #[test]
    fn gb18030_notice() {
        let text = "重庆市人民代表大会常务委员会公告\r\n（第56号）\r\n《重庆市物业管理条例》已于2024年5月30日通过，现予公布。\r\n";
        let d = ok(&gb18030(text));
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert_eq!(d.text, text);
        assert!(d.encoding.is_legacy());
    }

    #[test]
    fn short_gb18030_texts() {
        for text in [NOTICE, "公告", "第一条", "二〇二四年"] {
            let d = ok(&gb18030(text));
            assert_eq!(d.encoding, Encoding::Gb18030, "{text}");
            assert_eq!(d.text, text);
        }
    }

    #[test]
    fn gbk_that_happens_to_be_valid_utf8_is_taken_as_utf8() {
        // 小 is D0 A1 in GBK, which is also the UTF-8 for U+0421. Bytes that
        // are valid UTF-8 are always read as UTF-8; this is the accepted cost.
        let d = ok(&gb18030("小"));
        assert_eq!(d.encoding, Encoding::Utf8);
        assert_eq!(d.text, "\u{421}");
    }

    #[test]
    fn gb18030_four_byte_character() {
        // 𠇔 needs a four-byte GB18030 sequence, unlike GBK characters.
        let text = "公告𠇔第一条";
        let bytes = gb18030(text);
        assert_eq!(bytes.len(), 4 + 4 + 6);
        let d = ok(&bytes);
        assert_eq!(d.encoding, Encoding::Gb18030);
        assert_eq!(d.text, text);
    }

    #[test]
    fn truncated_final_character() {
        let full = NOTICE.as_bytes();
        for cut in 1..=2 {
            let bytes = &full[..full.len() - cut];
            let f = err(bytes);
            assert_eq!(f.kind, DecodeFailureKind::InvalidUtf8);
            assert_eq!(f.byte_offset, full.len() - 3);
            assert_eq!(f.valid_prefix, "重庆市人民代表大会常务委员会公");
        }
    }

    #[test]
    fn truncated_final_character_in_short_text() {
        // Too short for the ratio test; the truncated tail settles it.
        let bytes = &"公告".as_bytes()[..5];
        let f = err(bytes);
        assert_eq!(f.kind, DecodeFailureKind::InvalidUtf8);
        assert_eq!(f.byte_offset, 3);
        assert_eq!(f.valid_prefix, "公");
    }

    #[test]
    fn one_bad_byte_in_utf8_chinese() {
        let mut bytes = "重庆市人民代表大会".as_bytes().to_vec();
        let at = bytes.len();
        bytes.push(0xFF);
        bytes.extend_from_slice("常务委员会公告".as_bytes());
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::InvalidUtf8);
        assert_eq!(f.byte_offset, at);
        assert_eq!(f.valid_prefix, "重庆市人民代表大会");
    }

    #[test]
    fn utf8_character_missing_a_byte_in_the_middle() {
        let mut bytes = "重庆市人民".as_bytes().to_vec();
        let at = bytes.len();
        bytes.extend_from_slice(&"代".as_bytes()[..2]);
        bytes.extend_from_slice("表大会常务委员会公告".as_bytes());
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::InvalidUtf8);
        assert_eq!(f.byte_offset, at);
        assert_eq!(f.valid_prefix, "重庆市人民");
    }

    #[test]
    fn utf8_with_a_gbk_fragment_pasted_in() {
        // A paragraph copied from an old GBK document into a UTF-8 file.
        let mut bytes = format!("{NOTICE}\n第一条 ").into_bytes();
        let at = bytes.len();
        bytes.extend(gb18030("公告"));
        bytes.extend_from_slice("\n第二条 本条例自公布之日起施行。\n".as_bytes());
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::InvalidUtf8);
        assert_eq!(f.byte_offset, at);
    }

    #[test]
    fn undecodable_bytes() {
        // 0xFF is illegal in both UTF-8 and GB18030; no multi-byte UTF-8 text.
        let f = err(b"abc\xFF\xFFdef");
        assert_eq!(f.kind, DecodeFailureKind::Undecodable);
        assert_eq!(f.byte_offset, 3);
        assert_eq!(f.valid_prefix, "abc");
    }

    #[test]
    fn undecodable_is_reported_at_first_utf8_error() {
        // GB18030 text that breaks later (0x80 0xFF is not a GB18030 pair):
        // the offset stays where UTF-8 first failed.
        let mut bytes = b"Notice ".to_vec();
        bytes.extend(gb18030("公告"));
        bytes.extend_from_slice(b"\xFF");
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::Undecodable);
        assert_eq!(f.byte_offset, 7);
        assert_eq!(f.valid_prefix, "Notice ");
    }

    #[test]
    fn binary_with_nuls() {
        let png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06";
        let f = err(png);
        assert_eq!(f.kind, DecodeFailureKind::Binary);
        assert_eq!(f.byte_offset, 8);
        assert_eq!(f.valid_prefix, "");

        let f = err("公告\0第一条".as_bytes());
        assert_eq!(f.kind, DecodeFailureKind::Binary);
        assert_eq!(f.byte_offset, 6);
        assert_eq!(f.valid_prefix, "公告");

        let f = err(b"\0");
        assert_eq!(f.kind, DecodeFailureKind::Binary);
        assert_eq!(f.byte_offset, 0);
    }

    #[test]
    fn stray_nul_in_ascii_is_binary_not_utf16() {
        let f = err(b"abc\0def");
        assert_eq!(f.kind, DecodeFailureKind::Binary);
        assert_eq!(f.byte_offset, 3);
        assert_eq!(f.valid_prefix, "abc");
    }

    #[test]
    fn small_integer_arrays_are_binary_not_utf16() {
        let bytes: Vec<u8> = (1u16..200).flat_map(u16::to_le_bytes).collect();
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::Binary);
        assert_eq!(f.byte_offset, 1);
    }

    #[test]
    fn nul_free_binary_is_binary() {
        let bytes: Vec<u8> = (0..512u32).map(|i| (i * 37 % 255 + 1) as u8).collect();
        assert!(!bytes.contains(&0));
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::Binary);
        assert_eq!(f.byte_offset, 0);
    }

    #[test]
    fn utf16le_without_bom() {
        let bytes = utf16("Notice No. 56\r\n", Utf16Order::Le);
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::Utf16WithoutBom);
        assert_eq!(f.byte_offset, 1);
        assert_eq!(f.valid_prefix, "N");
    }

    #[test]
    fn utf16be_without_bom() {
        let bytes = utf16("Notice No. 56\n", Utf16Order::Be);
        let f = err(&bytes);
        assert_eq!(f.kind, DecodeFailureKind::Utf16WithoutBom);
        assert_eq!(f.byte_offset, 0);
        assert_eq!(f.valid_prefix, "");
    }

    #[test]
    fn chinese_utf16_without_bom() {
        // Few ASCII characters, and 一 (U+4E00) puts NULs on the other parity.
        let text = format!("{NOTICE}\n（第56号）\n第一条 本条例自公布之日起施行。\n");
        for order in [Utf16Order::Le, Utf16Order::Be] {
            let f = err(&utf16(&text, order));
            assert_eq!(f.kind, DecodeFailureKind::Utf16WithoutBom);
        }
    }

    #[test]
    fn long_utf16_without_bom_only_sniffs_the_head() {
        let text = "第一条 本条例自公布之日起施行。\r\n".repeat(200);
        let f = err(&utf16(&text, Utf16Order::Le));
        assert_eq!(f.kind, DecodeFailureKind::Utf16WithoutBom);
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_failures_are_consistent() {
        // A small LCG keeps this deterministic without a dev-dependency.
        let mut state: u64 = 0x2024_0530;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as u8
        };
        let seeds: [&[u8]; 4] = [NOTICE.as_bytes(), b"No. 56\r\n", UTF8_BOM, UTF16LE_BOM];
        for round in 0..2000 {
            let mut bytes = seeds[round % seeds.len()].to_vec();
            let extra = usize::from(next()) % 40;
            for _ in 0..extra {
                // Bias towards high bytes so that all decode paths are hit.
                let b = next();
                bytes.push(if round % 3 == 0 { b | 0x80 } else { b });
            }
            match decode(&bytes) {
                Ok(d) => {
                    let idx = LineIndex::new(&d.text);
                    for byte in 0..=d.text.len() + 1 {
                        let p = idx.position(&d.text, byte);
                        assert!(p.line >= 1 && p.line <= idx.line_count());
                    }
                }
                Err(f) => {
                    assert!(f.byte_offset <= bytes.len(), "{f:?}");
                    let bom = [UTF8_BOM, UTF16LE_BOM, UTF16BE_BOM]
                        .iter()
                        .any(|bom| bytes.starts_with(bom));
                    if !bom {
                        assert!(bytes.starts_with(f.valid_prefix.as_bytes()), "{f:?}");
                        assert!(f.valid_prefix.len() <= f.byte_offset, "{f:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn utf8_evidence_counts() {
        assert_eq!(utf8_evidence(b""), (0, 0));
        assert_eq!(utf8_evidence("公告a".as_bytes()), (2, 0));
        assert_eq!(utf8_evidence(b"a\xFFb\xFF"), (0, 2));
    }

    // ---- LineIndex ----

    fn pos(text: &str, byte: usize) -> (usize, usize, usize, usize) {
        let p = LineIndex::new(text).position(text, byte);
        (p.byte, p.line, p.column, p.column_utf16)
    }

    #[test]
    fn empty_text_has_one_line() {
        let idx = LineIndex::new("");
        assert_eq!(idx.line_count(), 1);
        assert_eq!(idx.line_start(1), 0);
        assert_eq!(pos("", 0), (0, 1, 1, 1));
        assert_eq!(pos("", 5), (0, 1, 1, 1));
    }

    #[test]
    fn ascii_lines() {
        let text = "ab\ncd\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_start(1), 0);
        assert_eq!(idx.line_start(2), 3);
        assert_eq!(idx.line_start(3), 6);
        assert_eq!(pos(text, 0), (0, 1, 1, 1));
        assert_eq!(pos(text, 2), (2, 1, 3, 3)); // the '\n' belongs to line 1
        assert_eq!(pos(text, 3), (3, 2, 1, 1));
        assert_eq!(pos(text, 4), (4, 2, 2, 2));
        assert_eq!(pos(text, 6), (6, 3, 1, 1)); // end of text
    }

    #[test]
    fn cjk_columns_count_characters() {
        let text = "公告\n第56号";
        assert_eq!(pos(text, 3), (3, 1, 2, 2));
        assert_eq!(pos(text, 6), (6, 1, 3, 3));
        assert_eq!(pos(text, 7), (7, 2, 1, 1));
        assert_eq!(pos(text, 10), (10, 2, 2, 2)); // '5'
        assert_eq!(pos(text, 12), (12, 2, 4, 4)); // '号'
        assert_eq!(pos(text, text.len()), (text.len(), 2, 5, 5));
    }

    #[test]
    fn extension_b_character_is_one_char_two_utf16_units() {
        let text = "张𠇔明\n";
        assert_eq!("𠇔".len(), 4);
        assert_eq!(pos(text, 3), (3, 1, 2, 2));
        assert_eq!(pos(text, 7), (7, 1, 3, 4)); // '明'
        assert_eq!(pos(text, 10), (10, 1, 4, 5)); // '\n'
                                                  // Inside 𠇔: back to its first byte.
        for inside in 4..7 {
            assert_eq!(pos(text, inside), (3, 1, 2, 2));
        }
    }

    #[test]
    fn crlf_is_one_break() {
        let text = "公告\r\n第一条\r\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 3);
        assert_eq!(idx.line_start(2), 8);
        assert_eq!(idx.line_start(3), text.len());
        assert_eq!(pos(text, 6), (6, 1, 3, 3)); // '\r'
        assert_eq!(pos(text, 7), (7, 1, 4, 4)); // '\n' of "\r\n" stays on line 1
        assert_eq!(pos(text, 8), (8, 2, 1, 1));
        assert_eq!(pos(text, text.len()), (text.len(), 3, 1, 1));
    }

    #[test]
    fn lone_cr_is_a_break() {
        let text = "a\rb\r\rc";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(
            (1..=4).map(|l| idx.line_start(l)).collect::<Vec<_>>(),
            vec![0, 2, 4, 5]
        );
        assert_eq!(pos(text, 1), (1, 1, 2, 2));
        assert_eq!(pos(text, 2), (2, 2, 1, 1));
        assert_eq!(pos(text, 4), (4, 3, 1, 1));
        assert_eq!(pos(text, 5), (5, 4, 1, 1));
    }

    #[test]
    fn mixed_line_endings() {
        let text = "一\n二\r\n三\r四";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(pos(text, text.len() - 3), (text.len() - 3, 4, 1, 1));
        assert_eq!(pos(text, text.len()), (text.len(), 4, 2, 2));
    }

    #[test]
    fn out_of_range_offsets_clamp() {
        let text = "公告\n第一条";
        assert_eq!(pos(text, 1000), (text.len(), 2, 4, 4));
        assert_eq!(pos(text, usize::MAX), (text.len(), 2, 4, 4));
        assert_eq!(pos(text, 1), (0, 1, 1, 1));
        assert_eq!(pos(text, 5), (3, 1, 2, 2));
    }

    #[test]
    fn out_of_range_lines_clamp() {
        let text = "ab\ncd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_start(0), 0);
        assert_eq!(idx.line_start(2), 3);
        assert_eq!(idx.line_start(3), text.len());
        assert_eq!(idx.line_start(usize::MAX), text.len());
    }

    #[test]
    fn ascii_fast_path_is_per_line() {
        // Line 1 is ASCII, line 2 is not; both must be right.
        let text = "No. 56\n第56号 𠇔x";
        let idx = LineIndex::new(text);
        assert_eq!(idx.ascii_lines, vec![true, false]);
        let x = text.len() - 1;
        assert_eq!(pos(text, 4), (4, 1, 5, 5));
        assert_eq!(pos(text, x), (x, 2, 7, 8));
    }

    #[test]
    fn mismatched_text_does_not_panic() {
        let idx = LineIndex::new("a\nb\nc\nd\n");
        let p = idx.position("公告", 4);
        assert_eq!(p.byte, 3);
        let idx = LineIndex::new("公告\n第一条");
        let p = idx.position("ab", 100);
        assert_eq!(p.byte, 2);
    }

    #[test]
    fn line_of_and_line_bounds() {
        let text = "ab\r\ncd\ref\n\ng";
        let idx = LineIndex::new(text);
        let lines: Vec<usize> = (0..=text.len()).map(|b| idx.line_of(b)).collect();
        let expected: Vec<usize> = (0..=text.len())
            .map(|b| idx.position(text, b).line)
            .collect();
        assert_eq!(lines, expected);
        assert_eq!(idx.line_bounds(text, 1), (0, 2));
        assert_eq!(idx.line_bounds(text, 4), (4, 6));
        assert_eq!(idx.line_bounds(text, 7), (7, 9));
        assert_eq!(idx.line_bounds(text, 10), (10, 10));
        assert_eq!(idx.line_bounds(text, 11), (11, 12));
    }

    #[test]
    fn positions_in_one_pass_agree_with_position() {
        let text = "第一条\r\n本条例𠇔(2024)\r第二条\n\n末 No. 5";
        let idx = LineIndex::new(text);
        let offsets: Vec<usize> = (0..=text.len() + 2).chain([3, 3, usize::MAX]).collect();
        let mut sorted = offsets.clone();
        sorted.sort_unstable();
        let many = idx.positions(text, &sorted);
        for (o, p) in sorted.iter().zip(&many) {
            assert_eq!(*p, idx.position(text, *o), "offset {o}");
        }
    }

    #[test]
    fn every_offset_of_a_mixed_text_is_consistent() {
        let text = "第一条\r\n本条例𠇔(2024)\r第二条\n\n末";
        let idx = LineIndex::new(text);
        for byte in 0..=text.len() + 2 {
            let p = idx.position(text, byte);
            assert!(text.is_char_boundary(p.byte));
            let start = idx.line_start(p.line);
            let prefix = &text[start..p.byte];
            assert_eq!(p.column, prefix.chars().count() + 1);
            assert_eq!(p.column_utf16, prefix.encode_utf16().count() + 1);
            assert!(!prefix.contains('\n'));
            assert!(!prefix.trim_end_matches('\r').contains('\r'));
        }
    }
}
