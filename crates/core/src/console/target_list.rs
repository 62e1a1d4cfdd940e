//! Targets from a list, as the console answers it: the list read (`lanyard_model::bulk::list`),
//! each entry matched against the inventory's targets of the kind (`crate::target_list`), and
//! what the inventory lacks looked up on the server:
//!
//! - Auth0 organizations, a few missing from an inventory that holds some: one read each, by id
//!   (`GET /organizations/{id}`, for an `org_…` entry) or by name (`GET
//!   /organizations/name/{name}`); a display name has no such endpoint and is found only in the
//!   inventory or a listing.
//! - Otherwise (an inventory with nothing of the kind, or many entries missing, or another
//!   kind): the kind's listing, read once, whose names are recorded in the inventory as every
//!   listing's are.
//!
//! ZITADEL identity providers are always listed live: the inventory does not hold an IdP's
//! owner type, which a link or unlink sends.

use lanyard_inventory::{TargetKind, TargetRecord, TargetSummary};
use lanyard_model::FieldErrors;
use lanyard_model::auth0::{ConnectionFilter, Organization};
use lanyard_model::bulk::list::{ListInput, ListResolution, MatchedBy};
use lanyard_model::bulk::{BulkTarget, ListLiveReason, ListNote};
use lanyard_model::error::{Asked, Unfit};
use lanyard_model::ids::OrganizationId;
use lanyard_model::inventory::PickerKind;
use lanyard_model::inventory_problem::InventoryWrite;
use lanyard_model::product::Product;

use super::Console;
use crate::client::Client;
use crate::error::CoreError;
use crate::stock::{self, Stock};
use crate::target_list::{Candidate, Found, Matcher, Outcomes};

/// Up to this many Auth0 organizations missing from the inventory are looked up one by one;
/// more, and the organizations are listed instead (a page holds 100).
const LOOKUPS_MAX: usize = 25;
/// The most targets a live listing reads for a list.
const LISTING_MAX: usize = 100_000;

/// The inventory's kind and the product of what a list names.
fn kind_of(kind: PickerKind) -> (TargetKind, Product) {
    match kind {
        PickerKind::Auth0Organization => (TargetKind::Auth0Organization, Product::Auth0),
        PickerKind::Auth0Connection => (TargetKind::Auth0Connection, Product::Auth0),
        PickerKind::ZitadelOrganization => (TargetKind::ZitadelOrganization, Product::Zitadel),
        PickerKind::ZitadelIdp => (TargetKind::ZitadelIdp, Product::Zitadel),
        PickerKind::HubAuthModule => (TargetKind::HubAuthModule, Product::Hub),
        PickerKind::HubGroup => (TargetKind::HubGroup, Product::Hub),
    }
}

/// A target the inventory holds, as a list may name it.
fn stored(kind: PickerKind, t: TargetSummary) -> Candidate {
    let shown = match kind {
        PickerKind::Auth0Organization => t
            .display_name
            .clone()
            .filter(|d| !d.is_empty())
            .unwrap_or_else(|| t.name.clone()),
        _ => t.name.clone(),
    };
    Candidate {
        target: BulkTarget {
            id: t.id,
            name: shown,
            owner_type: None,
        },
        name: t.name,
        display_name: t.display_name,
    }
}

fn organization(o: &Organization) -> Candidate {
    Candidate {
        name: o.name.clone(),
        display_name: o.display_name.clone(),
        target: BulkTarget::organization(o),
    }
}

fn named(id: String, name: String, display_name: Option<String>) -> Candidate {
    Candidate {
        target: BulkTarget {
            id,
            name: name.clone(),
            owner_type: None,
        },
        name,
        display_name,
    }
}

impl Console {
    /// Resolves a pasted list or a CSV column to targets of `kind` on the profile: by id, or by
    /// name or display name (whole, any case), from the inventory, else live; unknown,
    /// ambiguous and repeated entries are listed apart.
    pub async fn bulk_targets_from_list(
        &self,
        profile_id: &str,
        kind: PickerKind,
        input: &ListInput,
    ) -> Result<ListResolution, CoreError> {
        let list = input.parse().map_err(|err| {
            let mut errors = FieldErrors::new();
            errors.add("list", err.to_string());
            CoreError::Invalid(errors)
        })?;
        let (profile, client) = self.client(profile_id).await?;
        let (target_kind, product) = kind_of(kind);
        if profile.product != product {
            return Err(CoreError::Unfit(Unfit::OtherProduct {
                profile: profile.display_name.clone(),
                product: profile.product,
                needs: product,
                asked: Asked::TargetList { kind },
            }));
        }
        let mut outcomes = Outcomes::new(list);
        let held = if kind == PickerKind::ZitadelIdp {
            Vec::new()
        } else {
            inventory_targets(&self.stock, &profile.id, target_kind).await
        };
        let inventory = Matcher::new(held.into_iter().map(|t| stored(kind, t)).collect());
        outcomes.match_all(&inventory, false);
        let missing = outcomes.pending().len();
        let note = if missing == 0 {
            None
        } else if kind == PickerKind::Auth0Organization
            && !inventory.is_empty()
            && missing <= LOOKUPS_MAX
        {
            Some(look_up_organizations(&client, &mut outcomes).await?)
        } else {
            let listed = self.listing(&client, &profile.id, kind).await?;
            let read = listed.len();
            outcomes.match_all(&Matcher::new(listed), true);
            let why = if kind == PickerKind::ZitadelIdp {
                ListLiveReason::IdpOwnerType
            } else if inventory.is_empty() {
                ListLiveReason::NoneHeld { kind }
            } else {
                ListLiveReason::NotHeld { entries: missing }
            };
            Some(ListNote::ReadLive { why, read })
        };
        Ok(outcomes.finish(note))
    }

