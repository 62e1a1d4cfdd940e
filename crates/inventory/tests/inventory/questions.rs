//! The questions as the Inventory page combines them: no condition (every target read), a
//! condition with the name filter, and what each row says in words.

use lanyard_inventory::{
    Auth0OrgQuery, HubModuleQuery, Inventory, PolicyRead, ReadOrigin, TargetKind, TargetRecord,
    UnixMillis, ZitadelPolicyQuery,
};
use lanyard_model::auth0::AccessLevel;
use lanyard_model::ids::{AuthModuleId, IdpId, UserGroupId, ZitadelOrgId};
use lanyard_model::inventory::{ConnectionCondition, IdpCondition, OptionsFilter, Presence};
use lanyard_model::zitadel::PolicyScope;

use crate::fixture::{PROFILE, T0, auth0_tenant, con, names, open, org};

fn auth0(connection: Option<ConnectionCondition>, name: &str) -> Auth0OrgQuery {
    Auth0OrgQuery {
        connection,
        name_contains: Some(name.to_owned()),
    }
}

fn has(id: &str, options: OptionsFilter) -> Option<ConnectionCondition> {
    Some(ConnectionCondition {
        connection_id: con(id),
        presence: Presence::Has,
        options,
    })
}

#[test]
fn no_condition_lists_every_organization_read_with_its_count_of_connections() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let all = inventory
        .auth0_organizations(PROFILE, &Auth0OrgQuery::default())
        .unwrap();
    // wayne is known by name only: not listed, counted as not read yet.
    assert_eq!(
        names(&all.matches),
        ["acme", "globex", "hooli", "initech", "umbrella"]
    );
    assert_eq!((all.known, all.not_yet_read), (6, 1));
    assert_eq!(
        all.matches[0].detail.as_deref(),
        Some("2 connections enabled")
    );
    assert_eq!(
        all.matches[2].detail.as_deref(),
        Some("1 connection enabled")
    );
    assert!(all.matches.iter().all(|m| m.wiring_read_at == T0));

    // An empty or blank name filter is no filter; a name narrows, in any case.
    let blank = inventory
        .auth0_organizations(PROFILE, &auth0(None, "  "))
        .unwrap();
    assert_eq!(blank.matches.len(), 5);
    let named = inventory
        .auth0_organizations(PROFILE, &auth0(None, "INC"))
        .unwrap();
    assert_eq!(names(&named.matches), ["globex"]);
}

#[test]
fn a_has_row_says_the_matched_connections_options_in_words() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let mut okta = crate::fixture::enabled("con_okta", false, AccessLevel::Limited);
    okta.assign_membership_on_login = Some(true);
    okta.organization_connection_name = Some("okta-sso".to_owned());
    let later = UnixMillis(T0.0 + 60_000);
    inventory
        .replace_auth0_organization(
            PROFILE,
            &org("org_acme", "acme", Some("Acme Corporation")),
            &[okta],
            later,
            ReadOrigin::Independent,
        )
        .unwrap();
    let answer = inventory
        .auth0_organizations(
            PROFILE,
            &auth0(has("con_okta", OptionsFilter::default()), ""),
        )
        .unwrap();
    let acme = &answer.matches[0];
    assert_eq!(acme.id.as_str(), "org_acme");
    assert_eq!(acme.display_name.as_deref(), Some("Acme Corporation"));
    assert_eq!(
        acme.detail.as_deref(),
        Some(
            "enabled · button hidden · members join on login · signup off · access: limited · \
             name \"okta-sso\""
        )
    );
    assert_eq!(acme.wiring_read_at, later);
    // umbrella's Google was read without options: its row says Auth0's defaults.
    let google = inventory
        .auth0_organizations(
            PROFILE,
            &auth0(has("con_google", OptionsFilter::default()), "umb"),
        )
        .unwrap();
    assert_eq!(
        google.matches[0].detail.as_deref(),
        Some("enabled · button shown · members do not join on login · signup off · access: none")
    );
}

#[test]
fn every_option_filter_combines_with_the_others_and_the_name() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let mut disabled = crate::fixture::enabled("con_okta", true, AccessLevel::Full);
    disabled.is_enabled = Some(false);
    disabled.is_signup_enabled = Some(true);
    inventory
        .replace_auth0_organization(
            PROFILE,
            &org("org_globex", "globex", Some("Globex Inc.")),
            &[disabled],
            T0,
            ReadOrigin::AfterLanyardChange,
        )
        .unwrap();
    let ask = |options: OptionsFilter, name: &str| {
        inventory
            .auth0_organizations(PROFILE, &auth0(has("con_okta", options), name))
            .unwrap()
    };
    let off = OptionsFilter {
        is_enabled: Some(false),
        ..OptionsFilter::default()
    };
    assert_eq!(names(&ask(off.clone(), "").matches), ["globex"]);
    let off_with_signup = OptionsFilter {
        is_signup_enabled: Some(true),
        organization_access_level: Some(AccessLevel::Full),
        ..off.clone()
    };
    assert_eq!(names(&ask(off_with_signup.clone(), "").matches), ["globex"]);
    assert!(ask(off_with_signup, "acme").matches.is_empty());
    let joining = OptionsFilter {
        assign_membership_on_login: Some(true),
        ..OptionsFilter::default()
    };
    assert!(ask(joining, "").matches.is_empty());
    let on = OptionsFilter {
        is_enabled: Some(true),
        ..OptionsFilter::default()
    };
    assert_eq!(names(&ask(on, "").matches), ["acme", "initech"]);
}

const ZPROFILE: &str = "zitadel-prod";

