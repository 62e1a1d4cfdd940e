//! The application layer against the built-in sandbox: preview, apply and undo for each
//! product, undo refused after an outside change, the production guard, the audit trail, and
//! the profile lifecycle with the real keychain.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_core::audit::Outcome;
use lanyard_core::secrets::Keychain;
use lanyard_core::{Console, CoreError, Paths};
use lanyard_model::auth0::{EnableConnection, Patch, UpdateConnection};
use lanyard_model::error::StateChange;
use lanyard_model::ids::{AuthModuleId, ConnectionId, IdpId, OrganizationId, UserGroupId};
use lanyard_model::profile::{Environment, Product, ProfileDraft, SecretInput};
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope, PolicyView};
use lanyard_model::{Change, Labels, TargetState};

fn console(dir: &tempfile::TempDir) -> Console {
    let paths = Paths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
    };
    Console::open(paths, Keychain::new("lanyard-test-console")).unwrap()
}

/// A console on a new, empty folder (kept while the returned guard lives).
fn new_console() -> (tempfile::TempDir, Console) {
    let dir = tempfile::tempdir().unwrap();
    let c = console(&dir);
    (dir, c)
}

/// Organization `org`'s link with connection `con` as the sandbox has it now, if there is one.
async fn link_of(
    c: &Console,
    org: &OrganizationId,
    con: &ConnectionId,
) -> Option<lanyard_model::auth0::OrgConnection> {
    c.auth0_org_connections("sandbox-auth0", org)
        .await
        .unwrap()
        .into_iter()
        .find(|x| x.connection_id == con.as_str())
}

/// Enabling a connection for organization `org` with `request`.
fn auth0_enable(
    org: &OrganizationId,
    request: EnableConnection,
    strategy: &str,
    labels: Labels,
) -> Change {
    Change::Auth0Enable {
        organization_id: org.clone(),
        request,
        strategy: Some(strategy.into()),
        labels,
    }
}

/// The edit form as the UI fills it for `p`, with the secret left empty.
fn draft_for_edit(p: &lanyard_model::Profile) -> ProfileDraft {
    ProfileDraft {
        product: p.product,
        display_name: p.display_name.clone(),
        address: p.base_url.clone(),
        client_id: String::new(),
        scope: String::new(),
        use_token: true,
        environment: p.environment,
        secret: SecretInput(String::new()),
    }
}

fn labels(target: &str, item: &str) -> Labels {
    Labels {
        target: target.into(),
        item: item.into(),
    }
}

async fn auth0_ids(
    c: &Console,
    org_name: &str,
    conn_name: &str,
) -> (OrganizationId, ConnectionId, String) {
    let orgs = c
        .auth0_search_organizations("sandbox-auth0", org_name)
        .await
        .unwrap();
    let conns = c.auth0_connections("sandbox-auth0").await.unwrap();
    let conn = conns.iter().find(|x| x.name == conn_name).unwrap();
    (
        OrganizationId::parse(orgs[0].id.clone()).unwrap(),
        ConnectionId::parse(conn.id.clone()).unwrap(),
        conn.strategy.clone(),
    )
}

#[tokio::test]
async fn with_no_profile_the_sandbox_profiles_are_offered_and_can_be_hidden() {
    let (dir, c) = new_console();
    let profiles = c.profiles().await;
    assert_eq!(
        profiles.iter().map(|p| p.product).collect::<Vec<_>>(),
        vec![Product::Auth0, Product::Zitadel, Product::Hub]
    );
    assert!(
        profiles
            .iter()
            .all(|p| p.builtin && p.environment == Environment::Sandbox)
    );
    assert!(c.profile_test("sandbox-hub").await.unwrap().ok);
    c.profiles_hide_sandbox(true).unwrap();
    assert!(c.profiles().await.is_empty());
    assert!(
        console(&dir).profiles().await.is_empty(),
        "hiding is remembered"
    );
}

