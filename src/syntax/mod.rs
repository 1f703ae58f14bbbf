//! Syntax: the pest grammar (`grammar/notice.pest`) and the lowering of its pairs into the
//! typed tree of [`crate::ast`].

mod expected;
mod fragment;
mod lower;
pub mod numerals;
mod parser;

pub use lower::parse_document;
pub use parser::{NoticeParser, Rule};

use std::num::NonZeroUsize;
use std::sync::Once;

/// Upper bound on rule calls in one pest parse, so that no input can make the parser run
/// for ever. Fragments (one line or clause) need a few thousand calls; the page layer about
/// thirty per byte. The bound is far above both and stops a runaway within a second or so.
pub const CALL_LIMIT: usize = 200_000_000;

pub(crate) fn install_call_limit() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| pest::set_call_limit(NonZeroUsize::new(CALL_LIMIT)));
}
