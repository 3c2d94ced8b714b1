//! The period report as an Excel workbook: a sheet that says the period and its window,
//! then one sheet per table, the header row bold and frozen, counts and rates as numbers.

use std::io::{self, Write};

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

use super::{Cell, Heading, Table, date, period_words, subject, tables};
use crate::query::PeriodReport;
use crate::render::Lang;

/// The widest a column is made, in characters; longer text wraps.
const WIDEST: usize = 60;

/// Writes the report as an .xlsx file.
pub fn write_xlsx(
    report: &PeriodReport,
    heading: &Heading,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let bytes = workbook(report, heading, lang).map_err(io::Error::other)?;
    out.write_all(&bytes)
}

fn workbook(report: &PeriodReport, heading: &Heading, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let about = book.add_worksheet();
    about.set_name(lang.pick("Kỳ báo cáo", "Period"))?;
    let period = format!("{} ({})", period_words(report.period, lang), report.period);
    let mut facts = vec![
        (
            lang.pick("Báo cáo", "Report"),
            subject(report, heading, lang),
        ),
        (lang.pick("Kỳ báo cáo", "Period"), period),
        (
            lang.pick("Cách chốt số liệu", "Cut-off"),
            report.cutoff.as_str().to_string(),
        ),
        (
            lang.pick("Từ ngày", "From"),
            date(report.window.start, lang),
        ),
        (lang.pick("Đến ngày", "To"), date(report.window.end, lang)),
    ];
    if let Some(day) = heading.dated {
        facts.push((lang.pick("Ngày báo cáo", "Dated"), date(day, lang)));
    }
    for (row, (label, value)) in (0u32..).zip(&facts) {
        about.write_string_with_format(row, 0, *label, &bold)?;
        about.write_string(row, 1, value)?;
    }
    about.set_column_width(0, 20)?;
    about.set_column_width(1, 80)?;
    for table in tables(report, lang) {
        let sheet = book.add_worksheet();
        sheet.set_name(table.sheet)?;
        write_table(sheet, &table)?;
    }
    book.save_to_buffer()
}

fn write_table(sheet: &mut Worksheet, table: &Table) -> Result<(), XlsxError> {
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let rate = Format::new().set_num_format("0%");
    for (col, header) in (0u16..).zip(&table.headers) {
        sheet.write_string_with_format(0, col, header, &bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (row, cells) in (1u32..).zip(&table.rows) {
        for (col, cell) in (0u16..).zip(cells) {
            match cell {
                Cell::Text(text) => {
                    sheet.write_string_with_format(row, col, text.as_ref(), &wrap)?
                }
                Cell::Count(n) => sheet.write_number(row, col, *n as f64)?,
                Cell::Days(Some(days)) => sheet.write_number(row, col, *days as f64)?,
                Cell::Days(None) | Cell::Rate(None) => sheet.write_blank(row, col, &wrap)?,
                Cell::Rate(Some(r)) => sheet.write_number_with_format(row, col, *r, &rate)?,
            };
        }
    }
    for (col, header) in (0u16..).zip(&table.headers) {
        let longest_word = header.split(' ').map(|w| w.chars().count()).max();
        let cells = table
            .rows
            .iter()
            .map(|r| r[col as usize].text().chars().count());
        let width = longest_word.into_iter().chain(cells).max().unwrap_or(0);
        sheet.set_column_width(col, (width.clamp(6, WIDEST) + 2) as f64)?;
    }
    Ok(())
}