#[tokio::test]
async fn the_language_picked_is_in_the_app_info_after_a_restart() {
    let (dir, c) = new_console();
    assert_eq!(c.app_info("1", "linux").await.language, None);
    c.app_set_language(Some("ja".to_owned())).unwrap();
    assert_eq!(
        console(&dir)
            .app_info("1", "linux")
            .await
            .language
            .as_deref(),
        Some("ja")
    );
    c.app_set_language(None).unwrap();
    assert_eq!(console(&dir).app_info("1", "linux").await.language, None);
}

#[tokio::test]
async fn auth0_enable_then_undo_and_update_then_undo() {
    let (_dir, c) = new_console();
    let (org, con, strategy) = auth0_ids(&c, "pied-piper", "Partners-Database").await;
    let mut request = EnableConnection::new(con.clone());
    request.assign_membership_on_login = Some(true);
    request.is_signup_enabled = Some(true);
    let enable = auth0_enable(
        &org,
        request,
        &strategy,
        labels("Pied Piper", "Partners-Database"),
    );
    let plan = c.change_preview("sandbox-auth0", &enable).await.unwrap();
    assert!(
        plan.request
            .to_string()
            .starts_with("POST /api/v2/organizations/")
    );
    assert_eq!(
        plan.current,
        TargetState::Auth0Connection { settings: None },
        "not enabled yet"
    );
    assert_eq!(
        plan.planned.to_string(),
        "enabled · button · membership on login · signup · access none"
    );
    assert!(!plan.no_op);
    let applied = c
        .change_apply("sandbox-auth0", &enable, None)
        .await
        .unwrap();
    assert!(!applied.already);
    let undo = applied.undo.clone().expect("an enable can be undone");
    assert!(matches!(undo, Change::Auth0Remove { .. }));

    let settings = link_of(&c, &org, &con).await.unwrap().settings();
    let update = Change::Auth0Update {
        organization_id: org.clone(),
        connection_id: con.clone(),
        update: UpdateConnection {
            organization_connection_name: Patch::Set("Partners".into()),
            ..Default::default()
        },
        expect: settings,
        strategy: Some(strategy.clone()),
        labels: labels("Pied Piper", "Partners-Database"),
    };
    let updated = c
        .change_apply("sandbox-auth0", &update, None)
        .await
        .unwrap();
    c.change_apply("sandbox-auth0", &updated.undo.unwrap(), None)
        .await
        .unwrap();
    assert_eq!(
        link_of(&c, &org, &con)
            .await
            .unwrap()
            .organization_connection_name,
        None,
        "the name is cleared again"
    );

    c.change_apply("sandbox-auth0", &undo, None).await.unwrap();
    assert!(link_of(&c, &org, &con).await.is_none());

    let log = c.activity_list().unwrap();
    assert_eq!(log.entries.len(), 4);
    assert!(
        log.entries
            .iter()
            .all(|e| e.outcome == Outcome::Success && e.correlation_id.is_some())
    );
    assert_eq!(log.entries[3].operation, "enable_connection");
}

#[tokio::test]
async fn undo_is_refused_when_the_target_changed_since() {
    let (_dir, c) = new_console();
    let (org, con, strategy) = auth0_ids(&c, "massive-dynamic", "Globex-SAML").await;
    let enable = auth0_enable(
        &org,
        EnableConnection::new(con.clone()),
        &strategy,
        labels("Massive Dynamic", "Globex-SAML"),
    );
    let undo = c
        .change_apply("sandbox-auth0", &enable, None)
        .await
        .unwrap()
        .undo
        .unwrap();
    // Someone else hides the button in the meantime.
    let now = c
        .auth0_org_connections("sandbox-auth0", &org)
        .await
        .unwrap()[0]
        .settings();
    let outside = Change::Auth0Update {
        organization_id: org.clone(),
        connection_id: con.clone(),
        update: UpdateConnection {
            show_as_button: Some(false),
            ..Default::default()
        },
        expect: now,
        strategy: Some(strategy),
        labels: labels("Massive Dynamic", "Globex-SAML"),
    };
    c.change_apply("sandbox-auth0", &outside, None)
        .await
        .unwrap();
    match c.change_apply("sandbox-auth0", &undo, None).await {
        Err(CoreError::Refused(change)) => {
            assert!(
                matches!(
                    change,
                    lanyard_model::error::StateChange::ChangedSince { .. }
                ),
                "{change:?}"
            );
            assert!(
                change.to_string().contains("changed by someone else"),
                "{change}"
            )
        }
        other => panic!("expected StateChanged, got {other:?}"),
    }
    assert!(
        !c.auth0_org_connections("sandbox-auth0", &org)
            .await
            .unwrap()
            .is_empty(),
        "nothing was removed"
    );
    let log = c.activity_list().unwrap();
    assert_eq!(
        log.entries[0].outcome,
        Outcome::Failure,
        "the refusal is in the audit log too"
    );
}

