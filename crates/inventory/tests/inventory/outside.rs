//! A re-read that differs from what was stored, when Lanyard did not make the change, is
//! listed as "changed outside Lanyard" with before, after and when it was seen.

use lanyard_inventory::{ReadOrigin, TargetKind, UnixMillis};
use lanyard_model::auth0::AccessLevel;

use crate::fixture::{PROFILE, T0, auth0_tenant, enabled, open, org};

#[test]
fn an_option_changed_by_someone_else_is_recorded_with_before_and_after() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let seen = UnixMillis(T0.0 + 3_600_000);
    // Someone showed acme's Okta button in the Dashboard and added GitHub.
    let reread = [
        enabled("con_okta", true, AccessLevel::None),
        enabled("con_google", true, AccessLevel::None),
        enabled("con_github", true, AccessLevel::Readonly),
    ];
    let acme = org("org_acme", "acme", Some("Acme Corporation"));
    let recorded = inventory
        .replace_auth0_organization(PROFILE, &acme, &reread, seen, ReadOrigin::Independent)
        .unwrap();
    assert_eq!(recorded, 2);

    let changes = inventory.changed_outside(PROFILE, 10).unwrap();
    let lines: Vec<(String, String, String)> = changes
        .iter()
        .map(|c| (c.item.clone(), c.before.clone(), c.after.clone()))
        .collect();
    assert!(
        lines.contains(&(
            "con_okta".to_owned(),
            "enabled · button hidden · members do not join on login · signup off · access: none"
                .to_owned(),
            "enabled · button shown · members do not join on login · signup off · access: none"
                .to_owned(),
        ))
    );
    assert!(
        lines.contains(&(
            "con_github".to_owned(),
            "not enabled".to_owned(),
            "enabled · button shown · members do not join on login · signup off · access: readonly"
                .to_owned(),
        ))
    );
    assert!(changes.iter().all(|c| c.seen_at == seen
        && c.kind == TargetKind::Auth0Organization
        && c.target_id == "org_acme"
        && c.target_name == "acme"));
}

#[test]
fn a_read_back_after_lanyards_own_change_records_nothing() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let acme = org("org_acme", "acme", Some("Acme Corporation"));
    let recorded = inventory
        .replace_auth0_organization(PROFILE, &acme, &[], T0, ReadOrigin::AfterLanyardChange)
        .unwrap();
    assert_eq!(recorded, 0);
    assert!(inventory.changed_outside(PROFILE, 10).unwrap().is_empty());
}

#[test]
fn the_first_read_of_an_organization_is_not_a_change() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    // wayne was known by name only; its first wiring read finds connections.
    let wayne = org("org_wayne", "wayne", Some("Wayne Enterprises"));
    let okta = [enabled("con_okta", true, AccessLevel::None)];
    let recorded = inventory
        .replace_auth0_organization(PROFILE, &wayne, &okta, T0, ReadOrigin::Independent)
        .unwrap();
    assert_eq!(recorded, 0);
    assert!(inventory.changed_outside(PROFILE, 10).unwrap().is_empty());
}

#[test]
fn the_same_options_read_through_the_old_endpoint_are_not_a_change() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    // umbrella's Google was read without options; reading Auth0's defaults spelled out is the
    // same wiring.
    let umbrella = org("org_umbrella", "umbrella", None);
    let spelled_out = lanyard_model::auth0::OrgConnection {
        show_as_button: Some(true),
        is_enabled: Some(true),
        organization_access_level: Some(AccessLevel::None),
        assign_membership_on_login: Some(false),
        is_signup_enabled: Some(false),
        ..crate::fixture::enabled_legacy("con_google")
    };
    let recorded = inventory
        .replace_auth0_organization(
            PROFILE,
            &umbrella,
            &[spelled_out],
            T0,
            ReadOrigin::Independent,
        )
        .unwrap();
    assert_eq!(recorded, 0);
}
