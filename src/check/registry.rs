//! The table of rules. Codes are the product's public interface: keep them stable.

use super::rules::*;
use super::RuleDef;

pub static RULES: &[&RuleDef] = &[
    &gz001_unreadable_input::RULE,
    &gz002_legacy_encoding::RULE,
    &gz003_syntax_error::RULE,
    &gz101_notice_number_format::RULE,
    &gz102_duplicate_notice_number::RULE,
    &gz103_notice_order::RULE,
    &gz104_notice_number_gap::RULE,
    &gz105_term_mismatch::RULE,
    &gz106_issuer_mismatch::RULE,
    &gz107_invalid_date::RULE,
    &gz108_meeting_mismatch::RULE,
    &gz109_missing_closing::RULE,
    &gz110_mixed_numeral_style::RULE,
    &gz301_section_numbering::RULE,
    &gz303_entry_punctuation::RULE,
    &gz312_removal_wording::RULE,
];

/// A rule by code (`GZ303`, case-insensitive) or name (`entry-punctuation`).
pub fn find_rule(key: &str) -> Option<&'static RuleDef> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}
