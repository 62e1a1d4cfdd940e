//! The Inventory page's questions, export, pickers and overview, against the built-in sandbox:
//! the inventory is filled by the console's own live reads (listing organizations, opening their
//! connections, a policy's IdPs, a module's groups) and by its changes, then asked.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use std::collections::BTreeMap;

use lanyard_core::secrets::Keychain;
use lanyard_core::{Console, Paths};
use lanyard_model::audit::ExportFormat;
use lanyard_model::auth0::{AccessLevel, EnableConnection};
use lanyard_model::error::{Asked, Unfit};
use lanyard_model::ids::{AuthModuleId, ConnectionId, UserGroupId};
use lanyard_model::inventory::{
    ConnectionCondition, IdpCondition, InventoryQuestion, InventoryRow, OptionsFilter, PickerKind,
    Presence, Targets,
};
use lanyard_model::zitadel::PolicyScope;
use lanyard_model::{Change, CommandError, Labels};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const AUTH0: &str = "sandbox-auth0";
const ZITADEL: &str = "sandbox-zitadel";
const HUB: &str = "sandbox-hub";
/// The sandbox's "GitHub" auth module and its "QA Engineers" group (auto-joined by nothing).
const GITHUB_MODULE: &str = "0a6f5b7c-1111-4e2d-9a3b-000000000004";
const QA_GROUP: &str = "6b1d2c3e-0000-4a5b-8c9d-000000000054";
/// Organizations whose connections the Auth0 test opens: within the read bucket's burst.
const OPENED: usize = 6;

fn console_in(dir: &tempfile::TempDir) -> Console {
    let paths = Paths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
    };
    Console::open(paths, Keychain::new("lanyard-test-inventory-questions")).unwrap()
}

fn labels(target: &str, item: &str) -> Labels {
    Labels {
        target: target.into(),
        item: item.into(),
    }
}

fn auth0(connection: Option<ConnectionCondition>, name: &str) -> InventoryQuestion {
    InventoryQuestion::Auth0 {
        connection,
        name_contains: name.into(),
    }
}

fn condition(id: &ConnectionId, presence: Presence, options: OptionsFilter) -> ConnectionCondition {
    ConnectionCondition {
        connection_id: id.clone(),
        presence,
        options,
    }
}

fn names(rows: &[InventoryRow]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

/// A change straight on the sandbox through its admin port (not through any product's API).
async fn admin_post(c: &Console, path: &str) {
    let builtin = c.running_sandbox().unwrap();
    let url = builtin.sandbox.admin_url();
    let host = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = tokio::net::TcpStream::connect(host).await.unwrap();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nAuthorization: Bearer {}\r\n\
         Content-Length: 0\r\nConnection: close\r\n\r\n",
        builtin.sandbox.admin_token()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).await.unwrap();
    assert!(reply.starts_with("HTTP/1.1 2"), "{reply}");
}

