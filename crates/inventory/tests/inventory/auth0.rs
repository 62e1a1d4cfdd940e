//! "Which organizations have / lack connection X, with these options, named like this".

use lanyard_inventory::Auth0OrgQuery;
use lanyard_model::auth0::AccessLevel;
use lanyard_model::inventory::{ConnectionCondition, OptionsFilter as OptionFilter, Presence};

use crate::fixture::{PROFILE, auth0_tenant, con, names, open};

fn has(connection: &str, options: OptionFilter) -> Auth0OrgQuery {
    Auth0OrgQuery {
        connection: Some(ConnectionCondition {
            connection_id: con(connection),
            presence: Presence::Has,
            options,
        }),
        name_contains: None,
    }
}

fn lacks(connection: &str, name_contains: Option<&str>) -> Auth0OrgQuery {
    Auth0OrgQuery {
        connection: Some(ConnectionCondition {
            connection_id: con(connection),
            presence: Presence::Lacks,
            options: OptionFilter::default(),
        }),
        name_contains: name_contains.map(str::to_owned),
    }
}

#[test]
fn organizations_that_have_a_connection_are_listed_by_name() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let answer = inventory
        .auth0_organizations(PROFILE, &has("con_okta", OptionFilter::default()))
        .unwrap();
    assert_eq!(names(&answer.matches), ["acme", "globex", "initech"]);
    // wayne is known by name only: the answer says one organization is not counted yet.
    assert_eq!(answer.not_yet_read, 1);
}

#[test]
fn organizations_that_lack_a_connection_leave_out_those_never_read() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let answer = inventory
        .auth0_organizations(PROFILE, &lacks("con_okta", None))
        .unwrap();
    assert_eq!(names(&answer.matches), ["hooli", "umbrella"]);
    assert_eq!(answer.not_yet_read, 1);
}

#[test]
fn a_hidden_button_filter_finds_who_hides_it_and_defaults_count_as_shown() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let hidden = OptionFilter {
        show_as_button: Some(false),
        ..OptionFilter::default()
    };
    let okta = inventory
        .auth0_organizations(PROFILE, &has("con_okta", hidden.clone()))
        .unwrap();
    assert_eq!(names(&okta.matches), ["acme"]);
    // umbrella was read through the old endpoint (no show_as_button): Auth0 shows the button.
    let google = inventory
        .auth0_organizations(PROFILE, &has("con_google", hidden))
        .unwrap();
    assert_eq!(names(&google.matches), ["hooli"]);
    let shown = OptionFilter {
        show_as_button: Some(true),
        ..OptionFilter::default()
    };
    let google_shown = inventory
        .auth0_organizations(PROFILE, &has("con_google", shown))
        .unwrap();
    assert_eq!(names(&google_shown.matches), ["acme", "globex", "umbrella"]);
}

#[test]
fn access_level_and_name_filters_combine() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let full = OptionFilter {
        organization_access_level: Some(AccessLevel::Full),
        ..OptionFilter::default()
    };
    let answer = inventory
        .auth0_organizations(PROFILE, &has("con_okta", full))
        .unwrap();
    assert_eq!(names(&answer.matches), ["globex"]);

    let mut no_access_named_corp = has(
        "con_okta",
        OptionFilter {
            organization_access_level: Some(AccessLevel::None),
            ..OptionFilter::default()
        },
    );
    // Matches the display name "Acme Corporation", in any case.
    no_access_named_corp.name_contains = Some("CORP".to_owned());
    let answer = inventory
        .auth0_organizations(PROFILE, &no_access_named_corp)
        .unwrap();
    assert_eq!(names(&answer.matches), ["acme"]);

    let answer = inventory
        .auth0_organizations(PROFILE, &lacks("con_okta", Some("hoo")))
        .unwrap();
    assert_eq!(names(&answer.matches), ["hooli"]);
}

#[test]
fn another_profiles_rows_never_answer() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let answer = inventory
        .auth0_organizations("auth0-staging", &has("con_okta", OptionFilter::default()))
        .unwrap();
    assert!(answer.matches.is_empty());
    assert_eq!(answer.not_yet_read, 0);
}

#[test]
fn lanyards_own_change_is_written_through_and_not_reported_as_outside() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let acme = lanyard_model::ids::OrganizationId::parse("org_acme").unwrap();
    let later = lanyard_inventory::UnixMillis(crate::fixture::T0.0 + 60_000);

    // Lanyard shows the Okta button on acme, then removes Google.
    let shown = crate::fixture::enabled("con_okta", true, AccessLevel::None);
    assert!(
        inventory
            .record_auth0_change(PROFILE, &acme, &con("con_okta"), Some(&shown), later)
            .unwrap()
    );
    assert!(
        inventory
            .record_auth0_change(PROFILE, &acme, &con("con_google"), None, later)
            .unwrap()
    );

    let hidden = OptionFilter {
        show_as_button: Some(false),
        ..OptionFilter::default()
    };
    assert!(
        inventory
            .auth0_organizations(PROFILE, &has("con_okta", hidden))
            .unwrap()
            .matches
            .is_empty()
    );
    let stored = inventory
        .auth0_organization_connections(PROFILE, &acme)
        .unwrap()
        .unwrap();
    assert_eq!(stored, vec![shown.clone()]);

    // The read-back after the change agrees, and nothing is listed as changed outside.
    let acme_org = crate::fixture::org("org_acme", "acme", Some("Acme Corporation"));
    let recorded = inventory
        .replace_auth0_organization(
            PROFILE,
            &acme_org,
            &[shown],
            later,
            lanyard_inventory::ReadOrigin::Independent,
        )
        .unwrap();
    assert_eq!(recorded, 0);
    assert!(inventory.changed_outside(PROFILE, 10).unwrap().is_empty());
}

#[test]
fn a_change_to_an_organization_never_read_is_not_written_through() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let wayne = lanyard_model::ids::OrganizationId::parse("org_wayne").unwrap();
    let okta = crate::fixture::enabled("con_okta", true, AccessLevel::None);
    let written = inventory
        .record_auth0_change(
            PROFILE,
            &wayne,
            &con("con_okta"),
            Some(&okta),
            crate::fixture::T0,
        )
        .unwrap();
    assert!(!written);
    assert_eq!(
        inventory
            .auth0_organization_connections(PROFILE, &wayne)
            .unwrap(),
        None
    );
}

#[test]
fn a_read_of_one_connection_touches_only_an_organization_read_before() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let okta = crate::fixture::enabled("con_okta", true, AccessLevel::None);
    let wayne = lanyard_model::ids::OrganizationId::parse("org_wayne").unwrap();
    let independent = lanyard_inventory::ReadOrigin::Independent;
    let at = crate::fixture::T0;
    let recorded = inventory
        .replace_auth0_connection(
            PROFILE,
            &wayne,
            &con("con_okta"),
            Some(&okta),
            at,
            independent,
        )
        .unwrap();
    assert_eq!(recorded, 0);
    assert_eq!(
        inventory
            .auth0_organization_connections(PROFILE, &wayne)
            .unwrap(),
        None,
        "one row never passes for the organization's wiring"
    );
}
