//! The model: what the notices of one file mean, between the tree and the rules.
//!
//! The tree says what was printed; the model says what it does — whose mandate is confirmed
//! or ends and what the totals must be ([`qualification`]), who takes or leaves which post
//! ([`personnel`]), and the names under which two mentions are one ([`names`]). The rules, the
//! roster and the language server all read the model, so none of them re-derives a meaning
//! the others might read differently. It depends on the tree and the domain tables only.

pub mod names;
pub mod personnel;
pub mod qualification;

use std::sync::OnceLock;

use crate::ast::Document;
use crate::domain::profile::{Profile, RegionProfile};

use personnel::{DecisionMove, Move, Transfer};
use qualification::QualificationModel;

/// The meaning of one parsed file. Cheap to make: what costs (resolving every post against
/// the profile) is computed on first use and kept.
pub struct Model<'a> {
    /// The decoded text the document's spans point into.
    pub source: &'a str,
    pub document: &'a Document,
    /// A user's profile (`--profile`); without one, the built-in profile of each issuer.
    profile: Option<&'a Profile>,
    moves: OnceLock<Vec<Move<'a>>>,
    qualifications: OnceLock<Vec<QualificationModel<'a>>>,
}

impl<'a> Model<'a> {
    pub fn new(source: &'a str, document: &'a Document, profile: Option<&'a Profile>) -> Self {
        Model {
            source,
            document,
            profile,
            moves: OnceLock::new(),
            qualifications: OnceLock::new(),
        }
    }

    /// The profile for an issuer: the user's, or the built-in one that applies to its region.
    pub fn profile_for(&self, issuer: &str) -> Option<RegionProfile<'a>> {
        personnel::profile_for(self.profile, issuer)
    }

    /// Every move of every personnel list, computed once per file: every personnel rule reads
    /// them, and resolving a post against the profile is the costly part.
    pub fn moves(&self) -> &[Move<'a>] {
        self.moves.get_or_init(|| personnel::compute_moves(self))
    }

    /// The moves of every decision whose title names one person and one post.
    pub fn decision_moves(&self) -> Vec<DecisionMove<'a>> {
        personnel::decision_moves(self)
    }

    /// People who take a post in one place and leave another.
    pub fn transfers(&self) -> Vec<Transfer> {
        personnel::transfers(self)
    }

    /// The qualification notices, each with its events and figures, in document order;
    /// computed once per file: ten rules read them (each building its own was 5 % of a check).
    pub fn qualifications(&self) -> &[QualificationModel<'a>] {
        self.qualifications
            .get_or_init(|| QualificationModel::all(self.document).collect())
    }
}
