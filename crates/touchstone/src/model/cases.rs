//! Cases as the store keeps them: their kind, state, outcome and the times a step stamps.

use crate::closed_set::closed_set;

closed_set!(
    /// The kind of detention, which picks the procedure and its deadlines.
    pub enum CaseType {
        Standard = "standard",
        SmallConsignment = "small_consignment",
        Perishable = "perishable",
    }
);

closed_set!(
    /// Where a case is in its workflow.
    pub enum CaseState {
        Draft = "draft",
        Detained = "detained",
        Answered = "answered",
        Decided = "decided",
        Closed = "closed",
    }
);

closed_set!(
    /// How a case ends.
    pub enum CaseOutcome {
        Destruction = "destruction",
        LegalProceedings = "legal_proceedings",
        Released = "released",
    }
);

/// The time a step stamps on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stamp {
    Detained,
    DeclarantNotified,
    Decided,
    Closed,
}

impl Stamp {
    /// The column of `cases` the stamp is written in.
    pub fn column(self) -> &'static str {
        match self {
            Stamp::Detained => "detained_at",
            Stamp::DeclarantNotified => "declarant_notified_at",
            Stamp::Decided => "decided_at",
            Stamp::Closed => "closed_at",
        }
    }
}
