//! The pickers answer from the inventory: substring on name and display name, any case,
//! exact and prefix matches first; and how old a set of targets' rows is.

use lanyard_inventory::{TargetKind, TargetRecord, UnixMillis};

use crate::fixture::{PROFILE, T0, auth0_tenant, open};

fn ids(found: &[lanyard_inventory::TargetSummary]) -> Vec<&str> {
    found.iter().map(|t| t.id.as_str()).collect()
}

#[test]
fn a_picker_search_matches_name_or_display_name_in_any_case() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let kind = TargetKind::Auth0Organization;
    // "ENTERPRISES" is in wayne's display name only.
    assert_eq!(
        ids(&inventory.search(PROFILE, kind, "ENTERPRISES", 10).unwrap()),
        ["org_wayne"]
    );
    // "co" is only in "Acme Corporation"; "o" is in most names, and the limit holds.
    assert_eq!(
        ids(&inventory.search(PROFILE, kind, "co", 10).unwrap()),
        ["org_acme"]
    );
    assert_eq!(inventory.search(PROFILE, kind, "o", 2).unwrap().len(), 2);
    assert!(
        inventory
            .search(PROFILE, TargetKind::HubGroup, "acme", 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_exact_name_comes_first_then_names_that_start_with_the_term() {
    let (_dir, mut inventory) = open();
    let group = |id: &str, name: &str| TargetRecord {
        kind: TargetKind::HubGroup,
        id: id.to_owned(),
        name: name.to_owned(),
        display_name: None,
        facts: None,
    };
    inventory
        .record_targets(
            PROFILE,
            &[
                group("g1", "All Contractors"),
                group("g2", "Contractors EU"),
                group("g3", "contractors"),
                group("g4", "Ärzte Contractors"),
                group("g5", "Ärzte"),
            ],
            T0,
        )
        .unwrap();
    let found = inventory
        .search(PROFILE, TargetKind::HubGroup, "Contractors", 10)
        .unwrap();
    assert_eq!(ids(&found), ["g3", "g2", "g1", "g4"]);
    // Case folding is not ASCII only, for the match and for the exact name first.
    let umlaut = inventory
        .search(PROFILE, TargetKind::HubGroup, "ÄRZTE", 10)
        .unwrap();
    assert_eq!(ids(&umlaut), ["g5", "g4"]);
}

#[test]
fn freshness_tells_the_oldest_read_and_what_was_never_read() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let later = UnixMillis(T0.0 + 600_000);
    let acme = crate::fixture::org("org_acme", "acme", None);
    inventory
        .replace_auth0_organization(
            PROFILE,
            &acme,
            &[],
            later,
            lanyard_inventory::ReadOrigin::AfterLanyardChange,
        )
        .unwrap();
    let kind = TargetKind::Auth0Organization;

    let read = inventory
        .freshness(PROFILE, kind, &["org_acme", "org_globex"])
        .unwrap();
    assert_eq!(read.oldest, Some(T0));
    assert_eq!(read.unread, 0);
    assert!(read.all_read_since(T0));
    assert!(!read.all_read_since(later));

    // wayne is known by name only, org_nobody not at all: a plan must read both live.
    let partial = inventory
        .freshness(PROFILE, kind, &["org_acme", "org_wayne", "org_nobody"])
        .unwrap();
    assert_eq!(partial.oldest, Some(later));
    assert_eq!(partial.unread, 2);
    assert!(!partial.all_read_since(T0));
}
