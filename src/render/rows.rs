//! Rows of any query as a terminal table, markdown, JSON or CSV.

use std::io::{self, Write};

use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

use super::{Format, Label, Lang, Style};

/// A row that can be shown as a table row.
pub trait Tabular: Serialize {
    /// Column labels, in order.
    fn columns() -> Vec<Label>;
    /// Cell texts, in the order of [`Tabular::columns`].
    fn cells(&self, lang: Lang) -> Vec<String>;
}

/// Writes `rows` in the chosen format.
pub fn write_rows<R: Tabular>(rows: &[R], style: Style, out: &mut dyn Write) -> io::Result<()> {
    match style.format {
        Format::Human | Format::Github => human(rows, style.lang, out),
        Format::Markdown => markdown(rows, style.lang, out),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)
        }
        Format::Csv => csv(rows, style.lang, out),
    }
}

fn headers<R: Tabular>(lang: Lang) -> Vec<&'static str> {
    R::columns().into_iter().map(|l| l.text(lang)).collect()
}

fn human<R: Tabular>(rows: &[R], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut table = Table::new();
    table
        .load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(headers::<R>(lang));
    for row in rows {
        table.add_row(row.cells(lang).iter().map(|c| terminal_safe(c)));
    }
    writeln!(out, "{table}")
}

/// Control characters (ANSI escapes among them) from a plan must not drive the terminal.
fn terminal_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

fn markdown<R: Tabular>(rows: &[R], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let headers = headers::<R>(lang);
    writeln!(out, "| {} |", headers.join(" | "))?;
    writeln!(out, "|{}|", vec!["---"; headers.len()].join("|"))?;
    for row in rows {
        let cells: Vec<String> = row.cells(lang).iter().map(|c| markdown_cell(c)).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// Keeps a cell's text inside its cell: pipes, line breaks, backslashes and HTML escaped.
pub fn markdown_cell(text: &str) -> String {
    let mut cell = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => cell.push_str("\\|"),
            '\\' => cell.push_str("\\\\"),
            '<' => cell.push_str("&lt;"),
            '>' => cell.push_str("&gt;"),
            '&' => cell.push_str("&amp;"),
            '\n' => cell.push_str("<br>"),
            '\r' => {}
            c if c.is_control() => cell.push(' '),
            c => cell.push(c),
        }
    }
    cell
}

fn csv<R: Tabular>(rows: &[R], lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(headers::<R>(lang))?;
    for row in rows {
        writer.write_record(row.cells(lang))?;
    }
    writer.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_cells_cannot_break_the_table() {
        assert_eq!(markdown_cell("a|b\nc<script>"), "a\\|b<br>c&lt;script&gt;");
    }

    #[test]
    fn terminal_text_loses_escape_sequences() {
        assert_eq!(terminal_safe("a\u{1b}[31mb"), "a\u{FFFD}[31mb");
    }
}
