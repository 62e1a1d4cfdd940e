//! "Which login policies link / do not link IdP X", write-through and outside changes.

use lanyard_inventory::{PolicyRead, ReadOrigin, UnixMillis, ZitadelPolicyQuery};
use lanyard_model::ids::{IdpId, ZitadelOrgId};
use lanyard_model::inventory::{IdpCondition, Presence};
use lanyard_model::zitadel::PolicyScope;

use crate::fixture::{T0, open};

const PROFILE: &str = "zitadel-prod";

fn idp(id: &str) -> IdpId {
    IdpId::parse(id).unwrap()
}

fn org_scope(id: &str) -> PolicyScope {
    PolicyScope::Organization {
        org_id: ZitadelOrgId::parse(id).unwrap(),
    }
}

fn zitadel_instance(inventory: &mut lanyard_inventory::Inventory) {
    let policies = [
        PolicyRead {
            scope: PolicyScope::Instance,
            name: "Instance".to_owned(),
            uses_instance_default: false,
            linked: vec![idp("idp_google"), idp("idp_entra")],
        },
        PolicyRead {
            scope: org_scope("3001"),
            name: "Contoso".to_owned(),
            uses_instance_default: false,
            linked: vec![idp("idp_okta")],
        },
        PolicyRead {
            scope: org_scope("3002"),
            name: "Fabrikam".to_owned(),
            uses_instance_default: true,
            linked: vec![idp("idp_google"), idp("idp_entra")],
        },
    ];
    for policy in &policies {
        inventory
            .replace_zitadel_policy(PROFILE, policy, T0, ReadOrigin::Independent)
            .unwrap();
    }
}

fn names(answer: &lanyard_inventory::Answer<lanyard_inventory::Found<PolicyScope>>) -> Vec<&str> {
    answer.matches.iter().map(|m| m.name.as_str()).collect()
}

/// Policies that link (`linked`) or do not link `id`.
fn linking(
    inventory: &lanyard_inventory::Inventory,
    id: &str,
    linked: bool,
) -> lanyard_inventory::Answer<lanyard_inventory::Found<PolicyScope>> {
    let query = ZitadelPolicyQuery {
        idp: Some(IdpCondition {
            idp_id: idp(id),
            presence: if linked {
                Presence::Has
            } else {
                Presence::Lacks
            },
        }),
        name_contains: None,
    };
    inventory.zitadel_policies(PROFILE, &query).unwrap()
}

#[test]
fn policies_that_link_and_do_not_link_an_idp() {
    let (_dir, mut inventory) = open();
    zitadel_instance(&mut inventory);
    let linking = linking(&inventory, "idp_google", true);
    assert_eq!(names(&linking), ["Instance", "Fabrikam"]);
    assert_eq!(linking.matches[0].id, PolicyScope::Instance);
    // Fabrikam has no policy of its own: the answer says so.
    assert_eq!(
        linking.matches[1].detail.as_deref(),
        Some("uses the instance default")
    );
    assert_eq!(linking.matches[0].detail, None);

    let not_linking = self::linking(&inventory, "idp_google", false);
    assert_eq!(names(&not_linking), ["Contoso"]);
    assert_eq!(not_linking.matches[0].id, org_scope("3001"));
}

#[test]
fn a_link_made_by_lanyard_is_written_through() {
    let (_dir, mut inventory) = open();
    zitadel_instance(&mut inventory);
    let later = UnixMillis(T0.0 + 1_000);
    assert!(
        inventory
            .record_zitadel_link(PROFILE, &org_scope("3001"), &idp("idp_google"), true, later)
            .unwrap()
    );
    assert!(
        inventory
            .record_zitadel_link(
                PROFILE,
                &PolicyScope::Instance,
                &idp("idp_google"),
                false,
                later
            )
            .unwrap()
    );
    let linking = linking(&inventory, "idp_google", true);
    assert_eq!(names(&linking), ["Contoso", "Fabrikam"]);
    assert!(inventory.changed_outside(PROFILE, 10).unwrap().is_empty());
}

#[test]
fn an_idp_unlinked_in_the_console_is_seen_as_changed_outside() {
    let (_dir, mut inventory) = open();
    zitadel_instance(&mut inventory);
    let seen = UnixMillis(T0.0 + 5_000);
    let reread = PolicyRead {
        scope: org_scope("3001"),
        name: "Contoso".to_owned(),
        uses_instance_default: false,
        linked: vec![],
    };
    let recorded = inventory
        .replace_zitadel_policy(PROFILE, &reread, seen, ReadOrigin::Independent)
        .unwrap();
    assert_eq!(recorded, 1);
    let changes = inventory.changed_outside(PROFILE, 10).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (
            changes[0].target_name.as_str(),
            changes[0].item.as_str(),
            changes[0].before.as_str(),
            changes[0].after.as_str()
        ),
        ("Contoso", "idp_okta", "linked", "not linked")
    );
    assert_eq!(changes[0].seen_at, seen);
}
