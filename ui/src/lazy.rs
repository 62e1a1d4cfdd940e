//! Parts of the window loaded when first needed. Each function marked `wasm_split` (the pages
//! in `pages/chunks.rs`, the change and update dialogs, the Auth0 page's History tab, the top
//! bar's crawl line, the reader of a command's error in `backend::invoke` and the wording of
//! errors in `i18n::errors`) is a split point: `xtask/wasm-split` cuts what only it reaches into
//! a chunk of its own (code several of them share into a shared chunk), so the start downloads
//! and compiles the frame and the first page's Connections tab only. On native builds (the unit
//! tests) they are plain calls.

use std::future::Future;

use futures::future::join;
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

use crate::tr;

/// A chunk could not be fetched or instantiated; the webview's console has the detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkMissing;

impl From<SplitLoaderError> for ChunkMissing {
    fn from(_: SplitLoaderError) -> Self {
        ChunkMissing
    }
}

/// A part's view, once its chunk is in.
pub type Arrived = Result<AnyView, ChunkMissing>;

/// What is shown while a chunk is on its way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Waiting {
    /// A page: a "Loading the page" line.
    Page,
    /// A dialog: nothing (it opens as soon as its chunk is in).
    Quiet,
}

/// The part `arriving` will give, once its chunk is in (a chunk is fetched once): until then
/// what `waiting` says; if it cannot be loaded, why and what to do.
pub fn show(arriving: impl Future<Output = Arrived> + 'static, waiting: Waiting) -> AnyView {
    // A part may show stored errors (a run's, an audit entry's): their wording is in with it.
    let arriving = async move { join(arriving, crate::i18n::words_ready()).await.0 };
    // The webview is single-threaded; Suspend asks for Send because server rendering is not.
    let arriving = send_wrapper::SendWrapper::new(arriving);
    let fallback = move || {
        (waiting == Waiting::Page).then(|| {
            view! { <p class="muted page-loading" role="status" data-testid="page-loading">{tr!("page-loading")}</p> }
        })
    };
    view! {
        <Suspense fallback=fallback>
            {Suspend::new(async move {
                match arriving.await {
                    Ok(part) => part,
                    Err(ChunkMissing) => view! {
                        <div class="empty-state" role="alert" data-testid="part-missing">
                            <p>{tr!("part-missing")}</p>
                            <p class="muted">{tr!("part-missing-hint")}</p>
                        </div>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
