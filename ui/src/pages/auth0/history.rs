//! Who changed an organization: the tenant's own log entries for its connections (a Dashboard
//! admin or an application, when, what) beside Lanyard's audit entries for it, merged newest
//! first and labelled by source. Logs the profile cannot read (a missing `read:logs`) are a
//! note naming the scope and how to grant it, with Lanyard's own entries still listed.

use lanyard_model::audit::{AuditEntry, Outcome};
use lanyard_model::history::{Actor, OrganizationHistory, TenantChange};
use lanyard_model::ids::OrganizationId;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;

use crate::backend;
use crate::components::enable_options::Connections;
use crate::components::picker::PickerOption;
use crate::context::use_ctx;
use crate::i18n::records::{audit_note, audit_target};
use crate::i18n::words::{audit_operation, audit_outcome};
use crate::lazy::Arrived;
use crate::load::use_load;
use crate::time::ago;
use crate::tr;

/// One line of the history, from either source.
#[derive(Debug, Clone, PartialEq)]
enum Row {
    Tenant(TenantChange),
    Lanyard(AuditEntry),
}

impl Row {
    fn time(&self) -> &str {
        match self {
            Row::Tenant(t) => &t.date,
            Row::Lanyard(e) => &e.time,
        }
    }
}

/// Both sources in one list, newest first. Both write RFC 3339 in UTC, with or without
/// fractions of a second: compared on the whole seconds first, then on the rest.
fn merged(history: &OrganizationHistory) -> Vec<Row> {
    let mut rows: Vec<Row> = history
        .tenant
        .iter()
        .cloned()
        .map(Row::Tenant)
        .chain(history.lanyard.iter().cloned().map(Row::Lanyard))
        .collect();
    rows.sort_by(|a, b| time_key(b.time()).cmp(&time_key(a.time())));
    rows
}

fn time_key(t: &str) -> (&str, &str) {
    match t.get(..19) {
        Some(seconds) => (seconds, &t[19..]),
        None => (t, ""),
    }
}

/// "2026-11-27 10:00 UTC" from an RFC 3339 time in UTC.
fn when(t: &str) -> String {
    let minutes = t.get(..16).unwrap_or(t).replace('T', " ");
    if t.ends_with('Z') {
        format!("{minutes} UTC")
    } else {
        minutes
    }
}

/// "3 days ago", when the browser can read the time.
fn how_long_ago(t: &str) -> Option<String> {
    let ms = js_sys::Date::parse(t);
    ms.is_finite().then(|| ago(ms as i64))
}

/// The History tab as a chunk (`crate::lazy`), loaded when the tab is first opened: reading
/// audit entries takes every outcome's and error's decoder, which the connections tab does
/// not need.
#[wasm_split(auth0_history, wasm_split_path = ::leptos::wasm_split, fallible)]
pub(super) fn history_chunk(
    profile_id: String,
    org: PickerOption<OrganizationId>,
    connections: Connections,
) -> Arrived {
    Ok(view! { <OrgHistory profile_id=profile_id org=org connections=connections /> }.into_any())
}

/// The organization's history as a table, loaded when shown and again after a change.
#[component]
fn OrgHistory(
    profile_id: String,
    org: PickerOption<OrganizationId>,
    connections: Connections,
) -> impl IntoView {
    let ctx = use_ctx();
    let pid = StoredValue::new(profile_id);
    let org = StoredValue::new(org);
    let data = use_load(move || {
        ctx.refresh.track();
        let (p, o) = (pid.get_value(), org.get_value().value);
        async move { backend::auth0_history(&p, &o).await }
    });
    // A connection's name for its id, when the tenant's connections are loaded.
    let connection_name = move |id: &str| {
        connections.with_value(|cs| {
            cs.and_then(|cs| {
                cs.iter()
                    .find(|c| c.id.as_str() == id)
                    .map(|c| c.name.clone())
            })
        })
    };
    view! {
        <section class="history" aria-labelledby="history-title" data-testid="org-history">
            <h2 id="history-title" class="sr-only">{move || tr!("history-of", org = org.with_value(|o| o.label.clone()))}</h2>
            {data.view(tr!("what-org-history"), move |h: OrganizationHistory| {
                let rows = merged(&h);
                view! {
                    {match h.tenant_unavailable.clone() {
                        Some(why) => view! {
                            <div class="notice history-unavailable" role="note" data-testid="history-tenant-unavailable">
                                <strong>{tr!("history-only-lanyard")}" "</strong>{scope_named(&why)}
                            </div>
                        }.into_any(),
                        None => view! { <p class="muted small" id="history-coverage">{h.coverage.clone()}</p> }.into_any(),
                    }}
                    {if rows.is_empty() {
                        let none = if h.tenant_unavailable.is_some() {
                            tr!("history-none-lanyard")
                        } else {
                            tr!("history-none")
                        };
                        view! { <div class="empty-state"><p>{none}</p></div> }.into_any()
                    } else {
                        view! {
                            <table class="data history" data-testid="history">
                                <caption class="sr-only">{tr!("conn-tab-history")}</caption>
                                <thead><tr><th scope="col">{tr!("history-when")}</th><th scope="col">{tr!("history-source")}</th><th scope="col">{tr!("history-who")}</th><th scope="col">{tr!("history-what")}</th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|r| row(r, connection_name)).collect_view()}
                                </tbody>
                            </table>
                        }.into_any()
                    }}
                }.into_any()
            })}
        </section>
    }
}