#[tokio::test]
async fn an_enable_that_meets_the_connection_enabled_otherwise_is_refused_not_called_done() {
    let (_dir, c) = new_console();
    let (org, con, strategy) = auth0_ids(&c, "soylent-foods", "Umbrella-OIDC").await;
    let enable = |button: bool| {
        let mut request = EnableConnection::new(con.clone());
        request.show_as_button = Some(button);
        auth0_enable(
            &org,
            request,
            &strategy,
            labels("Soylent Foods", "Umbrella-OIDC"),
        )
    };
    // Another admin enables it first, with the button hidden.
    c.change_apply("sandbox-auth0", &enable(false), None)
        .await
        .unwrap();
    match c.change_apply("sandbox-auth0", &enable(true), None).await {
        Err(CoreError::Refused(
            change @ StateChange::EnabledWithOtherOptions {
                found: TargetState::Auth0Connection { settings: Some(_) },
                ..
            },
        )) => {
            let message = change.to_string();
            assert!(
                message.contains("already enabled for Soylent Foods, with other options"),
                "{message}"
            );
            assert!(message.contains("changed nothing"), "{message}");
        }
        other => panic!("expected EnabledWithOtherOptions, got {other:?}"),
    }
    let link = link_of(&c, &org, &con).await.unwrap();
    assert!(
        !link.settings().show_as_button,
        "the other admin's options stay"
    );
    // The same options again: already so, nothing to undo.
    let same = c
        .change_apply("sandbox-auth0", &enable(false), None)
        .await
        .unwrap();
    assert!(same.already);
    assert!(same.undo.is_none());
}