#[tokio::test]
async fn auth0_questions_combine_export_and_pick_from_what_lanyard_read() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    // Nothing read yet: the pickers search live.
    let picker = c
        .inventory_search(AUTH0, PickerKind::Auth0Organization, "", 5)
        .await
        .unwrap();
    assert_eq!(picker, None);

    // The user lists the organizations and the connections, and opens a few organizations.
    let organizations = c.auth0_all_organizations(AUTH0).await.unwrap();
    let connections = c.auth0_connections(AUTH0).await.unwrap();
    let partners = connections
        .iter()
        .find(|x| x.name == "Partners-Database")
        .unwrap();
    let partners_id = ConnectionId::parse(partners.id.clone()).unwrap();
    let google = connections
        .iter()
        .find(|x| x.name == "google-oauth2")
        .unwrap();
    let google_id = ConnectionId::parse(google.id.clone()).unwrap();
    let mut wiring: BTreeMap<String, Vec<ConnectionId>> = BTreeMap::new();
    for org in organizations.iter().take(OPENED) {
        let read = c.auth0_org_connections(AUTH0, &org.id).await.unwrap();
        let ids = read.into_iter().map(|x| x.connection_id).collect();
        wiring.insert(org.name.clone(), ids);
    }
    let opened: Vec<&str> = wiring.keys().map(String::as_str).collect();

    // Lanyard enables Partners-Database on the first one, button hidden, members joining.
    let target = &organizations[0];
    let mut request = EnableConnection::new(partners_id.clone());
    request.show_as_button = Some(false);
    request.assign_membership_on_login = Some(true);
    request.organization_access_level = Some(AccessLevel::Limited);
    request.organization_connection_name = Some("partners".into());
    let enable = Change::Auth0Enable {
        organization_id: target.id.clone(),
        request,
        strategy: Some(partners.strategy.clone()),
        labels: labels(&target.name, "Partners-Database"),
    };
    c.change_apply(AUTH0, &enable, None).await.unwrap();

    // Every organization read, with how many connections each has.
    let all = c.inventory_ask(AUTH0, &auth0(None, "")).await.unwrap();
    assert_eq!(names(&all.rows), opened);
    assert_eq!(all.known, organizations.len() as u64);
    assert_eq!(all.not_yet_read, (organizations.len() - OPENED) as u64);
    assert!(all.oldest_read_ms.is_some());
    assert!(all.rows.iter().all(|r| r.read_at_ms.is_some()));
    assert_eq!(all.matching, all.rows.len() as u64);
    // A page of it, as the window asks for one when its table scrolls there: the rows at its
    // place, and the whole answer's counts.
    let page = c
        .inventory_page(AUTH0, &auth0(None, ""), 1, 2)
        .await
        .unwrap();
    assert_eq!(page.rows, all.rows[1..3]);
    assert_eq!((page.offset, page.matching), (1, all.matching));
    assert_eq!(page.oldest_read_ms, all.oldest_read_ms);
    assert_eq!(page.not_yet_read, all.not_yet_read);
    let first = all.rows.iter().find(|r| r.name == target.name).unwrap();
    assert_eq!(first.id, target.id.to_string());
    assert_eq!(first.display_name, target.display_name);
    let enabled_there = wiring[&target.name].len() + 1;
    assert_eq!(
        first.detail.as_deref(),
        Some(format!("{enabled_there} connections enabled").as_str())
    );

    // Who has Partners-Database with its button hidden: the one Lanyard enabled, in words.
    let hidden = OptionsFilter {
        show_as_button: Some(false),
        ..OptionsFilter::default()
    };
    let has_hidden = condition(&partners_id, Presence::Has, hidden.clone());
    let answer = c
        .inventory_ask(AUTH0, &auth0(Some(has_hidden.clone()), ""))
        .await
        .unwrap();
    assert_eq!(names(&answer.rows), [target.name.as_str()]);
    let detail = answer.rows[0].detail.as_deref().unwrap();
    assert!(
        detail.contains("button hidden · members join on login") && detail.contains("limited"),
        "{detail}"
    );
    // The same with a name that is not that organization's: nothing.
    let elsewhere = c
        .inventory_ask(AUTH0, &auth0(Some(has_hidden), "no-such-name"))
        .await
        .unwrap();
    assert!(elsewhere.rows.is_empty());
    // Shown buttons only: not that one.
    let shown = OptionsFilter {
        show_as_button: Some(true),
        ..OptionsFilter::default()
    };
    let has_shown = condition(&partners_id, Presence::Has, shown);
    let answer = c
        .inventory_ask(AUTH0, &auth0(Some(has_shown), ""))
        .await
        .unwrap();
    assert!(!names(&answer.rows).contains(&target.name.as_str()));

    // Who lacks google-oauth2, as the server said when each was opened.
    let lacks = condition(&google_id, Presence::Lacks, OptionsFilter::default());
    let answer = c
        .inventory_ask(AUTH0, &auth0(Some(lacks.clone()), ""))
        .await
        .unwrap();
    let expected: Vec<&str> = wiring
        .iter()
        .filter(|(_, ids)| !ids.contains(&google_id))
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(names(&answer.rows), expected);
    // Combined with a name: the display name counts, in any case.
    let named = &organizations[1];
    let display = named.display_name.clone().unwrap_or(named.name.clone());
    let answer = c
        .inventory_ask(AUTH0, &auth0(None, &display.to_uppercase()))
        .await
        .unwrap();
    assert!(names(&answer.rows).contains(&named.name.as_str()));

    // Options with "lacks" and a question for another product are refused, typed (the window
    // words them), and in English words.
    let mut with_options = lacks;
    with_options.options = hidden;
    let refused = CommandError::from(
        c.inventory_ask(AUTH0, &auth0(Some(with_options), ""))
            .await
            .unwrap_err(),
    );
    assert_eq!(
        refused,
        CommandError::Unfit {
            unfit: Unfit::OptionsWithLacks
        }
    );
    assert!(
        refused.to_string().contains("leave the options"),
        "{refused}"
    );
    let hub_question = InventoryQuestion::Hub {
        auto_joins: None,
        name_contains: String::new(),
    };
    let refused = CommandError::from(c.inventory_ask(AUTH0, &hub_question).await.unwrap_err());
    assert_eq!(
        refused,
        CommandError::Unfit {
            unfit: Unfit::OtherProduct {
                profile: "Auth0 Sandbox".into(),
                product: lanyard_model::Product::Auth0,
                needs: lanyard_model::Product::Hub,
                asked: Asked::Question,
            }
        }
    );
    let refused = refused.to_string();
    assert!(
        refused.contains("Auth0 Sandbox") && refused.contains("pick a profile for JetBrains Hub"),
        "{refused}"
    );

    // Export: CSV with a header and one line per row; JSON of the same rows.
    let csv = c
        .inventory_export(AUTH0, &auth0(None, ""), ExportFormat::Csv)
        .await
        .unwrap();
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(lines[0], "id,name,display name,detail,read at");
    assert_eq!(lines.len(), OPENED + 1);
    let line = lines
        .iter()
        .find(|l| l.starts_with(target.id.as_str()))
        .unwrap();
    assert!(
        line.contains(&format!("{enabled_there} connections enabled")),
        "{line}"
    );
    assert!(line.ends_with('Z'), "read at in UTC: {line}");
    let json = c
        .inventory_export(AUTH0, &auth0(None, ""), ExportFormat::Json)
        .await
        .unwrap();
    let rows: Vec<InventoryRow> = serde_json::from_str(&json).unwrap();
    assert_eq!(rows, all.rows);

    // The pickers answer from what the listings read, with their age.
    let pick = c
        .inventory_search(AUTH0, PickerKind::Auth0Connection, "PARTNERS", 5)
        .await
        .unwrap()
        .expect("the connections were listed");
    assert_eq!(pick.items.len(), 1);
    assert_eq!(pick.items[0].id, partners.id.to_string());
    assert!(!pick.more);
    let some = c
        .inventory_search(AUTH0, PickerKind::Auth0Organization, "", 3)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(some.items.len(), 3);
    assert!(some.more);
    assert!(some.listed_at_ms > 0);

    // The overview: what is known and read of each kind.
    let overview = c.inventory_overview(AUTH0).await.unwrap();
    let counts: Vec<(Targets, u64, u64)> = overview
        .kinds
        .iter()
        .map(|k| (k.kind, k.known, k.read))
        .collect();
    let n = organizations.len() as u64;
    let m = connections.len() as u64;
    assert_eq!(
        counts,
        [
            (Targets::Organizations, n, OPENED as u64),
            (Targets::Connections, m, m)
        ]
    );
    assert!(overview.changed_outside.is_empty());
    assert_eq!(overview.problem, None);
}

