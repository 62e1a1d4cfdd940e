//! Two tenants with the same names and different ids: the seed of the ids is a knob, the names
//! and the wiring do not depend on it, and the default seed gives the tenant of every other test.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use lanyard_sandbox::auth0::seed::{DEFAULT_ID_SEED, world, world_with};

#[test]
fn another_id_seed_gives_other_ids_for_the_same_names_and_wiring() {
    let a = world_with(60, DEFAULT_ID_SEED);
    let b = world_with(60, 7);
    assert_eq!(a.orgs.len(), b.orgs.len());
    for (x, y) in a.orgs.iter().zip(&b.orgs) {
        assert_eq!(x.name, y.name);
        assert_ne!(x.id, y.id);
    }
    for (x, y) in a.connections.iter().zip(&b.connections) {
        assert_eq!(x.name, y.name);
        assert_ne!(x.id, y.id);
    }
    // The same wiring by name: each organization's connections by name and options.
    let named = |w: &lanyard_sandbox::auth0::state::World| {
        let mut out: Vec<(String, String, bool)> = w
            .links
            .iter()
            .map(|((org, conn), link)| {
                let o = w.orgs.iter().find(|o| &o.id == org).unwrap();
                let c = w.connections.iter().find(|c| &c.id == conn).unwrap();
                (o.name.clone(), c.name.clone(), link.show_as_button)
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(named(&a), named(&b));
    // The default is the seed every other test knows.
    assert_eq!(world(60).orgs[0].id, a.orgs[0].id);
}
