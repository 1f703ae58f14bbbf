//! Syntax: the pest grammar (`grammar/notice.pest`) and the lowering of its pairs into the
//! typed tree of [`crate::ast`].

mod expected;
mod fragment;
mod hand;
mod lower;
pub mod markdown;
pub mod numerals;
mod parser;

#[doc(hidden)]
pub use hand::grammar_only;
#[doc(hidden)]
pub use lower::{clause_form_rules, clause_reading, parse_document_whole_page, probe, PROBES};
pub use lower::{parse_document, parse_page};
pub use parser::{NoticeParser, Rule};

use std::num::NonZeroUsize;
use std::sync::Once;

/// Upper bound on rule calls in one pest parse, so that no input can make the parser run for
/// ever. Fragments (one line or clause) need a few thousand calls; the page layer parses one
/// notice at a time (`page_step`), a few calls per byte of the notice. A parse that reaches it
/// takes about 20 s and is then reported as unreadable (GZ003) — a fragment as an unrecognised
/// line, a notice as opaque text up to the next line that may start one — a last resort: the
/// grammar avoids exponential retries (see `paren_group`), and the fuzz regression tests guard
/// that.
pub const CALL_LIMIT: usize = 200_000_000;

pub(crate) fn install_call_limit() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| pest::set_call_limit(NonZeroUsize::new(CALL_LIMIT)));
}
