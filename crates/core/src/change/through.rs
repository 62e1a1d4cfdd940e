//! Write-through: the state Lanyard left a target in, recorded in the inventory after every
//! change it applies (single, each bulk item, undo). A failure is the inventory's problem,
//! never the change's (see [`Stock::write`]).

use lanyard_inventory::TargetKind;
use lanyard_model::Change;
use lanyard_model::auth0::OrgConnection;
use lanyard_model::inventory_problem::InventoryWrite;
use lanyard_model::zitadel::PolicyScope;

use crate::stock::{Stock, now};

/// Records the change's result. `row` is the Auth0 connection as the server returned it after
/// an enable or an update (`None` after a removal, and for the other products).
pub(super) fn record(stock: &Stock, profile: &str, change: &Change, row: Option<&OrgConnection>) {
    learn_name(stock, profile, change);
    stock.write(InventoryWrite::RecordChange, |db| match change {
        Change::Auth0Enable {
            organization_id,
            request,
            ..
        } => db.record_auth0_change(profile, organization_id, &request.connection_id, row, now()),
        Change::Auth0Update {
            organization_id,
            connection_id,
            ..
        } => db.record_auth0_change(profile, organization_id, connection_id, row, now()),
        Change::Auth0Remove {
            organization_id,
            connection_id,
            ..
        } => db.record_auth0_change(profile, organization_id, connection_id, None, now()),
        Change::ZitadelLink { scope, idp_id, .. } => {
            db.record_zitadel_link(profile, scope, idp_id, true, now())
        }
        Change::ZitadelUnlink { scope, idp_id, .. } => {
            db.record_zitadel_link(profile, scope, idp_id, false, now())
        }
        // The inventory holds no policy settings.
        Change::ZitadelExternalIdps { .. } => Ok(Default::default()),
        Change::HubAdd {
            module_id,
            group_id,
            ..
        } => db.record_hub_auto_join(profile, module_id, group_id, true, now()),
        Change::HubRemove {
            module_id,
            group_id,
            ..
        } => db.record_hub_auto_join(profile, module_id, group_id, false, now()),
    });
}

/// The change's labels carry its target's name (an organization's, a module's): a target the
/// inventory knows only by its id is given it.
pub(super) fn learn_name(stock: &Stock, profile: &str, change: &Change) {
    let kind = match change {
        Change::Auth0Enable { .. } | Change::Auth0Update { .. } | Change::Auth0Remove { .. } => {
            TargetKind::Auth0Organization
        }
        Change::ZitadelLink {
            scope: PolicyScope::Organization { .. },
            ..
        }
        | Change::ZitadelUnlink {
            scope: PolicyScope::Organization { .. },
            ..
        } => TargetKind::ZitadelOrganization,
        Change::ZitadelLink { .. }
        | Change::ZitadelUnlink { .. }
        | Change::ZitadelExternalIdps { .. } => return,
        Change::HubAdd { .. } | Change::HubRemove { .. } => TargetKind::HubAuthModule,
    };
    stock.learn_name(
        profile,
        kind,
        change.target_id(),
        &change.labels().target.to_string(),
    );
}
