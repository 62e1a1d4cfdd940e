//! Two refreshes of the inventory by what Lanyard reads and does, against the built-in sandbox:
//! a preview of a ZITADEL organization's policy refreshes its row (whether it uses the instance
//! default included, read with one more request only when the inventory holds that policy), and
//! a target the inventory knows only by its id takes its real name from a change's labels.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_core::secrets::Keychain;
use lanyard_core::{Console, Paths};
use lanyard_inventory::{Inventory, PolicyRead, ReadOrigin, TargetKind, UnixMillis};
use lanyard_model::auth0::EnableConnection;
use lanyard_model::ids::{ConnectionId, IdpId, OrganizationId, ZitadelOrgId};
use lanyard_model::zitadel::{IdpOwnerType, PolicyScope};
use lanyard_model::{Change, Labels};
use lanyard_sandbox::Product;

const AUTH0: &str = "sandbox-auth0";
const ZITADEL: &str = "sandbox-zitadel";
/// The sandbox's Acme (a policy of its own, linking its own IdP) and Initech (an empty one).
const ACME: &str = "284019223568204001";
const ACME_IDP: &str = "284019223568203790";
const INITECH: &str = "284019223568204003";
/// An instance-wide IdP ("Microsoft Entra ID").
const ENTRA: &str = "284019223568203778";

fn console_in(dir: &tempfile::TempDir) -> Console {
    let paths = Paths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
    };
    Console::open(paths, Keychain::new("lanyard-test-inventory-refresh")).unwrap()
}

fn inventory_file(dir: &tempfile::TempDir) -> Inventory {
    Inventory::open(&dir.path().join("data").join(lanyard_core::stock::FILE_NAME)).unwrap()
}

fn org_scope(id: &str) -> PolicyScope {
    PolicyScope::Organization {
        org_id: ZitadelOrgId::parse(id).unwrap(),
    }
}

fn link(scope: PolicyScope, target: &str) -> Change {
    Change::ZitadelLink {
        scope,
        idp_id: IdpId::parse(ENTRA).unwrap(),
        owner_type: IdpOwnerType::System,
        labels: Labels {
            target: target.into(),
            item: "Microsoft Entra ID".into(),
        },
        own_policy_first: false,
    }
}

fn policy_reads(c: &Console) -> u64 {
    let builtin = c.running_sandbox().unwrap();
    builtin
        .sandbox
        .requests(Product::Zitadel)
        .iter()
        .filter(|(k, _)| k.as_str() == "GET /management/v1/policies/login")
        .map(|(_, n)| n)
        .sum()
}

#[tokio::test]
async fn a_preview_refreshes_an_organization_policy_the_inventory_holds_with_its_default_flag() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    let acme = org_scope(ACME);
    c.zitadel_policy(ZITADEL, &acme).await.unwrap();
    // The row says otherwise than the server now (as if read when Acme used the default).
    let mut db = inventory_file(&dir);
    let stale = PolicyRead {
        scope: acme.clone(),
        name: "Acme".into(),
        uses_instance_default: true,
        linked: Vec::new(),
    };
    db.replace_zitadel_policy(
        ZITADEL,
        &stale,
        UnixMillis(1),
        ReadOrigin::AfterLanyardChange,
    )
    .unwrap();

    let reads = policy_reads(&c);
    let plan = c
        .change_preview(ZITADEL, &link(acme.clone(), "Acme"))
        .await
        .unwrap();
    assert!(!plan.no_op);
    assert_eq!(policy_reads(&c), reads + 1, "one more read, of the policy");
    let row = db.zitadel_policy_links(ZITADEL, &acme).unwrap().unwrap();
    assert!(!row.uses_instance_default, "refreshed from isDefault");
    assert_eq!(row.linked, vec![IdpId::parse(ACME_IDP).unwrap()]);
    assert_eq!(row.name, "Acme");
    let outside = db.changed_outside(ZITADEL, 10).unwrap();
    let items: Vec<&str> = outside.iter().map(|o| o.item.as_str()).collect();
    assert!(items.contains(&"uses the instance default"), "{items:?}");
    assert!(items.contains(&ACME_IDP), "{items:?}");

    // A policy the inventory does not hold is read once, by the preview's warnings (whether it
    // is the instance default, whether it allows external IdPs), and is not recorded from the
    // links alone.
    let initech = org_scope(INITECH);
    let reads = policy_reads(&c);
    c.change_preview(ZITADEL, &link(initech.clone(), "Initech"))
        .await
        .unwrap();
    assert_eq!(policy_reads(&c), reads + 1, "the warnings' one read");
    assert!(
        db.zitadel_policy_links(ZITADEL, &initech)
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn a_target_known_by_its_id_takes_its_name_from_a_change_and_a_named_one_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    c.profiles().await; // starts the built-in sandbox
    let state = c.running_sandbox().unwrap().sandbox.state(Product::Auth0);
    let org_of = |name: &str| {
        state["organizations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == name)
            .unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let github = state["connections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["name"] == "github")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let pied_piper = OrganizationId::parse(org_of("pied-piper")).unwrap();
    // Opened by id (a link, a bulk target): the inventory knows it by its id alone.
    c.auth0_org_connections(AUTH0, &pied_piper).await.unwrap();
    let name = |c: &Console, id: &OrganizationId| {
        c.inventory()
            .read(|db| db.target_name(AUTH0, TargetKind::Auth0Organization, id.as_str()))
            .unwrap()
            .unwrap()
            .unwrap()
    };
    assert_eq!(name(&c, &pied_piper), pied_piper.as_str());
    let enable = |org: &OrganizationId, target: &str| Change::Auth0Enable {
        organization_id: org.clone(),
        request: EnableConnection::new(ConnectionId::parse(&github).unwrap()),
        strategy: Some("github".into()),
        labels: Labels {
            target: target.into(),
            item: "github".into(),
        },
    };
    c.change_apply(AUTH0, &enable(&pied_piper, "Pied Piper"), None)
        .await
        .unwrap();
    assert_eq!(name(&c, &pied_piper), "Pied Piper");
    // Reading it again keeps the name (and refreshing keeps a display name too).
    c.auth0_org_connections(AUTH0, &pied_piper).await.unwrap();
    assert_eq!(name(&c, &pied_piper), "Pied Piper");

    // A target listed with its own name is not renamed by a label.
    let hooli = c.auth0_search_organizations(AUTH0, "hooli").await.unwrap()[0].clone();
    c.auth0_org_connections(AUTH0, &hooli.id).await.unwrap();
    c.change_preview(AUTH0, &enable(&hooli.id, "Something else"))
        .await
        .unwrap();
    assert_eq!(name(&c, &hooli.id), hooli.name);
    let display = c
        .inventory()
        .read(|db| db.target(AUTH0, TargetKind::Auth0Organization, hooli.id.as_str()))
        .unwrap()
        .unwrap()
        .unwrap()
        .display_name;
    assert_eq!(display, hooli.display_name, "kept through a refresh");
}
