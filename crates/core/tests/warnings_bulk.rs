//! A bulk plan's warnings, per item, against the sandbox: what a target-independent check
//! reads (a connection's applications, the tenant's applications) is read once per run, not
//! per organization; an item refused by the model's signup rule says why Auth0 refuses it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

mod support;

use lanyard_model::WarningKind;
use lanyard_model::auth0::UpdateConnection;
use lanyard_model::bulk::{BulkOp, BulkTarget, ItemStatus};
use support::*;

#[tokio::test]
async fn a_runs_items_carry_their_warnings_and_shared_reads_are_made_once() {
    let s = sandbox(60, 50.0).await;
    let (profile, client) = client_for(&s);
    let dir = tempfile::tempdir().unwrap();
    let runs = runs_in(dir.path());

    // github is enabled for no application: every item says so; its applications read once.
    let targets = org_targets(&s, 0, 5);
    let id = plan_ready(&runs, &profile, &client, enable_op(&s, "github"), targets).await;
    let v = runs.view(&id).unwrap();
    for item in &v.items {
        let kinds: Vec<_> = item.warnings.iter().map(|w| w.kind).collect();
        assert_eq!(
            kinds,
            [WarningKind::ConnectionWithoutApplication],
            "{item:?}"
        );
    }
    let reads: u64 = s
        .requests(lanyard_sandbox::Product::Auth0)
        .iter()
        .filter(|(k, _)| k.starts_with("GET /api/v2/connections/") && k.ends_with("/clients"))
        .map(|(_, n)| n)
        .sum();
    assert_eq!(reads, 1, "one read for the whole run");

    // Sign-up turned on for the database connection where membership on login is off:
    // refused by the rule, and the item's warning says why Auth0 refuses it.
    let name = "Username-Password-Authentication";
    let (cid, strategy) = connection(&s, name);
    let targets: Vec<BulkTarget> = links(&s, name)
        .into_iter()
        .take(8)
        .map(|id| BulkTarget {
            name: id.clone(),
            id,
            owner_type: None,
        })
        .collect();
    let op = BulkOp::Auth0Update {
        connection_id: cid,
        update: UpdateConnection {
            is_signup_enabled: Some(true),
            ..UpdateConnection::default()
        },
        strategy: Some(strategy),
        connection_name: name.into(),
    };
    let id = plan_ready(&runs, &profile, &client, op, targets).await;
    let v = runs.view(&id).unwrap();
    let failed: Vec<_> = v
        .items
        .iter()
        .filter(|i| i.status == ItemStatus::Failed)
        .collect();
    assert!(!failed.is_empty(), "{:#?}", v.items);
    for item in failed {
        let w = item
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::SignupRefused)
            .unwrap_or_else(|| panic!("{item:?}"));
        assert!(
            matches!(
                w.text,
                lanyard_model::WarningText::SignupRefused { database: true, .. }
            ),
            "{:?}",
            w.text
        );
    }
}
