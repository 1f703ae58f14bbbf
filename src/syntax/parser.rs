//! The pest parser generated from `grammar/notice.pest` by build.rs (pest_generator, as
//! `#[derive(Parser)]` would), some of its rules read by the recognisers of `super::hand`.

/// The parser of the notice language: `NoticeParser::parse(Rule::…, text)` (pest's `Parser`).
pub struct NoticeParser;

include!(concat!(env!("OUT_DIR"), "/notice_parser.rs"));
