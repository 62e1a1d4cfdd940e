//! The warnings a preview shows before a change breaks sign-in, and "who changed this", against
//! the built-in sandbox and its seeded cases (crates/sandbox/README.md, "Warnings"): each
//! warning fires on its case and not on a healthy one; a read that fails degrades to "could not
//! check" and the change is still applied; the ZITADEL default-policy choice (neither choice:
//! nothing sent; each choice applied); an organization's history with and without `read:logs`.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_core::secrets::Keychain;
use lanyard_core::{Client, Console, CoreError, Paths};
use lanyard_model::auth0::{EnableConnection, Settings, UpdateConnection};
use lanyard_model::history::Actor;
use lanyard_model::ids::{
    AuthModuleId, ConnectionId, IdpId, OrganizationId, UserGroupId, ZitadelOrgId,
};
use lanyard_model::profile::{AuthMethod, Environment};
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_model::{
    Change, CheckCause, Labels, Plan, Product as ModelProduct, Profile, Unchecked, WarningKind,
    WarningText,
};
use lanyard_sandbox::{Fault, FaultRule, Product};
use secrecy::SecretString;

const AUTH0: &str = "sandbox-auth0";
const ZITADEL: &str = "sandbox-zitadel";
const HUB: &str = "sandbox-hub";
const ACME_Z: &str = "284019223568204001";
const GLOBEX_Z: &str = "284019223568204002";
const INITECH_Z: &str = "284019223568204003";
const ENTRA: &str = "284019223568203778";
const GOOGLE_IDP: &str = "284019223568203777";
const HUB_GOOGLE: &str = "0a6f5b7c-1111-4e2d-9a3b-000000000002";
const HUB_GITHUB: &str = "0a6f5b7c-1111-4e2d-9a3b-000000000004";
const DEVELOPERS: &str = "6b1d2c3e-0000-4a5b-8c9d-000000000053";
const QA: &str = "6b1d2c3e-0000-4a5b-8c9d-000000000054";

async fn console_in(dir: &tempfile::TempDir) -> Console {
    let paths = Paths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
    };
    let c = Console::open(paths, Keychain::new("lanyard-test-warnings")).unwrap();
    c.profiles().await; // starts the built-in sandbox
    c
}

fn labels(target: &str, item: &str) -> Labels {
    Labels {
        target: target.into(),
        item: item.into(),
    }
}

fn state(c: &Console) -> serde_json::Value {
    c.running_sandbox().unwrap().sandbox.state(Product::Auth0)
}

