//! Rows of any query as a terminal table, markdown, JSON or CSV.
//!
//! Tables and markdown are for people: labelled in the chosen language, values in words.
//! JSON and CSV are for programs: field names and raw values, the same in every language.

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use super::caption::Caption;
use super::terminal::{self, Fit};
use super::{Format, Lang, Style};

/// How a row should stand out in a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Plain,
    /// Overdue.
    Late,
    /// Due within a week.
    Soon,
    /// A totals row.
    Total,
}

/// A row that people can read as a table row.
pub trait Tabular: Serialize + Sized + Sync {
    /// Column labels for these rows.
    fn headers(rows: &[Self], lang: Lang) -> Vec<String>;
    /// Column labels for a terminal table, where a header may break across lines.
    fn terminal_headers(rows: &[Self], lang: Lang) -> Vec<String> {
        Self::headers(rows, lang)
    }
    /// Cell texts, in the order of the headers; borrowed from the row where they can be.
    fn cells(&self, lang: Lang) -> Vec<Cow<'_, str>>;
    /// Cell texts for a terminal table, where a narrow column wraps: lists one item a line.
    fn terminal_cells(&self, lang: Lang) -> Vec<Cow<'_, str>> {
        self.cells(lang)
    }
    /// The JSON and CSV field names, in order; a CSV with no rows still has its header.
    const FIELDS: &'static [&'static str];
    /// How the row should stand out.
    fn tone(&self) -> Tone {
        Tone::Plain
    }
    /// How a terminal table of these rows shares the terminal's width: which column takes
    /// the room, and which to leave out first when the table cannot fit.
    fn fit(rows: &[Self], caption: &Caption<'_>) -> Fit {
        let _ = (rows, caption);
        Fit::default()
    }
    /// How many tasks the rows are about, for the count under a table: rows of a listing
    /// can be several per task (stages, occurrences).
    fn tasks_in(rows: &[Self]) -> usize {
        rows.len()
    }
    /// A column that only some rows fill (a task's stage), which a terminal table shows
    /// labelled at the top of another column's cell rather than as a column of its own:
    /// `(column, host)`. A column of its own would be squeezed to a letter a line.
    const INSET: Option<(usize, usize)> = None;
}

/// Writes `rows`, then `footer` rows (totals) for people; programs get `rows` only. A
/// terminal table fits the terminal ([`terminal::terminal_width`]), ends with its row
/// count, and an empty answer is the caption's sentence.
pub fn write_rows<R: Tabular>(
    rows: &[R],
    footer: &[R],
    style: Style,
    caption: Caption<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let all = || rows.iter().chain(footer);
    match style.format {
        Format::Human
        | Format::Github
        | Format::Ics
        | Format::PhuLuc
        | Format::Docx
        | Format::Xlsx => {
            let width = terminal::terminal_width();
            terminal::write_table(rows, footer, style, caption, width, out)
        }
        Format::Markdown => markdown(rows, all(), style.lang, out),
        Format::Json => json(rows, JSON_ROWS, out),
        Format::Csv => {
            if style.bom {
                out.write_all("\u{feff}".as_bytes())?;
            }
            csv(rows, R::FIELDS, out)
        }
    }
}

/// Rows per piece of a JSON array serialised on one core.
const JSON_ROWS: usize = 2_000;

/// Rows as one pretty JSON array, byte for byte what serde_json writes for the whole
/// slice: each `chunk` of rows is written as an array of its own on some core, and the
/// pieces are joined without their brackets.
fn json<R: Serialize + Sync>(rows: &[R], chunk: usize, out: &mut dyn Write) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "[]");
    }
    out.write_all(b"[\n")?;
    let piece = |part: &[R]| -> io::Result<Vec<u8>> {
        let text = serde_json::to_vec_pretty(part)?;
        // `[\n  {…},\n  {…}\n]`: the elements, and a comma before all but the first piece.
        let elements = &text[2..text.len() - 2];
        let first = std::ptr::eq(part.as_ptr(), rows.as_ptr());
        let comma: &[u8] = if first { b"" } else { b",\n" };
        Ok([comma, elements].concat())
    };
    super::write_laid_out(rows, chunk, piece, out)?;
    out.write_all(b"\n]\n")
}

/// Control characters (ANSI escapes among them) from a plan must not drive the
/// terminal; a tab is white space.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    // Most text has no control character at all: then it is shown as it is, uncopied.
    // Every control character but DEL starts with a byte below 0x20 or the byte 0xC2.
    // A fold without early exit over the bytes compiles to vector code.
    let suspect = |b: u8| ((b < 0x20) & (b != b'\n')) | (b == 0x7F) | (b == 0xC2);
    if !text.bytes().fold(false, |seen, b| seen | suspect(b)) {
        return Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| match c {
            '\t' => ' ',
            '\n' => '\n',
            c if c.is_control() => '\u{FFFD}',
            c => c,
        })
        .collect::<String>()
        .into()
}

