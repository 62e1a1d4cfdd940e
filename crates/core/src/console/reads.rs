//! The reads behind each product's screens. Reading a target's wiring (an organization's
//! connections, a login policy's IdPs, a module's auto-join groups) refreshes its inventory rows;
//! a listing (a search of organizations, the tenant's connections, a ZITADEL instance's
//! organizations and IdPs, Hub's modules and groups) records the names it read, for the
//! pickers and the Inventory page.

use lanyard_inventory::ReadOrigin::Independent;
use lanyard_inventory::{PolicyRead, TargetFacts, TargetKind, TargetRecord};
use lanyard_model::auth0::{Connection, ConnectionFilter, OrgConnection, Organization};
use lanyard_model::hub::{AuthModule, UserGroup};
use lanyard_model::ids::{AuthModuleId, OrganizationId};
use lanyard_model::inventory_problem::{InventoryProblem, InventoryWrite};
use lanyard_model::zitadel::{Org, PolicyScope, PolicyView, Provider};

use super::Console;
use crate::error::CoreError;
use crate::stock::Stock;

impl Console {
    /// The inventory (its rows, and why it is not open or its last write failed).
    pub fn inventory(&self) -> &Stock {
        &self.stock
    }

    /// Why the inventory could not be opened, or why its last write failed; `None` when fine.
    pub fn inventory_problem(&self) -> Option<InventoryProblem> {
        self.stock.problem()
    }

    /// Records the names a listing read (`(id, name, display name)` of targets of `kind`).
    fn listed<'a>(
        &self,
        profile_id: &str,
        kind: TargetKind,
        items: impl IntoIterator<Item = (String, String, Option<&'a str>)>,
    ) {
        let items = items
            .into_iter()
            .map(|(id, name, display)| (id, name, display, None));
        self.listed_with_facts(profile_id, kind, items);
    }

    /// Records what a listing read: names, and what the pickers show beyond them.
    fn listed_with_facts<'a>(
        &self,
        profile_id: &str,
        kind: TargetKind,
        items: impl IntoIterator<Item = (String, String, Option<&'a str>, Option<TargetFacts>)>,
    ) {
        let records: Vec<TargetRecord> = items
            .into_iter()
            .map(|(id, name, display_name, facts)| TargetRecord {
                kind,
                name: if name.is_empty() { id.clone() } else { name },
                id,
                display_name: display_name.map(str::to_owned),
                facts,
            })
            .collect();
        if records.is_empty() {
            return;
        }
        self.stock.write(InventoryWrite::RecordListingNames, |db| {
            db.record_targets(profile_id, &records, crate::stock::now())
        });
    }

    fn listed_organizations(&self, profile_id: &str, organizations: &[Organization]) {
        let items = organizations.iter().map(|o| {
            let display = o.display_name.as_deref();
            (o.id.to_string(), o.name.clone(), display)
        });
        self.listed(profile_id, TargetKind::Auth0Organization, items);
    }

    // ----- Auth0 -----

    pub async fn auth0_search_organizations(
        &self,
        profile_id: &str,
        text: &str,
    ) -> Result<Vec<Organization>, CoreError> {
        let found = self
            .client(profile_id)
            .await?
            .1
            .auth0()?
            .search_organizations(text, 50)
            .await?;
        self.listed_organizations(profile_id, &found);
        Ok(found)
    }

    /// Every organization, up to the most a bulk run takes, read a checkpoint page at a time.
    pub async fn auth0_all_organizations(
        &self,
        profile_id: &str,
    ) -> Result<Vec<Organization>, CoreError> {
        use futures::StreamExt;
        let (_, client) = self.client(profile_id).await?;
        let auth0 = client.auth0()?;
        let mut all = Vec::new();
        let mut stream = std::pin::pin!(auth0.organizations());
        while let Some(org) = stream.next().await {
            all.push(org?);
            if all.len() >= lanyard_model::bulk::MAX_TARGETS {
                break;
            }
        }
        self.listed_organizations(profile_id, &all);
        Ok(all)
    }

    pub async fn auth0_connections(&self, profile_id: &str) -> Result<Vec<Connection>, CoreError> {
        let connections = self
            .client(profile_id)
            .await?
            .1
            .auth0()?
            .connections(&ConnectionFilter::default())
            .await?;
        let items = connections.iter().map(|c| {
            let display = c.display_name.as_deref();
            let facts = Some(TargetFacts::of_connection(c));
            (c.id.to_string(), c.name.clone(), display, facts)
        });
        self.listed_with_facts(profile_id, TargetKind::Auth0Connection, items);
        Ok(connections)
    }

