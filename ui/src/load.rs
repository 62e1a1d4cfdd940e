//! The one loading hook for what a page reads from the server (a list of modules or
//! organizations, a policy, the bulk runs): it is shown as loading until the reply arrives, then
//! the data, or why it failed ("Could not load organizations: <cause>") with a Retry button.
//! Nothing a user waits on is silent. Only the reply to the newest request counts, the same rule
//! the inventory-first searches follow (`crate::components::inventory_search`).

use std::future::Future;

use lanyard_model::CommandError;
use leptos::prelude::*;

use crate::i18n::error_text;
use crate::tr;

/// Something the UI waits for: still loading, there, or failed with the cause.
#[derive(Debug, Clone, PartialEq)]
pub enum Loaded<T> {
    Loading,
    Ready(T),
    Failed(CommandError),
}

/// The replies to a request that is sent again and again (a search on each query, a list on
/// Retry or after a change): only the reply to the newest one counts. The rule lives here, apart
/// from the signals, so that it is tested as plain Rust.
#[derive(Debug, Clone, PartialEq)]
pub struct Latest<T> {
    /// The value of the newest request that answered; kept while a newer one is on its way or
    /// after one failed, so that what was read stays usable (e.g. an IdP's owner).
    pub value: Option<T>,
    /// A request was sent and its reply is not in yet.
    pub pending: bool,
    /// Why the newest request failed; `None` once one answers.
    pub failed: Option<CommandError>,
    /// How many requests were sent: the number of the newest.
    sent: u64,
}

impl<T> Default for Latest<T> {
    fn default() -> Self {
        Self {
            value: None,
            pending: false,
            failed: None,
            sent: 0,
        }
    }
}

impl<T> Latest<T> {
    /// Counts a new request and returns its number, which its reply is settled with.
    pub fn begin(&mut self) -> u64 {
        self.sent = self.sent.wrapping_add(1);
        self.pending = true;
        self.sent
    }

    /// Takes the reply to request `number`. A reply to a request older than the newest is
    /// stale and changes nothing: it must never overwrite what the newer one reads.
    pub fn settle(&mut self, number: u64, reply: Result<T, CommandError>) {
        if number != self.sent {
            return;
        }
        self.pending = false;
        match reply {
            Ok(value) => {
                self.value = Some(value);
                self.failed = None;
            }
            Err(err) => self.failed = Some(err),
        }
    }

    /// What a page shows: why the newest request failed once it has; else the value, also
    /// while a newer request is on its way (a reload after a change keeps the table); else that
    /// it is loading (at first, and on Retry after a failure).
    pub fn shown(&self) -> Loaded<&T> {
        match (&self.failed, &self.value) {
            (Some(err), _) if !self.pending => Loaded::Failed(err.clone()),
            (_, Some(value)) => Loaded::Ready(value),
            _ => Loaded::Loading,
        }
    }
}

/// "Loading auth modules…"
pub fn loading_text(what: &str) -> String {
    tr!("load-loading", what = what)
}

/// "Could not load auth modules: <cause>"
pub fn failure_text(what: &str, err: &CommandError) -> String {
    tr!("load-failed", what = what, cause = error_text(err))
}

/// Something a page loads, with Retry. `Copy`, like a signal.
pub struct Load<T: Send + Sync + 'static> {
    latest: RwSignal<Latest<T>>,
    again: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Load<T> {}

impl<T: Send + Sync + 'static> Load<T> {
    /// The replies as they stand, for a hook built on this one.
    pub fn replies(self) -> ReadSignal<Latest<T>> {
        self.latest.read_only()
    }
}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    /// Loading, the value, or why it failed (tracked).
    pub fn get(self) -> Loaded<T> {
        self.latest.with(|l| match l.shown() {
            Loaded::Loading => Loaded::Loading,
            Loaded::Ready(value) => Loaded::Ready(value.clone()),
            Loaded::Failed(err) => Loaded::Failed(err),
        })
    }

    /// The value last read, if any (tracked), e.g. for the choices of a select.
    pub fn value(self) -> Option<T> {
        self.latest.with(|l| l.value.clone())
    }

    /// Reads the value last read without cloning it (tracked).
    pub fn with_value<R>(self, read: impl FnOnce(Option<&T>) -> R) -> R {
        self.latest.with(|l| read(l.value.as_ref()))
    }

    /// Whether the first reply, or the reply to a Retry, is awaited (tracked).
    pub fn loading(self) -> Signal<bool> {
        Signal::derive(move || self.latest.with(|l| matches!(l.shown(), Loaded::Loading)))
    }

    /// "Could not load `what`: <cause>" once it failed (tracked), e.g. for a picker's list.
    pub fn problem(self, what: impl Into<String>) -> Signal<Option<String>> {
        let what = what.into();
        Signal::derive(move || {
            self.latest.with(|l| match l.shown() {
                Loaded::Failed(err) => Some(failure_text(&what, &err)),
                _ => None,
            })
        })
    }

    /// Asks again.
    pub fn retry(self) {
        self.again.update(|n| *n = n.wrapping_add(1));
    }

    /// Why `what` could not be loaded, where it would have been shown, with Retry.
    pub fn failure(self, what: &str, err: &CommandError) -> AnyView {
        view! {
            <div class="error load-error" role="alert" data-testid="load-error">
                <span class="load-error-text">{failure_text(what, err)}</span>
                <button type="button" class="btn btn-small" data-action="retry" on:click=move |_| self.retry()>{tr!("action-retry")}</button>
            </div>
        }
        .into_any()
    }

    /// `what` as a page part: "Loading what…" until the reply, then `ready` with the value, or
    /// why it failed with Retry.
    pub fn view(
        self,
        what: impl Into<String>,
        ready: impl Fn(T) -> AnyView + Send + Sync + 'static,
    ) -> impl IntoView {
        let what = what.into();
        move || match self.get() {
            Loaded::Loading => {
                view! { <p class="muted" role="status">{loading_text(&what)}</p> }.into_any()
            }
            Loaded::Failed(err) => self.failure(&what, &err),
            Loaded::Ready(value) => ready(value),
        }
    }

    /// A line under a field whose choices load (a select that is usable meanwhile): "Loading
    /// what…", or why it failed with Retry; nothing once they are in.
    pub fn status(self, what: impl Into<String>) -> impl IntoView {
        let what = what.into();
        move || match self.get() {
            Loaded::Loading => {
                view! { <p class="hint muted small" role="status">{loading_text(&what)}</p> }
                    .into_any()
            }
            Loaded::Failed(err) => self.failure(&what, &err),
            Loaded::Ready(_) => ().into_any(),
        }
    }
}

