//! Auth0's checks (API-NOTES-WARNINGS §1–§4):
//! - the connection is enabled for no application, or only for applications that do not let
//!   people log in with organizations (§1, §2; inferred);
//! - after the change every enabled connection of the organization is an enterprise one that
//!   hides its button: Auth0 answers "no connections enabled for the organization are visible"
//!   (§3; documented);
//! - signup on a connection that is not a database one, or without membership on login: Auth0
//!   refuses it (§4; documented), which is why Lanyard's own rules refuse it too;
//! - the organization lets members log in only to granted applications and none is granted for
//!   member access (§2, Early Access; inferred).

use std::collections::HashMap;

use lanyard_model::auth0::{Settings, StrategyKind, strategy_kind};
use lanyard_model::ids::OrganizationId;
use lanyard_model::{Change, Source, TargetState, Warning, WarningKind};
use lanyard_providers::auth0::Auth0Client;

use super::{Checks, Facts, Kept};

const HIDDEN_MESSAGE: &str = "no connections enabled for the organization are visible";

pub(super) async fn check(
    checks: &Checks,
    client: &Auth0Client,
    change: &Change,
    current: &TargetState,
    planned: &TargetState,
    facts: Facts,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let (org, connection_id, strategy, labels) = match change {
        Change::Auth0Enable {
            organization_id,
            request,
            strategy,
            labels,
        } => (organization_id, &request.connection_id, strategy, labels),
        Change::Auth0Update {
            organization_id,
            connection_id,
            strategy,
            labels,
            ..
        }
        | Change::Auth0Remove {
            organization_id,
            connection_id,
            strategy,
            labels,
            ..
        } => (organization_id, connection_id, strategy, labels),
        _ => return out,
    };
    let before = current.auth0_settings();
    let after = planned.auth0_settings();
    let enabled_after = after.is_some_and(|s| s.is_enabled);
    let newly_enabled = enabled_after && !before.is_some_and(|s| s.is_enabled);
    let connection = if labels.item.is_empty() {
        connection_id.to_string()
    } else {
        labels.item.clone()
    };
    let strategy = match strategy.clone() {
        Some(s) => Some(s),
        None => checks
            .strategies(client)
            .await
            .ok()
            .and_then(|m| m.get(connection_id.as_str()).cloned()),
    };
    if let Some(w) = after.and_then(|s| signup(s, strategy.as_deref(), &connection)) {
        out.push(w);
    }
    if newly_enabled {
        out.extend(applications(checks, client, connection_id.as_str(), &connection).await);
        if !checks.skip_per_organization_reads {
            out.extend(entitlement(client, org).await);
        }
    }
    let visible_after = after.is_some_and(|s| visible(s, strategy.as_deref()));
    let visible_before = before.is_some_and(|s| visible(s, strategy.as_deref()));
    if !visible_after && (visible_before || newly_enabled) {
        out.extend(
            hidden(
                checks,
                client,
                org,
                connection_id.as_str(),
                after,
                strategy,
                facts,
            )
            .await,
        );
    }
    out
}

fn visible(settings: &Settings, strategy: Option<&str>) -> bool {
    settings.is_enabled
        && (settings.show_as_button
            || strategy.map(strategy_kind) != Some(StrategyKind::Enterprise))
}

fn signup(settings: &Settings, strategy: Option<&str>, connection: &str) -> Option<Warning> {
    if !settings.is_signup_enabled {
        return None;
    }
    let database = strategy.map(strategy_kind) == Some(StrategyKind::Database);
    if database && settings.assign_membership_on_login {
        return None;
    }
    let why = if database {
        "membership on login is off"
    } else {
        "it is not a database connection"
    };
    Some(Warning::new(
        WarningKind::SignupRefused,
        Source::Documented,
        "API-NOTES-WARNINGS §4",
        format!(
            "Auth0 refuses sign-up through {connection} for this organization because {why}: people could not create an account here, so Lanyard does not send it."
        ),
        "Organization sign-up works only on database connections, and only with membership on login turned on (Auth0: \u{201c}Only database connections with assign_membership_on_login = true support is_signup_enabled = true\u{201d}).",
    ))
}

async fn applications(
    checks: &Checks,
    client: &Auth0Client,
    connection_id: &str,
    connection: &str,
) -> Vec<Warning> {
    let clients = match checks.connection_clients(client, connection_id).await {
        Ok(c) => c,
        Err(e) => {
            return vec![Warning::could_not_check(
                &format!("which applications {connection} is enabled for"),
                e,
            )];
        }
    };
    if clients.is_empty() {
        return vec![Warning::new(
            WarningKind::ConnectionWithoutApplication,
            Source::Inferred,
            "API-NOTES-WARNINGS §1",
            format!(
                "{connection} is not enabled for any application: members of this organization will have no application to log in to with it."
            ),
            "GET /connections/{id}/clients lists no application; an organization's members need the connection enabled for the application they log in to as well.",
        )];
    }
    let apps = match checks.applications(client).await {
        Ok(a) => a,
        Err(e) => {
            return vec![Warning::could_not_check(
                &format!(
                    "whether the applications {connection} is enabled for allow organizations"
                ),
                e,
            )];
        }
    };
    let allowing: Vec<&str> = apps
        .iter()
        .filter(|a| clients.contains(&a.client_id) && a.allows_organizations())
        .map(|a| a.name.as_str())
        .collect();
    if allowing.is_empty() {
        let names: Vec<&str> = apps
            .iter()
            .filter(|a| clients.contains(&a.client_id))
            .map(|a| a.name.as_str())
            .collect();
        return vec![Warning::new(
            WarningKind::ConnectionWithoutOrganizationApplication,
            Source::Inferred,
            "API-NOTES-WARNINGS §1, §2",
            format!(
                "{connection} is enabled only for applications that do not let people log in with an organization ({}): members of this organization will have no application to log in to with it.",
                if names.is_empty() {
                    "none Lanyard can read".to_owned()
                } else {
                    names.join(", ")
                }
            ),
            "None of the connection's applications has organization_usage \u{201c}allow\u{201d} or \u{201c}require\u{201d} (absent means \u{201c}deny\u{201d}); machine-to-machine and the tenant's global application do not count.",
        )];
    }
    Vec::new()
}

