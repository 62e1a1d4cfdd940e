//! CSV as RFC 4180 writes it, read leniently where spreadsheets differ: fields separated by
//! commas, records by CRLF or a bare LF (or CR); a field in double quotes may hold commas, line
//! breaks and `""` for a quote. A quote inside an unquoted field is kept as text (spreadsheets
//! write `5" disk` so); text after a closing quote, or a quote never closed, is an error that
//! names the line. A byte-order mark at the start is dropped by the caller.

use super::{CsvProblem, ListError};

/// One record: the line it starts on (1-based) and its fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Record {
    pub(super) line: usize,
    pub(super) fields: Vec<String>,
}

/// Every record of `text`. A line with nothing on it is no record.
pub(super) fn records(text: &str) -> Result<Vec<Record>, ListError> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line: usize = 1;
    loop {
        let Some(&first) = chars.peek() else {
            return Ok(out);
        };
        if matches!(first, '\r' | '\n') {
            chars.next();
            if first == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
            }
            line = line.saturating_add(1);
            continue;
        }
        let start = line;
        let mut fields = Vec::new();
        // One record: fields until an unquoted line break or the end.
        loop {
            let mut field = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                loop {
                    match chars.next() {
                        None => {
                            return Err(ListError::Csv {
                                line: start,
                                reason: CsvProblem::UnclosedQuote,
                            });
                        }
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => {
                            if c == '\n' || (c == '\r' && chars.peek() != Some(&'\n')) {
                                line = line.saturating_add(1);
                            }
                            field.push(c);
                        }
                    }
                }
                match chars.peek() {
                    None | Some(',' | '\r' | '\n') => {}
                    Some(_) => {
                        return Err(ListError::Csv {
                            line,
                            reason: CsvProblem::TextAfterQuote,
                        });
                    }
                }
            } else {
                while let Some(&c) = chars.peek() {
                    if matches!(c, ',' | '\r' | '\n') {
                        break;
                    }
                    field.push(c);
                    chars.next();
                }
            }
            fields.push(field);
            match chars.next() {
                Some(',') => continue,
                Some('\r') => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                }
                Some(_) | None => {}
            }
            line = line.saturating_add(1);
            break;
        }
        out.push(Record {
            line: start,
            fields,
        });
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<(usize, Vec<&'static str>)> {
        records(text)
            .unwrap()
            .into_iter()
            .map(|r| {
                (
                    r.line,
                    r.fields
                        .into_iter()
                        .map(|f| &*Box::leak(f.into_boxed_str()))
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn quotes_commas_line_breaks_and_crlf() {
        let text = "name,id\r\n\"Acme, Inc.\",org_1\r\n\"Say \"\"hi\"\"\",\"two\nlines\"\r\nplain,\r\n\r\nlast,x";
        assert_eq!(
            fields(text),
            vec![
                (1, vec!["name", "id"]),
                (2, vec!["Acme, Inc.", "org_1"]),
                (3, vec!["Say \"hi\"", "two\nlines"]),
                (5, vec!["plain", ""]),
                (7, vec!["last", "x"]),
            ]
        );
        assert_eq!(fields("a\rb\n"), vec![(1, vec!["a"]), (2, vec!["b"])]);
        assert_eq!(fields("5\" disk,b"), vec![(1, vec!["5\" disk", "b"])]);
        assert_eq!(fields(""), vec![]);
    }

    #[test]
    fn broken_quotes_name_their_line() {
        let err = records("a\nb\n\"never closed,c\nd").unwrap_err();
        assert_eq!(
            err,
            ListError::Csv {
                line: 3,
                reason: CsvProblem::UnclosedQuote
            }
        );
        let err = records("x\n\"a\"b,c").unwrap_err();
        assert_eq!(
            err,
            ListError::Csv {
                line: 2,
                reason: CsvProblem::TextAfterQuote
            }
        );
    }
}
