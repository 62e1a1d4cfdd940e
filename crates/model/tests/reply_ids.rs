//! Ids in the servers' replies are typed when the reply is read, so the UI puts them in a change
//! as they are, and a reply whose id could not be sent back is refused, not shown as a row whose
//! buttons do nothing.

#![allow(clippy::unwrap_used)] // a failed step is the test failing

use lanyard_model::auth0::Organization;
use lanyard_model::hub::{AuthModule, UserGroup};
use lanyard_model::zitadel::LinkedIdp;
use lanyard_model::{Change, Labels};

#[test]
fn ids_in_replies_are_checked_when_read_and_used_as_they_are() {
    let group: UserGroup =
        serde_json::from_str(r#"{"id":"6b1d2c3e-0000-4a5b-8c9d-000000000054","name":"QA"}"#)
            .unwrap();
    let module: AuthModule =
        serde_json::from_str(r#"{"id":"0a6f5b7c-1111-4e2d-9a3b-000000000004"}"#).unwrap();
    let add = Change::HubAdd {
        module_id: module.id.clone(),
        group_id: group.id.clone(),
        labels: Labels::default(),
    };
    assert!(add.validate().is_empty());
    assert_eq!(add.item_id(), "6b1d2c3e-0000-4a5b-8c9d-000000000054");
    assert_eq!(add.target_id(), "0a6f5b7c-1111-4e2d-9a3b-000000000004");

    // Lists are read item by item, as the clients read them: an id that is not one is an error
    // naming the item and the field.
    let err = lanyard_model::lenient::objects::<Organization>(&serde_json::json!([
        {"id": "org_AbCdEf0123456789", "name": "acme"},
        {"id": "../../users", "name": "x"}
    ]))
    .unwrap_err();
    assert!(
        err.contains("item 1") && err.contains("organization_id"),
        "{err}"
    );
    assert!(
        serde_json::from_str::<LinkedIdp>(r#"{"idpId":""}"#).is_err(),
        "an empty id is no id"
    );
}