fn org(c: &Console, display: &str) -> OrganizationId {
    let s = state(c);
    let id = s["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["display_name"] == display)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    OrganizationId::parse(&id).unwrap()
}

fn connection(c: &Console, name: &str) -> (ConnectionId, String) {
    let s = state(c);
    let conn = s["connections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == name)
        .unwrap()
        .clone();
    (
        ConnectionId::parse(conn["id"].as_str().unwrap()).unwrap(),
        conn["strategy"].as_str().unwrap().to_owned(),
    )
}

fn enable(c: &Console, org_name: &str, conn: &str) -> Change {
    let (id, strategy) = connection(c, conn);
    Change::Auth0Enable {
        organization_id: org(c, org_name),
        request: EnableConnection::new(id),
        strategy: Some(strategy),
        labels: labels(org_name, conn),
    }
}

fn kinds(plan: &Plan) -> Vec<WarningKind> {
    plan.warnings.iter().map(|w| w.kind).collect()
}

#[tokio::test]
async fn auth0_connection_and_application_warnings_fire_on_their_cases_only() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir).await;

    // github is enabled for no application.
    let plan = c
        .change_preview(AUTH0, &enable(&c, "Acme Corporation", "github"))
        .await
        .unwrap();
    assert_eq!(
        kinds(&plan),
        [WarningKind::ConnectionWithoutApplication],
        "{:?}",
        plan.warnings
    );
    let w = &plan.warnings[0];
    assert_eq!(
        w.text,
        WarningText::ConnectionWithoutApplication {
            connection: "github".into()
        }
    );
    assert_eq!(w.source, lanyard_model::Source::Inferred);

    // Hooli-ADFS only for an application that denies organizations (its field never set).
    let plan = c
        .change_preview(AUTH0, &enable(&c, "Acme Corporation", "Hooli-ADFS"))
        .await
        .unwrap();
    assert_eq!(
        kinds(&plan),
        [WarningKind::ConnectionWithoutOrganizationApplication]
    );
    assert!(
        matches!(&plan.warnings[0].text,
            WarningText::ConnectionWithoutOrganizationApplication { applications, .. }
                if applications.iter().any(|a| a == "Legacy Intranet")),
        "{:?}",
        plan.warnings[0].text
    );

    // Healthy: google-oauth2 is enabled for the portal, which allows organizations.
    let plan = c
        .change_preview(AUTH0, &enable(&c, "Acme Corporation", "google-oauth2"))
        .await
        .unwrap();
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);

    // Wonka Confections lets members use granted applications only, and grants none for them.
    let plan = c
        .change_preview(AUTH0, &enable(&c, "Wonka Confections", "google-oauth2"))
        .await
        .unwrap();
    assert_eq!(kinds(&plan), [WarningKind::NoApplicationGranted]);
    // Cyberdyne grants the portal for member access.
    let plan = c
        .change_preview(AUTH0, &enable(&c, "Cyberdyne", "google-oauth2"))
        .await
        .unwrap();
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
}

fn hide_button(c: &Console, org_name: &str, conn: &str) -> Change {
    let (id, strategy) = connection(c, conn);
    let expect = Settings {
        organization_connection_name: None,
        assign_membership_on_login: false,
        show_as_button: true,
        is_signup_enabled: false,
        organization_access_level: Default::default(),
        is_enabled: true,
    };
    Change::Auth0Update {
        organization_id: org(c, org_name),
        connection_id: id,
        update: UpdateConnection {
            show_as_button: Some(false),
            ..UpdateConnection::default()
        },
        expect,
        strategy: Some(strategy),
        labels: labels(org_name, conn),
    }
}

#[tokio::test]
async fn hiding_the_last_visible_connection_is_said_in_auth0s_words() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir).await;
    // Initech has only Initech-Okta, an enterprise connection.
    let plan = c
        .change_preview(AUTH0, &hide_button(&c, "Initech", "Initech-Okta"))
        .await
        .unwrap();
    assert_eq!(
        kinds(&plan),
        [WarningKind::NoVisibleConnection],
        "{:?}",
        plan.warnings
    );
    let w = &plan.warnings[0];
    assert_eq!(
        w.text,
        WarningText::NoVisibleConnection {
            auth0_says: "no connections enabled for the organization are visible".into()
        }
    );
    assert_eq!(w.source, lanyard_model::Source::Documented);
    // Acme keeps its database connection visible.
    let plan = c
        .change_preview(AUTH0, &hide_button(&c, "Acme Corporation", "Initech-Okta"))
        .await
        .unwrap();
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
}

#[tokio::test]
async fn a_failed_read_is_could_not_check_and_the_change_is_still_applied() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir).await;
    let sandbox = &c.running_sandbox().unwrap().sandbox;
    // Every read of a connection's applications answers 500.
    sandbox
        .faults(Product::Auth0)
        .push(FaultRule::new(Fault::Status { status: 500 }).path("/api/v2/connections/con_"));
    let change = enable(&c, "Acme Corporation", "github");
    let plan = c.change_preview(AUTH0, &change).await.unwrap();
    assert_eq!(
        kinds(&plan),
        [WarningKind::CouldNotCheck],
        "{:?}",
        plan.warnings
    );
    let WarningText::CouldNotCheck {
        what,
        cause: CheckCause::Read { error },
    } = &plan.warnings[0].text
    else {
        panic!("{:?}", plan.warnings[0]);
    };
    assert_eq!(
        *what,
        Unchecked::ConnectionApplications {
            connection: "github".into()
        }
    );
    assert!(
        matches!(
            **error,
            lanyard_model::CommandError::Server { status: 500, .. }
        ),
        "{error:?}"
    );
    assert!(
        !format!("{:?}", plan.warnings[0]).contains("sbx."),
        "no token in the words"
    );
    let applied = c.change_apply(AUTH0, &change, None).await.unwrap();
    assert!(!applied.already);
    sandbox.faults(Product::Auth0).clear();
}

