//! "Which auth modules auto-join group G", write-through and outside changes.

use lanyard_inventory::{ReadOrigin, UnixMillis};
use lanyard_model::ids::{AuthModuleId, UserGroupId};

use crate::fixture::{T0, open};

const PROFILE: &str = "hub-prod";

fn module(id: &str) -> AuthModuleId {
    AuthModuleId::parse(id).unwrap()
}

fn group(id: &str) -> UserGroupId {
    UserGroupId::parse(id).unwrap()
}

fn hub_service(inventory: &mut lanyard_inventory::Inventory) {
    let modules = [
        (
            "m-google",
            "Google",
            vec![group("g-contractors"), group("g-all")],
        ),
        (
            "m-okta",
            "Okta SSO",
            vec![group("g-employees"), group("g-all")],
        ),
        ("m-ldap", "Corporate LDAP", vec![group("g-contractors")]),
        ("m-core", "Built-in", vec![]),
    ];
    for (id, name, groups) in modules {
        inventory
            .replace_hub_module(
                PROFILE,
                &module(id),
                name,
                &groups,
                T0,
                ReadOrigin::Independent,
            )
            .unwrap();
    }
}

fn names(inventory: &lanyard_inventory::Inventory, g: &str) -> Vec<String> {
    let answer = inventory
        .hub_modules_auto_joining(PROFILE, &group(g))
        .unwrap();
    answer.matches.into_iter().map(|m| m.name).collect()
}

#[test]
fn modules_that_auto_join_a_group() {
    let (_dir, mut inventory) = open();
    hub_service(&mut inventory);
    assert_eq!(
        names(&inventory, "g-contractors"),
        ["Corporate LDAP", "Google"]
    );
    assert_eq!(names(&inventory, "g-all"), ["Google", "Okta SSO"]);
    assert!(names(&inventory, "g-nobody").is_empty());
}

#[test]
fn a_group_added_by_lanyard_is_written_through() {
    let (_dir, mut inventory) = open();
    hub_service(&mut inventory);
    let later = UnixMillis(T0.0 + 1);
    assert!(
        inventory
            .record_hub_auto_join(
                PROFILE,
                &module("m-core"),
                &group("g-contractors"),
                true,
                later
            )
            .unwrap()
    );
    assert!(
        inventory
            .record_hub_auto_join(
                PROFILE,
                &module("m-google"),
                &group("g-contractors"),
                false,
                later
            )
            .unwrap()
    );
    assert_eq!(
        names(&inventory, "g-contractors"),
        ["Built-in", "Corporate LDAP"]
    );
}

#[test]
fn a_group_removed_elsewhere_is_seen_as_changed_outside() {
    let (_dir, mut inventory) = open();
    hub_service(&mut inventory);
    let seen = UnixMillis(T0.0 + 2);
    let recorded = inventory
        .replace_hub_module(
            PROFILE,
            &module("m-ldap"),
            "Corporate LDAP",
            &[],
            seen,
            ReadOrigin::Independent,
        )
        .unwrap();
    assert_eq!(recorded, 1);
    let changes = inventory.changed_outside(PROFILE, 10).unwrap();
    assert_eq!(
        (
            changes[0].item.as_str(),
            changes[0].before.as_str(),
            changes[0].after.as_str()
        ),
        ("g-contractors", "auto-joined", "not auto-joined")
    );
    assert_eq!(names(&inventory, "g-contractors"), ["Google"]);
}
