//! A picker's search that answers from the inventory first: at once, a substring of name or
//! display name, marked with the inventory's age ("From the inventory, 12 min old") and with
//! "Search live" beside it. When the inventory holds nothing of the kind (`inventory_search`
//! answers `None`), or cannot be asked, or the user chose "Search live", the picker's own live
//! search runs as before; so it does when nothing matches in an inventory that no complete
//! crawl filled (it may hold only the targets opened so far). Only the newest query's reply
//! counts (`crate::load::Latest`). A crawl that starts or ends searches again, so a picker shown
//! before the crawl answers from it after.

use std::future::Future;

use lanyard_model::CommandError;
use lanyard_model::inventory::{CrawlState, PickerItem, PickerKind};
use leptos::prelude::*;

use crate::backend;
use crate::components::picker::{PickerOption, SourceNote};
use crate::context::use_ctx;
use crate::load::{Latest, Load, use_load};
use crate::time::{age_words, now_ms};
use crate::tr;

/// How many items a picker asks the inventory for.
const LIMIT: u32 = 50;

/// Where a picker's options came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The inventory, whose listing of the kind was read at `listed_at_ms`; `more` when more
    /// matched than were shown.
    Inventory { listed_at_ms: i64, more: bool },
    /// The live search; `chosen` when the user asked for it over the inventory.
    Live { chosen: bool },
    /// The live search, because nothing matched in an inventory no complete crawl has filled
    /// (a target opened or changed is kept, the rest may not be).
    LiveNotInInventory,
}

/// A picker's options and where they came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<V> {
    pub options: Vec<PickerOption<V>>,
    pub source: Source,
}

/// What the picker says of `source` at `now_ms`, and the words of the button that switches
/// (none when there is nothing to switch to).
pub fn source_words(source: Source, now_ms: i64) -> Option<(String, Option<String>)> {
    match source {
        Source::Inventory { listed_at_ms, more } => {
            let age = age_words(listed_at_ms, now_ms);
            Some((
                if more {
                    tr!("search-from-inventory-more", age = age, limit = LIMIT)
                } else {
                    tr!("listing-from-inventory", age = age)
                },
                Some(tr!("search-live")),
            ))
        }
        Source::Live { chosen: true } => {
            Some((tr!("search-searched-live"), Some(tr!("search-inventory"))))
        }
        Source::Live { chosen: false } => None,
        Source::LiveNotInInventory => Some((tr!("search-not-in-inventory"), None)),
    }
}

/// A picker's search, inventory first. `Copy`, like a signal.
pub struct InventorySearch<V: Send + Sync + 'static> {
    results: ReadSignal<Latest<Found<V>>>,
    live: RwSignal<bool>,
    load: Load<Found<V>>,
}

impl<V: Send + Sync + 'static> Clone for InventorySearch<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V: Send + Sync + 'static> Copy for InventorySearch<V> {}

impl<V: Clone + Send + Sync + 'static> InventorySearch<V> {
    /// The options found (tracked).
    pub fn options(self) -> Signal<Vec<PickerOption<V>>> {
        Signal::derive(move || {
            self.results.with(|r| {
                r.value
                    .as_ref()
                    .map(|f| f.options.clone())
                    .unwrap_or_default()
            })
        })
    }

    /// Whether a reply is awaited.
    pub fn searching(self) -> Signal<bool> {
        Signal::derive(move || self.results.with(|r| r.pending))
    }

    /// "Could not search: <cause>" when the newest search failed.
    pub fn problem(self) -> Signal<Option<String>> {
        Signal::derive(move || {
            self.results.with(|r| {
                r.failed
                    .as_ref()
                    .map(|err| tr!("search-failed", cause = crate::i18n::error_text(err)))
            })
        })
    }

    /// Searches again when the options came from the live search only because the inventory
    /// held nothing of the kind then (it may now): called when the picker is opened.
    pub fn refresh(self) {
        let fell_back = self.results.with_untracked(|r| {
            !r.pending
                && matches!(
                    r.value.as_ref().map(|f| f.source),
                    Some(Source::Live { chosen: false })
                )
        });
        if fell_back {
            self.load.retry();
        }
    }

    /// Where the options came from, with the button that switches between the inventory and
    /// the live search.
    pub fn note(self) -> Signal<Option<SourceNote>> {
        let live = self.live;
        Signal::derive(move || {
            let source = self.results.with(|r| r.value.as_ref().map(|f| f.source))?;
            let (text, action) = source_words(source, now_ms())?;
            Some(SourceNote {
                text,
                action: action
                    .map(|words| (words, Callback::new(move |_| live.update(|l| *l = !*l)))),
            })
        })
    }
}