#[tokio::test]
async fn zitadel_and_hub_changes_and_their_undo() {
    let (_dir, c) = new_console();
    let link = Change::ZitadelLink {
        scope: PolicyScope::Instance,
        idp_id: IdpId::parse("284019223568203781").unwrap(),
        owner_type: IdpOwnerType::System,
        labels: labels("the instance", "Corporate SAML"),
        own_policy_first: false,
    };
    let applied = c
        .change_apply("sandbox-zitadel", &link, None)
        .await
        .unwrap();
    let corporate_saml_linked = async || {
        let PolicyView { linked, .. } = c
            .zitadel_policy("sandbox-zitadel", &PolicyScope::Instance)
            .await
            .unwrap();
        linked.iter().any(|l| l.idp_name == "Corporate SAML")
    };
    assert!(corporate_saml_linked().await);
    c.change_apply("sandbox-zitadel", &applied.undo.unwrap(), None)
        .await
        .unwrap();
    assert!(!corporate_saml_linked().await);

    let module = AuthModuleId::parse("0a6f5b7c-1111-4e2d-9a3b-000000000004").unwrap();
    let add = Change::HubAdd {
        module_id: module.clone(),
        group_id: UserGroupId::parse("6b1d2c3e-0000-4a5b-8c9d-000000000054").unwrap(),
        labels: labels("GitHub", "QA Engineers"),
    };
    let plan = c.change_preview("sandbox-hub", &add).await.unwrap();
    assert_eq!(
        (plan.current, plan.planned),
        (
            TargetState::HubGroup { auto_join: false },
            TargetState::HubGroup { auto_join: true }
        )
    );
    let applied = c.change_apply("sandbox-hub", &add, None).await.unwrap();
    assert_eq!(
        c.hub_auto_join_groups("sandbox-hub", &module)
            .await
            .unwrap()
            .len(),
        1
    );
    let again = c.change_apply("sandbox-hub", &add, None).await.unwrap();
    assert!(
        again.already && again.undo.is_none(),
        "nothing changed, nothing to undo"
    );
    c.change_apply("sandbox-hub", &applied.undo.unwrap(), None)
        .await
        .unwrap();
    assert!(
        c.hub_auto_join_groups("sandbox-hub", &module)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn an_organizations_own_identity_provider_is_linked_as_the_organizations() {
    let (_dir, c) = new_console();
    let acme = PolicyScope::Organization {
        org_id: lanyard_model::ids::ZitadelOrgId::parse("284019223568204001").unwrap(),
    };
    let linked_to_acme = |linked: &[lanyard_model::zitadel::LinkedIdp]| {
        linked.iter().any(|l| l.idp_id == "284019223568203790")
    };
    // Acme's own provider, as ZITADEL lists an organization's providers.
    let own: lanyard_model::zitadel::Provider = serde_json::from_str(
        r#"{"id":"284019223568203790","name":"Acme partner SSO","state":"IDP_STATE_ACTIVE","owner":"IDP_OWNER_TYPE_ORG","type":"PROVIDER_TYPE_OIDC"}"#,
    )
    .unwrap();
    let link = Change::link_provider(acme.clone(), "Acme".into(), &own);
    let unlink = match link.clone() {
        Change::ZitadelLink {
            scope,
            idp_id,
            owner_type,
            labels,
            ..
        } => Change::ZitadelUnlink {
            scope,
            idp_id,
            owner_type,
            labels,
        },
        other => panic!("{other:?}"),
    };
    c.change_apply("sandbox-zitadel", &unlink, None)
        .await
        .unwrap();
    let PolicyView { linked, .. } = c.zitadel_policy("sandbox-zitadel", &acme).await.unwrap();
    assert!(!linked_to_acme(&linked));

    // What the ZITADEL page sent before: the instance's owner type, which ZITADEL refuses for
    // an organization's own provider.
    let as_the_instances = match link.clone() {
        Change::ZitadelLink {
            scope,
            idp_id,
            labels,
            ..
        } => Change::ZitadelLink {
            scope,
            idp_id,
            owner_type: IdpOwnerType::System,
            labels,
            own_policy_first: false,
        },
        other => panic!("{other:?}"),
    };
    assert!(
        c.change_apply("sandbox-zitadel", &as_the_instances, None)
            .await
            .is_err()
    );

    let plan = c.change_preview("sandbox-zitadel", &link).await.unwrap();
    assert_eq!(
        plan.request.body.unwrap()["ownerType"],
        "IDP_OWNER_TYPE_ORG"
    );
    let applied = c
        .change_apply("sandbox-zitadel", &link, None)
        .await
        .unwrap();
    let PolicyView { linked, .. } = c.zitadel_policy("sandbox-zitadel", &acme).await.unwrap();
    assert!(linked_to_acme(&linked), "Acme's provider is linked again");
    // Its undo unlinks it, and the undo of that links it again, as Acme's.
    let undone = c
        .change_apply("sandbox-zitadel", &applied.undo.unwrap(), None)
        .await
        .unwrap();
    let PolicyView { linked, .. } = c.zitadel_policy("sandbox-zitadel", &acme).await.unwrap();
    assert!(!linked_to_acme(&linked));
    c.change_apply("sandbox-zitadel", &undone.undo.unwrap(), None)
        .await
        .unwrap();
    let PolicyView { linked, .. } = c.zitadel_policy("sandbox-zitadel", &acme).await.unwrap();
    assert!(linked_to_acme(&linked));
}

#[tokio::test]
async fn invalid_changes_are_refused_before_anything_is_sent() {
    let (_dir, c) = new_console();
    let (org, con, _) = auth0_ids(&c, "hooli", "Initech-Okta").await;
    let mut request = EnableConnection::new(con);
    request.is_signup_enabled = Some(true);
    let change = auth0_enable(&org, request, "okta", labels("Hooli", "Initech-Okta"));
    match c.change_apply("sandbox-auth0", &change, None).await {
        Err(CoreError::Invalid(fields)) => assert!(!fields.get("is_signup_enabled").is_empty()),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[tokio::test]
#[ignore = "needs the real OS keychain; `cargo xtask test` provides an unlocked Secret Service"]
async fn a_production_profile_is_added_guarded_and_removed_with_its_keychain_entry() {
    let (dir, c) = new_console();
    // A Hub of the test's own: its credentials are made at start and the test holds them.
    let hub = lanyard_sandbox::start(lanyard_sandbox::SandboxConfig::default())
        .await
        .unwrap();
    let hub_token = hub.credentials().hub_token.clone();
    let draft = ProfileDraft {
        product: Product::Hub,
        display_name: "Hub production".into(),
        address: hub.hub_url(),
        client_id: String::new(),
        scope: String::new(),
        use_token: true,
        environment: Environment::Production,
        secret: SecretInput(hub_token.clone()),
    };
    let profile = c.profile_add(draft.clone()).await.unwrap();
    let config = std::fs::read_to_string(dir.path().join("config/profiles.json")).unwrap();
    assert!(
        !config.contains(&hub_token),
        "the secret is not in the settings file"
    );
    assert!(c.profile_test(&profile.id).await.unwrap().ok);
    match c.profile_add(draft).await {
        Err(CoreError::Invalid(f)) => {
            assert!(!f.get("display_name").is_empty(), "names are unique")
        }
        other => panic!("{other:?}"),
    }

    // Editing with a wrong token replaces the keychain entry: the next test says so, and an
    // edit with an empty secret keeps the stored one.
    let mut wrong = draft_for_edit(&profile);
    wrong.secret = SecretInput("perm:not-a-valid-token".into());
    c.profile_edit(&profile.id, wrong).await.unwrap();
    assert!(
        !c.profile_test(&profile.id).await.unwrap().ok,
        "the new, wrong token is used"
    );
    let mut right = draft_for_edit(&profile);
    right.secret = SecretInput(hub_token.clone());
    c.profile_edit(&profile.id, right).await.unwrap();
    let renamed = c
        .profile_edit(
            &profile.id,
            ProfileDraft {
                display_name: "Hub prod".into(),
                ..draft_for_edit(&profile)
            },
        )
        .await
        .unwrap();
    assert_eq!(renamed.display_name, "Hub prod");
    assert!(
        c.profile_test(&profile.id).await.unwrap().ok,
        "an empty secret kept the stored one"
    );

    let module = AuthModuleId::parse("0a6f5b7c-1111-4e2d-9a3b-000000000002").unwrap();
    let remove = Change::HubRemove {
        module_id: module.clone(),
        group_id: UserGroupId::parse("6b1d2c3e-0000-4a5b-8c9d-000000000052").unwrap(),
        labels: labels("Google", "Registered Users"),
    };
    let plan = c.change_preview(&profile.id, &remove).await.unwrap();
    assert_eq!(plan.confirm_with.as_deref(), Some("127.0.0.1"));
    match c.change_apply(&profile.id, &remove, Some("wrong")).await {
        Err(CoreError::Confirm { expected }) => assert_eq!(expected, "127.0.0.1"),
        other => panic!("expected the production guard, got {other:?}"),
    }
    assert_eq!(
        c.hub_auto_join_groups(&profile.id, &module)
            .await
            .unwrap()
            .len(),
        2,
        "nothing removed"
    );
    c.change_apply(&profile.id, &remove, Some("127.0.0.1"))
        .await
        .unwrap();
    assert_eq!(
        c.hub_auto_join_groups(&profile.id, &module)
            .await
            .unwrap()
            .len(),
        1
    );

    c.profile_remove(&profile.id).await.unwrap();
    assert!(
        Keychain::new("lanyard-test-console")
            .read(&profile.secret_ref)
            .await
            .unwrap()
            .is_none(),
        "the keychain entry is gone"
    );

    // Nothing Lanyard wrote holds a secret: the settings file, the audit log.
    let secrets = [
        hub_token.as_str(),
        hub.credentials().hub_readonly_token.as_str(),
    ];
    for file in ["config/profiles.json", "data/audit.jsonl"] {
        let text = std::fs::read_to_string(dir.path().join(file)).unwrap();
        for secret in secrets {
            assert!(!text.contains(secret), "{file} holds a secret");
        }
    }
}