fn zitadel(inventory: &mut Inventory) {
    let scope = |id: &str| PolicyScope::Organization {
        org_id: ZitadelOrgId::parse(id).unwrap(),
    };
    let policies = [
        (PolicyScope::Instance, "Instance", false, vec!["idp_google"]),
        (scope("3001"), "Contoso", false, vec!["idp_okta"]),
        (scope("3002"), "Fabrikam", true, vec!["idp_google"]),
    ];
    for (scope, name, uses_instance_default, linked) in policies {
        let policy = PolicyRead {
            scope,
            name: name.to_owned(),
            uses_instance_default,
            linked: linked
                .into_iter()
                .map(|i| IdpId::parse(i).unwrap())
                .collect(),
        };
        inventory
            .replace_zitadel_policy(ZPROFILE, &policy, T0, ReadOrigin::Independent)
            .unwrap();
    }
    let listed = TargetRecord {
        kind: TargetKind::ZitadelOrganization,
        id: "3003".to_owned(),
        name: "Northwind".to_owned(),
        display_name: None,
        facts: None,
    };
    inventory.record_targets(ZPROFILE, &[listed], T0).unwrap();
}

#[test]
fn zitadel_policies_without_a_condition_and_narrowed_by_name() {
    let (_dir, mut inventory) = open();
    zitadel(&mut inventory);
    let all = inventory
        .zitadel_policies(ZPROFILE, &ZitadelPolicyQuery::default())
        .unwrap();
    assert_eq!(names(&all.matches), ["Instance", "Contoso", "Fabrikam"]);
    // Northwind is listed but its policy was never read.
    assert_eq!((all.known, all.not_yet_read), (4, 1));
    let fabrikam = &all.matches[2];
    assert_eq!(
        fabrikam.detail.as_deref(),
        Some("uses the instance default")
    );

    let not_linking_named = ZitadelPolicyQuery {
        idp: Some(IdpCondition {
            idp_id: IdpId::parse("idp_google").unwrap(),
            presence: Presence::Lacks,
        }),
        name_contains: Some("cont".to_owned()),
    };
    let answer = inventory
        .zitadel_policies(ZPROFILE, &not_linking_named)
        .unwrap();
    assert_eq!(names(&answer.matches), ["Contoso"]);
    let linking_named = ZitadelPolicyQuery {
        idp: Some(IdpCondition {
            idp_id: IdpId::parse("idp_google").unwrap(),
            presence: Presence::Has,
        }),
        name_contains: Some("fab".to_owned()),
    };
    let answer = inventory
        .zitadel_policies(ZPROFILE, &linking_named)
        .unwrap();
    assert_eq!(names(&answer.matches), ["Fabrikam"]);
}

const HPROFILE: &str = "hub-prod";

fn hub(inventory: &mut Inventory) {
    let group = |id: &str| UserGroupId::parse(id).unwrap();
    let modules = [
        (
            "m-google",
            "Google",
            vec![group("g-contractors"), group("g-all")],
        ),
        ("m-ldap", "Corporate LDAP", vec![group("g-unlisted")]),
        ("m-core", "Built-in", vec![]),
    ];
    for (id, name, groups) in modules {
        let module = AuthModuleId::parse(id).unwrap();
        inventory
            .replace_hub_module(
                HPROFILE,
                &module,
                name,
                &groups,
                T0,
                ReadOrigin::Independent,
            )
            .unwrap();
    }
    let listed = |id: &str, name: &str| TargetRecord {
        kind: TargetKind::HubGroup,
        id: id.to_owned(),
        name: name.to_owned(),
        display_name: None,
        facts: None,
    };
    inventory
        .record_targets(
            HPROFILE,
            &[
                listed("g-contractors", "Contractors"),
                listed("g-all", "All Users"),
            ],
            T0,
        )
        .unwrap();
}

#[test]
fn hub_modules_say_their_groups_by_name_where_known() {
    let (_dir, mut inventory) = open();
    hub(&mut inventory);
    let all = inventory
        .hub_modules(HPROFILE, &HubModuleQuery::default())
        .unwrap();
    let rows: Vec<(&str, Option<&str>)> = all
        .matches
        .iter()
        .map(|m| (m.name.as_str(), m.detail.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            ("Built-in", Some("no auto-join groups")),
            ("Corporate LDAP", Some("auto-joins g-unlisted")),
            ("Google", Some("auto-joins All Users, Contractors")),
        ]
    );
    assert_eq!((all.known, all.not_yet_read), (3, 0));

    let query = HubModuleQuery {
        auto_joins: Some(UserGroupId::parse("g-contractors").unwrap()),
        name_contains: Some("goo".to_owned()),
    };
    assert_eq!(
        names(&inventory.hub_modules(HPROFILE, &query).unwrap().matches),
        ["Google"]
    );
    let query = HubModuleQuery {
        name_contains: Some("ldap".to_owned()),
        ..query
    };
    assert!(
        inventory
            .hub_modules(HPROFILE, &query)
            .unwrap()
            .matches
            .is_empty()
    );
}

#[test]
fn an_id_no_server_could_have_sent_is_an_error_in_every_question() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite3");
    {
        let mut inventory = Inventory::open(&path).unwrap();
        zitadel(&mut inventory);
        hub(&mut inventory);
    }
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch(
        "UPDATE targets SET external_id = 'a/b' WHERE external_id IN ('3001', 'm-core')",
    )
    .unwrap();
    drop(raw);
    let inventory = Inventory::open(&path).unwrap();
    let bad = |e: lanyard_inventory::InventoryError| {
        assert!(
            matches!(e, lanyard_inventory::InventoryError::BadValue(_)),
            "{e:?}"
        );
    };
    bad(inventory
        .zitadel_policies(ZPROFILE, &ZitadelPolicyQuery::default())
        .unwrap_err());
    bad(inventory
        .hub_modules(HPROFILE, &HubModuleQuery::default())
        .unwrap_err());
}
