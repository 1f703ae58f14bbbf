//! Chinese and Arabic numerals as they appear in gazette notices: notice
//! numbers (第56号 / 第五十六号), session numbers (第十二次会议), article
//! numbers (第一百零五条) and years (二〇二四年).
//!
//! Parsing is deliberately strict: the linter compares numbers written in
//! different places, so a form we are unsure about is better reported as
//! "not a numeral" than silently given a guessed value.

pub use crate::ast::NumeralStyle;

/// Largest value `parse_numeral` accepts; notices never number anything higher.
const MAX: u32 = 99_999;

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Parses 「56」, full-width 「５６」, 「十二」「二十四」「九十九」「一百零五」
/// 「两」「〇」「零」「二〇二四」 (digit by digit, as in years), 「十」「一十」…
/// up to 99999. Returns None for anything else (empty, mixed scripts like
/// 「2十」, junk, overflow).
///
/// No trimming is done: callers extract the numeral, so surrounding
/// whitespace is a sign they extracted the wrong span.
pub fn parse_numeral(s: &str) -> Option<(u32, NumeralStyle)> {
    if s.is_empty() {
        return None;
    }
    if let Some(n) = parse_arabic(s) {
        return Some((n, NumeralStyle::Arabic));
    }
    parse_chinese(s).map(|n| (n, NumeralStyle::Chinese))
}

