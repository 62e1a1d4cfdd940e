//! What a crawl lists and reads for each product: the listings that name the targets, then each
//! target's wiring, and how that wiring is recorded.

use futures::StreamExt;
use futures::stream::{self, BoxStream};
use lanyard_inventory::{
    CrawlTarget, Inventory, InventoryError, PolicyRead, ReadOrigin, TargetFacts, TargetKind,
    TargetRecord, UnixMillis,
};
use lanyard_model::auth0::{ConnectionFilter, OrgConnection, Organization};
use lanyard_model::error::ConfigProblem;
use lanyard_model::ids::{AuthModuleId, OrganizationId, UserGroupId, ZitadelOrgId};
use lanyard_model::inventory::Targets;
use lanyard_model::profile::Product;
use lanyard_model::zitadel::PolicyScope;
use lanyard_providers::ProviderError;

use crate::client::Client;
use crate::error::CoreError;

/// The name the ZITADEL instance's login policy is listed under (as an opened page names it).
pub(crate) const INSTANCE_NAME: &str = "Instance";

/// Names recorded per transaction while a listing is read.
const BATCH: usize = 100;

/// One listing a crawl reads before the wiring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Listing {
    Auth0Connections,
    Auth0Organizations,
    ZitadelInstance,
    ZitadelOrganizations,
    ZitadelIdps,
    HubAuthModules,
    HubGroups,
}

impl Listing {
    pub(crate) fn of(product: Product) -> &'static [Listing] {
        match product {
            Product::Auth0 => &[Listing::Auth0Connections, Listing::Auth0Organizations],
            Product::Zitadel => &[
                Listing::ZitadelInstance,
                Listing::ZitadelOrganizations,
                Listing::ZitadelIdps,
            ],
            Product::Hub => &[Listing::HubAuthModules, Listing::HubGroups],
        }
    }

    pub(crate) fn kind(self) -> TargetKind {
        match self {
            Listing::Auth0Connections => TargetKind::Auth0Connection,
            Listing::Auth0Organizations => TargetKind::Auth0Organization,
            Listing::ZitadelInstance => TargetKind::ZitadelInstance,
            Listing::ZitadelOrganizations => TargetKind::ZitadelOrganization,
            Listing::ZitadelIdps => TargetKind::ZitadelIdp,
            Listing::HubAuthModules => TargetKind::HubAuthModule,
            Listing::HubGroups => TargetKind::HubGroup,
        }
    }

    /// What it lists, for the progress line's "Listing …" and a stop while listing it.
    pub(crate) fn listed(self) -> Targets {
        match self {
            Listing::Auth0Connections => Targets::Connections,
            Listing::Auth0Organizations | Listing::ZitadelOrganizations => Targets::Organizations,
            Listing::ZitadelInstance => Targets::Instance,
            Listing::ZitadelIdps => Targets::IdentityProviders,
            Listing::HubAuthModules => Targets::AuthModules,
            Listing::HubGroups => Targets::Groups,
        }
    }

    /// The targets it names, a batch at a time, as the server's pages come.
    pub(crate) fn read<'a>(
        self,
        client: &'a Client,
    ) -> BoxStream<'a, Result<Vec<TargetRecord>, CoreError>> {
        let kind = self.kind();
        let record = move |id: &str, name: &str, display_name: Option<&str>| TargetRecord {
            kind,
            id: id.to_owned(),
            name: name.to_owned(),
            display_name: display_name.map(str::to_owned),
            facts: None,
        };
        match (self, client) {
            (Listing::Auth0Organizations, Client::Auth0(auth0)) => auth0
                .organizations()
                .chunks(BATCH)
                .map(move |chunk| {
                    chunk
                        .into_iter()
                        .map(|org| {
                            let o = org?;
                            Ok(record(o.id.as_str(), &o.name, o.display_name.as_deref()))
                        })
                        .collect()
                })
                .boxed(),
            (Listing::ZitadelInstance, Client::Zitadel(_)) => {
                stream::iter([Ok(Vec::new())]).boxed()
            }
            _ => stream::once(async move {
                let records: Vec<TargetRecord> = match (self, client) {
                    (Listing::Auth0Connections, Client::Auth0(c)) => c
                        .connections(&ConnectionFilter::default())
                        .await?
                        .iter()
                        .map(|x| TargetRecord {
                            facts: Some(TargetFacts::of_connection(x)),
                            ..record(x.id.as_str(), &x.name, x.display_name.as_deref())
                        })
                        .collect(),
                    (Listing::ZitadelOrganizations, Client::Zitadel(c)) => c
                        .orgs()
                        .await?
                        .iter()
                        .map(|o| record(o.id.as_str(), &o.name, None))
                        .collect(),
                    (Listing::ZitadelIdps, Client::Zitadel(c)) => c
                        .providers(None)
                        .await?
                        .iter()
                        .map(|p| TargetRecord {
                            facts: Some(TargetFacts::of_provider(p)),
                            ..record(p.id.as_str(), &p.name, None)
                        })
                        .collect(),
                    (Listing::HubAuthModules, Client::Hub(c)) => c
                        .auth_modules()
                        .await?
                        .iter()
                        .map(|m| TargetRecord {
                            facts: Some(TargetFacts::of_auth_module(m)),
                            ..record(
                                m.id.as_str(),
                                m.name.as_deref().unwrap_or(m.id.as_str()),
                                None,
                            )
                        })
                        .collect(),
                    (Listing::HubGroups, Client::Hub(c)) => c
                        .groups()
                        .await?
                        .iter()
                        .map(|g| {
                            record(
                                g.id.as_str(),
                                g.name.as_deref().unwrap_or(g.id.as_str()),
                                None,
                            )
                        })
                        .collect(),
                    _ => {
                        return Err(CoreError::Files(ConfigProblem::ClientOfOtherProduct));
                    }
                };
                Ok(records)
            })
            .boxed(),
        }
    }
}

