//! A profile's wiring as a [`Snapshot`], read from the inventory: its targets (all, or those
//! whose name or display name contains a term), each with its items named as the tenant's
//! listings named them, and the tenant's items by name (the [`Catalog`] a copy finds ids in).

use lanyard_inventory::{Inventory, InventoryError, TargetKind, TargetSummary, UnixMillis};
use lanyard_model::Profile;
use lanyard_model::compare::{
    Catalog, ConnectionOptions, INSTANCE_POLICY_ID, SNAPSHOT_VERSION, Snapshot, SnapshotItem,
    SnapshotTarget,
};
use lanyard_model::ids::{AuthModuleId, OrganizationId, ZitadelOrgId};
use lanyard_model::profile::Product;
use lanyard_model::zitadel::PolicyScope;

use crate::crawl::product::wired_kinds;

/// A side read from the inventory, with how much of it was read and when.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Side {
    pub(crate) snapshot: Snapshot,
    pub(crate) catalog: Catalog,
    /// The oldest wiring read among its targets.
    pub(crate) oldest: Option<UnixMillis>,
    /// Targets the inventory knows by name only (never read): left out.
    pub(crate) not_yet_read: usize,
}

/// The kind of the items wired to a product's targets.
pub(crate) fn item_kind(product: Product) -> TargetKind {
    match product {
        Product::Auth0 => TargetKind::Auth0Connection,
        Product::Zitadel => TargetKind::ZitadelIdp,
        Product::Hub => TargetKind::HubGroup,
    }
}

/// The kind of target `id` is for a product (ZITADEL: the instance's policy or an
/// organization's).
pub(crate) fn target_kind(product: Product, id: &str) -> TargetKind {
    match product {
        Product::Auth0 => TargetKind::Auth0Organization,
        Product::Zitadel if id == INSTANCE_POLICY_ID => TargetKind::ZitadelInstance,
        Product::Zitadel => TargetKind::ZitadelOrganization,
        Product::Hub => TargetKind::HubAuthModule,
    }
}

/// The profile's wiring as the inventory holds it; targets never read are counted, not listed.
pub(crate) fn read(
    db: &Inventory,
    profile: &Profile,
    name_contains: Option<&str>,
) -> Result<Side, InventoryError> {
    let term = name_contains.map(str::trim).unwrap_or("");
    let mut targets = Vec::new();
    let (mut oldest, mut not_yet_read) = (None::<UnixMillis>, 0);
    for kind in wired_kinds(profile.product) {
        for summary in db.search(&profile.id, *kind, term, usize::MAX)? {
            let Some(at) = summary.wiring_read_at else {
                not_yet_read += 1;
                continue;
            };
            if let Some(target) = target(db, &profile.id, profile.product, &summary)? {
                oldest = Some(oldest.map_or(at, |o| o.min(at)));
                targets.push(target);
            }
        }
    }
    let mut catalog = Catalog::default();
    for item in db.search(&profile.id, item_kind(profile.product), "", usize::MAX)? {
        catalog.insert(&item.name, &item.id);
    }
    let mut snapshot = Snapshot {
        lanyard_snapshot: SNAPSHOT_VERSION,
        product: profile.product,
        profile: profile.display_name.clone(),
        exported_at: None,
        oldest_read_at: None,
        name_contains: Some(term.to_owned()).filter(|t| !t.is_empty()),
        targets,
    };
    snapshot.sort();
    Ok(Side {
        snapshot,
        catalog,
        oldest,
        not_yet_read,
    })
}

/// One target's wiring as stored (`None`: its wiring was never read, or its id is not one
/// Lanyard can use).
pub(crate) fn target(
    db: &Inventory,
    profile: &str,
    product: Product,
    summary: &TargetSummary,
) -> Result<Option<SnapshotTarget>, InventoryError> {
    let name_of = |kind: TargetKind, id: &str| -> Result<String, InventoryError> {
        Ok(db
            .target_name(profile, kind, id)?
            .unwrap_or_else(|| id.to_owned()))
    };
    let item =
        |id: &str, options: Option<ConnectionOptions>| -> Result<SnapshotItem, InventoryError> {
            Ok(SnapshotItem {
                id: id.to_owned(),
                name: name_of(item_kind(product), id)?,
                options,
            })
        };
    let mut uses_instance_default = false;
    let items: Vec<SnapshotItem> = match product {
        Product::Auth0 => {
            let Ok(org) = OrganizationId::parse(summary.id.as_str()) else {
                return Ok(None);
            };
            let Some(rows) = db.auth0_organization_connections(profile, &org)? else {
                return Ok(None);
            };
            rows.iter()
                .map(|c| item(c.connection_id.as_str(), Some((&c.settings()).into())))
                .collect::<Result<_, _>>()?
        }
        Product::Zitadel => {
            let scope = if summary.kind == TargetKind::ZitadelInstance {
                PolicyScope::Instance
            } else {
                let Ok(org_id) = ZitadelOrgId::parse(summary.id.as_str()) else {
                    return Ok(None);
                };
                PolicyScope::Organization { org_id }
            };
            let Some(policy) = db.zitadel_policy_links(profile, &scope)? else {
                return Ok(None);
            };
            uses_instance_default = policy.uses_instance_default;
            policy
                .linked
                .iter()
                .map(|idp| item(idp.as_str(), None))
                .collect::<Result<_, _>>()?
        }
        Product::Hub => {
            let Ok(module) = AuthModuleId::parse(summary.id.as_str()) else {
                return Ok(None);
            };
            let Some(groups) = db.hub_module_groups(profile, &module)? else {
                return Ok(None);
            };
            groups
                .iter()
                .map(|g| item(g.as_str(), None))
                .collect::<Result<_, _>>()?
        }
    };
    Ok(Some(SnapshotTarget {
        id: summary.id.clone(),
        name: summary.name.clone(),
        display_name: summary.display_name.clone().filter(|d| d != &summary.name),
        uses_instance_default,
        items,
    }))
}

/// A time of the inventory as RFC 3339, for the snapshot's header.
pub(crate) fn rfc3339(at: UnixMillis) -> Option<String> {
    let nanos = i128::from(at.0).checked_mul(1_000_000)?;
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos)
        .ok()?
        .format(&time::format_description::well_known::Rfc3339)
        .ok()
}
