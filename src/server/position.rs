//! Positions as the client counts them. Every conversion goes through the report's
//! [`LineIndex`]; this module only picks the unit (UTF-8 bytes or UTF-16 code units, as
//! negotiated) and accounts for a BOM the editor kept in its buffer, which decoding drops.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::ast::Span;
use crate::source::LineIndex;

/// The unit of `Position.character` agreed at `initialize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (no conversion on our side, and what the JSON `byte`
    /// column already is); otherwise UTF-16, which LSP requires every server to speak.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }

    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
        }
    }
}

/// The checked text of one buffer and how to map between its byte offsets and the
/// client's positions.
pub struct Mapper<'a> {
    pub source: &'a str,
    pub index: &'a LineIndex,
    pub encoding: Encoding,
    /// The buffer starts with U+FEFF, which the checked text does not have: the first line's
    /// characters are shifted by its width.
    pub bom: bool,
}

impl Mapper<'_> {
    fn bom_width(&self, line: usize) -> u32 {
        if self.bom && line == 0 {
            self.encoding.width('\u{feff}') as u32
        } else {
            0
        }
    }

    pub fn position(&self, byte: usize) -> Position {
        let p = self.index.position(self.source, byte);
        let line = p.line - 1;
        let character = match self.encoding {
            Encoding::Utf8 => p.byte - self.index.line_start(p.line),
            Encoding::Utf16 => p.column_utf16 - 1,
        };
        Position::new(line as u32, character as u32 + self.bom_width(line))
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.start), self.position(span.end))
    }

    /// The byte offset of a client position. A position inside a character, past the end of
    /// its line or past the last line is clamped to the nearest boundary before it, as LSP
    /// asks (a character past the line's end means its end).
    pub fn offset(&self, position: Position) -> usize {
        let line = position.line as usize;
        if line >= self.index.line_count() {
            return self.source.len();
        }
        let start = self.index.line_start(line + 1);
        let end = if line + 1 < self.index.line_count() {
            self.index.line_start(line + 2)
        } else {
            self.source.len()
        };
        let text = self.source.get(start..end).unwrap_or("");
        // The line's own terminator is not a place on the line.
        let text = text.trim_end_matches(['\n', '\r']);
        let mut wanted = position.character.saturating_sub(self.bom_width(line)) as usize;
        let mut at = start;
        for c in text.chars() {
            let w = self.encoding.width(c);
            if wanted < w {
                break;
            }
            wanted -= w;
            at += c.len_utf8();
        }
        at
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_b_crlf_and_ideographic_space_in_both_units() {
        // 「𠇔」 is outside the BMP: 4 bytes, 2 UTF-16 units; U+3000 is 3 bytes, 1 unit.
        let text = "一、\r\n\u{3000}\u{3000}任命𠇔为副市长；\r\n";
        let target = text.find("为").unwrap();
        let index = LineIndex::new(text);
        let m16 = Mapper {
            source: text,
            index: &index,
            encoding: Encoding::Utf16,
            bom: false,
        };
        // U+3000 ×2, 任, 命: 1 unit each; 𠇔: 2.
        assert_eq!(m16.position(target), Position::new(1, 6));
        assert_eq!(m16.offset(Position::new(1, 6)), target);
        // Inside the surrogate pair: back to the character's start.
        let ext_b = text.find('𠇔').unwrap();
        assert_eq!(m16.offset(Position::new(1, 5)), ext_b);
        let m8 = Mapper {
            encoding: Encoding::Utf8,
            ..m16
        };
        assert_eq!(m8.position(target), Position::new(1, 16));
        assert_eq!(m8.offset(Position::new(1, 16)), target);
        // Past the end of the line: its end, before the CRLF.
        assert_eq!(m8.offset(Position::new(1, 999)), text.len() - 2);
        assert_eq!(m8.offset(Position::new(9, 0)), text.len());
    }

    #[test]
    fn a_bom_kept_by_the_editor_shifts_the_first_line_only() {
        let text = "公告\n第1号\n";
        let index = LineIndex::new(text);
        for (encoding, width) in [(Encoding::Utf16, 1), (Encoding::Utf8, 3)] {
            let m = Mapper {
                source: text,
                index: &index,
                encoding,
                bom: true,
            };
            let second = text.find('告').unwrap();
            let p = m.position(second);
            assert_eq!(p.line, 0);
            assert_eq!(
                p.character,
                width + if encoding == Encoding::Utf8 { 3 } else { 1 }
            );
            assert_eq!(m.offset(p), second);
            assert_eq!(m.position(text.find('第').unwrap()), Position::new(1, 0));
        }
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        assert_eq!(
            Encoding::negotiate(Some(&[
                PositionEncodingKind::UTF16,
                PositionEncodingKind::UTF8
            ])),
            Encoding::Utf8
        );
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF32])),
            Encoding::Utf16
        );
    }
}
