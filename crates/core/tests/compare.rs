//! Compare and copy (issue 15) against two Auth0 sandboxes standing for staging and production:
//! the same names, other ids (`SandboxConfig::id_seed`). Make like across 50 organizations
//! with removals and the undo of the whole run; staging compared with production with every
//! kind of difference; selected differences copied, with the production guard; a snapshot
//! exported, edited and applied as the left side; bad snapshot files named by line and field.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use std::collections::{BTreeMap, BTreeSet};

use lanyard_core::bulk::Runs;
use lanyard_core::compare::{self, Left};
use lanyard_core::{Client, CoreError, Stock};
use lanyard_model::Profile;
use lanyard_model::auth0::{EnableConnection, OrgConnection, Settings, UpdateConnection};
use lanyard_model::bulk::{BulkTarget, ItemStatus, RunAction, RunState, RunView};
use lanyard_model::compare::{DiffKind, MakeLike, RowKey, Snapshot};
use lanyard_model::ids::{ConnectionId, OrganizationId};
use lanyard_model::inventory::PlanSource;
use lanyard_model::profile::{Environment, Product};
use lanyard_sandbox::Sandbox;
use support::two_tenants::{self, World, crawl, id_of, target};

async fn run_to_end(
    runs: &Runs,
    id: &str,
    profile: &Profile,
    client: &Client,
    confirm: Option<&str>,
) -> RunView {
    runs.control(
        id,
        RunAction::Start,
        Some((profile.clone(), client.clone())),
        confirm,
    )
    .unwrap();
    support::wait_for(runs, id, "over", |v| v.state.is_over()).await
}

