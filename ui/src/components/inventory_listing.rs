//! A listing a page shows with more than names (the tenant's connections with their strategies,
//! Hub's auth modules with type and enabled, ZITADEL's IdPs with type and state), answered from
//! the inventory first: at once, marked with its age ("From the inventory, 12 min old") and
//! "Reload live" beside it. When the inventory cannot answer (`None`: nothing listed yet, or
//! listed without those facts), or cannot be asked, or the user chose "Reload live", the live
//! listing is read as before. The marking is the pickers' (`inventory_search`).

use std::future::Future;
use std::ops::Deref;

use lanyard_model::CommandError;
use lanyard_model::inventory::Listed;
use leptos::prelude::*;

use crate::components::picker::SourceNote;
use crate::load::{Load, use_load};
use crate::time::{age_words, now_ms};
use crate::tr;

/// A listing, inventory first. `Copy`, like a signal; derefs to its [`Load`].
pub struct InventoryListing<T: Send + Sync + 'static> {
    load: Load<Vec<T>>,
    /// When the inventory's listing shown was read; `None` when it was read live.
    listed_at: RwSignal<Option<i64>>,
    /// The user chose the live listing over the inventory.
    live: RwSignal<bool>,
}

impl<T: Send + Sync + 'static> Clone for InventoryListing<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for InventoryListing<T> {}

impl<T: Send + Sync + 'static> Deref for InventoryListing<T> {
    type Target = Load<Vec<T>>;

    fn deref(&self) -> &Load<Vec<T>> {
        &self.load
    }
}

/// What a listing says of where it came from at `now_ms`, and the words of its switch (none
/// when it was read live because the inventory could not answer).
pub fn listing_words(
    listed_at_ms: Option<i64>,
    live_chosen: bool,
    now_ms: i64,
) -> Option<(String, String)> {
    match listed_at_ms {
        Some(at) => Some((
            tr!("listing-from-inventory", age = age_words(at, now_ms)),
            tr!("listing-reload-live"),
        )),
        None if live_chosen => Some((tr!("listing-read-live"), tr!("listing-use-inventory"))),
        None => None,
    }
}

impl<T: Clone + Send + Sync + 'static> InventoryListing<T> {
    /// Where the listing came from, with the switch between the inventory and the live read
    /// (for a picker's `source`, or [`InventoryListing::note_view`]).
    pub fn note(self) -> Signal<Option<SourceNote>> {
        let live = self.live;
        let listed_at = self.listed_at;
        Signal::derive(move || {
            let (text, words) = listing_words(listed_at.get(), live.get(), now_ms())?;
            Some(SourceNote {
                text,
                action: Some((words, Callback::new(move |_| live.update(|l| *l = !*l)))),
            })
        })
    }

    /// The note as a line under a select or a table.
    pub fn note_view(self, testid: &'static str) -> impl IntoView {
        let note = self.note();
        move || {
            note.get().map(|n| {
                view! {
                    <p class="hint picker-source-hint" data-testid=testid>{n.text}
                        {n.action.map(|(label, run)| view! {
                            " " <button type="button" class="btn-link" on:click=move |_| run.run(())>{label}</button>
                        })}
                    </p>
                }
            })
        }
    }
}

/// Loads a listing: `inventory` first, else (and when the user asks) `live`.
pub fn use_inventory_listing<T, Inv, InvReply, Live, LiveReply>(
    inventory: Inv,
    live: Live,
) -> InventoryListing<T>
where
    T: Send + Sync + 'static,
    Inv: Fn() -> InvReply + 'static,
    InvReply: Future<Output = Result<Option<Listed<T>>, CommandError>> + 'static,
    Live: Fn() -> LiveReply + 'static,
    LiveReply: Future<Output = Result<Vec<T>, CommandError>> + 'static,
{
    let chosen = RwSignal::new(false);
    let listed_at = RwSignal::new(None::<i64>);
    let load = use_load(move || {
        let from_inventory = (!chosen.get()).then(&inventory);
        let from_live = live();
        async move {
            if let Some(ask) = from_inventory
                && let Ok(Some(listed)) = ask.await
            {
                listed_at.try_set(Some(listed.listed_at_ms));
                return Ok(listed.items);
            }
            let items = from_live.await?;
            listed_at.try_set(None);
            Ok(items)
        }
    });
    InventoryListing {
        load,
        listed_at,
        live: chosen,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inventory_is_named_with_its_age_and_the_way_to_reload_live() {
        let now = 100 * 60_000;
        assert_eq!(
            listing_words(Some(now - 12 * 60_000), false, now),
            Some((
                "From the inventory, 12 min old".to_owned(),
                "Reload live".to_owned()
            ))
        );
        assert_eq!(
            listing_words(None, true, now),
            Some(("Read live".to_owned(), "Use the inventory".to_owned()))
        );
        // Read live because the inventory could not answer: nothing to switch to.
        assert_eq!(listing_words(None, false, now), None);
    }
}