#[tokio::test]
async fn zitadel_and_hub_questions_and_a_change_made_through_the_admin_port() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    let nothing = c
        .inventory_search(HUB, PickerKind::HubGroup, "", 5)
        .await
        .unwrap();
    assert_eq!(nothing, None, "no group listed yet");

    // ZITADEL: the organizations listed, the instance's policy and each organization's read.
    let orgs = c.zitadel_orgs(ZITADEL).await.unwrap();
    let mut scopes = vec![PolicyScope::Instance];
    scopes.extend(orgs.iter().map(|o| PolicyScope::Organization {
        org_id: o.id.clone(),
    }));
    let mut linked = Vec::new();
    for scope in &scopes {
        let view = c.zitadel_policy(ZITADEL, scope).await.unwrap();
        let ids: Vec<_> = view.linked.iter().map(|l| l.idp_id.clone()).collect();
        linked.push((scope.clone(), view.policy.is_default, ids));
    }
    let idp = linked[0].2[0].clone();
    let ask = |presence| InventoryQuestion::Zitadel {
        idp: Some(IdpCondition {
            idp_id: idp.clone(),
            presence,
        }),
        name_contains: String::new(),
    };
    let id_of = |scope: &PolicyScope| match scope {
        PolicyScope::Instance => "instance".to_owned(),
        PolicyScope::Organization { org_id } => org_id.to_string(),
    };
    let linking = c.inventory_ask(ZITADEL, &ask(Presence::Has)).await.unwrap();
    let mut got: Vec<String> = linking.rows.iter().map(|r| r.id.clone()).collect();
    got.sort();
    let mut want: Vec<String> = linked
        .iter()
        .filter(|(_, _, ids)| ids.contains(&idp))
        .map(|(scope, _, _)| id_of(scope))
        .collect();
    want.sort();
    assert_eq!(got, want);
    assert_eq!(
        linking.rows[0].id, "instance",
        "the instance's policy first"
    );
    let not_linking = c
        .inventory_ask(ZITADEL, &ask(Presence::Lacks))
        .await
        .unwrap();
    assert_eq!(linking.rows.len() + not_linking.rows.len(), scopes.len());
    assert_eq!(linking.known, scopes.len() as u64);
    assert_eq!(linking.not_yet_read, 0);
    // An organization on the instance default says so; organizations keep their listed names.
    let all = c
        .inventory_ask(
            ZITADEL,
            &InventoryQuestion::Zitadel {
                idp: None,
                name_contains: String::new(),
            },
        )
        .await
        .unwrap();
    for (scope, is_default, _) in &linked {
        let row = all.rows.iter().find(|r| r.id == id_of(scope)).unwrap();
        let says_default = row.detail.as_deref() == Some("uses the instance default");
        assert_eq!(
            says_default,
            *is_default && *scope != PolicyScope::Instance,
            "{row:?}"
        );
        if let PolicyScope::Organization { org_id } = scope {
            let listed = orgs.iter().find(|o| &o.id == org_id).unwrap();
            assert_eq!(row.name, listed.name);
        }
    }

    // Hub: the modules and groups listed, each module's groups opened.
    let modules = c.hub_modules(HUB).await.unwrap();
    c.hub_search_groups(HUB, "").await.unwrap();
    for module in &modules {
        c.hub_auto_join_groups(HUB, &module.id).await.unwrap();
    }
    let qa = UserGroupId::parse(QA_GROUP).unwrap();
    let joining_qa = InventoryQuestion::Hub {
        auto_joins: Some(qa.clone()),
        name_contains: String::new(),
    };
    assert!(
        c.inventory_ask(HUB, &joining_qa)
            .await
            .unwrap()
            .rows
            .is_empty()
    );
    let github = AuthModuleId::parse(GITHUB_MODULE).unwrap();
    let add = Change::HubAdd {
        module_id: github.clone(),
        group_id: qa.clone(),
        labels: labels("GitHub", "QA Engineers"),
    };
    c.change_apply(HUB, &add, None).await.unwrap();
    let answer = c.inventory_ask(HUB, &joining_qa).await.unwrap();
    assert_eq!(names(&answer.rows), ["GitHub"]);
    assert_eq!(answer.rows[0].id, GITHUB_MODULE);
    let detail = answer.rows[0].detail.as_deref().unwrap();
    assert!(detail.contains("QA Engineers"), "groups by name: {detail}");
    let every = c
        .inventory_ask(
            HUB,
            &InventoryQuestion::Hub {
                auto_joins: None,
                name_contains: "git".into(),
            },
        )
        .await
        .unwrap();
    assert_eq!(names(&every.rows), ["GitHub"]);
    let pick = c
        .inventory_search(HUB, PickerKind::HubGroup, "qa eng", 5)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(pick.items[0].name, "QA Engineers");

    // Someone resets the sandbox through its admin port: the group Lanyard added is gone.
    admin_post(&c, "/reset").await;
    c.hub_auto_join_groups(HUB, &github).await.unwrap();
    assert!(
        c.inventory_ask(HUB, &joining_qa)
            .await
            .unwrap()
            .rows
            .is_empty()
    );
    let overview = c.inventory_overview(HUB).await.unwrap();
    let change = &overview.changed_outside[0];
    assert_eq!(
        (
            change.target_name.as_str(),
            change.item.as_str(),
            change.before.as_str(),
            change.after.as_str()
        ),
        ("GitHub", "QA Engineers", "auto-joined", "not auto-joined")
    );
    assert_eq!(change.target_id, GITHUB_MODULE);
    let modules_count = &overview.kinds[0];
    assert_eq!(modules_count.kind, Targets::AuthModules);
    assert_eq!(
        (modules_count.known, modules_count.read),
        (modules.len() as u64, modules.len() as u64)
    );
    assert!(modules_count.oldest_read_ms.is_some());
}

#[tokio::test]
async fn a_damaged_inventory_cannot_answer_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("data")).unwrap();
    std::fs::write(
        dir.path().join("data/inventory.sqlite"),
        vec![0x5a_u8; 8192],
    )
    .unwrap();
    let c = console_in(&dir);
    let error = c
        .inventory_ask(AUTH0, &auth0(None, ""))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("not open") && error.contains("damaged"),
        "{error}"
    );
    let search = c
        .inventory_search(AUTH0, PickerKind::Auth0Organization, "a", 5)
        .await;
    assert!(search.is_err());
    // The page still opens, and says why it is empty.
    let overview = c.inventory_overview(AUTH0).await.unwrap();
    assert!(overview.kinds.is_empty());
    // Typed, so the window words it; its English names the file and the cure.
    let problem = overview.problem.unwrap();
    assert!(
        matches!(
            &problem,
            lanyard_model::inventory_problem::InventoryProblem::Damaged { path, .. }
                if path.ends_with("inventory.sqlite")
        ),
        "{problem:?}"
    );
    assert!(problem.to_string().contains("damaged"), "{problem}");
}
