//! Auth0's offset and checkpoint paging over a list.

use super::bad_request;
use crate::api_error::ApiError;

/// A list endpoint's query: its paging parameters and filters, repeats kept.
pub type Params = axum::extract::Query<Vec<(String, String)>>;

pub enum Mode {
    Offset {
        page: usize,
        per_page: usize,
        include_totals: bool,
    },
    Checkpoint {
        from: usize,
        take: usize,
    },
}

pub fn param<'a>(query: &'a [(String, String)], key: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn number(
    query: &[(String, String)],
    key: &str,
    default: usize,
    range: std::ops::RangeInclusive<usize>,
) -> Result<usize, ApiError> {
    match param(query, key) {
        None => Ok(default),
        Some(v) => match v.parse::<usize>() {
            Ok(n) if range.contains(&n) => Ok(n),
            _ => Err(bad_request(
                &format!(
                    "Query validation error: '{key}' must be an integer between {} and {}",
                    range.start(),
                    range.end()
                ),
                "invalid_query_string",
            )),
        },
    }
}

/// Reads the paging parameters; `checkpoint` says whether the endpoint supports from/take.
pub fn mode(
    query: &[(String, String)],
    default_per_page: usize,
    checkpoint: bool,
) -> Result<Mode, ApiError> {
    if checkpoint && (param(query, "take").is_some() || param(query, "from").is_some()) {
        let take = number(query, "take", 50, 1..=100)?;
        let from = match param(query, "from") {
            None => 0,
            Some(cursor) => decode_cursor(cursor).ok_or_else(|| {
                bad_request(
                    "Query validation error: 'from' is not a valid checkpoint",
                    "invalid_query_string",
                )
            })?,
        };
        return Ok(Mode::Checkpoint { from, take });
    }
    let page = number(query, "page", 0, 0..=1000)?;
    let per_page = number(query, "per_page", default_per_page, 1..=100)?;
    let include_totals = match param(query, "include_totals") {
        None | Some("false") => false,
        Some("true") => true,
        Some(_) => {
            return Err(bad_request(
                "Query validation error: 'include_totals' must be a boolean",
                "invalid_query_string",
            ));
        }
    };
    Ok(Mode::Offset {
        page,
        per_page,
        include_totals,
    })
}

/// The reply body for `items` under `key`; `cap` applies the 1,000-record offset limit.
pub fn page(
    items: Vec<serde_json::Value>,
    key: &str,
    mode: Mode,
    cap: bool,
) -> Result<serde_json::Value, ApiError> {
    match mode {
        Mode::Offset {
            page,
            per_page,
            include_totals,
        } => {
            if cap && (page + 1) * per_page > 1000 {
                return Err(bad_request(
                    "Requesting page exceeds the allowed maximum of 1000 records",
                    "invalid_paging",
                ));
            }
            let start = page * per_page;
            let total = items.len();
            let slice: Vec<_> = items.into_iter().skip(start).take(per_page).collect();
            if include_totals {
                let mut body =
                    serde_json::json!({"start": start, "limit": per_page, "total": total});
                body[key] = serde_json::Value::Array(slice);
                Ok(body)
            } else {
                Ok(serde_json::Value::Array(slice))
            }
        }
        Mode::Checkpoint { from, take } => {
            let total = items.len();
            let slice: Vec<_> = items.into_iter().skip(from).take(take).collect();
            let mut body = serde_json::json!({});
            body[key] = serde_json::Value::Array(slice);
            if from + take < total {
                body["next"] = encode_cursor(from + take).into();
            }
            Ok(body)
        }
    }
}

/// Opaque-looking cursors, like Auth0's base64 ones.
fn encode_cursor(index: usize) -> String {
    format!(
        "cp{:x}x{:08x}",
        index,
        (index as u32).wrapping_mul(2_654_435_761)
    )
}

fn decode_cursor(cursor: &str) -> Option<usize> {
    let (index, check) = cursor.strip_prefix("cp")?.split_once('x')?;
    let index = usize::from_str_radix(index, 16).ok()?;
    (format!("{:08x}", (index as u32).wrapping_mul(2_654_435_761)) == check).then_some(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_reject_forgeries() {
        for i in [0, 1, 50, 9_999] {
            assert_eq!(decode_cursor(&encode_cursor(i)), Some(i));
        }
        assert_eq!(decode_cursor("cp10x00000000"), None);
        assert_eq!(decode_cursor("garbage"), None);
    }
}
