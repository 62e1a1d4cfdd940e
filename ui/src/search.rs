//! The one search hook every picker uses: each new query asks the server, only the reply to the
//! newest query is shown (an older search that answers late is dropped: `crate::load::Latest`),
//! and a search that failed is said in words ("Could not search: …") instead of an empty list.

use std::future::Future;

use lanyard_model::CommandError;
use leptos::prelude::*;

use crate::load::{Latest, use_load};

/// "Could not search: <cause>" when the newest search failed.
fn problem<T>(results: &Latest<Vec<T>>) -> Option<String> {
    results
        .failed
        .as_ref()
        .map(|err| format!("Could not search: {err}"))
}

/// A search that follows a query, for a picker or a table. `Copy`, like a signal.
pub struct Search<T: Send + Sync + 'static> {
    results: ReadSignal<Latest<Vec<T>>>,
    problem: Memo<Option<String>>,
}

impl<T: Send + Sync + 'static> Clone for Search<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Search<T> {}

impl<T: Clone + Send + Sync + 'static> Search<T> {
    /// The items found (tracked).
    pub fn found(self) -> Vec<T> {
        self.results.with(|r| r.value.clone().unwrap_or_default())
    }

    /// Reads the items found without cloning them (tracked).
    pub fn with_found<R>(self, read: impl FnOnce(&[T]) -> R) -> R {
        self.results
            .with(|r| read(r.value.as_deref().unwrap_or_default()))
    }

    /// Reads the items found without tracking them, for an event handler.
    pub fn with_found_untracked<R>(self, read: impl FnOnce(&[T]) -> R) -> R {
        self.results
            .with_untracked(|r| read(r.value.as_deref().unwrap_or_default()))
    }

    /// "Could not search: <cause>" when the newest search failed.
    pub fn problem(self) -> Signal<Option<String>> {
        self.problem.into()
    }
}

/// Searches with `ask` each time `query` changes. Only the query is tracked: signals that `ask`
/// reads do not start a search.
pub fn use_search<T, Ask, Reply>(query: impl Into<Signal<String>>, ask: Ask) -> Search<T>
where
    T: Send + Sync + 'static,
    Ask: Fn(String) -> Reply + 'static,
    Reply: Future<Output = Result<Vec<T>, CommandError>> + 'static,
{
    let query = query.into();
    let results = use_load(move || {
        let text = query.get();
        untrack(|| ask(text))
    })
    .replies();
    Search {
        results,
        problem: Memo::new(move |_| results.with(problem)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Which reply counts (a stale one never) is `Latest`'s rule, tested in `crate::load`.
    #[test]
    fn a_failed_search_is_said_in_words_until_one_answers() {
        let mut results = Latest::default();
        let failed = results.begin();
        let refused = CommandError::Network {
            product: lanyard_model::Product::Auth0,
            host: "acme.eu.auth0.com".to_owned(),
            cause: lanyard_model::error::NetworkCause::NameNotFound,
        };
        results.settle(failed, Err(refused));
        let shown = problem(&results).unwrap_or_default();
        assert!(shown.starts_with("Could not search: "), "{shown}");
        assert!(
            shown.contains("Auth0 at acme.eu.auth0.com could not be reached (DNS name not found)"),
            "{shown}"
        );
        let answered = results.begin();
        results.settle(answered, Ok(vec!["Acme"]));
        assert_eq!(problem(&results), None);
    }
}
