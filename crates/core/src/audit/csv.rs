//! The audit log as CSV, for spreadsheets: quoted where needed, formulas defused. A note is
//! written in English (its `Display`, the words the log's readers and tools have always had).

use super::AuditEntry;

/// The entries as CSV, one row each, with a header row.
pub fn to_csv(entries: &[AuditEntry]) -> String {
    let mut out = String::from(
        "time,who,profile,product,operation,targets,outcome,status,message,correlation_id,run_id,request\n",
    );
    for e in entries {
        let targets = e
            .targets
            .iter()
            .map(|t| match &t.name {
                Some(name) => format!("{}:{} ({name})", t.kind, t.id),
                None => format!("{}:{}", t.kind, t.id),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let fields = [
            e.time.clone(),
            e.who.clone(),
            e.profile_name.clone(),
            e.product.clone(),
            e.operation.clone(),
            targets,
            e.outcome.to_string(),
            e.status.map(|s| s.to_string()).unwrap_or_default(),
            e.message
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            e.correlation_id.clone().unwrap_or_default(),
            e.run_id.clone().unwrap_or_default(),
            e.request.to_string(),
        ];
        out.push_str(
            &fields
                .iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push('\n');
    }
    out
}

/// Quotes a field when it needs it, and defuses spreadsheet formulas.
pub(crate) fn csv_field(value: &str) -> String {
    // A leading = + - @ makes spreadsheets evaluate the cell; a quote mark keeps it text.
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}
