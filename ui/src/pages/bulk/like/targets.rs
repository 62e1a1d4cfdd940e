//! The targets make like offers on a profile: Auth0 organizations, ZITADEL login policies (the
//! instance's and each organization's), Hub auth modules; and the words for them.

use lanyard_model::CommandError;
use lanyard_model::bulk::BulkTarget;
use lanyard_model::compare::INSTANCE_POLICY_ID;
use lanyard_model::inventory::PickerKind;
use lanyard_model::profile::Product;

use super::super::target_table::Row;
use crate::backend;
use crate::tr;

pub(super) async fn target_rows(
    product: Product,
    profile_id: &str,
) -> Result<Vec<Row>, CommandError> {
    Ok(match product {
        Product::Auth0 => backend::auth0_all_organizations(profile_id)
            .await?
            .iter()
            .map(|o| Row {
                detail: format!("{} · {}", o.name, o.id),
                target: BulkTarget::organization(o),
            })
            .collect(),
        Product::Zitadel => {
            let mut rows = vec![Row {
                target: BulkTarget {
                    id: INSTANCE_POLICY_ID.to_owned(),
                    name: tr!("like-instance-default"),
                    owner_type: None,
                },
                detail: tr!("like-instance-policy"),
            }];
            rows.extend(
                backend::zitadel_orgs(profile_id)
                    .await?
                    .into_iter()
                    .map(|o| Row {
                        detail: tr!("like-org-detail", id = o.id.to_string()),
                        target: BulkTarget {
                            id: o.id.to_string(),
                            name: if o.name.is_empty() {
                                o.id.to_string()
                            } else {
                                o.name
                            },
                            owner_type: None,
                        },
                    }),
            );
            rows
        }
        Product::Hub => backend::hub_modules(profile_id)
            .await?
            .iter()
            .map(|m| Row {
                detail: format!("{} · {}", m.kind_label(), m.id),
                target: BulkTarget::auth_module(m),
            })
            .collect(),
    })
}

/// What a list of targets names on `product`.
pub(super) fn list_kind(product: Product) -> PickerKind {
    match product {
        Product::Auth0 => PickerKind::Auth0Organization,
        Product::Zitadel => PickerKind::ZitadelOrganization,
        Product::Hub => PickerKind::HubAuthModule,
    }
}

pub(super) fn noun(product: Product, many: bool) -> String {
    match (product, many) {
        (Product::Auth0, false) => tr!("noun-organization"),
        (Product::Auth0, true) => tr!("what-organizations"),
        (Product::Zitadel, false) => tr!("noun-login-policy"),
        (Product::Zitadel, true) => tr!("noun-login-policies"),
        (Product::Hub, false) => tr!("noun-auth-module"),
        (Product::Hub, true) => tr!("what-auth-modules"),
    }
}

/// What a target of `product` is wired to: "connections", "identity providers", "groups".
pub(in crate::pages::bulk) fn items_noun(product: Product) -> String {
    match product {
        Product::Auth0 => tr!("what-connections"),
        Product::Zitadel => tr!("what-idps"),
        Product::Hub => tr!("noun-groups"),
    }
}
