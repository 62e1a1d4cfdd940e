#![allow(clippy::unwrap_used)]

use super::*;

fn lines(text: &str) -> Result<ParsedList, ListError> {
    ListInput::Lines { text: text.into() }.parse()
}

fn texts(list: &ParsedList) -> Vec<(usize, &str)> {
    list.entries
        .iter()
        .map(|e| (e.line, e.text.as_str()))
        .collect()
}

#[test]
fn pasted_lines_are_trimmed_blank_ones_ignored_and_repeats_collapsed() {
    let list = lines("\u{feff}acme\r\n  Globex  \r\n\r\nacme\norg_123\n\n").unwrap();
    assert_eq!(
        texts(&list),
        vec![(1, "acme"), (2, "Globex"), (5, "org_123")]
    );
    assert_eq!(list.blank, 2);
    assert_eq!(
        list.duplicates,
        vec![ListDuplicate {
            entry: ListEntry {
                line: 4,
                text: "acme".into()
            },
            same_as_line: 1
        }]
    );
}

#[test]
fn a_csv_column_by_header_name_or_position() {
    let text = "\u{feff}Customer,Org ID\r\n\"Acme, Inc.\",org_1\r\n\"Say \"\"hi\"\"\",org_2\r\nshort\r\n,\r\n";
    let by_name = ListInput::Csv {
        text: text.into(),
        header: true,
        column: CsvColumn::Header(" org id ".into()),
    }
    .parse()
    .unwrap();
    assert_eq!(texts(&by_name), vec![(2, "org_1"), (3, "org_2")]);
    assert_eq!(by_name.skipped.len(), 1);
    assert_eq!(by_name.skipped[0].line, 4);
    assert_eq!(
        by_name.skipped[0].reason,
        SkipReason::TooFewColumns { has: 1, column: 2 }
    );
    assert_eq!(by_name.blank, 1);
    let by_index = ListInput::Csv {
        text: text.into(),
        header: true,
        column: CsvColumn::Index(0),
    }
    .parse()
    .unwrap();
    assert_eq!(
        texts(&by_index),
        vec![(2, "Acme, Inc."), (3, "Say \"hi\""), (4, "short")]
    );
    let no_header = ListInput::Csv {
        text: text.into(),
        header: false,
        column: CsvColumn::Index(0),
    }
    .parse()
    .unwrap();
    assert_eq!(no_header.entries[0].text, "Customer");
    assert_eq!(
        csv_preview(text, 2).unwrap(),
        vec![vec!["Customer", "Org ID"], vec!["Acme, Inc.", "org_1"]]
    );
}

#[test]
fn clear_errors_for_what_cannot_be_read() {
    let missing = ListInput::Csv {
        text: "name,id\na,b\n".into(),
        header: true,
        column: CsvColumn::Header("email".into()),
    }
    .parse()
    .unwrap_err();
    assert_eq!(
        missing.to_string(),
        "The CSV file has no column \u{201c}email\u{201d}; its columns are: 1 \u{201c}name\u{201d}, 2 \u{201c}id\u{201d}"
    );
    let no_header = ListInput::Csv {
        text: "a\n".into(),
        header: false,
        column: CsvColumn::Header("a".into()),
    }
    .parse()
    .unwrap_err();
    assert_eq!(no_header, ListError::NoHeader);
    assert_eq!(lines(" \n\r\n").unwrap_err(), ListError::Empty);
    let big = "a".repeat(MAX_LIST_BYTES + 1);
    assert!(matches!(lines(&big), Err(ListError::TooLarge { .. })));
    let many: String = (0..=MAX_LIST_ENTRIES).map(|i| format!("o{i}\n")).collect();
    assert_eq!(
        lines(&many).unwrap_err(),
        ListError::TooManyEntries {
            max: MAX_LIST_ENTRIES
        }
    );
    let exactly: String = (0..MAX_LIST_ENTRIES).map(|i| format!("o{i}\n")).collect();
    assert_eq!(lines(&exactly).unwrap().entries.len(), MAX_LIST_ENTRIES);
    let broken = ListInput::Csv {
        text: "a\n\"b\n".into(),
        header: false,
        column: CsvColumn::Index(0),
    }
    .parse()
    .unwrap_err();
    assert!(broken.to_string().starts_with("Line 2 of the CSV file"));
}

#[test]
fn the_input_travels_tagged_and_refuses_unknown_fields() {
    let input: ListInput = serde_json::from_value(serde_json::json!({
        "format": "csv", "text": "a", "header": true, "column": {"header": "Name"}
    }))
    .unwrap();
    assert!(matches!(input, ListInput::Csv { header: true, .. }));
    assert!(
        serde_json::from_value::<ListInput>(
            serde_json::json!({"format": "lines", "text": "a", "extra": 1})
        )
        .is_err()
    );
}

proptest::proptest! {
    #[test]
    fn hostile_text_never_panics(text in ".{0,200}", header: bool, index in 0usize..4) {
        let _ = ListInput::Csv { text: text.clone(), header, column: CsvColumn::Index(index) }.parse();
        let _ = ListInput::Lines { text }.parse();
    }
}
