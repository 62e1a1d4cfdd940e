//! Profiles: the tenants and instances Lanyard administers; add, edit, test, remove.

use lanyard_model::profile::{AuthMethod, Environment, Product, ProfileDraft, SecretInput};
use lanyard_model::{CommandError, FieldErrors, Profile};
use leptos::prelude::*;

use crate::backend;
use crate::components::field::TextField;
use crate::components::modal::ConfirmDialog;
use crate::context::use_ctx;
use crate::i18n::error_text;
use crate::load::Loaded;
use crate::nav::Page;
use crate::tr;

fn messages(errors: RwSignal<FieldErrors>, field: &'static str) -> Signal<Vec<String>> {
    Signal::derive(move || errors.with(|e| crate::i18n::field_problems(e.get(field))))
}

#[component]
pub fn ProfilesPage() -> impl IntoView {
    let ctx = use_ctx();
    let to_remove = RwSignal::new(None::<Profile>);
    let editing = RwSignal::new(None::<Profile>);
    let confirm_open = RwSignal::new(false);
    let tests = RwSignal::new(std::collections::HashMap::<String, (bool, String)>::new());

    let remove = Callback::new(move |_| {
        let Some(p) = to_remove.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            match backend::profile_remove(&p.id).await {
                Ok(()) => {
                    ctx.toasts
                        .success(tr!("profiles-removed", name = p.display_name.clone()));
                    ctx.reload_info();
                }
                Err(err) => ctx.toasts.error(error_text(&err)),
            }
            confirm_open.set(false);
        });
    });

    let test = move |id: String| {
        tests.update(|t| {
            t.insert(id.clone(), (true, tr!("profiles-testing")));
        });
        leptos::task::spawn_local(async move {
            let result = match backend::profile_test(&id).await {
                Ok(r) => (
                    r.ok,
                    if r.missing.is_empty() {
                        r.message
                    } else {
                        tr!(
                            "profiles-test-missing",
                            message = r.message,
                            missing = r.missing.join(", ")
                        )
                    },
                ),
                Err(err) => (false, error_text(&err)),
            };
            tests.update(|t| {
                t.insert(id, result);
            });
        });
    };

    view! {
        <section class="page" aria-labelledby="page-title">
            {super::header(Page::Profiles)}
            {move || match ctx.info.get() {
                Loaded::Loading => view! { <p class="muted" role="status">{tr!("profiles-loading")}</p> }.into_any(),
                Loaded::Failed(err) => view! { <p class="error" role="alert">{error_text(&err)}</p> }.into_any(),
                Loaded::Ready(info) => {
                    let has_sandbox = info.profiles.iter().any(|p| p.builtin);
                    view! {
                        {info.settings_set_aside.clone().map(|path| view! {
                            <p class="error" role="alert">{tr!("profiles-settings-set-aside", path = path.clone())}</p>
                        })}
                        <table class="data" data-testid="profiles-table">
                            <caption class="sr-only">{tr!("page-profiles")}</caption>
                            <thead><tr><th scope="col">{tr!("col-name")}</th><th scope="col">{tr!("product-tabs")}</th><th scope="col">{tr!("profiles-address")}</th><th scope="col">{tr!("profiles-environment")}</th><th scope="col">{tr!("enable-connection")}</th><th scope="col"><span class="sr-only">{tr!("conn-actions")}</span></th></tr></thead>
                            <tbody>
                                {info.profiles.iter().map(|p| {
                                    let id = p.id.clone();
                                    let id_for_test = p.id.clone();
                                    let removable = !p.builtin;
                                    let p2 = p.clone();
                                    let p3 = p.clone();
                                    view! {
                                        <tr data-profile=p.id.clone()>
                                            <td>{p.display_name.clone()}</td>
                                            <td>{p.product.label()}</td>
                                            <td class="mono">{p.base_url.clone()}</td>
                                            <td>{env_badge(p.environment)}</td>
                                            <td class="test-result" data-testid="test-result">
                                                {move || tests.with(|t| t.get(&id).cloned()).map(|(ok, msg)| view! {
                                                    <span class=if ok { "badge badge-ok" } else { "field-error" }>{msg}</span>
                                                })}
                                            </td>
                                            <td class="actions">
                                                <button type="button" class="btn btn-small" data-action="test" on:click=move |_| test(id_for_test.clone())>{tr!("profiles-test")}</button>
                                                {removable.then(|| view! {
                                                    <button type="button" class="btn btn-small" data-action="edit" on:click=move |_| editing.set(Some(p3.clone()))>{tr!("conn-edit")}</button>
                                                    <button type="button" class="btn btn-small" data-action="remove" on:click=move |_| {
                                                        to_remove.set(Some(p2.clone()));
                                                        confirm_open.set(true);
                                                    }>{tr!("conn-remove")}</button>
                                                })}
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        {if has_sandbox {
                            view! {
                                <label class="check-label hide-sandbox">
                                    <input type="checkbox" id="hide-sandbox" on:change=move |ev| {
                                        let hide = event_target_checked(&ev);
                                        leptos::task::spawn_local(async move {
                                            match backend::profiles_hide_sandbox(hide).await {
                                                Ok(()) => ctx.reload_info(),
                                                Err(err) => ctx.toasts.error(error_text(&err)),
                                            }
                                        });
                                    } />
                                    <span>{tr!("profiles-hide-sandbox")}</span>
                                </label>
                            }.into_any()
                        } else {
                            view! { <TrySandbox /> }.into_any()
                        }}
                    }.into_any()
                }
            }}
            <ProfileForm editing=editing />
            <ConfirmDialog
                open=confirm_open
                title=Signal::derive(move || tr!("profiles-remove-title", name = to_remove.get().map(|p| p.display_name).unwrap_or_default()))
                confirm_label=Signal::derive(|| tr!("conn-remove"))
                danger=true
                on_confirm=remove
            >
                <p>{tr!("profiles-remove-body")}</p>
            </ConfirmDialog>
        </section>
    }
}

/// "Try the sandbox": starts the built-in stand-ins for this session and lists their profiles.
#[component]
fn TrySandbox() -> impl IntoView {
    let ctx = use_ctx();
    let busy = RwSignal::new(false);
    let start = move |_| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            match backend::profiles_try_sandbox().await {
                Ok(()) => {
                    ctx.toasts.success(tr!("profiles-sandbox-started"));
                    ctx.reload_info();
                }
                Err(err) => ctx.toasts.error(error_text(&err)),
            }
            busy.set(false);
        });
    };
    view! {
        <p class="hide-sandbox">
            <button type="button" class="btn" id="try-sandbox" disabled=move || busy.get() on:click=start>
                {tr!("profiles-try-sandbox")}
            </button>
            " "
            <span class="muted">{tr!("profiles-sandbox-hint")}</span>
        </p>
    }
}

