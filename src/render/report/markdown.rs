//! The period report as markdown: a heading, the window, then each table under its own
//! numbered heading (an empty one as a sentence).

use std::io::{self, Write};

use super::{Cell, Heading, Table, rate_sentence, subject, tables, window_sentence};
use crate::query::PeriodReport;
use crate::render::Lang;
use crate::render::rows::{markdown_cell, push_markdown_cell};

/// Writes the report of a period as markdown.
pub fn write_markdown(
    report: &PeriodReport,
    heading: &Heading,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let title = lang.pick("Báo cáo", "Report");
    writeln!(out, "# {title}: {}\n", subject(report, heading, lang))?;
    writeln!(out, "{}\n", window_sentence(report, lang))?;
    if let Some(note) = &heading.note {
        writeln!(out, "> {}\n", markdown_cell(note))?;
    }
    for (n, table) in tables(report, lang).iter().enumerate() {
        writeln!(out, "## {}. {}\n", n + 1, markdown_cell(&table.heading))?;
        write_table(table, out)?;
        if n == 1 {
            writeln!(out, "{}\n", rate_sentence(lang))?;
        }
    }
    Ok(())
}

fn write_table(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    if table.rows.is_empty() {
        return writeln!(out, "{}\n", table.empty);
    }
    let headers: Vec<String> = table.headers.iter().map(|h| markdown_cell(h)).collect();
    writeln!(out, "| {} |", headers.join(" | "))?;
    // Numbers align right, as in the summary's tables.
    let rule: Vec<&str> = table.rows[0]
        .iter()
        .map(|c| if c.is_number() { "---:" } else { "---" })
        .collect();
    writeln!(out, "|{}|", rule.join("|"))?;
    // Rows are laid out on every core: a national report has half a million.
    let lay_out = |rows: &[Vec<Cell>]| {
        let mut text = String::new();
        for row in rows {
            for (i, cell) in row.iter().enumerate() {
                text.push_str(if i == 0 { "| " } else { " | " });
                match cell {
                    Cell::Text(cell) => push_markdown_cell(&mut text, cell),
                    number => text.push_str(&number.text()),
                }
            }
            text.push_str(" |\n");
        }
        Ok(text.into_bytes())
    };
    crate::render::write_laid_out(&table.rows, ROWS_LAID_OUT, lay_out, out)?;
    writeln!(out)
}

/// Rows of a table laid out together on one core.
const ROWS_LAID_OUT: usize = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_table_keeps_its_rows_in_order_across_the_pieces_laid_out_apart() {
        let rows = 2 * ROWS_LAID_OUT + 7;
        let table = Table {
            heading: "Quá hạn".into(),
            sheet: "Quá hạn",
            headers: vec!["STT".into(), "Nội dung".into()],
            rows: (0..rows)
                .map(|i| vec![Cell::Count(i), Cell::Text(format!("việc {i} | a").into())])
                .collect(),
            empty: "Không có.",
        };
        let mut out = Vec::new();
        write_table(&table, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        let body: Vec<&str> = text.lines().skip(2).take_while(|l| !l.is_empty()).collect();
        assert_eq!(body.len(), rows);
        for (i, line) in body.iter().enumerate() {
            assert_eq!(*line, format!("| {i} | việc {i} \\| a |"));
        }
    }
}