fn markdown<'a, R: Tabular + 'a>(
    rows: &[R],
    all: impl Iterator<Item = &'a R>,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let headers: Vec<String> = R::headers(rows, lang)
        .iter()
        .map(|h| markdown_cell(h))
        .collect();
    writeln!(out, "| {} |", headers.join(" | "))?;
    writeln!(out, "|{}|", vec!["---"; headers.len()].join("|"))?;
    for row in all {
        let cells: Vec<String> = row.cells(lang).iter().map(|c| markdown_cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// The bytes that may start something [`markdown_cell`] replaces: the marks, ASCII
/// controls, and 0xC2, the first byte of a C1 control (and of some harmless characters).
const MARKDOWN_SPECIAL: [bool; 256] = {
    let mut special = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        special[b] = true;
        b += 1;
    }
    let marks = *b"|`\\<>&";
    let mut i = 0;
    while i < marks.len() {
        special[marks[i] as usize] = true;
        i += 1;
    }
    special[0x7F] = true;
    special[0xC2] = true;
    special
};

/// Keeps a cell's text inside its cell: pipes, line breaks, backslashes and HTML escaped.
pub fn markdown_cell(text: &str) -> String {
    let mut cell = String::with_capacity(text.len());
    push_markdown_cell(&mut cell, text);
    cell
}

/// [`markdown_cell`] at the end of `cell`, for reports that lay out millions of cells
/// without a string for each.
pub fn push_markdown_cell(cell: &mut String, text: &str) {
    // Nearly every cell has nothing to replace: one branch-free look at its bytes says so.
    if !text
        .bytes()
        .fold(false, |any, b| any | MARKDOWN_SPECIAL[usize::from(b)])
    {
        return cell.push_str(text);
    }
    // Read as bytes and copied in runs between the characters replaced: a national report
    // has millions of cells, nearly all without one. Every character replaced is ASCII
    // or a C1 control (0xC2 0x80–0x9F), so each run ends on a character's boundary.
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut at = 0;
    while at < bytes.len() {
        let (replacement, width) = match bytes[at] {
            b'|' => ("\\|", 1),
            b'`' => ("\\`", 1),
            b'\\' => ("\\\\", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'&' => ("&amp;", 1),
            b'\n' => ("<br>", 1),
            b'\r' => ("", 1),
            0..=0x1F | 0x7F => (" ", 1),
            0xC2 if bytes.get(at + 1).is_some_and(|b| (0x80..=0x9F).contains(b)) => (" ", 2),
            _ => {
                at += 1;
                continue;
            }
        };
        cell.push_str(&text[run..at]);
        cell.push_str(replacement);
        at += width;
        run = at;
    }
    cell.push_str(&text[run..]);
}

/// CSV with the JSON field names as header and raw values; lists are joined with "; ".
fn csv<R: Serialize>(rows: &[R], fields: &[&str], out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let objects: Vec<serde_json::Map<String, Value>> = rows
        .iter()
        .filter_map(|row| match serde_json::to_value(row) {
            Ok(Value::Object(map)) => Some(map),
            _ => None,
        })
        .collect();
    // A field that holds an object (the quarters of `workload --by quarter`) is a column
    // per key, named by the key, as the table shows it: a spreadsheet cannot sum JSON.
    let mut names: Vec<&str> = fields.to_vec();
    for key in objects.iter().flat_map(|o| o.keys()) {
        if !names.contains(&key.as_str()) {
            names.push(key);
        }
    }
    let mut columns: Vec<(&str, Option<&str>)> = Vec::new();
    for field in names {
        let keys = objects.iter().filter_map(|o| o.get(field)?.as_object());
        let mut inner: Vec<&str> = keys
            .flat_map(|map| map.keys().map(String::as_str))
            .collect();
        if inner.is_empty() {
            columns.push((field, None));
            continue;
        }
        inner.sort_unstable();
        inner.dedup();
        columns.extend(inner.into_iter().map(|key| (field, Some(key))));
    }
    writer.write_record(columns.iter().map(|&(field, key)| key.unwrap_or(field)))?;
    for object in &objects {
        writer.write_record(columns.iter().map(|&(field, key)| {
            let value = object.get(field);
            let value = match key {
                Some(key) => value.and_then(|v| v.get(key)),
                None => value,
            };
            value.map(csv_value).unwrap_or_default()
        }))?;
    }
    writer.flush()
}

fn csv_value(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(csv_value).collect::<Vec<_>>().join("; "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(
            markdown_cell("a|b\nc<script>`"),
            "a\\|b<br>c&lt;script&gt;\\`"
        );
        assert_eq!(
            markdown_cell("Quý\u{85}II\u{7}\r\\ & đủ"),
            "Quý II \\\\ &amp; đủ"
        );
    }

    #[test]
    fn terminal_text_loses_escape_sequences() {
        assert_eq!(terminal_safe("a\u{1b}[31mb\tc"), "a\u{FFFD}[31mb c");
        assert_eq!(terminal_safe("a\u{9b}31mb\r"), "a\u{FFFD}31mb\u{FFFD}");
        assert_eq!(terminal_safe("Quý II\nnăm 2024 ©"), "Quý II\nnăm 2024 ©");
    }

    #[test]
    fn json_written_in_pieces_is_the_array_serde_json_writes() {
        #[derive(Serialize)]
        struct Row {
            name: String,
            list: Vec<u32>,
        }
        for count in [0, 1, 2, 5, 7] {
            let rows: Vec<Row> = (0..count)
                .map(|i| Row {
                    name: format!("dòng \"{i}\""),
                    list: (0..i).collect(),
                })
                .collect();
            let whole = serde_json::to_string_pretty(&rows).unwrap() + "\n";
            for chunk in [1, 2, 3, 10] {
                let mut pieces = Vec::new();
                json(&rows, chunk, &mut pieces).unwrap();
                assert_eq!(
                    String::from_utf8(pieces).unwrap(),
                    whole,
                    "{count} rows by {chunk}"
                );
            }
        }
    }

    #[test]
    fn csv_values_are_raw_and_lists_are_joined() {
        assert_eq!(csv_value(&serde_json::json!(["CNTT", "PC"])), "CNTT; PC");
        assert_eq!(csv_value(&serde_json::json!(null)), "");
        assert_eq!(csv_value(&serde_json::json!(-3)), "-3");
    }
}
