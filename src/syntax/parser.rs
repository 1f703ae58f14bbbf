//! The pest parser generated from `grammar/notice.pest`.

use pest_derive::Parser;

#[derive(Parser)]
#[grammar = "../grammar/notice.pest"]
pub struct NoticeParser;
