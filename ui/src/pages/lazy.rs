//! The pages loaded when they are first opened. Each function here is a split point:
//! `xtask/wasm-split` cuts what only it reaches into a chunk of its own (code two pages share
//! into a shared chunk), so the start downloads and compiles the frame and the first page
//! (Auth0) only. On native builds (the unit tests) they are plain calls.

use std::future::Future;

use leptos::prelude::*;
use leptos::wasm_split::{SplitLoaderError, wasm_split};

use crate::tr;

/// A page's chunk could not be fetched or instantiated; the webview's console has the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

impl From<SplitLoaderError> for ChunkMissing {
    fn from(_: SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// A page's view, once its chunk is in.
pub type Arrived = Result<AnyView, ChunkMissing>;

#[wasm_split(zitadel, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn zitadel(profile_id: String) -> Arrived {
    Ok(view! { <super::zitadel::Policy profile_id=profile_id /> }.into_any())
}

#[wasm_split(hub, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn hub(profile_id: String) -> Arrived {
    Ok(view! { <super::hub::Modules profile_id=profile_id /> }.into_any())
}

#[wasm_split(inventory, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn inventory() -> Arrived {
    Ok(view! { <super::inventory::InventoryPage /> }.into_any())
}

#[wasm_split(bulk, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn bulk() -> Arrived {
    Ok(view! { <super::bulk::BulkPage /> }.into_any())
}

#[wasm_split(make_like, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn make_like() -> Arrived {
    Ok(view! { <super::bulk::MakeLikePage /> }.into_any())
}

#[wasm_split(compare, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn compare() -> Arrived {
    Ok(view! { <super::bulk::ComparePage /> }.into_any())
}

#[wasm_split(activity, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn activity() -> Arrived {
    Ok(view! { <super::activity::ActivityPage /> }.into_any())
}

#[wasm_split(profiles, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn profiles() -> Arrived {
    Ok(view! { <super::profiles::ProfilesPage /> }.into_any())
}

/// The page `arriving` will give: a "Loading" line until its chunk is in (a first visit
/// only; a chunk is fetched once), or why it cannot be shown and what to do.
pub fn show(arriving: impl Future<Output = Arrived> + 'static) -> AnyView {
    // The webview is single-threaded; Suspend asks for Send because server rendering is not.
    let arriving = send_wrapper::SendWrapper::new(arriving);
    view! {
        <Suspense fallback=|| view! {
            <p class="muted" role="status" data-testid="page-loading">{tr!("page-loading")}</p>
        }>
            {Suspend::new(async move {
                match arriving.await {
                    Ok(page) => page,
                    Err(ChunkMissing) => view! {
                        <div class="empty-state" role="alert" data-testid="page-missing">
                            <p>{tr!("page-missing")}</p>
                            <p class="muted">{tr!("page-missing-hint")}</p>
                        </div>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