/// Half-width and full-width digits, mixed freely: both mean the same
/// number, and width consistency is a separate lint.
fn parse_arabic(s: &str) -> Option<u32> {
    let mut n: u32 = 0;
    for c in s.chars() {
        let digit = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '０'..='９' => c as u32 - '０' as u32,
            _ => return None,
        };
        n = n.checked_mul(10)?.checked_add(digit)?;
        // Checking on every digit also keeps a long run of digits from
        // overflowing before we notice.
        if n > MAX {
            return None;
        }
    }
    Some(n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token {
    /// 一 … 九.
    Digit(u32),
    /// 两: a 2 that may only multiply 百/千/万 or stand alone.
    Liang,
    /// 〇 or 零.
    Zero,
    /// 十 百 千 万.
    Unit(u32),
    /// 廿: twenty in one character.
    Nian,
}

fn token(c: char) -> Option<Token> {
    Some(match c {
        '〇' | '零' => Token::Zero,
        '两' => Token::Liang,
        '十' => Token::Unit(10),
        '百' => Token::Unit(100),
        '千' => Token::Unit(1000),
        '万' => Token::Unit(10_000),
        '廿' => Token::Nian,
        _ => Token::Digit(DIGITS.iter().position(|&d| d == c).filter(|&d| d > 0)? as u32),
    })
}

fn parse_chinese(s: &str) -> Option<u32> {
    let tokens: Vec<Token> = s.chars().map(token).collect::<Option<_>>()?;
    match tokens.as_slice() {
        [] => None,
        [Token::Digit(d)] => Some(*d),
        [Token::Zero] => Some(0),
        [Token::Liang] => Some(2),
        [Token::Nian] => Some(20),
        [Token::Unit(10)] => Some(10),
        [Token::Unit(_)] => None,
        _ if tokens
            .iter()
            .all(|t| matches!(t, Token::Digit(_) | Token::Zero)) =>
        {
            parse_digit_sequence(&tokens)
        }
        _ => parse_positional(&tokens),
    }
}

/// 「二〇二四」「二零二四」: each character is one decimal digit, no units.
fn parse_digit_sequence(tokens: &[Token]) -> Option<u32> {
    let mut n: u32 = 0;
    for t in tokens {
        let digit = match t {
            Token::Digit(d) => *d,
            Token::Zero => 0,
            _ => return None,
        };
        n = n.checked_mul(10)?.checked_add(digit)?;
        if n > MAX {
            return None;
        }
    }
    Some(n)
}

/// Standard counting numerals with units, e.g. 「九万九千九百九十九」.
///
/// Units must strictly descend. Skipping a place needs exactly one 零
/// (「一百零五」, 「一千零一十」); the colloquial abbreviations 「一百五」
/// (=150) and 「一百十」 are rejected because they are not used in formal
/// text and 「一百五」 is easy to misread as 105.
fn parse_positional(tokens: &[Token]) -> Option<u32> {
    let mut total: u32 = 0;
    // One above the largest unit, so 万 is the first unit allowed.
    let mut last_unit: u32 = 100_000;
    let mut pending: Option<(u32, bool)> = None; // (digit, written as 两)
    let mut after_zero = false;

    for (i, &t) in tokens.iter().enumerate() {
        match t {
            Token::Digit(d) => {
                if pending.replace((d, false)).is_some() {
                    return None;
                }
            }
            Token::Liang => {
                if pending.replace((2, true)).is_some() {
                    return None;
                }
            }
            Token::Zero => {
                // 零 stands for skipped places, so it needs a unit before it
                // that leaves at least one place to skip (not after 十).
                if pending.is_some() || after_zero || total == 0 || last_unit < 100 {
                    return None;
                }
                after_zero = true;
            }
            Token::Unit(unit) => {
                if unit >= last_unit {
                    return None;
                }
                let multiplier = match pending.take() {
                    // 两十 is not Chinese; 二十 is.
                    Some((_, true)) if unit == 10 => return None,
                    Some((d, _)) => d,
                    // Only a leading 十 may omit its 一: 十二, not 一百十二.
                    None if unit == 10 && total == 0 => 1,
                    None => return None,
                };
                if after_zero {
                    // 零 must actually skip a place: 一千零五十, not 一百零五十.
                    if unit * 100 > last_unit {
                        return None;
                    }
                } else if total > 0 && unit * 10 != last_unit {
                    // A gap without 零: 一千五十.
                    return None;
                }
                total = total.checked_add(multiplier.checked_mul(unit)?)?;
                last_unit = unit;
                after_zero = false;
            }
            Token::Nian => {
                if i != 0 {
                    return None;
                }
                total = 20;
                last_unit = 10;
            }
        }
    }

    match pending {
        // 两 is never a units digit: 十两, 一百零两.
        Some((_, true)) => return None,
        Some((d, false)) => {
            // A trailing digit is the units digit only if it follows 十, or
            // 零 has announced the skipped places. Otherwise it is the
            // colloquial 「一百五」.
            if !(after_zero || last_unit == 10) {
                return None;
            }
            total = total.checked_add(d)?;
        }
        None => {
            if after_zero {
                return None;
            }
        }
    }
    (total <= MAX).then_some(total)
}

/// Canonical Chinese form: 「五十六」「十二」「一百零五」「一百一十」,
/// 0 → 「〇」. Uses 二 rather than 两 (二万, as in statute text).
///
/// Intended for 0..=99999, but any u32 gets a correct numeral (with 万 and
/// 亿) rather than a panic.
pub fn to_chinese(n: u32) -> String {
    if n == 0 {
        return DIGITS[0].to_string();
    }
    let sections = [
        (n / 100_000_000, "亿"),
        (n / 10_000 % 10_000, "万"),
        (n % 10_000, ""),
    ];
    let mut out = String::new();
    let mut zero_gap = false;
    for (section, unit) in sections {
        if section == 0 {
            // An empty section between two non-empty ones is read as 零.
            zero_gap |= !out.is_empty();
            continue;
        }
        // A section below 1000 after a higher one skips places: 一万零五.
        if !out.is_empty() && (zero_gap || section < 1000) {
            out.push('零');
        }
        let leading = out.is_empty();
        push_section(&mut out, section, leading);
        out.push_str(unit);
        zero_gap = false;
    }
    out
}

/// Writes a value below 10000. `leading` means nothing precedes it, the only
/// place where 一十 shortens to 十.
fn push_section(out: &mut String, n: u32, leading: bool) {
    let places = [
        (n / 1000, "千"),
        (n / 100 % 10, "百"),
        (n / 10 % 10, "十"),
        (n % 10, ""),
    ];
    let mut wrote_any = false;
    let mut zero_gap = false;
    for (digit, unit) in places {
        if digit == 0 {
            zero_gap |= wrote_any;
            continue;
        }
        if zero_gap {
            out.push('零');
            zero_gap = false;
        }
        let bare_ten = leading && !wrote_any && digit == 1 && unit == "十";
        if !bare_ten {
            out.push(DIGITS[digit as usize]);
        }
        out.push_str(unit);
        wrote_any = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumeralStyle::{Arabic, Chinese};

    #[test]
    fn arabic_half_and_full_width() {
        assert_eq!(parse_numeral("56"), Some((56, Arabic)));
        assert_eq!(parse_numeral("５６"), Some((56, Arabic)));
        assert_eq!(parse_numeral("0"), Some((0, Arabic)));
        assert_eq!(parse_numeral("０"), Some((0, Arabic)));
        assert_eq!(parse_numeral("2024"), Some((2024, Arabic)));
        assert_eq!(parse_numeral("99999"), Some((99_999, Arabic)));
        assert_eq!(parse_numeral("007"), Some((7, Arabic)));
        // Mixed widths are still one Arabic number.
        assert_eq!(parse_numeral("5６"), Some((56, Arabic)));
    }

    #[test]
    fn arabic_overflow() {
        assert_eq!(parse_numeral("100000"), None);
        assert_eq!(parse_numeral("１０００００"), None);
        assert_eq!(parse_numeral("4294967296"), None);
        assert_eq!(parse_numeral(&"9".repeat(100)), None);
    }

    #[test]
    fn single_characters() {
        let cases = [
            ("〇", 0),
            ("零", 0),
            ("一", 1),
            ("二", 2),
            ("两", 2),
            ("三", 3),
            ("四", 4),
            ("五", 5),
            ("六", 6),
            ("七", 7),
            ("八", 8),
            ("九", 9),
            ("十", 10),
            ("廿", 20),
        ];
        for (s, n) in cases {
            assert_eq!(parse_numeral(s), Some((n, Chinese)), "{s}");
        }
    }

    #[test]
    fn tens() {
        let cases = [
            ("十二", 12),
            ("十九", 19),
            ("一十", 10),
            ("一十二", 12),
            ("二十", 20),
            ("二十四", 24),
            ("五十六", 56),
            ("九十九", 99),
            ("廿一", 21),
            ("廿九", 29),
        ];
        for (s, n) in cases {
            assert_eq!(parse_numeral(s), Some((n, Chinese)), "{s}");
        }
    }

    #[test]
    fn hundreds_and_above() {
        let cases = [
            ("一百", 100),
            ("一百零五", 105),
            ("一百〇五", 105),
            ("一百一十", 110),
            ("一百一十二", 112),
            ("两百", 200),
            ("二百", 200),
            ("九百九十九", 999),
            ("一千", 1000),
            ("两千", 2000),
            ("一千零一", 1001),
            ("一千零一十", 1010),
            ("一千零五十", 1050),
            ("一千一百", 1100),
            ("一千二百三十四", 1234),
            ("一万", 10_000),
            ("两万", 20_000),
            ("一万零五", 10_005),
            ("一万零五百", 10_500),
            ("一万零一十", 10_010),
            ("一万五千", 15_000),
            ("九万九千九百九十九", 99_999),
        ];
        for (s, n) in cases {
            assert_eq!(parse_numeral(s), Some((n, Chinese)), "{s}");
        }
    }

    #[test]
    fn digit_sequences() {
        let cases = [
            ("二〇二四", 2024),
            ("二零二四", 2024),
            ("一九九七", 1997),
            ("二〇〇〇", 2000),
            ("〇五", 5),
            ("零零", 0),
            ("九九九九九", 99_999),
        ];
        for (s, n) in cases {
            assert_eq!(parse_numeral(s), Some((n, Chinese)), "{s}");
        }
        assert_eq!(parse_numeral("一〇〇〇〇〇"), None);
        assert_eq!(parse_numeral("二〇二四二〇二四"), None);
    }

    #[test]
    fn rejects_junk_and_mixed_scripts() {
        let junk = [
            "",
            " ",
            " 56",
            "56 ",
            "2十",
            "十2",
            "二0二四",
            "５十",
            "abc",
            "五十六个",
            "第五",
            "-5",
            "+5",
            "1.5",
            "1,000",
            "五.五",
            "二○二四", // U+25CB WHITE CIRCLE, not 〇
            "O",
            "壹",
            "拾",
            "兩",
            "萬",
        ];
        for s in junk {
            assert_eq!(parse_numeral(s), None, "{s:?}");
        }
    }

    #[test]
    fn rejects_malformed_chinese() {
        let malformed = [
            "百",
            "千",
            "万",
            "十十",
            "二三十",
            "十零",
            "一百零",
            "一百零零五",
            "零五十",
            "一百十",
            "一百五",
            "一千五十",
            "一千零十",
            "一百零五十",
            "一千一",
            "一万五",
            "两十",
            "两十五",
            "十两",
            "一百零两",
            "两两",
            "百一",
            "一百一千",
            "五十百",
            "廿十",
            "廿〇",
            "一百廿",
            "廿廿",
            "二两",
        ];
        for s in malformed {
            assert_eq!(parse_numeral(s), None, "{s}");
        }
    }

    #[test]
    fn rejects_chinese_overflow() {
        for s in [
            "十万",
            "十万零一",
            "九十九万",
            "一亿",
            "九万九千九百九十九万",
        ] {
            assert_eq!(parse_numeral(s), None, "{s}");
        }
    }

    #[test]
    fn to_chinese_canonical_forms() {
        let cases = [
            (0, "〇"),
            (5, "五"),
            (10, "十"),
            (12, "十二"),
            (20, "二十"),
            (56, "五十六"),
            (99, "九十九"),
            (100, "一百"),
            (105, "一百零五"),
            (110, "一百一十"),
            (200, "二百"),
            (1000, "一千"),
            (1001, "一千零一"),
            (1010, "一千零一十"),
            (1050, "一千零五十"),
            (1100, "一千一百"),
            (2024, "二千零二十四"),
            (10_000, "一万"),
            (10_001, "一万零一"),
            (10_010, "一万零一十"),
            (10_100, "一万零一百"),
            (11_000, "一万一千"),
            (20_000, "二万"),
            (99_999, "九万九千九百九十九"),
        ];
        for (n, s) in cases {
            assert_eq!(to_chinese(n), s, "{n}");
        }
    }

    #[test]
    fn to_chinese_beyond_range_is_still_sensible() {
        let cases = [
            (100_000, "十万"),
            (100_001, "十万零一"),
            (100_010, "十万零一十"),
            (110_000, "十一万"),
            (1_000_000, "一百万"),
            (1_100_000, "一百一十万"),
            (100_000_000, "一亿"),
            (100_000_001, "一亿零一"),
            (100_010_000, "一亿零一万"),
            (123_456_789, "一亿二千三百四十五万六千七百八十九"),
            (u32::MAX, "四十二亿九千四百九十六万七千二百九十五"),
        ];
        for (n, s) in cases {
            assert_eq!(to_chinese(n), s, "{n}");
        }
    }

    #[test]
    fn round_trip_every_value_in_range() {
        for n in 0..=MAX {
            assert_eq!(parse_numeral(&to_chinese(n)), Some((n, Chinese)), "{n}");
            assert_eq!(parse_numeral(&n.to_string()), Some((n, Arabic)), "{n}");
        }
    }
}
