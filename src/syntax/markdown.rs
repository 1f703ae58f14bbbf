//! Markdown awareness: the parts of a Markdown page that are not its text. Code blocks
//! (fenced or indented) show notices as examples, and HTML comments hold notes to the clerk;
//! neither is a notice to check. Suppression directives (`<!-- gazette-ignore … -->`) are
//! comments too, but they are read, so they stay outside.
//!
//! A CommonMark parser finds the blocks; this module only widens each to whole lines, the
//! unit the page layer keeps opaque.

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::ast::Span;

/// Whether a file is read as Markdown: everything but plain text (`.txt`) is.
pub fn is_markdown(path: &str) -> bool {
    !std::path::Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

/// The byte ranges of `source` that must stay opaque, sorted, disjoint, each from a line's
/// start to the start of the line after it (or the end of the text).
pub fn opaque_ranges(source: &str) -> Vec<Span> {
    if !may_hold_opaque(source) {
        return Vec::new();
    }
    parsed_opaque_ranges(source)
}

/// [`opaque_ranges`] as the CommonMark parse finds them, without the pre-check.
fn parsed_opaque_ranges(source: &str) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        let opaque = match event {
            Event::Start(Tag::CodeBlock(_)) => true,
            Event::Start(Tag::HtmlBlock) => source.get(range.clone()).is_some_and(is_plain_comment),
            _ => false,
        };
        if !opaque {
            continue;
        }
        let span = whole_lines(source, range.start, range.end);
        match out.last_mut() {
            Some(last) if last.end >= span.start => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

/// Whether `source` holds what every opaque block needs: a fence (three backticks or
/// tildes), the indentation of an indented code block (a tab, or four spaces in a row: the
/// indentation is made of them, whatever container it is in), or the opening of a comment.
/// Most pages hold none of them, and the CommonMark parse was a seventieth of their check.
fn may_hold_opaque(source: &str) -> bool {
    let bytes = source.as_bytes();
    memchr::memchr(b'\t', bytes).is_some()
        || ["```", "~~~", "    ", "<!--"]
            .iter()
            .any(|needle| memchr::memmem::find(bytes, needle.as_bytes()).is_some())
}

/// An HTML block that is a comment and not a suppression directive.
fn is_plain_comment(block: &str) -> bool {
    block
        .trim_start()
        .strip_prefix("<!--")
        .is_some_and(|inner| !inner.trim_start().starts_with("gazette-ignore"))
}

/// `start..end` widened to the start of its first line and past the line break of its last.
fn whole_lines(source: &str, start: usize, end: usize) -> Span {
    let bytes = source.as_bytes();
    let from = bytes[..start]
        .iter()
        .rposition(|&b| b == b'\n' || b == b'\r')
        .map_or(0, |i| i + 1);
    // A block's range may or may not include its last line break.
    let last = end.max(from);
    let to = if last > from && matches!(bytes.get(last - 1), Some(b'\n')) {
        last
    } else {
        match memchr::memchr(b'\n', &bytes[last..]) {
            Some(i) => last + i + 1,
            None => source.len(),
        }
    };
    Span::new(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opaque_text(source: &str) -> Vec<&str> {
        opaque_ranges(source)
            .iter()
            .map(|s| &source[s.start..s.end])
            .collect()
    }

    #[test]
    fn code_blocks_and_plain_comments_are_opaque_directives_are_not() {
        let page = "正文\n\n```\n## 某市人民代表大会常务委员会公告\n```\n\n    缩进的代码\n\n<!-- 给编辑的话\n两行 -->\n<!-- gazette-ignore GZ103 -->\n正文\n~~~~md\n```\n~~~~\n";
        assert_eq!(
            opaque_text(page),
            [
                "```\n## 某市人民代表大会常务委员会公告\n```\n",
                "    缩进的代码\n",
                "<!-- 给编辑的话\n两行 -->\n",
                "~~~~md\n```\n~~~~\n",
            ]
        );
        // An unclosed fence runs to the end of the text, as CommonMark reads it.
        assert_eq!(opaque_text("a\n```\nb"), ["```\nb"]);
        assert!(opaque_text("全角缩进　　正文\n").is_empty());
    }

    /// The pre-check never hides a block: on random pages over the characters that make
    /// blocks (fences, indentation, list and quote markers, comments), the ranges are those
    /// of the CommonMark parse itself.
    #[test]
    fn the_pre_check_never_hides_a_block() {
        let pieces = [
            " ", "  ", "\t", "\n", "\r\n", "`", "``", "~", "~~", "<!--", "-->", "<", "!", "-", ">",
            "> ", "1.", "* ", "- ", "正文", "公告", "a", "　",
        ];
        let mut next = crate::testing::draws(0x9e37_79b9_7f4a_7c15_u64);
        let (mut held, mut skipped) = (0, 0);
        for _ in 0..20_000 {
            let len = 1 + next(40);
            let page: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
            let expected = parsed_opaque_ranges(&page);
            assert_eq!(opaque_ranges(&page), expected, "{page:?}");
            held += usize::from(!expected.is_empty());
            skipped += usize::from(!may_hold_opaque(&page));
        }
        // Both sides are exercised: pages with blocks, and pages the pre-check skips.
        assert!(
            held > 1000 && skipped > 1000,
            "{held} with blocks, {skipped} skipped"
        );
    }

    #[test]
    fn only_txt_is_plain_text() {
        assert!(is_markdown("a/b.md") && is_markdown("<stdin>") && is_markdown("x.markdown"));
        assert!(!is_markdown("page.txt") && !is_markdown("PAGE.TXT"));
    }
}
