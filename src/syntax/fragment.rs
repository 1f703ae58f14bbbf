//! A fragment of the source handed to one pest parse, with the map back to source offsets.
//!
//! Most fragments are one line, a contiguous slice. A paragraph broken by print layout
//! (「…依照地方组织法和选举法的有」 / blank line / 「关规定，…」) is parsed as the two
//! pieces joined; the text is never rewritten in place, and this map takes every offset of
//! the joined text back to the byte it came from.

use crate::ast::Span;

#[derive(Debug, Clone)]
pub struct Fragment {
    pub text: String,
    /// (offset in `text`, offset in the source) at the start of each piece, ascending.
    pieces: Vec<(usize, usize)>,
}

impl Fragment {
    pub fn new(source: &str, span: Span) -> Fragment {
        Fragment {
            text: source[span.start..span.end].to_string(),
            pieces: vec![(0, span.start)],
        }
    }

    /// Offsets of a parse of `source[base..]` (pairs of the page layer): no text, no copy.
    pub fn at(base: usize) -> Fragment {
        Fragment {
            text: String::new(),
            pieces: vec![(0, base)],
        }
    }

    /// The pieces at `spans`, concatenated in order.
    pub fn joined(source: &str, spans: &[Span]) -> Fragment {
        let mut text = String::new();
        let mut pieces = Vec::with_capacity(spans.len());
        for span in spans {
            pieces.push((text.len(), span.start));
            text.push_str(&source[span.start..span.end]);
        }
        Fragment { text, pieces }
    }

    fn piece_index(&self, local: usize) -> usize {
        match self.pieces.binary_search_by(|&(l, _)| l.cmp(&local)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// The source offset of a start position.
    pub fn start(&self, local: usize) -> usize {
        let (l, g) = self.pieces[self.piece_index(local)];
        g + (local - l)
    }

    /// The source offset of an end position: at a seam, the end of the earlier piece, so a
    /// span never swallows the break between pieces unless it runs across it.
    pub fn end(&self, local: usize) -> usize {
        let i = self.piece_index(local);
        let (l, g) = self.pieces[i];
        if local == l && i > 0 {
            let (pl, pg) = self.pieces[i - 1];
            return pg + (local - pl);
        }
        g + (local - l)
    }

    pub fn span(&self, start: usize, end: usize) -> Span {
        let s = self.start(start);
        let e = if end == start { s } else { self.end(end) };
        Span::new(s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joined_fragment_maps_back_across_the_seam() {
        let src = "依照法律的有\n\n关规定。";
        let a = Span::new(0, "依照法律的有".len());
        let b_start = src.find("关").unwrap();
        let b = Span::new(b_start, src.len());
        let f = Fragment::joined(src, &[a, b]);
        assert_eq!(f.text, "依照法律的有关规定。");
        let local_guan = f.text.find("关").unwrap();
        assert_eq!(f.start(local_guan), b_start);
        // The end of 「有」 maps to the end of the first piece, not the start of the second.
        assert_eq!(f.end(local_guan), a.end);
        assert_eq!(f.span(0, f.text.len()), Span::new(0, src.len()));
    }
}