#[tokio::test]
async fn a_rate_limited_read_is_could_not_check_too() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir).await;
    let sandbox = &c.running_sandbox().unwrap().sandbox;
    // The tenant's applications answer 429 until the client gives up.
    sandbox
        .faults(Product::Auth0)
        .push(FaultRule::new(Fault::RateLimited).path("/api/v2/clients"));
    let change = enable(&c, "Acme Corporation", "Hooli-ADFS");
    let started = std::time::Instant::now();
    let plan = c.change_preview(AUTH0, &change).await.unwrap();
    assert_eq!(
        kinds(&plan),
        [WarningKind::CouldNotCheck],
        "{:?}",
        plan.warnings
    );
    assert!(
        matches!(
            &plan.warnings[0].text,
            WarningText::CouldNotCheck {
                cause: CheckCause::Read { error },
                ..
            } if matches!(**error, lanyard_model::CommandError::RateLimited { .. })
        ),
        "{:?}",
        plan.warnings[0].text
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(60));
    sandbox.faults(Product::Auth0).clear();
    c.change_apply(AUTH0, &change, None).await.unwrap();
}

#[tokio::test]
async fn the_model_refuses_signup_on_a_social_connection_before_any_read() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir).await;
    let mut change = enable(&c, "Acme Corporation", "google-oauth2");
    if let Change::Auth0Enable { request, .. } = &mut change {
        request.is_signup_enabled = Some(true);
        request.assign_membership_on_login = Some(true);
    }
    // A single preview is refused by the rule before anything is read (a bulk item refused by
    // it carries the warning that says why: tests/warnings_bulk.rs).
    let err = c.change_preview(AUTH0, &change).await.unwrap_err();
    assert!(matches!(err, CoreError::Invalid(_)), "{err}");
}

