//! The one normaliser of the names of congresses and their standing committees.
//!
//! Notices, rosters and posts spell one body many ways: 「重庆市人大常委会」 and 「重庆市人民代表大会
//! 常务委员会」, 「重庆市第六届人民代表大会」 and 「重庆市六届人大」, with alignment spaces or invisible
//! characters in between. Every comparison of such names goes through [`BodyName`], so that the
//! rules, the roster and the profile never disagree on whether two names are one body.

use crate::syntax::numerals::parse_numeral;

/// A body's name as two spellings share it: abbreviations spelt out, spaces and invisible
/// characters dropped, and the term (「第六届」「六届」) taken out and read as a number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BodyName {
    /// The name without its term: 「重庆市人民代表大会常务委员会」.
    pub body: String,
    /// The first term the name gives, read (「第六届」 → 6).
    pub term: Option<u32>,
}

impl BodyName {
    pub fn parse(text: &str) -> BodyName {
        let spelt = spell_out(text);
        let mut body = String::with_capacity(spelt.len());
        let mut term = None;
        let mut rest = spelt.as_str();
        while let Some((before, value, after)) = next_term(rest) {
            body.push_str(before);
            term = term.or(Some(value));
            rest = after;
        }
        body.push_str(rest);
        BodyName { body, term }
    }

    /// The region the body serves: 「重庆市」 for 「重庆市人民代表大会常务委员会」.
    pub fn region(&self) -> &str {
        let b = self.body.as_str();
        let b = b.strip_suffix("常务委员会").unwrap_or(b);
        b.strip_suffix("人民代表大会").unwrap_or(b)
    }
}

/// 「人大常委会」 → 「人民代表大会常务委员会」, 「人大」 → 「人民代表大会」, without spaces and invisible
/// characters; the term is kept.
pub fn spell_out(text: &str) -> String {
    // Sized up front: collected from a filter, the string would grow (and move) from nothing.
    let mut compact = String::with_capacity(text.len());
    compact.extend(
        text.chars()
            .filter(|c| !c.is_whitespace() && !crate::source::is_invisible(*c)),
    );
    // Most names are printed in full: nothing to spell out, and no pass per abbreviation.
    if !compact.contains("人大") && !compact.contains("常委会") {
        return compact;
    }
    // One pass: 人大常委会 is 人大 followed by 常委会, each spelt out where it stands.
    let mut out = String::with_capacity(compact.len() + 24);
    let mut rest = compact.as_str();
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("人大") {
            out.push_str("人民代表大会");
            rest = after;
        } else if let Some(after) = rest.strip_prefix("常委会") {
            out.push_str("常务委员会");
            rest = after;
        } else {
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The first term in `s`: the text before it, its value, the text after it. A term is 「届」
/// after a numeral (Chinese, Arabic or full-width digits), with an optional 「第」 before.
fn next_term(s: &str) -> Option<(&str, u32, &str)> {
    let mut from = 0;
    while let Some(at) = s[from..].find('届').map(|i| from + i) {
        let digits_start = s[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| is_numeral_char(*c))
            .last()
            .map(|(i, _)| i);
        if let Some(start) = digits_start {
            if let Some((value, _)) = parse_numeral(&s[start..at]) {
                let start = s[..start].strip_suffix('第').map_or(start, str::len);
                return Some((&s[..start], value, &s[at + '届'.len_utf8()..]));
            }
        }
        from = at + '届'.len_utf8();
    }
    None
}

fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "〇零一二两三四五六七八九十百千".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_body_are_one_name() {
        let a = BodyName::parse("重庆市第六届人民代表大会常务委员会");
        let b = BodyName::parse("重庆市六届人大常委会");
        let c = BodyName::parse("重庆市第６届 人民代表大会\u{200b}常务委员会");
        assert_eq!(a, b);
        assert_eq!(a, c);
        assert_eq!(a.body, "重庆市人民代表大会常务委员会");
        assert_eq!(a.term, Some(6));
        assert_eq!(a.region(), "重庆市");
    }

    #[test]
    fn a_name_without_term_has_none() {
        let n = BodyName::parse("全国人大常委会");
        assert_eq!(n.body, "全国人民代表大会常务委员会");
        assert_eq!(n.term, None);
        assert_eq!(n.region(), "全国");
    }

    #[test]
    fn the_term_of_a_national_congress_before_the_region() {
        let n = BodyName::parse("第十四届全国人民代表大会");
        assert_eq!(n.body, "全国人民代表大会");
        assert_eq!(n.term, Some(14));
        // 「届」 not after a numeral is text.
        assert_eq!(BodyName::parse("本届人大").body, "本届人民代表大会");
    }

    #[test]
    fn abbreviations_spelt_out_in_one_pass_as_in_three() {
        let three = |t: &str| {
            t.replace("人大常委会", "人民代表大会常务委员会")
                .replace("常委会", "常务委员会")
                .replace("人大", "人民代表大会")
        };
        for t in [
            "重庆市人大常委会",
            "市人大财政经济委员会",
            "县人大常委会代表资格审查委员会",
            "人大人大常委会常委会",
            "常委会人大",
            "重庆市人民代表大会常务委员会",
            "",
        ] {
            assert_eq!(spell_out(t), three(t), "{t}");
        }
    }
}
