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
use lanyard_model::change::ItemNoun;
use lanyard_model::ids::OrganizationId;
use lanyard_model::{
    Change, CheckCause, CommandError, Label, Source, TargetState, Unchecked, Warning, WarningText,
};
use lanyard_providers::auth0::Auth0Client;

use super::{Checks, Facts, Kept, shown};

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
        Label::item(ItemNoun::Connection, None, connection_id.as_str())
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

fn signup(settings: &Settings, strategy: Option<&str>, connection: &Label) -> Option<Warning> {
    if !settings.is_signup_enabled {
        return None;
    }
    let database = strategy.map(strategy_kind) == Some(StrategyKind::Database);
    if database && settings.assign_membership_on_login {
        return None;
    }
    Some(Warning::new(
        WarningText::SignupRefused {
            connection: connection.clone(),
            database,
        },
        Source::Documented,
        "API-NOTES-WARNINGS §4",
    ))
}

async fn applications(
    checks: &Checks,
    client: &Auth0Client,
    connection_id: &str,
    connection: &Label,
) -> Vec<Warning> {
    let clients = match checks.connection_clients(client, connection_id).await {
        Ok(c) => c,
        Err(e) => {
            return vec![Warning::could_not_read(
                Unchecked::ConnectionApplications {
                    connection: connection.clone(),
                },
                e,
            )];
        }
    };
    if clients.is_empty() {
        return vec![Warning::new(
            WarningText::ConnectionWithoutApplication {
                connection: connection.clone(),
            },
            Source::Inferred,
            "API-NOTES-WARNINGS §1",
        )];
    }
    let apps = match checks.applications(client).await {
        Ok(a) => a,
        Err(e) => {
            return vec![Warning::could_not_read(
                Unchecked::ApplicationsAllowOrganizations {
                    connection: connection.clone(),
                },
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
        let applications = apps
            .iter()
            .filter(|a| clients.contains(&a.client_id))
            .map(|a| a.name.clone())
            .collect();
        return vec![Warning::new(
            WarningText::ConnectionWithoutOrganizationApplication {
                connection: connection.clone(),
                applications,
            },
            Source::Inferred,
            "API-NOTES-WARNINGS §1, §2",
        )];
    }
    Vec::new()
}

async fn entitlement(client: &Auth0Client, org: &OrganizationId) -> Vec<Warning> {
    let access = match client.organization_access(org).await {
        Ok(a) => a,
        Err(e) => {
            return vec![Warning::could_not_read(
                Unchecked::MembersRestricted,
                shown(e),
            )];
        }
    };
    if !access.is_app_entitlement_active {
        return Vec::new();
    }
    match client.organization_clients(org).await {
        Ok(granted) if granted.iter().any(|g| g.use_for_member_access) => Vec::new(),
        Ok(_) => vec![Warning::new(
            WarningText::NoApplicationGranted,
            Source::Inferred,
            "API-NOTES-WARNINGS §2",
        )],
        Err(e) => vec![Warning::could_not_read(
            Unchecked::GrantedApplications,
            shown(e),
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
    let others = match facts.org_connections {
        Some(c) => c,
        None => match client.org_connections(org).await {
            Ok(c) => c,
            Err(e) => {
                return vec![Warning::could_not_read(
                    Unchecked::VisibleConnection,
                    shown(e),
                )];
            }
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
            Unchecked::VisibleConnection,
            CheckCause::ConnectionKindUnknown,
        )];
    }
    let all_hidden_enterprise = enabled.iter().all(|(button, s)| {
        !button && s.as_deref().map(strategy_kind) == Some(StrategyKind::Enterprise)
    });
    if !all_hidden_enterprise {
        return Vec::new();
    }
    vec![Warning::new(
        WarningText::NoVisibleConnection {
            auth0_says: HIDDEN_MESSAGE.to_owned(),
        },
        Source::Documented,
        "API-NOTES-WARNINGS §3",
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
                .map_err(shown),
            Err(e) => {
                let mut fields = lanyard_model::FieldErrors::new();
                fields.add(&e.field, e.problem);
                Err(CommandError::validation(fields))
            }
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
        let kept = client.applications().await.map_err(shown);
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
            .map_err(shown);
        cache.strategies = Some(kept.clone());
        kept
    }
}
