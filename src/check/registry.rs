//! The table of rules. Codes are the product's public interface: keep them stable.

use super::rules::*;
use super::RuleDef;

pub static RULES: &[&RuleDef] = &[
    &gz001_unreadable_input::RULE,
    &gz002_legacy_encoding::RULE,
    &gz003_syntax_error::RULE,
    &gz004_broken_paragraph::RULE,
    &gz005_invisible_character::RULE,
    &gz008_unknown_suppression_code::RULE,
    &gz009_unused_suppression::RULE,
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
    &gz111_law_title::RULE,
    &gz201_deputy_total_mismatch::RULE,
    &gz202_restated_names_mismatch::RULE,
    &gz203_conflicting_deputy_events::RULE,
    &gz204_consequential_posts::RULE,
    &gz205_termination_wording::RULE,
    &gz206_count_word_mismatch::RULE,
    &gz207_law_article_version::RULE,
    &gz208_suspension_not_termination::RULE,
    &gz301_section_numbering::RULE,
    &gz302_section_order::RULE,
    &gz303_entry_punctuation::RULE,
    &gz304_wrong_action_for_post::RULE,
    &gz305_unknown_post::RULE,
    &gz306_appoint_and_remove_same_post::RULE,
    &gz307_duplicate_entry::RULE,
    &gz308_single_holder_conflict::RULE,
    &gz309_transfer_without_removal::RULE,
    &gz310_removal_of_unheld_post::RULE,
    &gz311_deputy_only_post::RULE,
    &gz312_removal_wording::RULE,
    &gz313_elected_post_appointed::RULE,
    &gz314_special_committee_chair::RULE,
    &gz315_approval_level::RULE,
    &gz316_similar_names::RULE,
    &gz401_title_body_mismatch::RULE,
    &gz402_adoption_line::RULE,
    &gz403_resignation_follow_up::RULE,
    &gz601_halfwidth_punctuation::RULE,
    &gz602_name_separator::RULE,
    &gz603_interpunct::RULE,
    &gz604_date_format::RULE,
    &gz605_stray_space::RULE,
    &gz606_unpaired_punctuation::RULE,
];

/// A rule by code (`GZ303`, case-insensitive) or name (`entry-punctuation`).
pub fn find_rule(key: &str) -> Option<&'static RuleDef> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(key) || r.name == key)
}
