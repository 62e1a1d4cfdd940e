#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use crate::Change;
use crate::auth0::{AccessLevel, Patch};

fn options(button: bool) -> ConnectionOptions {
    ConnectionOptions {
        is_enabled: true,
        show_as_button: button,
        assign_membership_on_login: false,
        is_signup_enabled: false,
        organization_access_level: AccessLevel::None,
        organization_connection_name: None,
    }
}

fn item(id: &str, name: &str, button: Option<bool>) -> SnapshotItem {
    SnapshotItem {
        id: id.into(),
        name: name.into(),
        options: button.map(options),
    }
}

fn target(id: &str, name: &str, items: Vec<SnapshotItem>) -> SnapshotTarget {
    SnapshotTarget {
        id: id.into(),
        name: name.into(),
        display_name: None,
        uses_instance_default: false,
        items,
    }
}

fn snapshot(targets: Vec<SnapshotTarget>) -> Snapshot {
    Snapshot {
        lanyard_snapshot: SNAPSHOT_VERSION,
        product: Product::Auth0,
        profile: String::new(),
        exported_at: None,
        oldest_read_at: None,
        name_contains: None,
        targets,
    }
}

#[test]
fn make_like_enables_changes_only_what_differs_and_removes_only_when_asked() {
    let source = target(
        "org_src",
        "acme",
        vec![
            item("con_a", "github", Some(false)),
            item("con_b", "email", Some(true)),
        ],
    );
    let t = target(
        "org_t",
        "globex",
        vec![
            item("con_b", "email", Some(false)),
            item("con_c", "linkedin", Some(true)),
        ],
    );
    let plan = plan_like(Product::Auth0, &source, &t, false).unwrap();
    assert_eq!(plan.len(), 2);
    assert!(
        matches!(&plan[0].change, Change::Auth0Enable { request, .. }
        if request.show_as_button == Some(false) && request.connection_id.as_str() == "con_a")
    );
    match &plan[1].change {
        Change::Auth0Update { update, .. } => {
            // A PATCH of only what differs.
            assert_eq!(update.show_as_button, Some(true));
            assert_eq!(update.is_enabled, Patch::Keep);
            assert_eq!(update.assign_membership_on_login, None);
        }
        other => panic!("{other:?}"),
    }
    for p in &plan {
        assert_ne!(p.current, p.planned);
        assert!(p.change.validate().is_empty(), "{:?}", p.change.validate());
    }
    let with_removal = plan_like(Product::Auth0, &source, &t, true).unwrap();
    assert_eq!(with_removal.len(), 3);
    assert!(
        matches!(&with_removal[2].change, Change::Auth0Remove { connection_id, .. } if connection_id.as_str() == "con_c")
    );
    // Already alike: nothing.
    assert!(
        plan_like(Product::Auth0, &source, &source, true)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn compare_matches_by_name_and_finds_every_kind() {
    let left = snapshot(vec![
        target(
            "org_1",
            "acme",
            vec![
                item("con_1", "github", Some(true)),
                item("con_2", "email", Some(true)),
                item("con_3", "linkedin", Some(true)),
                item("con_9", "only-here", Some(true)),
            ],
        ),
        target("org_2", "left-only", vec![]),
    ]);
    let right = snapshot(vec![
        target(
            "org_X",
            "acme",
            vec![
                item("con_X1", "github", Some(true)),
                item("con_X2", "email", Some(false)),
                item("con_X4", "google", Some(true)),
            ],
        ),
        target("org_Y", "right-only", vec![]),
    ]);
    let mut catalog = Catalog::default();
    for (name, id) in [
        ("github", "con_X1"),
        ("email", "con_X2"),
        ("linkedin", "con_X3"),
        ("google", "con_X4"),
    ] {
        catalog.insert(name, id);
    }
    let found = diff(&left, &right, &catalog);
    let kinds: Vec<(&str, DiffKind)> = found
        .rows
        .iter()
        .map(|r| (r.item.as_str(), r.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("email", DiffKind::Different),
            ("github", DiffKind::Same),
            ("google", DiffKind::OnlyRight),
            ("linkedin", DiffKind::OnlyLeft),
            ("only-here", DiffKind::OnlyLeft),
        ]
    );
    assert_eq!(found.rows[0].differs, ["show_as_button"]);
    assert_eq!(found.rows[3].right_item_id.as_deref(), Some("con_X3"));
    assert_eq!(found.rows[0].right_target_id, "org_X");
    assert_eq!(
        found.rows[4].not_copyable,
        Some(NotCopyable::NoneNamed {
            product: Product::Auth0,
            name: "only-here".into()
        })
    );
    assert_eq!(
        found.rows[4].not_copyable.as_ref().unwrap().to_string(),
        "The right-hand tenant has no connection named \u{201c}only-here\u{201d}"
    );
    assert_eq!(found.rows[1].not_copyable, Some(NotCopyable::AlreadySame));
    assert_eq!(found.unknown_on_right, ["only-here"]);
    assert_eq!(found.only_left_targets, ["left-only"]);
    assert_eq!(found.only_right_targets, ["right-only"]);
    let counts = DiffCounts::of(&found.rows);
    assert_eq!(
        (
            counts.only_left,
            counts.only_right,
            counts.same,
            counts.different
        ),
        (2, 1, 1, 1)
    );
    // A row becomes its change with the right-hand ids.
    let row = &found.rows[0];
    let planned = item_change(
        Product::Auth0,
        (&row.right_target_id, &row.target),
        (row.right_item_id.as_deref().unwrap(), &row.item),
        row.right.as_ref(),
        row.left.as_ref(),
    )
    .unwrap()
    .unwrap();
    assert!(
        matches!(planned.change, Change::Auth0Update { ref organization_id, .. } if organization_id.as_str() == "org_X")
    );
}

#[test]
fn zitadel_and_hub_items_link_unlink_add_and_remove() {
    let src = target("instance", "Instance", vec![item("idp1", "Okta", None)]);
    let org = target("3001", "Acme", vec![item("idp2", "Azure", None)]);
    let plan = plan_like(Product::Zitadel, &src, &org, true).unwrap();
    assert!(matches!(plan[0].change, Change::ZitadelLink { .. }));
    assert!(
        matches!(plan[1].change, Change::ZitadelUnlink { .. }) && plan[1].change.is_destructive()
    );
    assert_eq!(match_key(&src), "(instance)");
    let plan = plan_like(Product::Hub, &org, &src, false).unwrap();
    assert!(matches!(plan[0].change, Change::HubAdd { .. }) || plan.is_empty());
}

#[test]
fn items_are_labelled_by_name_and_an_unknown_name_says_the_id_is_one() {
    let idp = "284019223568203777";
    // The source knows the IdP only by its id, the target by its name: the name is used.
    let source = target("instance", "Instance", vec![item(idp, idp, None)]);
    let acme = target("284019223568204001", "Acme", vec![]);
    let plan = plan_like(Product::Zitadel, &source, &acme, false).unwrap();
    assert_eq!(
        plan[0].change.describe(),
        format!("Link identity provider {idp} (name not known) to the login policy of Acme")
    );
    let named = target(
        "instance",
        "Instance",
        vec![item(idp, "Google Workspace", None)],
    );
    let plan = plan_like(Product::Zitadel, &named, &acme, false).unwrap();
    assert_eq!(
        plan[0].change.describe(),
        "Link Google Workspace to the login policy of Acme"
    );
    // Removing: the target's own name for it.
    let linked = target(
        "284019223568204001",
        "Acme",
        vec![item(idp, "Google Workspace", None)],
    );
    let empty = target("instance", "Instance", vec![]);
    let plan = plan_like(Product::Zitadel, &empty, &linked, true).unwrap();
    assert_eq!(plan[0].change.labels().item, "Google Workspace".into());
    // Auth0: the connection's name; a blank one is the id, said to be one.
    let org = target("org_a", "acme", vec![]);
    let with = target("org_b", "b", vec![item("con_1", " ", Some(true))]);
    let plan = plan_like(Product::Auth0, &with, &org, false).unwrap();
    assert_eq!(
        plan[0].change.labels().item,
        crate::Label::Unnamed {
            noun: crate::change::ItemNoun::Connection,
            id: "con_1".into()
        }
    );
    assert_eq!(
        plan[0].change.labels().item.to_string(),
        "connection con_1 (name not known)"
    );
}