    /// The kind's listing, read live, with its names recorded in the inventory.
    async fn listing(
        &self,
        client: &Client,
        profile_id: &str,
        kind: PickerKind,
    ) -> Result<Vec<Candidate>, CoreError> {
        use futures::StreamExt;
        let candidates: Vec<Candidate> = match kind {
            PickerKind::Auth0Organization => {
                let auth0 = client.auth0()?;
                let mut all = Vec::new();
                let mut stream = std::pin::pin!(auth0.organizations());
                while let Some(org) = stream.next().await {
                    all.push(organization(&org?));
                    if all.len() >= LISTING_MAX {
                        break;
                    }
                }
                all
            }
            PickerKind::Auth0Connection => client
                .auth0()?
                .connections(&ConnectionFilter::default())
                .await?
                .into_iter()
                .map(|c| named(c.id.to_string(), c.name, c.display_name))
                .collect(),
            PickerKind::ZitadelOrganization => client
                .zitadel()?
                .orgs()
                .await?
                .into_iter()
                .map(|o| named(o.id.to_string(), o.name, None))
                .collect(),
            PickerKind::ZitadelIdp => client
                .zitadel()?
                .providers(None)
                .await?
                .iter()
                .map(|p| Candidate {
                    name: p.name.clone(),
                    display_name: None,
                    target: BulkTarget::identity_provider(p),
                })
                .collect(),
            PickerKind::HubAuthModule => client
                .hub()?
                .auth_modules()
                .await?
                .iter()
                .map(|m| Candidate {
                    name: m.name.clone().unwrap_or_default(),
                    display_name: None,
                    target: BulkTarget::auth_module(m),
                })
                .collect(),
            PickerKind::HubGroup => client
                .hub()?
                .groups()
                .await?
                .into_iter()
                .map(|g| named(g.id.to_string(), g.name.unwrap_or_default(), None))
                .collect(),
        };
        let (target_kind, _) = kind_of(kind);
        let records: Vec<TargetRecord> = candidates
            .iter()
            .map(|c| TargetRecord {
                kind: target_kind,
                id: c.target.id.clone(),
                name: if c.name.is_empty() {
                    c.target.id.clone()
                } else {
                    c.name.clone()
                },
                display_name: c.display_name.clone(),
                facts: None,
            })
            .collect();
        if !records.is_empty() {
            self.stock.write(InventoryWrite::RecordListingNames, |db| {
                db.record_targets(profile_id, &records, stock::now())
            });
        }
        Ok(candidates)
    }
}

/// Every target of `kind` the inventory holds for the profile; none when it is not open.
async fn inventory_targets(stock: &Stock, profile: &str, kind: TargetKind) -> Vec<TargetSummary> {
    let (stock, profile) = (stock.clone(), profile.to_owned());
    let read = tokio::task::spawn_blocking(move || {
        stock.read(|db| db.search(&profile, kind, "", usize::MAX))
    })
    .await;
    match read {
        Ok(Some(Ok(targets))) => targets,
        Ok(Some(Err(err))) => {
            tracing::warn!(%err, "the inventory could not be read for a list; resolving it live");
            Vec::new()
        }
        Ok(None) | Err(_) => Vec::new(),
    }
}

/// The few Auth0 organizations the inventory lacks, one read each: by id for an `org_…` entry,
/// else by name (Auth0's names are lower case).
async fn look_up_organizations(
    client: &Client,
    outcomes: &mut Outcomes,
) -> Result<ListNote, CoreError> {
    let auth0 = client.auth0()?;
    let missing: Vec<(usize, String)> = outcomes
        .pending()
        .into_iter()
        .map(|(i, e)| (i, e.text.clone()))
        .collect();
    let mut found: usize = 0;
    for (i, text) in &missing {
        let by_id = text
            .starts_with("org_")
            .then(|| OrganizationId::parse(text).ok())
            .flatten();
        let (org, by) = match &by_id {
            Some(id) => (auth0.organization(id).await?, MatchedBy::Id),
            None => (
                auth0.organization_by_name(&text.to_lowercase()).await?,
                MatchedBy::Name,
            ),
        };
        if let Some(org) = org {
            found = found.saturating_add(1);
            outcomes.set(*i, Found::One(organization(&org), by), true);
        }
    }
    Ok(ListNote::LookedUp {
        missing: missing.len(),
        found,
    })
}
