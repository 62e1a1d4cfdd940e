//! The context every page and component shares: the app's profiles, the page shown, the profile
//! chosen per product, the toasts, the change waiting for its preview, the refresh counter, the
//! crawls as last polled, and the targets the Inventory page hands to Bulk changes.
//! `App` provides it; pages and components read it with `use_ctx`, never through the app.

pub mod handoff;
mod language;
pub mod toasts;

use std::collections::HashMap;

use lanyard_model::inventory::InventoryStatus;
use lanyard_model::profile::Product;
use lanyard_model::{AppInfo, Change, Profile};
use leptos::prelude::*;

use crate::backend;
use crate::i18n::Lang;
use crate::load::Loaded;
use crate::nav::Page;
use handoff::Handoff;
pub use language::LangStart;
use toasts::Toasts;

/// A change waiting for its preview and the user's go.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    pub profile_id: String,
    pub change: Change,
}

/// Shared by every page.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub info: RwSignal<Loaded<AppInfo>>,
    pub page: RwSignal<Page>,
    /// The profile chosen for each product.
    pub chosen: RwSignal<HashMap<Product, String>>,
    pub toasts: Toasts,
    pub pending: RwSignal<Option<Pending>>,
    /// Bumped after every applied change: pages reload what they show.
    pub refresh: RwSignal<u32>,
    /// The product the Bulk changes page works on.
    pub bulk_product: RwSignal<Product>,
    /// The product the Inventory page shows.
    pub inventory_product: RwSignal<Product>,
    /// Every crawl this session knows of, as last polled by the frame (`None` until the first
    /// answer); pages that show a crawl reload when it changes.
    pub crawls: RwSignal<Option<InventoryStatus>>,
    /// Bumped to make the frame poll the crawls now (after Start, Resume or Cancel).
    pub crawl_poke: RwSignal<u32>,
    /// Targets an inventory answer hands to the Bulk changes page, which takes them once.
    pub bulk_handoff: RwSignal<Option<Handoff>>,
    /// The UI's language: the one the user picked, else the system's; English while another
    /// one's catalogue could not be loaded.
    pub lang: RwSignal<Lang>,
    /// Whether the language at start is settled, its catalogue loaded (`Ctx::start`); the
    /// frame waits for it.
    pub lang_ready: RwSignal<LangStart>,
    /// The language picked last in the menu: a catalogue answered after a newer pick is kept
    /// but not spoken.
    pub lang_picked: StoredValue<Option<Lang>>,
}

impl Ctx {
    /// The context at start: the Auth0 page, nothing chosen, the app info still loading.
    pub fn new() -> Self {
        Self {
            info: RwSignal::new(Loaded::Loading),
            page: RwSignal::new(Page::Auth0),
            chosen: RwSignal::new(HashMap::new()),
            toasts: Toasts::new(),
            pending: RwSignal::new(None),
            refresh: RwSignal::new(0),
            bulk_product: RwSignal::new(Product::Auth0),
            inventory_product: RwSignal::new(Product::Auth0),
            crawls: RwSignal::new(None),
            crawl_poke: RwSignal::new(0),
            bulk_handoff: RwSignal::new(None),
            lang: RwSignal::new(Lang::En),
            lang_ready: RwSignal::new(LangStart::Settling),
            lang_picked: StoredValue::new(None),
        }
    }

    /// Reads the app's info again (after a profile was added, changed or removed).
    pub fn reload_info(&self) {
        let info = self.info;
        leptos::task::spawn_local(async move {
            info.set(match backend::app_info().await {
                Ok(answer) => Loaded::Ready(answer),
                Err(err) => Loaded::Failed(err),
            });
        });
    }

    pub fn profiles(&self) -> Vec<Profile> {
        match self.info.get() {
            Loaded::Ready(i) => i.profiles,
            _ => Vec::new(),
        }
    }

    /// The profile in use for `product`: the one chosen, else the first of that product.
    pub fn profile_for(&self, product: Product) -> Option<Profile> {
        let all = self.profiles();
        let chosen = self.chosen.with(|c| c.get(&product).cloned());
        chosen
            .and_then(|id| {
                all.iter()
                    .find(|p| p.id == id && p.product == product)
                    .cloned()
            })
            .or_else(|| all.into_iter().find(|p| p.product == product))
    }

    /// Opens the preview of `change` on `profile_id`.
    pub fn propose(&self, profile_id: String, change: Change) {
        self.pending.set(Some(Pending { profile_id, change }));
    }
}

impl Default for Ctx {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_ctx() -> Ctx {
    // Provided by `App` before any page renders: a missing context is a programming error.
    use_context::<Ctx>().unwrap_or_else(|| panic!("Ctx is provided by App"))
}