/// Searches for `kind` each time `query` changes: the inventory of `profile_id` first (each
/// item made an option by `from_item`), else `live`.
pub fn use_inventory_search<V, Live, Reply>(
    profile_id: String,
    kind: PickerKind,
    query: impl Into<Signal<String>>,
    from_item: fn(&PickerItem) -> Option<PickerOption<V>>,
    live: Live,
) -> InventorySearch<V>
where
    V: Send + Sync + 'static,
    Live: Fn(String) -> Reply + 'static,
    Reply: Future<Output = Result<Vec<PickerOption<V>>, CommandError>> + 'static,
{
    let query = query.into();
    let chose_live = RwSignal::new(false);
    // Search again when a crawl starts or ends (not on each of its steps): a picker opened
    // before the inventory held its kind answers from it once it does.
    let ctx = use_ctx();
    let crawl_states = Memo::new(move |_| {
        ctx.crawls.with(|s| {
            s.as_ref()
                .map(|s| {
                    s.crawls
                        .iter()
                        .map(|c| (c.profile_id.clone(), c.state))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let load = use_load(move || {
        // Read, not only tracked: a memo's `track` alone does not run it again.
        let complete = crawl_states.with(|c| {
            c.iter()
                .any(|(p, s)| *p == profile_id && *s == CrawlState::Finished)
        });
        let text = query.get();
        let want_live = chose_live.get();
        let profile_id = profile_id.clone();
        // Futures start when awaited: the live search is sent only if it is needed.
        let live_reply = untrack(|| live(text.clone()));
        async move {
            let mut source = Source::Live { chosen: want_live };
            if !want_live
                && let Ok(Some(answer)) =
                    backend::inventory_search(&profile_id, kind, &text, LIMIT).await
            {
                let options: Vec<_> = answer.items.iter().filter_map(from_item).collect();
                // Nothing found in an inventory that may hold only what was opened: ask live
                // rather than say "nothing matches". After a complete crawl, nothing is an answer.
                if !options.is_empty() || text.trim().is_empty() || complete {
                    return Ok(Found {
                        options,
                        source: Source::Inventory {
                            listed_at_ms: answer.listed_at_ms,
                            more: answer.more,
                        },
                    });
                }
                source = Source::LiveNotInInventory;
            }
            live_reply.await.map(|options| Found { options, source })
        }
    });
    InventorySearch {
        results: load.replies(),
        live: chose_live,
        load,
    }
}

/// How a picker labels what it offers: Auth0 organizations by their display name, as the live
/// organization picker does; connections, IdPs and groups by their name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelBy {
    DisplayName,
    Name,
}

/// An inventory item as a picker option whose value is the id `parse` reads, labelled as
/// `label_by` says (the name when there is no display name); its detail says the rest.
pub fn item_option<V>(
    item: &PickerItem,
    label_by: LabelBy,
    parse: impl Fn(&str) -> Option<V>,
) -> Option<PickerOption<V>> {
    let value = parse(&item.id)?;
    let display = item.display_name.clone().filter(|d| !d.is_empty());
    let (label, detail) = match (label_by, display) {
        (LabelBy::DisplayName, Some(d)) => (d, format!("{} · {}", item.name, item.id)),
        (LabelBy::Name, Some(d)) if d != item.name => {
            (item.name.clone(), format!("{d} · {}", item.id))
        }
        _ => (item.name.clone(), item.id.clone()),
    };
    Some(PickerOption {
        value,
        label,
        detail,
        disabled: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inventory_is_named_with_its_age_and_the_way_to_search_live() {
        let now = 1_000_000_000_000;
        let words = source_words(
            Source::Inventory {
                listed_at_ms: now - 12 * 60_000,
                more: false,
            },
            now,
        );
        assert_eq!(
            words,
            Some((
                "From the inventory, 12 min old".to_owned(),
                Some("Search live".to_owned())
            ))
        );
        let (more, _) = source_words(
            Source::Inventory {
                listed_at_ms: now,
                more: true,
            },
            now,
        )
        .unwrap_or_default();
        assert!(more.contains("the first 50 shown"), "{more}");
    }

    #[test]
    fn a_live_search_is_marked_only_when_the_user_chose_it() {
        assert_eq!(source_words(Source::Live { chosen: false }, 0), None);
        assert_eq!(
            source_words(Source::Live { chosen: true }, 0),
            Some((
                "Searched live".to_owned(),
                Some("Search the inventory".to_owned())
            ))
        );
        let (words, action) = source_words(Source::LiveNotInInventory, 0).unwrap_or_default();
        assert!(words.contains("searched live"), "{words}");
        assert_eq!(action, None);
    }

    #[test]
    fn an_item_reads_as_its_picker_labels_it_with_the_rest_as_detail() {
        let item = PickerItem {
            id: "org_1".to_owned(),
            name: "acme".to_owned(),
            display_name: Some("Acme Corp".to_owned()),
        };
        let id = |id: &str| Some(id.to_owned());
        let label = |o: Option<PickerOption<String>>| o.map(|o| (o.label, o.detail));
        assert_eq!(
            label(item_option(&item, LabelBy::DisplayName, id)),
            Some(("Acme Corp".to_owned(), "acme · org_1".to_owned()))
        );
        assert_eq!(
            label(item_option(&item, LabelBy::Name, id)),
            Some(("acme".to_owned(), "Acme Corp · org_1".to_owned()))
        );
        let bare = PickerItem {
            display_name: None,
            ..item
        };
        assert_eq!(
            label(item_option(&bare, LabelBy::DisplayName, id)),
            Some(("acme".to_owned(), "org_1".to_owned()))
        );
        assert!(item_option(&bare, LabelBy::Name, |_| None::<String>).is_none());
    }
}