/// Every organization's connections as the sandbox holds them, by names.
fn wiring(s: &Sandbox) -> BTreeMap<String, BTreeMap<String, Settings>> {
    let state = s.state(lanyard_sandbox::Product::Auth0);
    let name_of = |list: &str, id: &str| -> String {
        state[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .map(|x| x["name"].as_str().unwrap().to_owned())
            .unwrap()
    };
    let mut out: BTreeMap<String, BTreeMap<String, Settings>> = BTreeMap::new();
    for o in state["organizations"].as_array().unwrap() {
        out.entry(o["name"].as_str().unwrap().to_owned())
            .or_default();
    }
    for l in state["org_connections"].as_array().unwrap() {
        let link: OrgConnection = serde_json::from_value(l["link"].clone()).unwrap();
        let org = name_of("organizations", l["organization_id"].as_str().unwrap());
        let conn = name_of("connections", link.connection_id.as_str());
        out.entry(org).or_default().insert(conn, link.settings());
    }
    out
}

/// Copies the rows `keys` of `left` to production, through a run left Ready.
async fn copy_to_production(w: &World, left: &Left, keys: &[RowKey]) -> Result<String, CoreError> {
    let (_, pp, pc) = &w.production;
    compare::copy(&w.runs, &w.stock, left, pp, pc, None, keys).await
}

async fn world() -> World {
    two_tenants::world(80, Environment::Production).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_two_tenants_have_the_same_names_and_other_ids() {
    let w = world().await;
    let (s, p) = (&w.staging.0, &w.production.0);
    assert_eq!(wiring(s), wiring(p));
    assert_ne!(
        id_of(s, "organizations", "globex"),
        id_of(p, "organizations", "globex")
    );
    assert_ne!(
        id_of(s, "connections", "github"),
        id_of(p, "connections", "github")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn make_like_across_50_organizations_with_removals_then_undo_the_whole_run() {
    let w = world().await;
    let (s, profile, client) = &w.staging;
    crawl(&w.crawls, profile, client).await;
    let before = wiring(s);
    let source = target(s, "acme-corporation");
    let names: Vec<String> = before
        .keys()
        .filter(|n| *n != "acme-corporation")
        .take(50)
        .cloned()
        .collect();
    let targets: Vec<BulkTarget> = names.iter().map(|n| target(s, n)).collect();
    let request = MakeLike {
        source: source.clone(),
        targets: targets.clone(),
        remove_extra: true,
        plan_source: PlanSource::default(),
    };
    let id = compare::make_like(&w.runs, &w.stock, profile, client, &request)
        .await
        .unwrap();
    let view = w.runs.view(&id).unwrap();
    assert_eq!(view.state, RunState::Ready);
    assert!(view.planned_from_inventory_ms.is_some(), "{:?}", view.note);
    assert!(view.destructive, "removals make the run destructive");
    assert!(
        view.items.len() > 50,
        "several changes per target: {}",
        view.items.len()
    );
    // Grouped by target: each target's changes together, named.
    let groups = w.runs.groups(&id).unwrap();
    let grouped: BTreeSet<&str> = groups.iter().map(|g| g.target_name.as_str()).collect();
    assert_eq!(groups.len(), grouped.len(), "a target's items are together");
    assert!(groups.len() <= 50);
    assert!(
        groups
            .iter()
            .flat_map(|g| &g.items)
            .any(|i| i.destructive && said(&i.change).starts_with("Remove"))
    );
    assert!(
        groups
            .iter()
            .flat_map(|g| &g.items)
            .any(|i| said(&i.change).starts_with("Enable Initech-Okta"))
    );
    // Staging is not production: nothing to confirm.
    let done = run_to_end(&w.runs, &id, profile, client, None).await;
    assert_eq!(done.state, RunState::Finished);
    assert_eq!(
        done.counts.done,
        done.counts.total,
        "{:?}",
        done.items.iter().find(|i| i.status != ItemStatus::Done)
    );
    let after = wiring(s);
    for name in &names {
        assert_eq!(
            after[name], after["acme-corporation"],
            "{name} is like Acme"
        );
    }
    // Once alike, a live plan finds nothing to do.
    let again = MakeLike {
        plan_source: PlanSource::Live,
        ..request.clone()
    };
    let err = compare::make_like(&w.runs, &w.stock, profile, client, &again)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("already like"), "{err}");
    // Undo of the whole run: every organization as it was.
    let undo = w.runs.undo(profile, &id).unwrap();
    let undone = run_to_end(&w.runs, &undo, profile, client, None).await;
    assert_eq!(undone.counts.done, undone.counts.total, "{undone:?}");
    assert_eq!(wiring(s), before);
}

/// Makes production differ from staging in every way: a connection only on staging's side
/// (removed from production), one only on production's (enabled there), other options.
async fn drift(p: &Sandbox, client: &Client) {
    let c = client.auth0().unwrap();
    let org = |n: &str| OrganizationId::parse(id_of(p, "organizations", n)).unwrap();
    let conn = |n: &str| ConnectionId::parse(id_of(p, "connections", n)).unwrap();
    // acme-corporation: Initech-Okta removed (only on the left).
    c.remove(&org("acme-corporation"), &conn("Initech-Okta"))
        .await
        .unwrap();
    // globex: github enabled (only on the right).
    c.enable(&org("globex"), &EnableConnection::new(conn("github")))
        .await
        .unwrap();
    // initech: Initech-Okta's button hidden (different).
    let update = UpdateConnection {
        show_as_button: Some(false),
        ..Default::default()
    };
    c.update(&org("initech"), &conn("Initech-Okta"), &update)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn staging_and_production_compared_then_selected_differences_copied_with_the_guard() {
    let w = world().await;
    let (s, sp, sc) = &w.staging;
    let (p, pp, pc) = &w.production;
    drift(p, pc).await;
    // Never crawled: said so, with the fix.
    let err = compare::compare(&w.stock, &Left::Profile(sp.clone()), pp, None).unwrap_err();
    assert!(err.to_string().contains("never been crawled"), "{err}");
    assert!(err.to_string().contains("Inventory page"), "{err}");
    crawl(&w.crawls, sp, sc).await;
    crawl(&w.crawls, pp, pc).await;
    let left = Left::Profile(sp.clone());
    let cmp = compare::compare(&w.stock, &left, pp, None).unwrap();
    assert!(cmp.right.production && !cmp.left.production);
    assert!(cmp.left.oldest_read_ms.is_some() && cmp.right.oldest_read_ms.is_some());
    let row = |t: &str, i: &str| {
        cmp.rows
            .iter()
            .find(|r| r.target == t && r.item == i)
            .unwrap()
    };
    let only_left = row("acme-corporation", "Initech-Okta");
    assert_eq!(only_left.kind, DiffKind::OnlyLeft);
    assert_eq!(
        only_left.right_item_id.as_deref(),
        Some(id_of(p, "connections", "Initech-Okta").as_str())
    );
    assert_eq!(
        only_left.right_target_id,
        id_of(p, "organizations", "acme-corporation")
    );
    assert_eq!(row("globex", "github").kind, DiffKind::OnlyRight);
    let different = row("initech", "Initech-Okta");
    assert_eq!(different.kind, DiffKind::Different);
    assert_eq!(different.differs, ["show_as_button"]);
    assert_eq!(
        row("acme-corporation", "Username-Password-Authentication").kind,
        DiffKind::Same
    );
    assert_eq!(
        (
            cmp.counts.only_left,
            cmp.counts.only_right,
            cmp.counts.different
        ),
        (1, 1, 1)
    );
    assert!(cmp.only_left_targets.is_empty() && cmp.only_right_targets.is_empty());
    // Copy the additive differences: nothing destructive, no confirmation.
    let key = |t: &str, i: &str| RowKey {
        target: t.into(),
        item: i.into(),
    };
    let id = copy_to_production(
        &w,
        &left,
        &[
            key("acme-corporation", "Initech-Okta"),
            key("initech", "Initech-Okta"),
        ],
    )
    .await
    .unwrap();
    let view = w.runs.view(&id).unwrap();
    assert_eq!(view.profile_id, "production");
    assert!(!view.destructive && view.confirm_with.is_none());
    let done = run_to_end(&w.runs, &id, pp, pc, None).await;
    assert_eq!(done.counts.done, 2, "{done:?}");
    // The removal on production waits for the typed host name.
    let id = copy_to_production(&w, &left, &[key("globex", "github")])
        .await
        .unwrap();
    let view = w.runs.view(&id).unwrap();
    assert!(view.destructive);
    let host = view
        .confirm_with
        .clone()
        .expect("production asks for the host name");
    let refused = w
        .runs
        .control(&id, RunAction::Start, Some((pp.clone(), pc.clone())), None);
    assert!(
        matches!(refused, Err(CoreError::Confirm { .. })),
        "{refused:?}"
    );
    assert_eq!(w.runs.view(&id).unwrap().counts.done, 0);
    let done = run_to_end(&w.runs, &id, pp, pc, Some(&host)).await;
    assert_eq!(done.counts.done, 1, "{done:?}");
    // Production is now like staging, by name; the runs wrote through to the inventory.
    assert_eq!(wiring(p), wiring(s));
    let cmp = compare::compare(&w.stock, &left, pp, None).unwrap();
    assert_eq!(
        (
            cmp.counts.only_left,
            cmp.counts.only_right,
            cmp.counts.different
        ),
        (0, 0, 0),
        "{:?}",
        cmp.rows
            .iter()
            .filter(|r| r.kind != DiffKind::Same)
            .collect::<Vec<_>>()
    );
    // A row no longer there refuses the copy, naming it.
    let err = copy_to_production(&w, &left, &[key("globex", "nope")])
        .await
        .unwrap_err();
    assert!(err.to_string().contains("globex · nope"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_snapshot_exported_edited_and_applied_as_the_left_side() {
    let w = world().await;
    let (_, sp, sc) = &w.staging;
    let (p, pp, pc) = &w.production;
    crawl(&w.crawls, sp, sc).await;
    crawl(&w.crawls, pp, pc).await;
    let text = compare::export(&w.stock, sp, Some("acme")).unwrap();
    // Stable and sorted: exported again, only the export time differs.
    let again = compare::export(&w.stock, sp, Some("acme")).unwrap();
    let strip = |t: &str| {
        t.lines()
            .filter(|l| !l.contains("exported_at"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(strip(&text), strip(&again));
    assert!(text.contains("\"lanyard_snapshot\": 1") && !text.to_lowercase().contains("secret"));
    let mut snapshot = Snapshot::parse(&text).unwrap();
    assert!(snapshot.targets.iter().all(|t| t.name.contains("acme")));
    // Edited as a team lead would: Acme's SSO button hidden, Username-Password removed.
    let acme = snapshot
        .targets
        .iter_mut()
        .find(|t| t.name == "acme-corporation")
        .unwrap();
    acme.items
        .retain(|i| i.name != "Username-Password-Authentication");
    acme.items
        .iter_mut()
        .find(|i| i.name == "Initech-Okta")
        .unwrap()
        .options
        .as_mut()
        .unwrap()
        .show_as_button = false;
    let edited = snapshot.to_text();
    let left = compare::read_file("acme.json", &edited).unwrap();
    let cmp = compare::compare(&w.stock, &left, pp, Some("acme")).unwrap();
    assert_eq!(cmp.left.label, "acme.json");
    let changed: Vec<RowKey> = cmp
        .rows
        .iter()
        .filter(|r| r.kind != DiffKind::Same)
        .map(|r| r.key())
        .collect();
    assert_eq!(changed.len(), 2, "{:?}", cmp.rows);
    // Nothing is sent until the plan is reviewed and started (with production's host name).
    let id = compare::copy(&w.runs, &w.stock, &left, pp, pc, Some("acme"), &changed)
        .await
        .unwrap();
    let view = w.runs.view(&id).unwrap();
    assert_eq!((view.state, view.counts.done), (RunState::Ready, 0));
    let host = view.confirm_with.clone().unwrap();
    let done = run_to_end(&w.runs, &id, pp, pc, Some(&host)).await;
    assert_eq!(done.counts.done, 2, "{done:?}");
    let acme = &wiring(p)["acme-corporation"];
    assert!(!acme.contains_key("Username-Password-Authentication"));
    assert!(!acme["Initech-Okta"].show_as_button);
    // Production now matches the file.
    let cmp = compare::compare(&w.stock, &left, pp, Some("acme")).unwrap();
    assert!(
        cmp.rows.iter().all(|r| r.kind == DiffKind::Same),
        "{:?}",
        cmp.rows
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_snapshot_files_are_refused_naming_the_line_and_field() {
    let w = world().await;
    let (_, sp, sc) = &w.staging;
    crawl(&w.crawls, sp, sc).await;
    let text = compare::export(&w.stock, sp, Some("globex")).unwrap();
    let message = |text: &str| match compare::read_file("bad.json", text) {
        Err(CoreError::Invalid(errors)) => errors.summary(),
        other => panic!("{other:?}"),
    };
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() + 1;
    let typo = text.replacen("\"show_as_button\"", "\"show_as_buton\"", 1);
    let m = message(&typo);
    assert!(
        m.contains(&format!("line {}", line_of("show_as_button"))) && m.contains("show_as_buton"),
        "{m}"
    );
    let wrong = text.replacen("\"is_enabled\": true", "\"is_enabled\": 1", 1);
    let m = message(&wrong);
    assert!(
        m.contains(&format!("line {}", line_of("is_enabled"))) && m.contains("invalid type"),
        "{m}"
    );
    let m = message(&text.replacen("\"lanyard_snapshot\": 1", "\"lanyard_snapshot\": 9", 1));
    assert!(
        m.contains("lanyard_snapshot") && m.contains("version 9"),
        "{m}"
    );
    let m = message(&text[..text.len() / 2]);
    assert!(m.contains("line "), "{m}");
    let m = message("not json at all");
    assert!(m.starts_with("snapshot") || m.contains("bad.json"), "{m}");
    // Another product's file is refused by the compare.
    let zitadel = r#"{"lanyard_snapshot": 1, "product": "zitadel", "targets": []}"#;
    let left = compare::read_file("z.json", zitadel).unwrap();
    let err = compare::compare(&w.stock, &left, sp, None).unwrap_err();
    assert!(err.to_string().contains("same product"), "{err}");
}

/// The audit log's (item id, item name in English) pairs of a run.
fn audited_items(dir: &std::path::Path, run: &str) -> Vec<(String, Option<String>)> {
    let read = lanyard_core::audit::AuditLog::in_dir(dir).read().unwrap();
    read.entries
        .iter()
        .filter(|e| e.run_id.as_deref() == Some(run))
        .flat_map(|e| e.targets.iter().filter(|t| t.kind == "item"))
        .map(|t| (t.id.clone(), t.name.as_ref().map(ToString::to_string)))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zitadel_make_like_names_each_identity_provider_in_the_plan_and_the_audit_log() {
    let dir = tempfile::tempdir().unwrap();
    let stock = Stock::open(dir.path());
    let runs = support::runs_in(dir.path()).with_inventory(stock.clone());
    let s = support::sandbox(3, 1000.0).await;
    let (profile, client) = support::profile(&s, Product::Zitadel);
    // Never crawled: both sides are read live, and the IdPs' names are the replies'.
    let request = MakeLike {
        source: BulkTarget {
            id: "instance".into(),
            name: "Instance default".into(),
            owner_type: None,
        },
        targets: vec![BulkTarget {
            id: "284019223568204001".into(),
            name: "Acme".into(),
            owner_type: None,
        }],
        remove_extra: true,
        plan_source: PlanSource::default(),
    };
    let id = compare::make_like(&runs, &stock, &profile, &client, &request)
        .await
        .unwrap();
    let groups = runs.groups(&id).unwrap();
    let changes: BTreeSet<String> = groups
        .iter()
        .flat_map(|g| &g.items)
        .map(|i| said(&i.change))
        .collect();
    assert_eq!(
        changes,
        BTreeSet::from([
            "Link Google Workspace to the login policy of Acme".to_owned(),
            "Link GitHub to the login policy of Acme".to_owned(),
            "Unlink Acme partner SSO from the login policy of Acme".to_owned(),
        ]),
        "{groups:?}"
    );
    let items: BTreeSet<String> = groups
        .iter()
        .flat_map(|g| &g.items)
        .map(|i| i.item.to_string())
        .collect();
    assert_eq!(
        items,
        BTreeSet::from(["Google Workspace", "GitHub", "Acme partner SSO"].map(String::from))
    );
    let done = run_to_end(&runs, &id, &profile, &client, None).await;
    assert!(done.state.is_over(), "{done:?}");
    let audited = audited_items(dir.path(), &id);
    assert_eq!(audited.len(), 3, "{audited:?}");
    for (idp, name) in &audited {
        let name = name.as_deref().unwrap_or_default();
        assert!(!name.contains(idp.as_str()), "{idp} named {name}");
    }
    assert!(audited.contains(&(
        "284019223568203777".to_owned(),
        Some("Google Workspace".to_owned())
    )));
    // The undo run names them too.
    let undo = runs.undo(&profile, &id).unwrap();
    let undo_items: Vec<String> = runs
        .groups(&undo)
        .unwrap()
        .iter()
        .flat_map(|g| &g.items)
        .map(|i| said(&i.change))
        .collect();
    assert!(
        undo_items
            .iter()
            .any(|c| c == "Unlink Google Workspace from the login policy of Acme"),
        "{undo_items:?}"
    );
    assert!(
        undo_items.iter().all(|c| !c.contains("2840192235682")),
        "{undo_items:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_auth0_make_like_read_live_names_each_connection_in_the_plan_and_the_audit_log() {
    let w = world().await;
    let (s, profile, client) = &w.staging;
    // Never crawled: no connection is listed in the inventory; the replies name them.
    let source = target(s, "acme-corporation");
    let globex = target(s, "globex");
    let request = MakeLike {
        source,
        targets: vec![globex],
        remove_extra: false,
        plan_source: PlanSource::default(),
    };
    let id = compare::make_like(&w.runs, &w.stock, profile, client, &request)
        .await
        .unwrap();
    let groups = w.runs.groups(&id).unwrap();
    let items: Vec<String> = groups
        .iter()
        .flat_map(|g| &g.items)
        .map(|i| i.item.to_string())
        .collect();
    assert!(!items.is_empty());
    assert!(
        items
            .iter()
            .all(|i| !i.starts_with("con_") && !i.contains("name not known")),
        "{items:?}"
    );
    assert!(items.iter().any(|i| i == "Initech-Okta"), "{items:?}");
    assert!(
        groups
            .iter()
            .flat_map(|g| &g.items)
            .any(|i| said(&i.change) == "Enable Initech-Okta for globex"),
        "{groups:?}"
    );
    let done = run_to_end(&w.runs, &id, profile, client, None).await;
    assert_eq!(done.counts.done, done.counts.total, "{done:?}");
    let audited = audited_items(w.dir.path(), &id);
    assert_eq!(audited.len(), items.len(), "{audited:?}");
    assert!(
        audited
            .iter()
            .any(|(id, name)| *id == id_of(s, "connections", "Initech-Okta")
                && name.as_deref() == Some("Initech-Okta")),
        "{audited:?}"
    );
}

/// A run item's change in English, as the model words it (empty for an item without one).
fn said(change: &Option<lanyard_model::change::ChangeSummary>) -> String {
    change.as_ref().map(ToString::to_string).unwrap_or_default()
}