#[tokio::test]
async fn zitadel_default_policy_choice_external_idps_and_unlink() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir).await;
    let scope = |id: &str| PolicyScope::Organization {
        org_id: ZitadelOrgId::parse(id).unwrap(),
    };
    let link = |s: PolicyScope, target: &str| Change::ZitadelLink {
        scope: s,
        idp_id: IdpId::parse(ENTRA).unwrap(),
        owner_type: IdpOwnerType::System,
        labels: labels(target, "Microsoft Entra ID"),
        own_policy_first: false,
    };

    // Globex follows the instance default: both choices offered, none taken.
    let change = link(scope(GLOBEX_Z), "Globex");
    let plan = c.change_preview(ZITADEL, &change).await.unwrap();
    assert_eq!(
        kinds(&plan),
        [WarningKind::OrganizationUsesDefaultPolicy],
        "{:?}",
        plan.warnings
    );
    let actions = &plan.warnings[0].actions;
    assert_eq!(actions.len(), 2);
    // Without a choice nothing is sent.
    let sandbox = &c.running_sandbox().unwrap().sandbox;
    let posts = |s: &lanyard_sandbox::Sandbox| -> u64 {
        s.requests(Product::Zitadel)
            .iter()
            .filter(|(k, _)| k.starts_with("POST /management/v1/policies/login"))
            .map(|(_, n)| n)
            .sum()
    };
    let before = posts(sandbox);
    let err = c.change_apply(ZITADEL, &change, None).await.unwrap_err();
    assert!(err.to_string().contains("not sent"), "{err}");
    assert_eq!(posts(sandbox), before, "no link, no policy created");

    // Choice 1: the organization's own policy first, a copy of the default, then the link.
    let own = &actions[0].change;
    assert!(matches!(
        own,
        Change::ZitadelLink {
            own_policy_first: true,
            ..
        }
    ));
    let plan = c.change_preview(ZITADEL, own).await.unwrap();
    assert!(plan.warnings[0].actions.is_empty());
    assert!(
        plan.summary.to_string().contains("own login policy"),
        "{}",
        plan.summary
    );
    c.change_apply(ZITADEL, own, None).await.unwrap();
    let view = c.zitadel_policy(ZITADEL, &scope(GLOBEX_Z)).await.unwrap();
    assert!(!view.policy.is_default);
    let linked: Vec<&str> = view.linked.iter().map(|l| l.idp_id.as_str()).collect();
    assert!(
        linked.contains(&ENTRA) && linked.contains(&GOOGLE_IDP),
        "{linked:?}"
    );
    let activity = c.activity_list().unwrap();
    let ops: Vec<&str> = activity
        .entries
        .iter()
        .map(|e| e.operation.as_str())
        .collect();
    assert_eq!(
        ops[..2],
        ["link_idp", "create_login_policy"],
        "the step audited apart, newest first"
    );
    assert_eq!(activity.entries[0].request["own_policy_first"], true);
    // The step's item is what the console calls it, typed for the window to word.
    let step_item = &activity.entries[1].targets[1];
    assert_eq!(step_item.id, "login_policy");
    assert_eq!(
        step_item.name,
        Some(lanyard_model::Label::Console {
            console: lanyard_model::change::ConsoleName::OwnLoginPolicy,
        })
    );

    // Choice 2 (on a fresh sandbox): link to the instance default instead.
    sandbox.reset();
    let instance = &actions[1].change;
    assert!(matches!(
        instance,
        Change::ZitadelLink {
            scope: PolicyScope::Instance,
            ..
        }
    ));
    c.change_apply(ZITADEL, instance, None).await.unwrap();
    let view = c
        .zitadel_policy(ZITADEL, &PolicyScope::Instance)
        .await
        .unwrap();
    assert!(view.linked.iter().any(|l| l.idp_id.as_str() == ENTRA));
    let view = c.zitadel_policy(ZITADEL, &scope(GLOBEX_Z)).await.unwrap();
    assert!(view.policy.is_default, "Globex still follows the default");

    // Initech's own policy does not allow external IdPs; the fix is a change of its own,
    // previewed (the whole policy written back) and undoable.
    let initech_link = link(scope(INITECH_Z), "Initech");
    let plan = c.change_preview(ZITADEL, &initech_link).await.unwrap();
    assert_eq!(kinds(&plan), [WarningKind::ExternalIdpsNotAllowed]);
    let fix = &plan.warnings[0].actions[0];
    assert_eq!(fix.label, lanyard_model::ActionLabel::TurnOnExternalIdps);
    let fix_plan = c.change_preview(ZITADEL, &fix.change).await.unwrap();
    assert_eq!(fix_plan.request.method, lanyard_model::HttpMethod::Put);
    let body = fix_plan.request.body.clone().unwrap();
    assert_eq!(body["allowExternalIdp"], true, "{body}");
    assert_eq!(
        body["allowUsernamePassword"], true,
        "the other settings kept: {body}"
    );
    assert_eq!(fix_plan.current.to_string(), "external IdPs not allowed");
    assert!(fix_plan.warnings.is_empty());
    let applied = c.change_apply(ZITADEL, &fix.change, None).await.unwrap();
    let plan = c.change_preview(ZITADEL, &initech_link).await.unwrap();
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    // Its undo turns them off again, with the warning that says what that does.
    let undo = applied.undo.unwrap();
    let undo_plan = c.change_preview(ZITADEL, &undo).await.unwrap();
    assert_eq!(kinds(&undo_plan), [WarningKind::ExternalIdpsNotAllowed]);
    // Acme: healthy.
    let plan = c
        .change_preview(ZITADEL, &link(scope(ACME_Z), "Acme"))
        .await
        .unwrap();
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
    // Unlinking keeps users' links.
    let unlink = Change::ZitadelUnlink {
        scope: PolicyScope::Instance,
        idp_id: IdpId::parse(GOOGLE_IDP).unwrap(),
        owner_type: IdpOwnerType::System,
        labels: labels("the instance", "Google Workspace"),
    };
    let plan = c.change_preview(ZITADEL, &unlink).await.unwrap();
    assert_eq!(kinds(&plan), [WarningKind::UnlinkKeepsUserLinks]);
    assert_eq!(
        plan.warnings[0].text,
        WarningText::UnlinkKeepsUserLinks {
            provider: "Google Workspace".into()
        }
    );
}

