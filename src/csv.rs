//! CSV as spreadsheets write it (RFC 4180): quoted fields may hold commas,
//! quotes and line breaks. Reading keeps each record's line number so errors
//! point at the row a user sees in their spreadsheet.

/// One record and the line of the file it starts on (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Line {line}: a quoted field is never closed.")]
pub struct UnclosedQuote {
    pub line: usize,
}

/// Splits a file into records; blank lines are skipped.
pub fn read(text: &str) -> Result<Vec<Record>, UnclosedQuote> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut record_line = 1;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n' | '\r') => {
                fields.push(std::mem::take(&mut field));
                push_record(&mut records, record_line, std::mem::take(&mut fields));
                line += 1;
                record_line = line;
            }
            (_, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
        }
    }
    if quoted {
        return Err(UnclosedQuote { line: record_line });
    }
    fields.push(field);
    push_record(&mut records, record_line, fields);
    Ok(records)
}

fn push_record(records: &mut Vec<Record>, line: usize, fields: Vec<String>) {
    let blank = fields.iter().all(|field| field.trim().is_empty());
    if !blank {
        records.push(Record { line, fields });
    }
}

/// One line of CSV, ending in CRLF.
pub fn write_row<S: AsRef<str>>(fields: &[S]) -> String {
    let mut row = fields
        .iter()
        .map(|field| quote(field.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    row.push_str("\r\n");
    row
}

/// Quotes a field when needed, and defuses text a spreadsheet would run as a
/// formula by prefixing an apostrophe: a leading `=`, `+`, `-` or `@`, and a
/// leading tab or carriage return, which spreadsheets skip before looking for
/// one of those (OWASP's CSV injection list).
fn quote(value: &str) -> String {
    let is_number = value.parse::<f64>().is_ok();
    let value = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_number => format!("'{value}"),
        _ => value.to_owned(),
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks() {
        let records = read("a,b\r\n\"x, y\",\"6\"\" drain\nsecond line\"\r\nlast,1").unwrap();
        assert_eq!(records.len(), 3);
        assert_eq!(records[1].fields, ["x, y", "6\" drain\nsecond line"]);
        assert_eq!(records[2].line, 4);
    }

    #[test]
    fn blank_lines_and_a_byte_order_mark_are_ignored() {
        let records = read("\u{feff}a,b\n\n1,2\n").unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].fields, ["a", "b"]);
        assert_eq!(records[1].line, 3);
    }

    #[test]
    fn an_unclosed_quote_names_its_line() {
        assert_eq!(read("a\n\"open,b\nc"), Err(UnclosedQuote { line: 2 }));
    }

    #[test]
    fn formulas_are_defused_but_negative_numbers_kept() {
        assert_eq!(
            write_row(&["=HYPERLINK(\"x\")", "-3"]),
            "\"'=HYPERLINK(\"\"x\"\")\",-3\r\n"
        );
    }

    #[test]
    fn a_formula_behind_a_leading_tab_or_carriage_return_is_defused() {
        assert_eq!(write_row(&["\t=1+2"]), "'\t=1+2\r\n");
        assert_eq!(write_row(&["\r=1+2"]), "\"'\r=1+2\"\r\n");
    }

    proptest! {
        #[test]
        fn written_rows_read_back_unchanged(
            rows in prop::collection::vec(prop::collection::vec("[a-z0-9 ,\"\n]{0,12}", 1..5), 1..5)
        ) {
            let width = rows[0].len();
            let rows: Vec<Vec<String>> = rows
                .into_iter()
                .map(|mut row| { row.resize(width, "x".into()); row })
                .filter(|row| row.iter().any(|field| !field.trim().is_empty()))
                .collect();
            let text: String = rows.iter().map(|row| write_row(row)).collect();
            let read_back: Vec<Vec<String>> =
                read(&text).unwrap().into_iter().map(|record| record.fields).collect();
            prop_assert_eq!(read_back, rows);
        }
    }
}
