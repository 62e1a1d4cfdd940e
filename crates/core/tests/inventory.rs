//! The inventory kept fresh by what Lanyard does, against the built-in sandbox: a change applied
//! through the console (and its undo) and each bulk item are written through; a live read that
//! finds a difference Lanyard did not make records it as changed outside Lanyard, and Lanyard's
//! own change is never recorded so; a damaged inventory file leaves changes working and says why.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use std::time::Duration;

use lanyard_core::secrets::Keychain;
use lanyard_core::{Client, Console, Paths};
use lanyard_inventory::OutsideChange;
use lanyard_model::auth0::{AccessLevel, EnableConnection, OrgConnection};
use lanyard_model::bulk::{BulkOp, BulkTarget, RunAction, RunState, RunView};
use lanyard_model::ids::{AuthModuleId, ConnectionId, OrganizationId, UserGroupId};
use lanyard_model::inventory::PlanSource;
use lanyard_model::inventory_problem::{InventoryProblem, InventoryWrite};
use lanyard_model::{Change, Labels, TargetState};

const HUB: &str = "sandbox-hub";
const AUTH0: &str = "sandbox-auth0";
/// The sandbox's "GitHub" auth module and its "QA Engineers" group (auto-joined by nothing).
const GITHUB_MODULE: &str = "0a6f5b7c-1111-4e2d-9a3b-000000000004";
const QA_GROUP: &str = "6b1d2c3e-0000-4a5b-8c9d-000000000054";

fn console_in(dir: &tempfile::TempDir) -> Console {
    let paths = Paths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
    };
    Console::open(paths, Keychain::new("lanyard-test-inventory")).unwrap()
}

fn labels(target: &str, item: &str) -> Labels {
    Labels {
        target: target.into(),
        item: item.into(),
    }
}

fn hub_add(module: &AuthModuleId, group: &UserGroupId) -> Change {
    Change::HubAdd {
        module_id: module.clone(),
        group_id: group.clone(),
        labels: labels("GitHub", "a group"),
    }
}

fn changed_outside(c: &Console, profile: &str) -> Vec<OutsideChange> {
    c.inventory()
        .read(|db| db.changed_outside(profile, 100))
        .expect("the inventory is open")
        .unwrap()
}

fn stored_auth0(c: &Console, org: &OrganizationId) -> Vec<OrgConnection> {
    c.inventory()
        .read(|db| db.auth0_organization_connections(AUTH0, org))
        .expect("the inventory is open")
        .unwrap()
        .expect("the organization was read")
}

fn modules_auto_joining(c: &Console, group: &UserGroupId) -> Vec<String> {
    let answer = c
        .inventory()
        .read(|db| db.hub_modules_auto_joining(HUB, group))
        .expect("the inventory is open")
        .unwrap();
    let mut ids: Vec<String> = answer
        .matches
        .into_iter()
        .map(|m| m.id.to_string())
        .collect();
    ids.sort();
    ids
}

/// A second client on the sandbox, acting behind Lanyard's back.
async fn other_admin(c: &Console, profile_id: &str) -> Client {
    c.profiles().await; // starts the built-in sandbox
    let builtin = c.running_sandbox().unwrap();
    let profile = builtin
        .profiles
        .iter()
        .find(|p| p.id == profile_id)
        .unwrap();
    Client::new(profile, builtin.secret(profile_id).unwrap()).unwrap()
}

