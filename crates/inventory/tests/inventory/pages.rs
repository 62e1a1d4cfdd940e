//! A large answer read a page at a time (`Rows`: SQLite's `LIMIT`/`OFFSET`): each page holds
//! the rows the whole answer holds at its place, and its counts are the whole answer's.

use lanyard_inventory::{Auth0OrgQuery, Inventory, ReadOrigin, Rows, UnixMillis};
use lanyard_model::auth0::AccessLevel;
use lanyard_model::inventory::{ConnectionCondition, OptionsFilter, Presence};

use crate::fixture::{PROFILE, T0, con, enabled, names, open, org};

const ORGANIZATIONS: usize = 10_000;

/// 10,000 organizations named `org-00000` … in order; the even ones have Okta. The later an
/// organization comes by name, the earlier it was read, so the oldest read is the last row's.
fn big_tenant(inventory: &mut Inventory) {
    for i in 0..ORGANIZATIONS {
        let connections = if i % 2 == 0 {
            vec![enabled("con_okta", true, AccessLevel::None)]
        } else {
            Vec::new()
        };
        let read_at = UnixMillis(T0.0 + (ORGANIZATIONS - i) as i64);
        inventory
            .replace_auth0_organization(
                PROFILE,
                &org(&format!("org_{i:05}"), &format!("org-{i:05}"), None),
                &connections,
                read_at,
                ReadOrigin::Independent,
            )
            .unwrap();
    }
}

fn rows(offset: u64, limit: u64) -> Rows {
    Rows { offset, limit }
}

fn expected(range: impl Iterator<Item = usize>) -> Vec<String> {
    range.map(|i| format!("org-{i:05}")).collect()
}

#[test]
fn page_n_of_a_10000_row_answer_holds_its_rows_and_the_whole_answers_counts() {
    let (_dir, mut inventory) = open();
    big_tenant(&mut inventory);
    let every = Auth0OrgQuery::default();
    let oldest = Some(UnixMillis(T0.0 + 1));

    let whole = inventory.auth0_organizations(PROFILE, &every).unwrap();
    assert_eq!(whole.matches.len(), ORGANIZATIONS);
    assert_eq!(whole.matching, ORGANIZATIONS as u64);
    assert_eq!(whole.oldest_read, oldest);

    // Page 7 of 200 rows: rows 1,400 to 1,599, and the counts of all 10,000.
    let page = rows(1_400, 200);
    let seventh = inventory
        .auth0_organizations_rows(PROFILE, &every, page)
        .unwrap();
    assert_eq!(names(&seventh.matches), expected(1_400..1_600));
    assert_eq!(seventh.matches[..], whole.matches[1_400..1_600]);
    assert_eq!(seventh.matching, ORGANIZATIONS as u64);
    assert_eq!(
        seventh.oldest_read, oldest,
        "the oldest of all, not of the page"
    );
    assert_eq!((seventh.known, seventh.not_yet_read), (10_000, 0));

    // The last page is short; past the end there are no rows but the counts still hold.
    let last = rows(9_900, 200);
    let tail = inventory
        .auth0_organizations_rows(PROFILE, &every, last)
        .unwrap();
    assert_eq!(names(&tail.matches), expected(9_900..10_000));
    let beyond = rows(10_000, 200);
    let past = inventory
        .auth0_organizations_rows(PROFILE, &every, beyond)
        .unwrap();
    assert!(past.matches.is_empty());
    assert_eq!(past.matching, ORGANIZATIONS as u64);
    assert_eq!(past.oldest_read, oldest);
}

#[test]
fn a_page_of_a_narrowed_answer_counts_only_what_matches() {
    let (_dir, mut inventory) = open();
    big_tenant(&mut inventory);
    let okta = |presence| Auth0OrgQuery {
        connection: Some(ConnectionCondition {
            connection_id: con("con_okta"),
            presence,
            options: OptionsFilter::default(),
        }),
        name_contains: None,
    };
    let page = rows(1_000, 50);
    let has = inventory
        .auth0_organizations_rows(PROFILE, &okta(Presence::Has), page)
        .unwrap();
    assert_eq!(names(&has.matches), expected((2_000..2_100).step_by(2)));
    assert_eq!(has.matching, 5_000);
    assert_eq!(has.oldest_read, Some(UnixMillis(T0.0 + 2)));
    let lacks = inventory
        .auth0_organizations_rows(PROFILE, &okta(Presence::Lacks), page)
        .unwrap();
    assert_eq!(names(&lacks.matches), expected((2_001..2_100).step_by(2)));
    assert_eq!(lacks.matching, 5_000);
    assert_eq!(lacks.oldest_read, Some(UnixMillis(T0.0 + 1)));
    let nobody = Auth0OrgQuery {
        connection: None,
        name_contains: Some("no-such-name".to_owned()),
    };
    let none = inventory
        .auth0_organizations_rows(PROFILE, &nobody, page)
        .unwrap();
    assert!(none.matches.is_empty());
    assert_eq!((none.matching, none.oldest_read), (0, None));
}
