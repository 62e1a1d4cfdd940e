//! The crawl's table and questions: a v2 file gains the table with its data kept, a crawl's
//! state survives reopening, and the targets left to read are exactly those not read since the
//! crawl started.

use lanyard_model::auth0::Organization;
use lanyard_model::ids::OrganizationId;
use lanyard_model::inventory::CrawlState;
use rusqlite::Connection;

use super::{CrawlCount, CrawlRecord};
use crate::records::{ReadOrigin, TargetKind, TargetRecord, UnixMillis};
use crate::schema::{SCHEMA_VERSION, migrate_to, stored_version};
use crate::{Inventory, InventoryError};

const P: &str = "profile";
const ORGS: [TargetKind; 1] = [TargetKind::Auth0Organization];

fn org(id: &str) -> TargetRecord {
    TargetRecord {
        kind: TargetKind::Auth0Organization,
        id: id.to_owned(),
        name: id.trim_start_matches("org_").to_owned(),
        display_name: None,
        facts: None,
    }
}

fn read(db: &mut Inventory, id: &str, at: i64) {
    let organization = Organization {
        id: OrganizationId::parse(id).unwrap(),
        name: id.trim_start_matches("org_").to_owned(),
        display_name: None,
    };
    db.replace_auth0_organization(
        P,
        &organization,
        &[],
        UnixMillis(at),
        ReadOrigin::Independent,
    )
    .unwrap();
}

#[test]
fn a_v2_file_gets_the_crawl_table_with_its_targets_kept() {
    const { assert!(SCHEMA_VERSION >= 3) };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite");
    {
        let mut conn = Connection::open(&path).unwrap();
        migrate_to(&mut conn, 2).unwrap();
        conn.execute(
            "INSERT INTO targets (profile_id, kind, external_id, name, search_key, read_at)
             VALUES ('profile', 'auth0_organization', 'org_acme', 'acme', 'acme', 1000)",
            [],
        )
        .unwrap();
        assert_eq!(stored_version(&conn).unwrap(), 2);
    }
    let mut db = Inventory::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(db.crawl(P).unwrap(), None, "no crawl yet");
    let count = db.crawl_count(P, &ORGS, UnixMillis(1000)).unwrap();
    assert_eq!(
        count,
        CrawlCount { listed: 1, read: 0 },
        "the v2 target is there"
    );
    let record = CrawlRecord {
        started_at: UnixMillis(2000),
        listed: false,
        state: CrawlState::Running,
        message: None,
        finished_at: None,
    };
    db.save_crawl(P, &record).unwrap();
    drop(db);
    let db = Inventory::open(&path).unwrap();
    assert_eq!(db.crawl(P).unwrap(), Some(record.clone()));
    assert_eq!(db.crawls().unwrap(), vec![(P.to_owned(), record)]);
}

#[test]
fn the_targets_left_are_those_listed_since_the_start_and_not_read_since() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Inventory::open(&dir.path().join("i.sqlite")).unwrap();
    // An earlier crawl read b; this crawl starts at 100 and lists a, b, c.
    read(&mut db, "org_b", 50);
    db.record_targets(
        P,
        &[org("org_a"), org("org_b"), org("org_c")],
        UnixMillis(100),
    )
    .unwrap();
    let since = UnixMillis(100);
    let left: Vec<String> = db
        .crawl_unread(P, &ORGS, since, 10)
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect();
    assert_eq!(left, ["org_a", "org_b", "org_c"], "b's read is older");
    read(&mut db, "org_a", 120);
    assert_eq!(
        db.crawl_count(P, &ORGS, since).unwrap(),
        CrawlCount { listed: 3, read: 1 }
    );
    let left = db.crawl_unread(P, &ORGS, since, 1).unwrap();
    assert_eq!(left.len(), 1, "at most the limit");
    assert_eq!(left[0].id, "org_b");
    // Another profile's rows never count.
    assert_eq!(
        db.crawl_count("other", &ORGS, since).unwrap(),
        CrawlCount::default()
    );
}

#[test]
fn a_complete_listing_forgets_the_targets_it_no_longer_found() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Inventory::open(&dir.path().join("i.sqlite")).unwrap();
    read(&mut db, "org_gone", 50);
    db.record_targets(P, &[org("org_kept")], UnixMillis(100))
        .unwrap();
    assert_eq!(
        db.forget_unlisted(P, TargetKind::Auth0Organization, UnixMillis(100))
            .unwrap(),
        1
    );
    assert_eq!(
        db.target_name(P, TargetKind::Auth0Organization, "org_gone")
            .unwrap(),
        None
    );
    assert!(
        db.forget_target(P, TargetKind::Auth0Organization, "org_kept")
            .unwrap()
    );
    assert_eq!(
        db.crawl_count(P, &ORGS, UnixMillis(0)).unwrap(),
        CrawlCount::default()
    );
}

#[test]
fn a_crawl_state_no_lanyard_wrote_is_an_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("i.sqlite");
    drop(Inventory::open(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .execute(
            "INSERT INTO crawls (profile_id, started_at, listed, state) VALUES ('p', 1, 0, 'sideways')",
            [],
        )
        .unwrap();
    let db = Inventory::open(&path).unwrap();
    assert!(matches!(db.crawl("p"), Err(InventoryError::BadValue(_))));
    assert!(matches!(db.crawls(), Err(InventoryError::BadValue(_))));
}

#[test]
fn a_stop_in_words_from_an_earlier_lanyard_reads_as_written_and_a_typed_one_round_trips() {
    use lanyard_model::crawl_stop::{CrawlStep, CrawlStop, StopCause};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inventory.sqlite");
    let old = "Lanyard stopped while this crawl was reading; Resume continues where it stopped";
    {
        let db = Inventory::open(&path).unwrap();
        // The row as an earlier Lanyard wrote it: the message column holds English words.
        db.conn
            .execute(
                "INSERT INTO crawls (profile_id, started_at, listed, state, message, finished_at)
                 VALUES ('old', 1000, 1, 'interrupted', ?1, NULL)",
                [old],
            )
            .unwrap();
    }
    let mut db = Inventory::open(&path).unwrap();
    let kept = db.crawl("old").unwrap().unwrap();
    assert_eq!(kept.message, Some(CrawlStop::Stored(old.to_owned())));
    assert_eq!(kept.message.as_ref().unwrap().to_string(), old);

    let typed = CrawlRecord {
        started_at: UnixMillis(2000),
        listed: true,
        state: CrawlState::Interrupted,
        message: Some(
            StopCause::Unwritable {
                step: CrawlStep::RecordRead,
                detail: "disk I/O error".into(),
            }
            .into(),
        ),
        finished_at: Some(UnixMillis(3000)),
    };
    db.save_crawl(P, &typed).unwrap();
    let column: String = db
        .conn
        .query_row(
            "SELECT message FROM crawls WHERE profile_id = ?1",
            [P],
            |r| r.get(0),
        )
        .unwrap();
    assert!(column.starts_with("{\"stop\":\"unwritable\""), "{column}");
    drop(db);
    let db = Inventory::open(&path).unwrap();
    assert_eq!(db.crawl(P).unwrap(), Some(typed));
    // Saved again unchanged, an old row keeps its words.
    let mut db = db;
    db.save_crawl("old", &kept).unwrap();
    assert_eq!(db.crawl("old").unwrap(), Some(kept));
}