fn env_badge(env: Environment) -> impl IntoView {
    let class = match env {
        Environment::Production => "badge badge-prod",
        Environment::Sandbox => "badge badge-sandbox",
        _ => "badge",
    };
    view! { <span class=class>{crate::i18n::words::environment(env)}</span> }
}

/// Adds a profile, or edits the one in `editing` (an empty secret keeps the stored one).
#[component]
fn ProfileForm(editing: RwSignal<Option<Profile>>) -> impl IntoView {
    let ctx = use_ctx();
    let product = RwSignal::new(Product::Auth0);
    let name = RwSignal::new(String::new());
    let address = RwSignal::new(String::new());
    let client_id = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let environment = RwSignal::new(Environment::Production);
    let touched = RwSignal::new(false);
    let server_errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let edit_id = move || editing.with(|e| e.as_ref().map(|p| p.id.clone()));
    // The form's rules: adding needs a secret; editing needs a new one when the address,
    // product or sign-in method changes (the stored secret never goes to another host).
    let check = |d: &ProfileDraft, existing: Option<Profile>| match existing {
        Some(existing) => d.validate_edit(&existing),
        None => d.validate(true),
    };

    // Editing fills the form with the profile as saved; the secret stays in the keychain.
    Effect::new(move |_| {
        let Some(p) = editing.get() else { return };
        product.set(p.product);
        name.set(p.display_name.clone());
        address.set(p.base_url.clone());
        client_id.set(match &p.auth {
            AuthMethod::Auth0ClientCredentials { client_id } => client_id.clone(),
            AuthMethod::HubClientCredentials { service_id, .. } => service_id.clone(),
            _ => String::new(),
        });
        secret.set(String::new());
        environment.set(p.environment);
        touched.set(false);
        server_errors.set(FieldErrors::new());
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("display_name"))
            .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok())
        {
            let _ = el.focus();
        }
    });
    let clear = move || {
        name.set(String::new());
        address.set(String::new());
        client_id.set(String::new());
        secret.set(String::new());
        touched.set(false);
        server_errors.set(FieldErrors::new());
        editing.set(None);
    };

    let draft = move || ProfileDraft {
        product: product.get(),
        display_name: name.get(),
        address: address.get(),
        client_id: client_id.get(),
        scope: String::new(),
        use_token: true,
        environment: environment.get(),
        secret: SecretInput(secret.get()),
    };
    // Field errors as the user types (after the first submit attempt or once a field has text).
    let errors = RwSignal::new(FieldErrors::new());
    Effect::new(move |_| {
        let mut e = if touched.get() {
            check(&draft(), editing.get())
        } else {
            FieldErrors::new()
        };
        e.merge(server_errors.get());
        errors.set(e);
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        touched.set(true);
        server_errors.set(FieldErrors::new());
        let d = draft();
        let id = edit_id();
        if !check(&d, editing.get_untracked()).is_empty() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = match &id {
                Some(id) => backend::profile_edit(id, &d).await,
                None => backend::profile_add(&d).await,
            };
            match result {
                Ok(p) => {
                    ctx.toasts.success(if id.is_some() {
                        tr!("profiles-saved", name = p.display_name.clone())
                    } else {
                        tr!("profiles-added", name = p.display_name.clone())
                    });
                    clear();
                    ctx.reload_info();
                }
                // Nothing typed is lost: the form keeps its values and shows where it went wrong.
                Err(CommandError::Validation { fields, .. }) => server_errors.set(fields),
                Err(err) => ctx.toasts.error(error_text(&err)),
            }
            busy.set(false);
        });
    };

    view! {
        <form class="card add-profile" on:submit=submit novalidate=true aria-labelledby="add-profile-title">
            <h2 id="add-profile-title">{move || match editing.get() {
                Some(p) => tr!("profiles-edit-title", name = p.display_name),
                None => tr!("profiles-add-title"),
            }}</h2>
            <div class="field">
                <label for="product">{tr!("product-tabs")}</label>
                <select id="product" disabled=move || editing.with(Option::is_some) on:change=move |ev| product.set(match event_target_value(&ev).as_str() {
                    "zitadel" => Product::Zitadel,
                    "hub" => Product::Hub,
                    _ => Product::Auth0,
                })>
                    <option value="auth0" selected=move || product.get() == Product::Auth0>"Auth0"</option>
                    <option value="zitadel" selected=move || product.get() == Product::Zitadel>"ZITADEL"</option>
                    <option value="hub" selected=move || product.get() == Product::Hub>"JetBrains Hub"</option>
                </select>
            </div>
            <TextField id="display_name" label=tr!("col-name") value=name errors=messages(errors, "display_name") placeholder=tr!("profiles-name-placeholder") />
            <TextField id="address" label=tr!("profiles-address") value=address errors=messages(errors, "address")
                hint=tr!("profiles-address-hint") />
            <Show when=move || product.get() == Product::Auth0>
                <TextField id="client_id" label=tr!("profiles-client-id") value=client_id errors=messages(errors, "client_id") />
            </Show>
            <TextField id="secret" label=move_label(product) value=secret errors=messages(errors, "secret") input_type="password"
                hint=tr!("profiles-secret-hint") />
            <div class="field">
                <label for="environment">{tr!("profiles-environment")}</label>
                <select id="environment" on:change=move |ev| environment.set(match event_target_value(&ev).as_str() {
                    "staging" => Environment::Staging,
                    "development" => Environment::Development,
                    _ => Environment::Production,
                })>
                    <option value="production" selected=move || environment.get() == Environment::Production>{tr!("profiles-env-production")}</option>
                    <option value="staging" selected=move || environment.get() == Environment::Staging>{tr!("env-staging")}</option>
                    <option value="development" selected=move || environment.get() == Environment::Development>{tr!("env-development")}</option>
                </select>
            </div>
            <div class="form-actions">
                <button type="submit" class="btn btn-primary" id="add-profile" disabled=move || busy.get()>
                    {move || match (busy.get(), editing.with(Option::is_some)) {
                        (true, _) => tr!("profiles-saving"),
                        (false, true) => tr!("profiles-save-changes"),
                        (false, false) => tr!("profiles-add"),
                    }}
                </button>
                <Show when=move || editing.with(Option::is_some)>
                    <button type="button" class="btn" id="cancel-edit" on:click=move |_| clear()>{tr!("action-cancel")}</button>
                </Show>
            </div>
        </form>
    }
}

fn move_label(product: RwSignal<Product>) -> String {
    // The label is fixed text; the hint under it explains per product.
    let _ = product;
    tr!("profiles-secret")
}
