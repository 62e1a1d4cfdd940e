//! Targets from a list (issue 15), against the built-in sandbox: pasted names and ids, a CSV
//! column, resolved live when the inventory holds nothing, then from the inventory the live
//! listing filled, with what it lacks looked up by name; unknown, ambiguous and repeated
//! entries listed apart.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_core::error::CoreError;
use lanyard_core::secrets::Keychain;
use lanyard_core::{Console, Paths};
use lanyard_model::bulk::list::{CsvColumn, ListInput, ListResolution, MatchedBy};
use lanyard_model::bulk::{ListLiveReason, ListNote};
use lanyard_model::ids::OrganizationId;
use lanyard_model::inventory::PickerKind;

const AUTH0: &str = "sandbox-auth0";
const ZITADEL: &str = "sandbox-zitadel";
const HUB: &str = "sandbox-hub";

fn console_in(dir: &tempfile::TempDir) -> Console {
    let paths = Paths {
        config_dir: dir.path().join("config"),
        data_dir: dir.path().join("data"),
    };
    Console::open(paths, Keychain::new("lanyard-test-target-list")).unwrap()
}

fn lines(text: &str) -> ListInput {
    ListInput::Lines { text: text.into() }
}

fn resolved(r: &ListResolution) -> Vec<(usize, &str, MatchedBy, bool)> {
    r.resolved
        .iter()
        .map(|e| (e.entry.line, e.target.name.as_str(), e.matched_by, e.live))
        .collect()
}

fn texts(entries: &[lanyard_model::bulk::list::ListEntry]) -> Vec<&str> {
    entries.iter().map(|e| e.text.as_str()).collect()
}

#[tokio::test]
async fn auth0_names_ids_and_display_names_live_then_from_the_inventory() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    c.profiles().await;
    let sandbox = &c.running_sandbox().unwrap().sandbox;
    // A second organization shown as "Globex": the name is ambiguous.
    let twin = sandbox
        .add_auth0_organization("globex-europe", "Globex")
        .unwrap();
    let state = sandbox.state(lanyard_sandbox::Product::Auth0);
    let umbrella = state["organizations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["name"] == "umbrella-health")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();

    // The inventory holds nothing yet: the organizations are listed live.
    let text = format!(
        "acme-corporation\r\nGlobex\r\n  Initech \r\nnobody-here\r\nHOOLI\r\n\r\nhooli\r\n{umbrella}\r\nacme-corporation\r\nAcme\r\nORG_{}\r\n",
        &umbrella[4..]
    );
    let r = c
        .bulk_targets_from_list(AUTH0, PickerKind::Auth0Organization, &lines(&text))
        .await
        .unwrap();
    assert_eq!(
        resolved(&r),
        vec![
            (1, "Acme Corporation", MatchedBy::Name, true),
            (3, "Initech", MatchedBy::Name, true),
            (5, "Hooli", MatchedBy::Name, true),
            (8, "Umbrella Health", MatchedBy::Id, true),
        ]
    );
    assert_eq!(r.resolved[3].target.id, umbrella);
    // Never a substring ("Acme"), and ids exactly (ORG_…).
    assert_eq!(
        texts(&r.unknown),
        vec!["nobody-here", "Acme", &format!("ORG_{}", &umbrella[4..])]
    );
    assert_eq!(r.ambiguous.len(), 1);
    assert_eq!(r.ambiguous[0].entry.text, "Globex");
    let mut candidates: Vec<&str> = r.ambiguous[0]
        .candidates
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    candidates.sort_unstable();
    assert_eq!(candidates, vec!["globex", "globex-europe"]);
    assert!(
        r.ambiguous[0]
            .candidates
            .iter()
            .any(|c| c.target.id == twin)
    );
    // "hooli" is Hooli again (the same target), the second "acme-corporation" the same text.
    let dups: Vec<(usize, usize)> = r
        .duplicates
        .iter()
        .map(|d| (d.entry.line, d.same_as_line))
        .collect();
    assert_eq!(dups, vec![(7, 5), (9, 1)]);
    assert_eq!(r.duplicates_collapsed(), 2);
    assert_eq!(r.blank, 1);
    let note = r.live_note.clone().unwrap();
    assert!(
        matches!(
            note,
            ListNote::ReadLive {
                why: ListLiveReason::NoneHeld {
                    kind: PickerKind::Auth0Organization
                },
                ..
            }
        ),
        "{note:?}"
    );
    assert!(
        note.to_string()
            .starts_with("The inventory holds no Auth0 organizations"),
        "{note}"
    );
    for t in r.targets() {
        OrganizationId::parse(&t.id).unwrap();
    }

    // The listing filled the inventory: a CSV's column resolves from it, display names too.
    let csv = "\u{feff}Ticket,Customer\r\nT-1,\"Wayne Enterprises\"\r\nT-2,\"Stark Industries, Inc\"\r\nT-3,\"Gekko & Co\"\r\n\"T-4\",\"Globex\"\r\n";
    let input = ListInput::Csv {
        text: csv.into(),
        header: true,
        column: CsvColumn::Header("customer".into()),
    };
    let before = sandbox.requests(lanyard_sandbox::Product::Auth0);
    let r = c
        .bulk_targets_from_list(AUTH0, PickerKind::Auth0Organization, &input)
        .await
        .unwrap();
    assert_eq!(
        resolved(&r),
        vec![
            (2, "Wayne Enterprises", MatchedBy::DisplayName, false),
            (4, "Gekko & Co", MatchedBy::DisplayName, false),
        ]
    );
    assert_eq!(texts(&r.unknown), vec!["Stark Industries, Inc"]);
    assert_eq!(r.ambiguous.len(), 1);
    // The one entry the inventory lacks was looked up by name, nothing listed.
    let after = sandbox.requests(lanyard_sandbox::Product::Auth0);
    let listed = |m: &std::collections::BTreeMap<String, u64>| {
        m.get("GET /api/v2/organizations").copied().unwrap_or(0)
    };
    assert_eq!(listed(&after), listed(&before));
    assert_eq!(
        r.live_note,
        Some(ListNote::LookedUp {
            missing: 1,
            found: 0
        })
    );

    // An organization made since the listing is found live by its name, not by its display
    // name (Auth0 has no such look-up).
    sandbox
        .add_auth0_organization("newco", "NewCo Ltd")
        .unwrap();
    let r = c
        .bulk_targets_from_list(
            AUTH0,
            PickerKind::Auth0Organization,
            &lines("newco\nNewCo Ltd\nwayne-enterprises"),
        )
        .await
        .unwrap();
    assert_eq!(
        resolved(&r),
        vec![
            (1, "NewCo Ltd", MatchedBy::Name, true),
            (3, "Wayne Enterprises", MatchedBy::Name, false),
        ]
    );
    assert_eq!(texts(&r.unknown), vec!["NewCo Ltd"]);
}

