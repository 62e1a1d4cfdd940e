//! What the Inventory page shows at a glance and what the pickers get: how much of each kind
//! is held and how old it is, a picker's answer with its age and whether more matched, and a
//! change made outside Lanyard named by the item's name.

use lanyard_inventory::{KindCount, ReadOrigin, TargetKind, TargetRecord, UnixMillis};
use lanyard_model::auth0::AccessLevel;

use crate::fixture::{PROFILE, T0, auth0_tenant, enabled, open, org};

fn count_of(counts: &[KindCount], kind: TargetKind) -> (u64, u64, Option<UnixMillis>) {
    let c = counts.iter().find(|c| c.kind == kind).unwrap();
    (c.known, c.read, c.oldest_read)
}

fn connections(at: UnixMillis) -> Vec<TargetRecord> {
    ["okta", "google"]
        .iter()
        .map(|name| TargetRecord {
            kind: TargetKind::Auth0Connection,
            id: format!("con_{name}"),
            name: format!("{name}-connection"),
            display_name: None,
            facts: None,
        })
        .map(|mut r| {
            if at != T0 {
                r.name.push_str(" (renamed)");
            }
            r
        })
        .collect()
}

#[test]
fn counts_per_kind_say_how_much_is_known_read_and_how_old() {
    let (_dir, mut inventory) = open();
    let empty = inventory.counts(PROFILE).unwrap();
    assert_eq!(empty.len(), TargetKind::ALL.len());
    assert!(
        empty
            .iter()
            .all(|c| c.known == 0 && c.oldest_read.is_none())
    );

    auth0_tenant(&mut inventory);
    let later = UnixMillis(T0.0 + 60_000);
    inventory
        .replace_auth0_organization(
            PROFILE,
            &org("org_acme", "acme", None),
            &[],
            later,
            ReadOrigin::Independent,
        )
        .unwrap();
    inventory
        .record_targets(PROFILE, &connections(later), later)
        .unwrap();
    let counts = inventory.counts(PROFILE).unwrap();
    // Six organizations known, five read (wayne by name only), the oldest read at T0.
    assert_eq!(
        count_of(&counts, TargetKind::Auth0Organization),
        (6, 5, Some(T0))
    );
    // Connections have no wiring of their own: listed is read, as of their listing.
    assert_eq!(
        count_of(&counts, TargetKind::Auth0Connection),
        (2, 2, Some(later))
    );
    assert_eq!(count_of(&counts, TargetKind::HubGroup), (0, 0, None));
    // Another profile holds nothing.
    let other = inventory.counts("auth0-staging").unwrap();
    assert!(other.iter().all(|c| c.known == 0));
}

#[test]
fn a_pick_says_its_age_and_whether_more_matched_and_none_when_the_kind_is_empty() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let kind = TargetKind::Auth0Organization;
    assert_eq!(
        inventory
            .pick(PROFILE, TargetKind::HubGroup, "", 5)
            .unwrap(),
        None
    );
    // Nothing matches: an answer all the same (the inventory holds organizations).
    let none = inventory.pick(PROFILE, kind, "zzz", 5).unwrap().unwrap();
    assert!(none.items.is_empty() && !none.more);
    assert_eq!(none.listed_at, T0);

    let two = inventory.pick(PROFILE, kind, "", 2).unwrap().unwrap();
    assert_eq!(two.items.len(), 2);
    assert!(two.more);
    let all = inventory.pick(PROFILE, kind, "", 6).unwrap().unwrap();
    assert_eq!(all.items.len(), 6);
    assert!(!all.more, "exactly the limit matched: no more");

    // A later listing of some: the age is the oldest listing's.
    let later = UnixMillis(T0.0 + 5_000);
    inventory
        .record_targets(
            PROFILE,
            &[TargetRecord {
                kind,
                id: "org_acme".to_owned(),
                name: "acme".to_owned(),
                display_name: None,
                facts: None,
            }],
            later,
        )
        .unwrap();
    let aged = inventory.pick(PROFILE, kind, "acme", 5).unwrap().unwrap();
    assert_eq!(aged.listed_at, T0);
    assert_eq!(aged.items[0].id, "org_acme");
}

#[test]
fn a_change_made_outside_names_the_connection_when_it_was_listed() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    inventory
        .record_targets(PROFILE, &connections(T0), T0)
        .unwrap();
    let seen = UnixMillis(T0.0 + 1_000);
    // Someone removed acme's Okta and enabled GitHub (never listed).
    let reread = [
        enabled("con_google", true, AccessLevel::None),
        enabled("con_github", true, AccessLevel::None),
    ];
    inventory
        .replace_auth0_organization(
            PROFILE,
            &org("org_acme", "acme", Some("Acme Corporation")),
            &reread,
            seen,
            ReadOrigin::Independent,
        )
        .unwrap();
    let changes = inventory.changed_outside(PROFILE, 10).unwrap();
    let named: Vec<(&str, Option<&str>)> = changes
        .iter()
        .map(|c| (c.item.as_str(), c.item_name.as_deref()))
        .collect();
    assert!(
        named.contains(&("con_okta", Some("okta-connection"))),
        "{named:?}"
    );
    assert!(named.contains(&("con_github", None)), "{named:?}");
}

#[test]
fn a_target_is_looked_up_with_its_display_name() {
    let (_dir, mut inventory) = open();
    auth0_tenant(&mut inventory);
    let acme = inventory
        .target(PROFILE, TargetKind::Auth0Organization, "org_acme")
        .unwrap()
        .unwrap();
    assert_eq!(acme.name, "acme");
    assert_eq!(acme.display_name.as_deref(), Some("Acme Corporation"));
    assert_eq!(acme.wiring_read_at, Some(T0));
    assert_eq!(
        inventory
            .target(PROFILE, TargetKind::Auth0Organization, "org_nobody")
            .unwrap(),
        None
    );
}