#[tokio::test]
async fn hub_module_without_user_creation_and_group_with_its_own_auto_join() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir).await;
    let add = |module: &str, group: &str, names: Labels| Change::HubAdd {
        module_id: AuthModuleId::parse(module).unwrap(),
        group_id: UserGroupId::parse(group).unwrap(),
        labels: names,
    };
    let plan = c
        .change_preview(
            HUB,
            &add(HUB_GITHUB, DEVELOPERS, labels("GitHub", "Developers")),
        )
        .await
        .unwrap();
    assert_eq!(
        kinds(&plan),
        [
            WarningKind::ModuleCreatesNoUsers,
            WarningKind::GroupAutoJoinsAlready
        ],
        "{:?}",
        plan.warnings
    );
    assert!(
        matches!(&plan.warnings[1].text,
            WarningText::GroupAutoJoinsAlready { domain: Some(d), .. } if d == "northwind.example"),
        "{:?}",
        plan.warnings[1].text
    );
    let plan = c
        .change_preview(HUB, &add(HUB_GOOGLE, QA, labels("Google", "QA Engineers")))
        .await
        .unwrap();
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
}

#[tokio::test]
async fn an_organizations_history_with_read_logs_and_without() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir).await;
    let globex = org(&c, "Globex");
    c.change_apply(AUTH0, &enable(&c, "Globex", "linkedin"), None)
        .await
        .unwrap();
    let h = c.auth0_history(AUTH0, &globex).await.unwrap();
    assert_eq!(h.tenant_unavailable, None);
    let who: Vec<String> = h.tenant.iter().map(|t| t.who.describe()).collect();
    assert_eq!(h.tenant.len(), 3, "{who:?}");
    // Newest first: Lanyard's own write, then the Dashboard admin's, then Terraform's.
    assert!(who[0].starts_with("Lanyard (sandbox)"), "{who:?}");
    assert!(matches!(h.tenant[1].who, Actor::DashboardUser { .. }));
    assert!(who[1].contains("Dana Admin"), "{who:?}");
    assert!(who[2].starts_with("Terraform (CI)"), "{who:?}");
    assert!(
        h.tenant[1]
            .request
            .starts_with("PATCH /api/v2/organizations/")
    );
    assert_eq!(h.lanyard.len(), 1);
    assert_eq!(h.lanyard[0].operation, "enable_connection");

    // The read-only application has no read:logs: the answer names the scope.
    let s = &c.running_sandbox().unwrap().sandbox;
    let creds = s.credentials();
    let profile = Profile {
        id: "readonly".into(),
        product: ModelProduct::Auth0,
        display_name: "read-only".into(),
        base_url: s.auth0_url(),
        auth: AuthMethod::Auth0ClientCredentials {
            client_id: creds.auth0_readonly_client_id.clone(),
        },
        environment: Environment::Sandbox,
        secret_ref: String::new(),
        builtin: false,
    };
    let client = Client::new(
        &profile,
        SecretString::from(creds.auth0_readonly_client_secret.clone()),
    )
    .unwrap();
    let h =
        lanyard_core::history::organization_history(client.auth0().unwrap(), &globex, Vec::new())
            .await;
    assert!(h.tenant.is_empty());
    let why = h.tenant_unavailable.unwrap();
    assert!(why.contains("read:logs"), "{why}");
}
