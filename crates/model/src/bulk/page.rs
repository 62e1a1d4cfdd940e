//! The rows of a run's results table that the window asks for at each poll: the run's counts and
//! state travel whole, its items a page at a time, kept by the table's "Show" choice.

use serde::{Deserialize, Serialize};

use super::ItemStatus;
use crate::Warning;

/// The most rows one poll carries (the table draws about 30 at a time).
pub const MAX_PAGE: usize = 500;

/// Rows a poll carries when the window does not say.
pub const PAGE: usize = 100;

/// Which items of a run the results table shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemFilter {
    #[default]
    All,
    Done,
    /// Failed, or sent with an outcome not known: what a retry sends again.
    Failed,
    Skipped,
    /// Waiting, being sent, or not sent because the run was cancelled.
    Pending,
    /// With a warning about sign-in (not only "could not check").
    Warnings,
}

impl ItemFilter {
    /// Whether an item in `status` with `warnings` is shown.
    pub fn keeps(self, status: ItemStatus, warnings: &[Warning]) -> bool {
        match self {
            ItemFilter::All => true,
            ItemFilter::Done => status == ItemStatus::Done,
            ItemFilter::Failed => matches!(status, ItemStatus::Failed | ItemStatus::Unknown),
            ItemFilter::Skipped => status == ItemStatus::Skipped,
            ItemFilter::Pending => matches!(
                status,
                ItemStatus::Pending | ItemStatus::Sending | ItemStatus::NotSent
            ),
            ItemFilter::Warnings => warns(warnings),
        }
    }
}

/// Whether `warnings` hold a warning about sign-in (not only "could not check").
pub fn warns(warnings: &[Warning]) -> bool {
    warnings.iter().any(|w| !w.is_could_not_check())
}

/// The rows of a run a poll asks for: `limit` of those `filter` keeps, from `offset`; with
/// `warnings`, every item's warnings too (they are set when the run is planned: the window asks
/// once, for the plan's summary).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemPage {
    #[serde(default)]
    pub filter: ItemFilter,
    #[serde(default)]
    pub offset: usize,
    #[serde(default = "page")]
    pub limit: usize,
    #[serde(default)]
    pub warnings: bool,
}

fn page() -> usize {
    PAGE
}

impl Default for ItemPage {
    fn default() -> Self {
        ItemPage {
            filter: ItemFilter::All,
            offset: 0,
            limit: PAGE,
            warnings: false,
        }
    }
}

impl ItemPage {
    /// Every item, for the core's own callers and tests (the window asks a page at a time).
    pub fn all() -> Self {
        ItemPage {
            limit: usize::MAX,
            ..ItemPage::default()
        }
    }

    /// No row: the run's state and counts only.
    pub fn none() -> Self {
        ItemPage {
            limit: 0,
            ..ItemPage::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_poll_that_names_only_its_run_gets_the_first_page_of_every_item() {
        let page: ItemPage = serde_json::from_str("{}").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(page, ItemPage::default());
        assert_eq!(page.limit, PAGE);
        assert!(serde_json::from_str::<ItemPage>(r#"{"filter":"done","page":2}"#).is_err());
    }

    #[test]
    fn each_filter_keeps_what_its_choice_says() {
        use ItemStatus::*;
        let kept = |f: ItemFilter| {
            [Pending, Skipped, Sending, Done, Failed, Unknown, NotSent]
                .into_iter()
                .filter(|s| f.keeps(*s, &[]))
                .collect::<Vec<_>>()
        };
        assert_eq!(kept(ItemFilter::Failed), vec![Failed, Unknown]);
        assert_eq!(kept(ItemFilter::Pending), vec![Pending, Sending, NotSent]);
        assert_eq!(kept(ItemFilter::All).len(), 7);
        assert!(kept(ItemFilter::Warnings).is_empty());
    }
}
