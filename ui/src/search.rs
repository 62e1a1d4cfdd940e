//! The one search hook every picker uses: each new query asks the server, only the reply to the
//! newest query is shown (an older search that answers late is dropped), and a search that
//! failed is said in words ("Could not search: …") instead of showing an empty list.

use std::future::Future;

use lanyard_model::CommandError;
use leptos::prelude::*;

/// What a search shows: the items of the newest reply, whether a newer one is on its way, and
/// why the newest one failed. The rule for replies lives here, apart from the signals, so that
/// it is tested as plain Rust.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults<T> {
    /// The items of the newest search that answered; kept while a newer one is on its way or
    /// after one failed, so that what was read stays usable (e.g. an IdP's owner).
    pub found: Vec<T>,
    /// A search was sent and its reply is not in yet.
    pub searching: bool,
    /// Why the newest search failed; `None` once one answers.
    pub failed: Option<CommandError>,
    /// How many searches were sent: the number of the newest.
    sent: u64,
}

impl<T> Default for SearchResults<T> {
    fn default() -> Self {
        Self {
            found: Vec::new(),
            searching: false,
            failed: None,
            sent: 0,
        }
    }
}

impl<T> SearchResults<T> {
    /// Counts a new search and returns its number, which its reply is settled with.
    pub fn begin(&mut self) -> u64 {
        self.sent = self.sent.wrapping_add(1);
        self.searching = true;
        self.sent
    }

    /// Takes the reply to search `number`. A reply to a search older than the newest is stale
    /// and changes nothing: it must never overwrite what the newer query finds.
    pub fn settle(&mut self, number: u64, reply: Result<Vec<T>, CommandError>) {
        if number != self.sent {
            return;
        }
        self.searching = false;
        match reply {
            Ok(items) => {
                self.found = items;
                self.failed = None;
            }
            Err(err) => self.failed = Some(err),
        }
    }

    /// The failure in the words a picker shows.
    pub fn problem(&self) -> Option<String> {
        self.failed
            .as_ref()
            .map(|err| format!("Could not search: {err}"))
    }
}

/// A search that follows a query, for a picker or a table. `Copy`, like a signal.
pub struct Search<T: Send + Sync + 'static> {
    results: RwSignal<SearchResults<T>>,
    searching: Memo<bool>,
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
        self.results.with(|r| r.found.clone())
    }

    /// Reads the items found without cloning them (tracked).
    pub fn with_found<R>(self, read: impl FnOnce(&[T]) -> R) -> R {
        self.results.with(|r| read(&r.found))
    }

    /// Reads the items found without tracking them, for an event handler.
    pub fn with_found_untracked<R>(self, read: impl FnOnce(&[T]) -> R) -> R {
        self.results.with_untracked(|r| read(&r.found))
    }

    /// Whether a reply is awaited.
    pub fn searching(self) -> Signal<bool> {
        self.searching.into()
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
    let results = RwSignal::new(SearchResults::default());
    Effect::new(move |_| {
        let text = query.get();
        let Some(number) = results.try_update(SearchResults::begin) else {
            return;
        };
        let reply = untrack(|| ask(text));
        leptos::task::spawn_local(async move {
            let reply = reply.await;
            // The page may be gone by now: then there is nothing to update.
            results.try_update(|r| r.settle(number, reply));
        });
    });
    Search {
        results,
        searching: Memo::new(move |_| results.with(|r| r.searching)),
        problem: Memo::new(move |_| results.with(SearchResults::problem)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unreachable_server() -> CommandError {
        CommandError::Network {
            message: "connection refused".to_owned(),
        }
    }

    #[test]
    fn a_late_reply_to_an_older_search_does_not_replace_the_newer_results() {
        let mut results = SearchResults::default();
        let first = results.begin();
        let second = results.begin();
        results.settle(second, Ok(vec!["Acme Corp"]));
        results.settle(first, Ok(vec!["Acme", "Acme Corp", "Acme Labs"]));
        assert_eq!(results.found, vec!["Acme Corp"]);
        assert!(!results.searching);
    }

    #[test]
    fn the_older_reply_alone_leaves_the_picker_searching() {
        let mut results = SearchResults::default();
        let first = results.begin();
        results.begin();
        results.settle(first, Ok(vec!["stale"]));
        assert!(results.found.is_empty());
        assert!(results.searching);
    }

    #[test]
    fn a_failed_search_is_said_in_words_and_a_stale_failure_is_not() {
        let mut results = SearchResults::default();
        let first = results.begin();
        let second = results.begin();
        results.settle(first, Err(unreachable_server()));
        assert_eq!(results.problem(), None);
        results.settle(second, Err(unreachable_server()));
        let shown = results.problem().unwrap_or_default();
        assert!(shown.starts_with("Could not search: "), "{shown}");
        assert!(shown.contains("connection refused"), "{shown}");
        // The next answer clears it.
        let third = results.begin();
        results.settle(third, Ok(vec!["Acme"]));
        assert_eq!(results.problem(), None);
        assert_eq!(results.found, vec!["Acme"]);
    }
}