/// The kinds of target whose wiring a crawl of `product` reads, in the order it reads them.
pub(crate) fn wired_kinds(product: Product) -> &'static [TargetKind] {
    match product {
        Product::Auth0 => &[TargetKind::Auth0Organization],
        Product::Zitadel => &[TargetKind::ZitadelInstance, TargetKind::ZitadelOrganization],
        Product::Hub => &[TargetKind::HubAuthModule],
    }
}

/// Whose wiring the wiring phase reads, for "Reading …".
pub(crate) fn wired(product: Product) -> Targets {
    match product {
        Product::Auth0 => Targets::Organizations,
        Product::Zitadel => Targets::LoginPolicies,
        Product::Hub => Targets::AuthModules,
    }
}

/// One target's wiring as read.
#[derive(Debug)]
pub(crate) enum Wiring {
    Auth0 {
        organization: Organization,
        connections: Vec<OrgConnection>,
    },
    Zitadel {
        policy: PolicyRead,
        /// The linked IdPs' names as ZITADEL's reply gave them (id, name).
        names: Vec<(String, String)>,
    },
    Hub {
        module: AuthModuleId,
        name: String,
        groups: Vec<UserGroupId>,
        /// The groups' names as Hub's reply gave them (id, name).
        names: Vec<(String, String)>,
    },
}

impl Wiring {
    /// The names the read gave its items (id, name): a connection's, a linked IdP's, a group's;
    /// items the reply did not name are left out.
    pub(crate) fn item_names(&self) -> Vec<(String, String)> {
        match self {
            Wiring::Auth0 { connections, .. } => connections
                .iter()
                .filter_map(|c| Some((c.connection_id.to_string(), c.name()?.to_owned())))
                .collect(),
            Wiring::Zitadel { names, .. } | Wiring::Hub { names, .. } => names.clone(),
        }
    }
}