/// Loads with `ask` now, again on Retry, and again whenever a signal that `ask` reads before
/// its future starts changes (e.g. `ctx.refresh` after a change, or the scope shown).
pub fn use_load<T, Ask, Reply>(ask: Ask) -> Load<T>
where
    T: Send + Sync + 'static,
    Ask: Fn() -> Reply + 'static,
    Reply: Future<Output = Result<T, CommandError>> + 'static,
{
    let latest = RwSignal::new(Latest::default());
    let again = RwSignal::new(0_u32);
    Effect::new(move |_| {
        again.track();
        let reply = ask();
        let Some(number) = latest.try_update(Latest::begin) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let reply = reply.await;
            // The page may be gone by now: then there is nothing to update.
            latest.try_update(|l| l.settle(number, reply));
        });
    });
    Load { latest, again }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unreachable_server() -> CommandError {
        CommandError::Network {
            product: lanyard_model::Product::Hub,
            host: "127.0.0.1:9".to_owned(),
            cause: lanyard_model::error::NetworkCause::ConnectionRefused,
        }
    }

    #[test]
    fn a_late_reply_to_an_older_request_does_not_replace_the_newer_one() {
        let mut latest = Latest::default();
        let first = latest.begin();
        let second = latest.begin();
        latest.settle(second, Ok(vec!["Acme Corp"]));
        latest.settle(first, Ok(vec!["Acme", "Acme Corp", "Acme Labs"]));
        assert_eq!(latest.value, Some(vec!["Acme Corp"]));
        assert!(!latest.pending);
    }

    #[test]
    fn the_older_reply_alone_leaves_it_loading() {
        let mut latest = Latest::<Vec<&str>>::default();
        let first = latest.begin();
        latest.begin();
        latest.settle(first, Ok(vec!["stale"]));
        assert_eq!(latest.value, None);
        assert!(latest.pending);
        assert_eq!(latest.shown(), Loaded::Loading);
    }

    #[test]
    fn loading_then_the_failure_then_loading_again_on_retry_then_the_value() {
        let mut latest = Latest::<Vec<&str>>::default();
        assert_eq!(latest.shown(), Loaded::Loading);
        let first = latest.begin();
        assert_eq!(latest.shown(), Loaded::Loading);
        latest.settle(first, Err(unreachable_server()));
        assert_eq!(latest.shown(), Loaded::Failed(unreachable_server()));
        let retry = latest.begin();
        assert_eq!(latest.shown(), Loaded::Loading);
        latest.settle(retry, Ok(vec!["SAML"]));
        assert_eq!(latest.shown(), Loaded::Ready(&vec!["SAML"]));
    }

    #[test]
    fn a_reload_keeps_the_value_shown_until_it_fails() {
        let mut latest = Latest::default();
        let first = latest.begin();
        latest.settle(first, Ok(3));
        let reload = latest.begin();
        assert_eq!(latest.shown(), Loaded::Ready(&3));
        latest.settle(reload, Err(unreachable_server()));
        assert_eq!(latest.shown(), Loaded::Failed(unreachable_server()));
        // What was read stays usable, e.g. for a label.
        assert_eq!(latest.value, Some(3));
    }

    #[test]
    fn the_failure_names_what_and_why_once_with_the_host_and_the_fix() {
        let text = failure_text("auth modules", &unreachable_server());
        assert_eq!(
            text,
            "Could not load auth modules: Hub at 127.0.0.1:9 could not be reached (connection refused). Check the address on the Profiles page and that this computer can reach it"
        );
    }
}