async fn wait_for(c: &Console, id: &str, done: impl Fn(&RunView) -> bool) -> RunView {
    // The limit only stops a hung test; it measures nothing.
    for _ in 0..6_000 {
        let v = c.bulk_view(id).unwrap();
        if done(&v) {
            return v;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!(
        "the run never got there: {:?}",
        c.bulk_view(id).unwrap().note
    );
}

#[tokio::test]
async fn an_enable_through_the_console_is_in_the_inventory_with_its_options_and_undo_removes_it() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    assert!(dir.path().join("data/inventory.sqlite").exists());
    let org = c
        .auth0_search_organizations(AUTH0, "pied-piper")
        .await
        .unwrap()[0]
        .id
        .clone();
    let conns = c.auth0_connections(AUTH0).await.unwrap();
    let conn = conns
        .iter()
        .find(|x| x.name == "Partners-Database")
        .unwrap();
    let con = ConnectionId::parse(conn.id.clone()).unwrap();
    // Opening the organization reads its connections: the inventory now knows it.
    let before = c.auth0_org_connections(AUTH0, &org).await.unwrap();
    assert_eq!(stored_auth0(&c, &org), before);

    let mut request = EnableConnection::new(con.clone());
    request.assign_membership_on_login = Some(true);
    request.show_as_button = Some(false);
    request.organization_access_level = Some(AccessLevel::Full);
    request.organization_connection_name = Some("partners".into());
    let enable = Change::Auth0Enable {
        organization_id: org.clone(),
        request,
        strategy: Some(conn.strategy.clone()),
        labels: labels("Pied Piper", "Partners-Database"),
    };
    let applied = c.change_apply(AUTH0, &enable, None).await.unwrap();
    let stored = stored_auth0(&c, &org);
    let row = stored
        .iter()
        .find(|x| x.connection_id == con)
        .expect("the enabled connection is in the inventory");
    assert_eq!(row.assign_membership_on_login, Some(true));
    assert_eq!(row.show_as_button, Some(false));
    assert_eq!(row.organization_access_level, Some(AccessLevel::Full));
    assert_eq!(
        row.organization_connection_name.as_deref(),
        Some("partners")
    );

    c.change_apply(AUTH0, &applied.undo.unwrap(), None)
        .await
        .unwrap();
    assert!(
        !stored_auth0(&c, &org)
            .iter()
            .any(|x| x.connection_id == con),
        "undo took it out of the inventory"
    );
    // Reading the organization again after Lanyard's own changes finds nothing done outside.
    c.auth0_org_connections(AUTH0, &org).await.unwrap();
    assert!(changed_outside(&c, AUTH0).is_empty());
    assert_eq!(c.inventory_problem(), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bulk_runs_items_are_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    let modules = c.hub_modules(HUB).await.unwrap();
    let targets: Vec<BulkTarget> = modules
        .iter()
        .take(3)
        .map(|m| BulkTarget {
            id: m.id.to_string(),
            name: m.name.clone().unwrap_or_default(),
            owner_type: None,
        })
        .collect();
    assert_eq!(targets.len(), 3);
    let group = UserGroupId::parse(QA_GROUP).unwrap();
    let op = BulkOp::HubAdd {
        group_id: group.clone(),
        group_name: "QA Engineers".into(),
    };
    let id = c
        .bulk_plan(HUB, op, targets.clone(), PlanSource::Live)
        .await
        .unwrap();
    wait_for(&c, &id, |v| v.state == RunState::Ready).await;
    assert!(modules_auto_joining(&c, &group).is_empty());
    c.bulk_control(&id, RunAction::Start, None).await.unwrap();
    let v = wait_for(&c, &id, |v| v.state == RunState::Finished).await;
    assert_eq!(v.counts.done, 3);
    let mut expected: Vec<String> = targets.into_iter().map(|t| t.id).collect();
    expected.sort();
    assert_eq!(modules_auto_joining(&c, &group), expected);

    // Undoing the run takes them out again.
    let undo = c.bulk_undo(&id).await.unwrap();
    wait_for(&c, &undo, |v| v.state == RunState::Ready).await;
    c.bulk_control(&undo, RunAction::Start, None).await.unwrap();
    wait_for(&c, &undo, |v| v.state == RunState::Finished).await;
    assert!(modules_auto_joining(&c, &group).is_empty());
    assert!(changed_outside(&c, HUB).is_empty());
}

#[tokio::test]
async fn a_preview_records_what_another_admin_changed_but_not_what_lanyard_did() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    let module = AuthModuleId::parse(GITHUB_MODULE).unwrap();
    let qa = UserGroupId::parse(QA_GROUP).unwrap();
    let groups = c.hub_search_groups(HUB, "").await.unwrap();
    let theirs = groups.iter().find(|g| g.id != qa).unwrap().id.clone();
    // Lanyard reads the module once (opening its groups).
    assert!(
        c.hub_auto_join_groups(HUB, &module)
            .await
            .unwrap()
            .is_empty()
    );

    // Another admin adds a group, straight on the server.
    let other = other_admin(&c, HUB).await;
    other
        .hub()
        .unwrap()
        .add_auto_join_group(&module, &theirs)
        .await
        .unwrap();

    // Lanyard previews its own change: the live read sees the other admin's group.
    let mine = hub_add(&module, &qa);
    c.change_preview(HUB, &mine).await.unwrap();
    let seen = changed_outside(&c, HUB);
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].target_id, module.to_string());
    assert_eq!(seen[0].item, theirs.to_string());
    assert_eq!(
        (seen[0].before.as_str(), seen[0].after.as_str()),
        ("not auto-joined", "auto-joined")
    );

    // Lanyard's own add, then a read right after it: nothing more is recorded as outside.
    let applied = c.change_apply(HUB, &mine, None).await.unwrap();
    c.hub_auto_join_groups(HUB, &module).await.unwrap();
    let undo = applied.undo.unwrap();
    c.change_preview(HUB, &undo).await.unwrap();
    c.change_apply(HUB, &undo, None).await.unwrap();
    c.change_preview(HUB, &mine).await.unwrap();
    assert_eq!(changed_outside(&c, HUB), seen);
    assert_eq!(c.inventory_problem(), None);
}