async fn entitlement(client: &Auth0Client, org: &OrganizationId) -> Vec<Warning> {
    let access = match client.organization_access(org).await {
        Ok(a) => a,
        Err(e) => {
            return vec![Warning::could_not_check(
                "whether the organization restricts its members to granted applications",
                e,
            )];
        }
    };
    if !access.is_app_entitlement_active {
        return Vec::new();
    }
    match client.organization_clients(org).await {
        Ok(granted) if granted.iter().any(|g| g.use_for_member_access) => Vec::new(),
        Ok(_) => vec![Warning::new(
            WarningKind::NoApplicationGranted,
            Source::Inferred,
            "API-NOTES-WARNINGS §2",
            "This organization lets its members log in only to applications granted to it, and none is granted for member access: its members cannot log in to any application, with this connection or another.",
            "is_app_entitlement_active is on and no application of GET /organizations/{id}/clients has use_for_member_access (Auth0: \u{201c}Members can only log in to applications you have explicitly granted access to\u{201d}).",
        )],
        Err(e) => vec![Warning::could_not_check(
            "which applications the organization grants its members",
            e,
        )],
    }
}

/// After the change, is every enabled connection of the organization enterprise and hidden?
async fn hidden(
    checks: &Checks,
    client: &Auth0Client,
    org: &OrganizationId,
    connection_id: &str,
    after: Option<&Settings>,
    strategy: Option<String>,
    facts: Facts,
) -> Vec<Warning> {
    let what = "whether the organization keeps a connection people can see at login";
    let others = match facts.org_connections {
        Some(c) => c,
        None => match client.org_connections(org).await {
            Ok(c) => c,
            Err(e) => return vec![Warning::could_not_check(what, e)],
        },
    };
    let strategies = checks.strategies(client).await;
    let strategy_of = |id: &str, embedded: Option<&str>| -> Option<String> {
        embedded
            .map(str::to_owned)
            .or_else(|| strategies.as_ref().ok().and_then(|m| m.get(id).cloned()))
    };
    let mut enabled: Vec<(bool, Option<String>)> = others
        .iter()
        .filter(|c| c.connection_id.as_str() != connection_id)
        .map(|c| (c.settings(), c))
        .filter(|(s, _)| s.is_enabled)
        .map(|(s, c)| {
            (
                s.show_as_button,
                strategy_of(c.connection_id.as_str(), c.strategy()),
            )
        })
        .collect();
    if let Some(s) = after.filter(|s| s.is_enabled) {
        enabled.push((s.show_as_button, strategy));
    }
    if enabled.is_empty() {
        return Vec::new();
    }
    if enabled.iter().any(|(_, s)| s.is_none()) {
        return vec![Warning::could_not_check(
            what,
            "the kind of a connection is not known",
        )];
    }
    let all_hidden_enterprise = enabled.iter().all(|(button, s)| {
        !button && s.as_deref().map(strategy_kind) == Some(StrategyKind::Enterprise)
    });
    if !all_hidden_enterprise {
        return Vec::new();
    }
    vec![Warning::new(
        WarningKind::NoVisibleConnection,
        Source::Documented,
        "API-NOTES-WARNINGS §3",
        format!(
            "After this change every connection of this organization is an enterprise one that hides its button: people signing in see Auth0's error \u{201c}{HIDDEN_MESSAGE}\u{201d}. Sign-in still works for apps that name the connection, or with Home Realm Discovery without an organization in the request."
        ),
        "Auth0: \u{201c}If all enabled connections within the Organization are enterprise connections, and all connections are hidden, Auth0 returns an error\u{201d}.",
    )]
}

impl Checks {
    async fn connection_clients(&self, client: &Auth0Client, id: &str) -> Kept<Vec<String>> {
        let mut cache = self.cache.lock().await;
        if let Some(kept) = cache.connection_clients.get(id) {
            return kept.clone();
        }
        let kept = match lanyard_model::ids::ConnectionId::parse(id) {
            Ok(cid) => client
                .connection_clients(&cid)
                .await
                .map(|c| c.into_iter().map(|c| c.client_id).collect())
                .map_err(|e| e.to_string()),
            Err(e) => Err(e.to_string()),
        };
        cache.connection_clients.insert(id.to_owned(), kept.clone());
        kept
    }

    async fn applications(
        &self,
        client: &Auth0Client,
    ) -> Kept<Vec<lanyard_model::auth0::apps::Application>> {
        let mut cache = self.cache.lock().await;
        if let Some(kept) = &cache.applications {
            return kept.clone();
        }
        let kept = client.applications().await.map_err(|e| e.to_string());
        cache.applications = Some(kept.clone());
        kept
    }

    async fn strategies(&self, client: &Auth0Client) -> Kept<HashMap<String, String>> {
        let mut cache = self.cache.lock().await;
        if let Some(kept) = &cache.strategies {
            return kept.clone();
        }
        let kept = client
            .connections(&Default::default())
            .await
            .map(|list| {
                list.into_iter()
                    .map(|c| (c.id.to_string(), c.strategy))
                    .collect()
            })
            .map_err(|e| e.to_string());
        cache.strategies = Some(kept.clone());
        kept
    }
}
