#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed step is the test failing

use super::*;

fn row(id: &str, name: &str, detail: Option<&str>, read_at_ms: Option<i64>) -> InventoryRow {
    InventoryRow {
        id: id.to_owned(),
        name: name.to_owned(),
        display_name: None,
        detail: detail.map(str::to_owned),
        read_at_ms,
    }
}

#[test]
fn csv_quotes_what_needs_it_defuses_formulas_and_says_times_in_utc() {
    let rows = [
        row(
            "org_1",
            "=HYPERLINK(\"http://evil\")",
            Some("enabled · button hidden, \"legacy\""),
            Some(1_764_000_000_123),
        ),
        row("org_2", "plain", None, None),
    ];
    let csv = to_csv(&rows).unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "id,name,display name,detail,read at");
    assert_eq!(
        lines[1],
        "org_1,\"'=HYPERLINK(\"\"http://evil\"\")\",,\"enabled · button hidden, \"\"legacy\"\"\",\
         2025-11-24T16:00:00Z"
    );
    assert_eq!(lines[2], "org_2,plain,,,");
    assert_eq!(lines[3], "", "every line ends with CRLF");
}

#[test]
fn a_time_no_clock_could_give_is_an_error() {
    assert!(to_csv(&[row("o", "n", None, Some(i64::MAX))]).is_err());
}

#[test]
fn options_with_lacks_are_refused_and_without_them_accepted() {
    let question = |options: OptionsFilter| InventoryQuestion::Auth0 {
        connection: Some(ConnectionCondition {
            connection_id: lanyard_model::ids::ConnectionId::parse("con_x").unwrap(),
            presence: Presence::Lacks,
            options,
        }),
        name_contains: String::new(),
    };
    assert!(check_question(&question(OptionsFilter::default())).is_ok());
    let hidden = OptionsFilter {
        show_as_button: Some(false),
        ..OptionsFilter::default()
    };
    let refused = check_question(&question(hidden)).unwrap_err().to_string();
    assert!(refused.contains("leave the options"), "{refused}");
}

#[test]
fn every_picker_kind_belongs_to_one_product_and_every_kind_is_counted_once() {
    use lanyard_model::inventory::PickerKind::*;
    for kind in [
        Auth0Organization,
        Auth0Connection,
        ZitadelOrganization,
        ZitadelIdp,
        HubAuthModule,
        HubGroup,
    ] {
        let (target, product) = picked(kind);
        assert!(
            kinds_of(product)
                .iter()
                .any(|(_, kinds)| kinds.contains(&target)),
            "{kind:?}"
        );
    }
    let counted: Vec<TargetKind> = Product::ALL
        .iter()
        .flat_map(|p| kinds_of(*p).iter().flat_map(|(_, k)| k.iter().copied()))
        .collect();
    assert_eq!(counted.len(), TargetKind::ALL.len());
    assert!(TargetKind::ALL.iter().all(|k| counted.contains(k)));
}
