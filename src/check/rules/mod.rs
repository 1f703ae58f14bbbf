//! One file per rule. The file is the rule: code, name, severity, explanation, check.

pub mod gz001_unreadable_input;
pub mod gz002_legacy_encoding;
pub mod gz003_syntax_error;
pub mod gz101_notice_number_format;
pub mod gz102_duplicate_notice_number;
pub mod gz103_notice_order;
pub mod gz104_notice_number_gap;
pub mod gz105_term_mismatch;
pub mod gz106_issuer_mismatch;
pub mod gz107_invalid_date;
pub mod gz108_meeting_mismatch;
pub mod gz109_missing_closing;
pub mod gz110_mixed_numeral_style;
pub mod gz301_section_numbering;
pub mod gz303_entry_punctuation;
pub mod gz312_removal_wording;
