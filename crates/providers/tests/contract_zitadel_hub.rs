//! The ZITADEL and Hub clients against the sandbox over real HTTP.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_model::ids::{AuthModuleId, IdpId, UserGroupId, ZitadelOrgId};
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_providers::auth::Credentials;
use lanyard_providers::hub::HubClient;
use lanyard_providers::zitadel::ZitadelClient;
use lanyard_providers::{HttpOptions, ProviderError};
use lanyard_sandbox::{Fault, FaultRule, Product, SandboxConfig};
use secrecy::SecretString;

const OIDC: &str = "284019223568203780";
const GOOGLE_IDP: &str = "284019223568203777";
const ACME: &str = "284019223568204001";
const GLOBEX: &str = "284019223568204002";
const GITHUB_MODULE: &str = "0a6f5b7c-1111-4e2d-9a3b-000000000004";
const QA: &str = "6b1d2c3e-0000-4a5b-8c9d-000000000054";

#[tokio::test]
async fn zitadel_link_and_unlink_at_both_levels() {
    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    let z = ZitadelClient::new(
        &s.zitadel_url(),
        SecretString::from(s.credentials().zitadel_pat.clone()),
        HttpOptions::default(),
    )
    .unwrap();
    let idp = IdpId::parse(OIDC).unwrap();
    let instance = PolicyScope::Instance;
    assert!(
        !z.link(&instance, &idp, IdpOwnerType::System)
            .await
            .unwrap()
            .already
    );
    assert!(
        z.link(&instance, &idp, IdpOwnerType::System)
            .await
            .unwrap()
            .already,
        "ALREADY_EXISTS read back"
    );
    assert!(
        z.linked_idps(&instance)
            .await
            .unwrap()
            .iter()
            .any(|l| l.idp_id == OIDC)
    );
    assert!(!z.unlink(&instance, &idp).await.unwrap().already);
    assert!(
        z.unlink(&instance, &idp).await.unwrap().already,
        "NOT_FOUND read back"
    );

    let providers = z.providers(Some("goo")).await.unwrap();
    assert_eq!(providers.len(), 1);
    assert_eq!(providers[0].kind_label(), "Google");
    assert_eq!(z.orgs().await.unwrap().len(), 3);

    let acme = PolicyScope::Organization {
        org_id: ZitadelOrgId::parse(ACME).unwrap(),
    };
    assert!(!z.login_policy(&acme).await.unwrap().is_default);
    z.link(&acme, &idp, IdpOwnerType::System).await.unwrap();
    assert!(
        z.linked_idps(&acme)
            .await
            .unwrap()
            .iter()
            .any(|l| l.idp_id == OIDC)
    );
    let globex = PolicyScope::Organization {
        org_id: ZitadelOrgId::parse(GLOBEX).unwrap(),
    };
    assert!(
        z.login_policy(&globex).await.unwrap().is_default,
        "Globex uses the instance default"
    );
    match z.link(&globex, &idp, IdpOwnerType::System).await {
        Err(ProviderError::Api {
            status: 404, body, ..
        }) => assert_eq!(body.code.as_deref(), Some("Org-Ffgw2")),
        other => panic!("expected 404 Org-Ffgw2, got {other:?}"),
    }
}

#[tokio::test]
async fn zitadel_errors_keep_the_id_and_a_lost_reply_is_read_back() {
    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    let viewer = ZitadelClient::new(
        &s.zitadel_url(),
        SecretString::from(s.credentials().zitadel_viewer_pat.clone()),
        HttpOptions::default(),
    )
    .unwrap();
    match viewer
        .link(
            &PolicyScope::Instance,
            &IdpId::parse(OIDC).unwrap(),
            IdpOwnerType::System,
        )
        .await
    {
        Err(ProviderError::Api {
            status: 403, body, ..
        }) => assert_eq!(body.code.as_deref(), Some("AUTH-5mWD2")),
        other => panic!("expected 403, got {other:?}"),
    }
    let z = ZitadelClient::new(
        &s.zitadel_url(),
        SecretString::from(s.credentials().zitadel_pat.clone()),
        HttpOptions::default(),
    )
    .unwrap();
    match z
        .link(
            &PolicyScope::Instance,
            &IdpId::parse("999").unwrap(),
            IdpOwnerType::System,
        )
        .await
    {
        Err(ProviderError::Api {
            status: 400, body, ..
        }) => assert_eq!(body.code.as_deref(), Some("INSTANCE-m8fsd")),
        other => panic!("expected 400, got {other:?}"),
    }
    s.faults(Product::Zitadel).push(
        FaultRule::new(Fault::ResetAfterApply)
            .method("POST")
            .path("/admin/v1/policies/login/idps")
            .times(1),
    );
    let done = z
        .link(
            &PolicyScope::Instance,
            &IdpId::parse(OIDC).unwrap(),
            IdpOwnerType::System,
        )
        .await
        .unwrap();
    assert!(done.confirmed_by_read);
    let unlink_google = z
        .unlink(&PolicyScope::Instance, &IdpId::parse(GOOGLE_IDP).unwrap())
        .await
        .unwrap();
    assert!(!unlink_google.already);
}

#[tokio::test]
async fn hub_add_and_remove_an_auto_join_group() {
    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    let token = Credentials::Bearer(SecretString::from(s.credentials().hub_token.clone()));
    let hub = HubClient::new(&s.hub_url(), token, HttpOptions::default()).unwrap();
    let modules = hub.auth_modules().await.unwrap();
    assert_eq!(modules.len(), 5);
    assert_eq!(modules[0].name.as_deref(), Some("Hub"));
    let module = AuthModuleId::parse(GITHUB_MODULE).unwrap();
    let group = UserGroupId::parse(QA).unwrap();
    assert!(
        !hub.add_auto_join_group(&module, &group)
            .await
            .unwrap()
            .already
    );
    assert!(
        hub.add_auto_join_group(&module, &group)
            .await
            .unwrap()
            .already,
        "read first: nothing sent twice"
    );
    assert_eq!(
        s.state(Product::Hub)["writes"][format!("{GITHUB_MODULE}/{QA}")],
        1
    );
    let groups = hub.auto_join_groups(&module).await.unwrap();
    assert_eq!(groups[0].name.as_deref(), Some("QA Engineers"));
    assert_eq!(groups[0].user_count, Some(36));
    assert!(
        !hub.remove_auto_join_group(&module, &group)
            .await
            .unwrap()
            .already
    );
    assert!(
        hub.remove_auto_join_group(&module, &group)
            .await
            .unwrap()
            .already
    );
    let found = hub.search_groups("Release Managers", 10).await.unwrap();
    assert_eq!(found.items.len(), 1);
    let found = hub.search_groups("support", 10).await.unwrap();
    assert_eq!(found.total, Some(2));
}

#[tokio::test]
async fn hub_read_only_tokens_get_403_with_hubs_words() {
    let s = lanyard_sandbox::start(SandboxConfig::default())
        .await
        .unwrap();
    let token = Credentials::Bearer(SecretString::from(
        s.credentials().hub_readonly_token.clone(),
    ));
    let hub = HubClient::new(&s.hub_url(), token, HttpOptions::default()).unwrap();
    match hub
        .add_auto_join_group(
            &AuthModuleId::parse(GITHUB_MODULE).unwrap(),
            &UserGroupId::parse(QA).unwrap(),
        )
        .await
    {
        Err(ProviderError::Api {
            status: 403, body, ..
        }) => assert!(body.message.contains("permission"), "{}", body.message),
        other => panic!("expected 403, got {other:?}"),
    }
}