    pub async fn auth0_org_connections(
        &self,
        profile_id: &str,
        org: &OrganizationId,
    ) -> Result<Vec<OrgConnection>, CoreError> {
        let (_, client) = self.client(profile_id).await?;
        let connections = client.auth0()?.org_connections(org).await?;
        self.stock
            .refresh_auth0(profile_id, org, &connections, Independent);
        Ok(connections)
    }

    // ----- ZITADEL -----

    pub async fn zitadel_orgs(&self, profile_id: &str) -> Result<Vec<Org>, CoreError> {
        let orgs = self.client(profile_id).await?.1.zitadel()?.orgs().await?;
        let items = orgs
            .iter()
            .map(|o| (o.id.to_string(), o.name.clone(), None));
        self.listed(profile_id, TargetKind::ZitadelOrganization, items);
        Ok(orgs)
    }

    pub async fn zitadel_providers(
        &self,
        profile_id: &str,
        name: Option<&str>,
    ) -> Result<Vec<Provider>, CoreError> {
        let providers = self
            .client(profile_id)
            .await?
            .1
            .zitadel()?
            .providers(name)
            .await?;
        let items = providers.iter().map(|p| {
            let facts = Some(TargetFacts::of_provider(p));
            (p.id.to_string(), p.name.clone(), None, facts)
        });
        self.listed_with_facts(profile_id, TargetKind::ZitadelIdp, items);
        Ok(providers)
    }

    pub async fn zitadel_policy(
        &self,
        profile_id: &str,
        scope: &PolicyScope,
    ) -> Result<PolicyView, CoreError> {
        let (_, client) = self.client(profile_id).await?;
        let z = client.zitadel()?;
        let policy = z.login_policy(scope).await?;
        let linked = z.linked_idps(scope).await?;
        let read = PolicyRead {
            scope: scope.clone(),
            name: match scope {
                PolicyScope::Instance => "Instance".to_owned(),
                PolicyScope::Organization { org_id } => org_id.to_string(),
            },
            // The instance's own policy is the default ZITADEL reports `isDefault` for; only an
            // organization's can use it instead of its own.
            uses_instance_default: policy.is_default
                && matches!(scope, PolicyScope::Organization { .. }),
            linked: linked.iter().map(|l| l.idp_id.clone()).collect(),
        };
        self.stock.refresh_zitadel(profile_id, &read, Independent);
        Ok(PolicyView { policy, linked })
    }

    // ----- Hub -----

    pub async fn hub_modules(&self, profile_id: &str) -> Result<Vec<AuthModule>, CoreError> {
        let modules = self
            .client(profile_id)
            .await?
            .1
            .hub()?
            .auth_modules()
            .await?;
        let items = modules.iter().map(|m| {
            let facts = Some(TargetFacts::of_auth_module(m));
            let name = m.name.clone().unwrap_or_default();
            (m.id.to_string(), name, None, facts)
        });
        self.listed_with_facts(profile_id, TargetKind::HubAuthModule, items);
        Ok(modules)
    }

    pub async fn hub_auto_join_groups(
        &self,
        profile_id: &str,
        module: &AuthModuleId,
    ) -> Result<Vec<UserGroup>, CoreError> {
        let (_, client) = self.client(profile_id).await?;
        let groups = client.hub()?.auto_join_groups(module).await?;
        let ids: Vec<_> = groups.iter().map(|g| g.id.clone()).collect();
        self.stock
            .refresh_hub(profile_id, module, None, &ids, Independent);
        Ok(groups)
    }

    pub async fn hub_search_groups(
        &self,
        profile_id: &str,
        text: &str,
    ) -> Result<Vec<UserGroup>, CoreError> {
        let groups = self
            .client(profile_id)
            .await?
            .1
            .hub()?
            .search_groups(text, 50)
            .await?
            .items;
        let items = groups
            .iter()
            .map(|g| (g.id.to_string(), g.name.clone().unwrap_or_default(), None));
        self.listed(profile_id, TargetKind::HubGroup, items);
        Ok(groups)
    }
}
