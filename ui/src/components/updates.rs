//! "Check for updates", beside the version in the top bar: a dialog that asks the update server
//! (through the `update_check` command), says that updates are off and how to turn them on, that
//! Lanyard is up to date, or which version is offered with its notes; "Download and install"
//! asks once more, then shows the download's progress, the signature check and the install, or
//! why it stopped. The release notes are shown as plain text, never as markup.

use lanyard_model::CommandError;
use lanyard_model::ipc::{self, NoArgs, UpdateInstallArgs};
use lanyard_model::update::{
    ENDPOINT_SETTING, PUBKEY_SETTING, UpdateCheck, UpdateOffer, UpdateProgress,
};
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::backend::invoke;
use crate::components::modal::Modal;
use crate::lazy::{self, Arrived, Waiting};
use crate::time::sleep;
use crate::tr;

/// Every word this component shows, in one place (the texts are the catalogue's).
mod words {
    use crate::tr;

    pub fn up_to_date(current: &str) -> String {
        tr!("update-up-to-date", current = current)
    }
    pub fn available(version: &str, current: &str) -> String {
        tr!("update-available", version = version, current = current)
    }
    pub fn published(date: &str) -> String {
        tr!("update-published", date = date.get(..10).unwrap_or(date))
    }
    pub fn confirm(version: &str, host: &str) -> String {
        tr!("update-confirm", version = version, host = host)
    }
    pub fn install(version: &str) -> String {
        tr!("update-install", version = version)
    }
    pub fn downloading(received: u64, total: Option<u64>) -> String {
        match total {
            Some(total) => tr!(
                "update-downloading-of",
                received = mib(received),
                total = mib(total)
            ),
            None => tr!("update-downloading", received = mib(received)),
        }
    }
    pub fn installing(version: &str) -> String {
        tr!("update-installing", version = version)
    }
    pub fn installed(version: &str) -> String {
        tr!("update-installed", version = version)
    }
    pub fn unreachable(err: &str) -> String {
        tr!("update-unreachable", cause = err)
    }
    fn mib(bytes: u64) -> String {
        format!("{:.1}", bytes as f64 / (1024.0 * 1024.0))
    }
}

/// How often the progress is read while a download or install runs (milliseconds).
const POLL_MS: i32 = 400;

/// What the dialog shows.
#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Checking,
    Checked(UpdateCheck),
    Confirming(UpdateOffer),
    Progress(UpdateProgress),
    /// The command itself failed (the bridge), not the update server.
    CallFailed(CommandError),
}

/// The button; the dialog's code is a chunk of its own (`crate::lazy`), loaded on the first
/// click. Each opening looks again.
#[component]
pub fn UpdatesButton() -> impl IntoView {
    let open = RwSignal::new(false);
    let opened = RwSignal::new(false);
    view! {
        <button type="button" class="btn btn-link btn-small" data-testid="update-check"
            on:click=move |_| {
                opened.set(true);
                open.set(true);
            }>
            {tr!("update-button")}
        </button>
        {move || opened.get().then(|| lazy::show(dialog_chunk(open), Waiting::Quiet))}
    }
}

#[wasm_split(updates_dialog, wasm_split_path = ::leptos::wasm_split, fallible)]
fn dialog_chunk(open: RwSignal<bool>) -> Arrived {
    Ok(view! { <Dialog open=open /> }.into_any())
}

#[component]
fn Dialog(open: RwSignal<bool>) -> impl IntoView {
    let stage = RwSignal::new(Stage::Checking);
    Effect::new(move |_| {
        if open.get() {
            leptos::task::spawn_local(look(stage));
        }
    });
    view! {
        <Modal open=open on_close=Callback::new(move |_| open.set(false)) labelled_by="update-title" testid="update-dialog">
            <h2 id="update-title">{tr!("update-title")}</h2>
            <div class="modal-body" data-testid="update-status" aria-live="polite">
                {move || body(stage)}
            </div>
            <div class="modal-actions">{move || actions(stage, open)}</div>
        </Modal>
    }
}

/// A download under way (or ended) since the last look is shown first; otherwise, a check.
async fn look(stage: RwSignal<Stage>) {
    match invoke::<ipc::UpdateProgress>(&NoArgs {}).await {
        Ok(progress)
            if progress.is_running() || matches!(progress, UpdateProgress::Installed { .. }) =>
        {
            stage.set(Stage::Progress(progress));
            follow(stage).await;
        }
        _ => check(stage).await,
    }
}

async fn check(stage: RwSignal<Stage>) {
    stage.set(Stage::Checking);
    stage.set(match invoke::<ipc::UpdateCheck>(&NoArgs {}).await {
        Ok(found) => Stage::Checked(found),
        Err(err) => Stage::CallFailed(err),
    });
}

async fn install(stage: RwSignal<Stage>, version: String) {
    match invoke::<ipc::UpdateInstall>(&UpdateInstallArgs { version }).await {
        Ok(progress) => {
            stage.set(Stage::Progress(progress));
            follow(stage).await;
        }
        Err(err) => stage.set(Stage::CallFailed(err)),
    }
}

