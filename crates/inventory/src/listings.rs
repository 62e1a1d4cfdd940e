//! The listings the pickers show with more than names, read back as the model's types: the
//! tenant's Auth0 connections (with their strategy), ZITADEL's IdPs (type and state), Hub's
//! auth modules (type, enabled).

use lanyard_model::auth0::Connection;
use lanyard_model::hub::AuthModule;
use lanyard_model::ids::{AuthModuleId, ConnectionId, IdpId};
use lanyard_model::zitadel::Provider;
use rusqlite::params;

use crate::database::Inventory;
use crate::error::InventoryError;
use crate::records::{Listing, TargetFacts, TargetKind, UnixMillis};
use crate::targets::owner_of;

/// One stored row of a listing: id, name, display name, facts.
struct Row {
    id: String,
    name: String,
    display_name: Option<String>,
    facts: TargetFacts,
}

fn bad(err: impl std::fmt::Display) -> InventoryError {
    InventoryError::BadValue(err.to_string())
}

impl Inventory {
    /// Every target of `kind`, by name, and when the oldest was listed; `None` when none is
    /// known or one was listed without its facts (before schema v4, or by a names-only read).
    fn listing_rows(
        &self,
        profile: &str,
        kind: TargetKind,
    ) -> Result<Option<(Vec<Row>, UnixMillis)>, InventoryError> {
        let (known, without_facts, listed_at): (i64, i64, Option<UnixMillis>) = self
            .conn
            .prepare_cached(
                "SELECT count(*), count(*) - count(facts_read_at), min(read_at) FROM targets
                 WHERE profile_id = ?1 AND kind = ?2",
            )?
            .query_row(params![profile, kind], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?))
            })?;
        let Some(listed_at) = listed_at.filter(|_| known > 0 && without_facts == 0) else {
            return Ok(None);
        };
        let mut statement = self.conn.prepare_cached(
            "SELECT external_id, name, display_name, strategy, provider_type, state, enabled, owner
             FROM targets WHERE profile_id = ?1 AND kind = ?2
             ORDER BY name, external_id",
        )?;
        let rows = statement.query_map(params![profile, kind], |row| {
            Ok(Row {
                id: row.get(0)?,
                name: row.get(1)?,
                display_name: row.get(2)?,
                facts: TargetFacts {
                    strategy: row.get(3)?,
                    provider_type: row.get(4)?,
                    state: row.get(5)?,
                    enabled: row.get(6)?,
                    owner: row.get::<_, Option<String>>(7)?.as_deref().map(owner_of),
                },
            })
        })?;
        Ok(Some((rows.collect::<Result<_, _>>()?, listed_at)))
    }

    /// The tenant's connections as the inventory holds them, with their strategies; `None`
    /// when it cannot say (the picker then reads them live).
    pub fn connections(
        &self,
        profile: &str,
    ) -> Result<Option<Listing<Connection>>, InventoryError> {
        let Some((rows, listed_at)) = self.listing_rows(profile, TargetKind::Auth0Connection)?
        else {
            return Ok(None);
        };
        let items = rows
            .into_iter()
            .map(|r| {
                Ok(Connection {
                    id: ConnectionId::parse(r.id).map_err(bad)?,
                    name: r.name,
                    strategy: r.facts.strategy.unwrap_or_default(),
                    display_name: r.display_name,
                })
            })
            .collect::<Result<_, InventoryError>>()?;
        Ok(Some(Listing { items, listed_at }))
    }

    /// Hub's auth modules as the inventory holds them (name, type, enabled); `None` when it
    /// cannot say.
    pub fn auth_modules(
        &self,
        profile: &str,
    ) -> Result<Option<Listing<AuthModule>>, InventoryError> {
        let Some((rows, listed_at)) = self.listing_rows(profile, TargetKind::HubAuthModule)? else {
            return Ok(None);
        };
        let items = rows
            .into_iter()
            .map(|r| {
                Ok(AuthModule {
                    id: AuthModuleId::parse(r.id).map_err(bad)?,
                    name: Some(r.name),
                    disabled: r.facts.enabled.map(|enabled| !enabled),
                    is_default: None,
                    ordinal: None,
                    kind: r.facts.provider_type,
                    type_name: None,
                    auto_join_groups: None,
                    allowed_create_new_users: None,
                    registration_enabled: None,
                })
            })
            .collect::<Result<_, InventoryError>>()?;
        Ok(Some(Listing { items, listed_at }))
    }

    /// ZITADEL's identity providers as the inventory holds them (name, type, state); `None`
    /// when it cannot say.
    pub fn providers(&self, profile: &str) -> Result<Option<Listing<Provider>>, InventoryError> {
        let Some((rows, listed_at)) = self.listing_rows(profile, TargetKind::ZitadelIdp)? else {
            return Ok(None);
        };
        let items = rows
            .into_iter()
            .map(|r| {
                Ok(Provider {
                    id: IdpId::parse(r.id).map_err(bad)?,
                    name: r.name,
                    state: r.facts.state,
                    owner: r.facts.owner,
                    kind: r.facts.provider_type,
                })
            })
            .collect::<Result<_, InventoryError>>()?;
        Ok(Some(Listing { items, listed_at }))
    }
}

impl TargetFacts {
    pub fn of_connection(connection: &Connection) -> TargetFacts {
        TargetFacts {
            strategy: Some(connection.strategy.clone()),
            ..TargetFacts::default()
        }
    }

    pub fn of_auth_module(module: &AuthModule) -> TargetFacts {
        TargetFacts {
            provider_type: module.kind.clone().or_else(|| module.type_name.clone()),
            enabled: Some(!module.disabled.unwrap_or(false)),
            ..TargetFacts::default()
        }
    }

    pub fn of_provider(provider: &Provider) -> TargetFacts {
        TargetFacts {
            provider_type: provider.kind.clone(),
            state: provider.state.clone(),
            owner: provider.owner,
            ..TargetFacts::default()
        }
    }
}