/// An item's (id, name) when the reply named it.
fn named(id: &str, name: Option<&str>) -> Option<(String, String)> {
    let name = name.map(str::trim).filter(|n| !n.is_empty() && *n != id)?;
    Some((id.to_owned(), name.to_owned()))
}

/// An id the inventory holds that no server could have sent.
fn bad_id(target: &CrawlTarget, err: impl std::fmt::Display) -> CoreError {
    CoreError::Files(ConfigProblem::InventoryBadId {
        id: target.id.clone(),
        detail: err.to_string(),
    })
}

/// Reads one target's wiring.
pub(crate) async fn read(client: &Client, target: &CrawlTarget) -> Result<Wiring, CoreError> {
    let provider = |e: ProviderError| CoreError::Provider(e);
    match (target.kind, client) {
        (TargetKind::Auth0Organization, Client::Auth0(c)) => {
            let id = OrganizationId::parse(target.id.as_str()).map_err(|e| bad_id(target, e))?;
            let connections = c.org_connections(&id).await.map_err(provider)?;
            Ok(Wiring::Auth0 {
                organization: Organization {
                    id,
                    name: target.name.clone(),
                    display_name: target.display_name.clone(),
                },
                connections,
            })
        }
        (TargetKind::ZitadelInstance | TargetKind::ZitadelOrganization, Client::Zitadel(c)) => {
            let scope = if target.kind == TargetKind::ZitadelInstance {
                PolicyScope::Instance
            } else {
                PolicyScope::Organization {
                    org_id: ZitadelOrgId::parse(target.id.as_str())
                        .map_err(|e| bad_id(target, e))?,
                }
            };
            // Only an organization can use the instance's policy instead of its own (ZITADEL
            // reports `isDefault` for the instance's too), so the instance's is not asked.
            let uses_instance_default = match &scope {
                PolicyScope::Instance => false,
                PolicyScope::Organization { .. } => {
                    c.login_policy(&scope).await.map_err(provider)?.is_default
                }
            };
            let linked = c.linked_idps(&scope).await.map_err(provider)?;
            Ok(Wiring::Zitadel {
                names: linked
                    .iter()
                    .filter_map(|l| named(l.idp_id.as_str(), Some(&l.idp_name)))
                    .collect(),
                policy: PolicyRead {
                    scope,
                    name: target.name.clone(),
                    uses_instance_default,
                    linked: linked.into_iter().map(|l| l.idp_id).collect(),
                },
            })
        }
        (TargetKind::HubAuthModule, Client::Hub(c)) => {
            let module = AuthModuleId::parse(target.id.as_str()).map_err(|e| bad_id(target, e))?;
            let groups = c.auto_join_groups(&module).await.map_err(provider)?;
            Ok(Wiring::Hub {
                module,
                name: target.name.clone(),
                names: groups
                    .iter()
                    .filter_map(|g| named(g.id.as_str(), g.name.as_deref()))
                    .collect(),
                groups: groups.into_iter().map(|g| g.id).collect(),
            })
        }
        _ => Err(CoreError::Files(ConfigProblem::CrawlKindUnread {
            kind: target.kind.as_str().to_owned(),
        })),
    }
}

/// Records one target's wiring, replacing what was stored (one transaction); a difference from
/// an earlier read is recorded as changed outside Lanyard.
pub(crate) fn record(
    db: &mut Inventory,
    profile: &str,
    wiring: &Wiring,
    at: UnixMillis,
) -> Result<(), InventoryError> {
    let origin = ReadOrigin::Independent;
    match wiring {
        Wiring::Auth0 {
            organization,
            connections,
        } => db.replace_auth0_organization(profile, organization, connections, at, origin),
        Wiring::Zitadel { policy, .. } => db.replace_zitadel_policy(profile, policy, at, origin),
        Wiring::Hub {
            module,
            name,
            groups,
            ..
        } => db.replace_hub_module(profile, module, name, groups, at, origin),
    }
    .map(|_| ())
}