/// Reads the progress until the download and install end.
async fn follow(stage: RwSignal<Stage>) {
    while matches!(stage.get_untracked(), Stage::Progress(p) if p.is_running()) {
        sleep(POLL_MS).await;
        match invoke::<ipc::UpdateProgress>(&NoArgs {}).await {
            Ok(progress) => stage.set(Stage::Progress(progress)),
            Err(err) => stage.set(Stage::CallFailed(err)),
        }
    }
}

fn body(stage: RwSignal<Stage>) -> AnyView {
    match stage.get() {
        Stage::Checking => view! { <p class="muted">{tr!("update-checking")}</p> }.into_any(),
        Stage::Checked(UpdateCheck::NotConfigured) => {
            view! { <p>{tr!("update-off", endpoint = ENDPOINT_SETTING, pubkey = PUBKEY_SETTING)}</p> }.into_any()
        }
        Stage::Checked(UpdateCheck::UpToDate { current }) => {
            view! { <p>{words::up_to_date(&current)}</p> }.into_any()
        }
        Stage::Checked(UpdateCheck::Available(offer)) => offer_view(&offer).into_any(),
        Stage::Checked(UpdateCheck::Failed { problem }) => failure(problem.to_string()),
        Stage::Confirming(offer) => {
            view! { <p>{words::confirm(&offer.version, &offer.download_host)}</p> }.into_any()
        }
        Stage::Progress(progress) => progress_view(&progress),
        Stage::CallFailed(err) => failure(words::unreachable(&crate::i18n::error_text(&err))),
    }
}

fn offer_view(offer: &UpdateOffer) -> impl IntoView + use<> {
    let notes = offer.notes.clone().map(|notes| {
        view! {
            <h3>{tr!("update-notes")}</h3>
            <pre class="update-notes" data-testid="update-notes">{notes}</pre>
        }
    });
    view! {
        <p>{words::available(&offer.version, &offer.current)}</p>
        {offer.published.as_deref().map(words::published).map(|p| view! { <p class="muted">{p}</p> })}
        {notes}
    }
}

fn progress_view(progress: &UpdateProgress) -> AnyView {
    match progress {
        UpdateProgress::Downloading {
            received_bytes,
            total_bytes,
            ..
        } => {
            let percent = total_bytes
                .filter(|t| *t > 0)
                .map(|t| (*received_bytes as f64 / t as f64 * 100.0).clamp(0.0, 100.0))
                .unwrap_or(0.0);
            view! {
                <p>{words::downloading(*received_bytes, *total_bytes)}</p>
                <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent.round().to_string()>
                    <div class="progress-bar" style:width=format!("{percent:.0}%")></div>
                </div>
            }
            .into_any()
        }
        UpdateProgress::Verifying { .. } => view! { <p>{tr!("update-verifying")}</p> }.into_any(),
        UpdateProgress::Installing { version } => {
            view! { <p>{words::installing(version)}</p> }.into_any()
        }
        UpdateProgress::Installed { version } => {
            view! { <p class="notice notice-ok">{words::installed(version)}</p> }.into_any()
        }
        UpdateProgress::Failed { problem } => failure(problem.to_string()),
        UpdateProgress::Idle => view! { <p class="muted">{tr!("update-checking")}</p> }.into_any(),
    }
}

fn failure(text: String) -> AnyView {
    view! { <p class="error" role="alert">{text}</p> }.into_any()
}

fn actions(stage: RwSignal<Stage>, open: RwSignal<bool>) -> AnyView {
    let close = view! {
        <button type="button" class="btn" on:click=move |_| open.set(false)>{tr!("toast-close")}</button>
    };
    let again = move || {
        view! {
            <button type="button" class="btn" data-testid="update-check-again" on:click=move |_| leptos::task::spawn_local(check(stage))>
                {tr!("update-check-again")}
            </button>
        }
    };
    match stage.get() {
        Stage::Checked(UpdateCheck::Available(offer)) => {
            let confirming = offer.clone();
            view! {
                {close}
                <button type="button" class="btn btn-primary" data-testid="update-install" on:click=move |_| stage.set(Stage::Confirming(confirming.clone()))>
                    {tr!("update-download")}
                </button>
            }
            .into_any()
        }
        Stage::Confirming(offer) => {
            let back = offer.clone();
            let version = offer.version.clone();
            view! {
                <button type="button" class="btn" on:click=move |_| stage.set(Stage::Checked(UpdateCheck::Available(back.clone())))>
                    {tr!("action-cancel")}
                </button>
                <button type="button" class="btn btn-primary" data-testid="update-confirm" on:click=move |_| leptos::task::spawn_local(install(stage, version.clone()))>
                    {words::install(&offer.version)}
                </button>
            }
            .into_any()
        }
        Stage::Checking => close.into_any(),
        Stage::Progress(p) if p.is_running() => close.into_any(),
        _ => view! { {close} {again()} }.into_any(),
    }
}
