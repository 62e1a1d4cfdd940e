//! A question as the Inventory page asked it, shared by the question forms and the answer.

use lanyard_model::inventory::InventoryQuestion;

use crate::context::handoff::Preset;

/// A question as asked: what is sent, what it reads as, and what Bulk changes starts with if
/// its answer is handed over.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Asked {
    pub question: InventoryQuestion,
    /// "organizations that lack google-oauth2, named like “acme”".
    pub words: String,
    pub preset: Preset,
}