#[tokio::test]
async fn a_damaged_inventory_leaves_changes_working_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    let junk = vec![0x5a_u8; 8192];
    std::fs::write(dir.path().join("data/inventory.sqlite"), junk).unwrap();
    let c = console_in(&dir);
    let problem = c.inventory_problem().expect("the cause is kept");
    assert!(
        matches!(problem, InventoryProblem::Damaged { .. }),
        "{problem:?}"
    );
    let problem = problem.to_string();
    assert!(problem.contains("damaged"), "{problem}");
    assert!(problem.contains("inventory.sqlite"), "{problem}");
    assert!(!c.inventory().is_open());

    let module = AuthModuleId::parse(GITHUB_MODULE).unwrap();
    let add = hub_add(&module, &UserGroupId::parse(QA_GROUP).unwrap());
    c.change_preview(HUB, &add).await.unwrap();
    let applied = c.change_apply(HUB, &add, None).await.unwrap();
    assert!(!applied.already && applied.audit_error.is_none());
    assert_eq!(c.hub_auto_join_groups(HUB, &module).await.unwrap().len(), 1);
    c.change_apply(HUB, &applied.undo.unwrap(), None)
        .await
        .unwrap();
    assert!(
        c.hub_auto_join_groups(HUB, &module)
            .await
            .unwrap()
            .is_empty()
    );
    // The file is left as it was for the user to move away.
    let still = std::fs::read(dir.path().join("data/inventory.sqlite")).unwrap();
    assert!(still.iter().take(8192).all(|b| *b == 0x5a));
}

#[tokio::test]
async fn an_auth0_preview_records_a_connection_another_admin_enabled() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    let org = c
        .auth0_search_organizations(AUTH0, "pied-piper")
        .await
        .unwrap()[0]
        .id
        .clone();
    let conns = c.auth0_connections(AUTH0).await.unwrap();
    let conn = conns
        .iter()
        .find(|x| x.name == "Partners-Database")
        .unwrap();
    let con = ConnectionId::parse(conn.id.clone()).unwrap();
    c.auth0_org_connections(AUTH0, &org).await.unwrap();

    // Another admin enables the connection with its button hidden, straight on the server.
    let mut theirs = EnableConnection::new(con.clone());
    theirs.show_as_button = Some(false);
    let other = other_admin(&c, AUTH0).await;
    other.auth0().unwrap().enable(&org, &theirs).await.unwrap();

    // Lanyard previews enabling it: the live read of that connection sees the other admin's.
    let enable = Change::Auth0Enable {
        organization_id: org.clone(),
        request: EnableConnection::new(con.clone()),
        strategy: Some(conn.strategy.clone()),
        labels: labels("Pied Piper", "Partners-Database"),
    };
    let plan = c.change_preview(AUTH0, &enable).await.unwrap();
    assert_ne!(
        plan.current,
        TargetState::Auth0Connection { settings: None }
    );
    let seen = changed_outside(&c, AUTH0);
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].target_id, org.to_string());
    assert_eq!(seen[0].item, con.to_string());
    assert_eq!(seen[0].before, "not enabled");
    assert!(seen[0].after.contains("button hidden"), "{}", seen[0].after);
    let stored = stored_auth0(&c, &org);
    let row = stored.iter().find(|x| x.connection_id == con).unwrap();
    assert_eq!(row.show_as_button, Some(false));

    // Lanyard removes it, then reads it again: nothing more is recorded as outside.
    let remove = Change::Auth0Remove {
        organization_id: org.clone(),
        connection_id: con.clone(),
        expect: row.settings(),
        strategy: Some(conn.strategy.clone()),
        labels: labels("Pied Piper", "Partners-Database"),
    };
    c.change_apply(AUTH0, &remove, None).await.unwrap();
    assert!(
        !stored_auth0(&c, &org)
            .iter()
            .any(|x| x.connection_id == con)
    );
    c.change_preview(AUTH0, &enable).await.unwrap();
    c.auth0_org_connections(AUTH0, &org).await.unwrap();
    assert_eq!(changed_outside(&c, AUTH0), seen);
}

#[tokio::test]
async fn a_failed_inventory_write_is_reported_and_the_change_still_applies() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    let module = AuthModuleId::parse(GITHUB_MODULE).unwrap();
    c.hub_auto_join_groups(HUB, &module).await.unwrap();
    // Something else breaks the file under Lanyard: the groups table is gone.
    let other = rusqlite::Connection::open(dir.path().join("data/inventory.sqlite")).unwrap();
    other
        .execute_batch("DROP TABLE hub_auto_join_groups")
        .unwrap();

    let add = hub_add(&module, &UserGroupId::parse(QA_GROUP).unwrap());
    let applied = c.change_apply(HUB, &add, None).await.unwrap();
    assert!(!applied.already && applied.audit_error.is_none());
    let problem = c.inventory_problem().expect("the failure is kept");
    assert!(
        matches!(
            problem,
            InventoryProblem::Unwritten {
                write: InventoryWrite::RecordChange,
                ..
            }
        ),
        "{problem:?}"
    );
    let problem = problem.to_string();
    assert!(problem.contains("could not record a change"), "{problem}");
    assert!(problem.contains("hub_auto_join_groups"), "{problem}");
    assert_eq!(c.hub_auto_join_groups(HUB, &module).await.unwrap().len(), 1);
    c.change_apply(HUB, &applied.undo.unwrap(), None)
        .await
        .unwrap();
    assert!(
        c.hub_auto_join_groups(HUB, &module)
            .await
            .unwrap()
            .is_empty()
    );
}