fn row(r: Row, connection_name: impl Fn(&str) -> Option<String>) -> impl IntoView {
    let time = r.time().to_owned();
    let when_cell = view! {
        <td class="nowrap"><span class="mono">{when(&time)}</span>
            {how_long_ago(&time).map(|a| view! { <div class="muted small">{a}</div> })}</td>
    };
    match r {
        Row::Tenant(t) => {
            let who = match &t.who {
                Actor::DashboardUser {
                    email,
                    name,
                    user_id,
                } => {
                    let main = name
                        .clone()
                        .or_else(|| email.clone())
                        .unwrap_or_else(|| tr!("history-an-admin"));
                    let detail = if name.is_some() {
                        email.clone()
                    } else {
                        user_id.clone()
                    };
                    who_cell(tr!("history-dashboard-admin"), main, detail)
                }
                Actor::Client {
                    client_id,
                    client_name,
                } => who_cell(
                    tr!("history-application"),
                    client_name
                        .clone()
                        .unwrap_or_else(|| tr!("history-an-application")),
                    Some(client_id.clone()),
                ),
            };
            let connection = t.connection_id.as_deref().map(|id| {
                connection_name(id).map_or_else(|| id.to_owned(), |n| format!("{n} ({id})"))
            });
            view! {
                <tr data-source="tenant" data-log-id=t.log_id.clone()>
                    {when_cell}
                    <td><span class="badge badge-source-tenant" title=tr!("history-tenant-log-title")>{tr!("history-tenant-log")}</span></td>
                    {who}
                    <td>{t.what.clone()}
                        {connection.map(|c| view! { <div>{tr!("history-connection", connection = c)}</div> })}
                        <div class="muted small mono request">{t.request.clone()}</div></td>
                </tr>
            }
            .into_any()
        }
        Row::Lanyard(e) => {
            let item = e
                .targets
                .iter()
                .find(|t| t.kind == "item")
                .map(audit_target);
            let ok = e.outcome == Outcome::Success;
            view! {
                <tr data-source="lanyard">
                    {when_cell}
                    <td><span class="badge badge-source-lanyard" title=tr!("history-lanyard-log-title")>"Lanyard"</span></td>
                    {who_cell(tr!("history-lanyard-user"), lanyard_user(&e.who), Some(tr!("history-profile", profile = e.profile_name.clone())))}
                    <td>{audit_operation(&e.operation)}{item.map(|i| format!(": {i}"))}" "
                        <span class=if ok { "badge badge-ok" } else { "badge badge-prod" }>{audit_outcome(e.outcome)}</span>
                        {e.message.as_ref().map(|m| view! { <div class="muted small">{audit_note(m)}</div> })}</td>
                </tr>
            }
            .into_any()
        }
    }
}

/// Who, under the kind of actor, with a muted line (an email, an id, the profile).
fn who_cell(kind: String, main: String, detail: Option<String>) -> impl IntoView {
    view! {
        <td><div class="small muted">{kind}</div>{main}
            {detail.map(|d| view! { <div class="muted small mono">{d}</div> })}</td>
    }
}

/// The OS user Lanyard ran as, or words when it could not tell.
fn lanyard_user(who: &str) -> String {
    match who.trim() {
        "" | "unknown" => tr!("history-someone-here"),
        name => name.to_owned(),
    }
}

/// The note with each `read:logs` as code, so that the scope stands out.
fn scope_named(text: &str) -> impl IntoView + use<> {
    const SCOPE: &str = "read:logs";
    let parts: Vec<String> = text.split(SCOPE).map(str::to_owned).collect();
    let last = parts.len().saturating_sub(1);
    parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| view! { {p}{(i < last).then(|| view! { <code>{SCOPE}</code> })} })
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tenant(date: &str) -> TenantChange {
        TenantChange {
            date: date.into(),
            who: Actor::Client {
                client_id: "c".into(),
                client_name: None,
            },
            what: "w".into(),
            request: "PATCH /".into(),
            connection_id: None,
            log_id: date.into(),
        }
    }

    #[test]
    fn both_sources_newest_first_whatever_their_fractions_of_a_second() {
        let history = OrganizationHistory {
            organization_id: "org_1".into(),
            tenant: vec![
                tenant("2026-11-29T10:00:00.120Z"),
                tenant("2026-11-27T09:00:00.000Z"),
            ],
            tenant_unavailable: None,
            coverage: String::new(),
            lanyard: vec![],
        };
        let rows = merged(&history);
        assert_eq!(rows[0].time(), "2026-11-29T10:00:00.120Z");
        assert_eq!(time_key("2026-11-29T10:00:01Z").0, "2026-11-29T10:00:01");
        assert!(time_key("2026-11-29T10:00:01Z") > time_key("2026-11-29T10:00:00.999Z"));
        assert_eq!(when("2026-11-27T09:05:00.000Z"), "2026-11-27 09:05 UTC");
    }
}