#[tokio::test]
async fn bad_lists_and_other_products() {
    let dir = tempfile::tempdir().unwrap();
    let c = console_in(&dir);
    let broken = ListInput::Csv {
        text: "name\n\"acme\n".into(),
        header: true,
        column: CsvColumn::Index(0),
    };
    let err = c
        .bulk_targets_from_list(AUTH0, PickerKind::Auth0Organization, &broken)
        .await
        .unwrap_err();
    let CoreError::Invalid(errors) = err else {
        panic!("{err:?}")
    };
    assert!(
        errors.get("list")[0]
            .to_string()
            .starts_with("Line 2 of the CSV file")
    );
    let err = c
        .bulk_targets_from_list(AUTH0, PickerKind::HubAuthModule, &lines("GitHub"))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("needs JetBrains Hub") || err.to_string().contains("Hub"));

    // Hub modules and ZITADEL IdPs by name, live.
    let r = c
        .bulk_targets_from_list(
            HUB,
            PickerKind::HubAuthModule,
            &lines("GitHub\ngithub\nnope"),
        )
        .await
        .unwrap();
    assert_eq!(r.resolved.len(), 1);
    assert_eq!(r.resolved[0].target.name, "GitHub");
    assert_eq!(r.duplicates.len(), 1);
    assert_eq!(texts(&r.unknown), vec!["nope"]);
    let providers = c.zitadel_providers(ZITADEL, None).await.unwrap();
    let owned = providers.iter().find(|p| p.owner.is_some()).unwrap();
    let r = c
        .bulk_targets_from_list(
            ZITADEL,
            PickerKind::ZitadelIdp,
            &lines(&owned.name.to_uppercase()),
        )
        .await
        .unwrap();
    assert_eq!(r.resolved.len(), 1);
    assert_eq!(r.resolved[0].target.id, owned.id.to_string());
    assert_eq!(r.resolved[0].target.owner_type, Some(owned.owner_type()));
    assert!(matches!(
        r.live_note,
        Some(ListNote::ReadLive {
            why: ListLiveReason::IdpOwnerType,
            ..
        })
    ));
}
