//! `export --format docx|xlsx`: the official appendix as a Word document or a workbook.
//! A4 landscape; the title block ("PHỤ LỤC", the plan's title, the caption naming the
//! document); the columns STT, Nội dung công việc, Đơn vị chủ trì, Đơn vị phối hợp, Thời
//! gian hoàn thành, Sản phẩm, Ghi chú; the header row repeated on each page (`w:tblHeader`
//! in Word, print titles in Excel).

use std::io::{self, Cursor, Read, Write};

use docx_rs::{
    Docx, PageMargin, PageOrientationType, Paragraph, Table, TableCell, TableLayoutType, TableRow,
    WidthType,
};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use super::appendix::{AppendixRow, COLUMNS, appendix_rows, caption};
use super::report::docx::{centred, fonts, text};
use crate::model::Plan;

/// A4 landscape in twips.
const PAGE: (u32, u32) = (16838, 11906);
/// 20 mm on every side.
const MARGIN: i32 = 1134;
/// Width of each column, in twentieths of the text width.
const SHARES: [usize; 7] = [2, 16, 7, 7, 5, 5, 4];
const TEXT_WIDTH: usize = PAGE.0 as usize - 2 * MARGIN as usize;
/// The mark docx-rs writes in the header row's properties, which the repeated-header flag
/// it cannot write is put after.
const CANT_SPLIT: &str = "<w:cantSplit />";

/// Writes the plans' appendices as one Word document, one after another.
pub fn write_appendix_docx(
    plans: &[&Plan],
    unit_name: &dyn Fn(&str) -> String,
    out: &mut dyn Write,
) -> io::Result<()> {
    let margins = PageMargin::new()
        .top(MARGIN)
        .bottom(MARGIN)
        .left(MARGIN)
        .right(MARGIN);
    let mut docx = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(margins)
        .default_fonts(fonts())
        .default_size(26);
    for plan in plans {
        docx = docx
            .add_paragraph(centred(text("PHỤ LỤC").bold()))
            .add_paragraph(centred(text(plan.title.as_str()).bold()))
            .add_paragraph(centred(text(caption(plan)).italic()))
            .add_paragraph(Paragraph::new())
            .add_table(table(plan, unit_name))
            .add_paragraph(Paragraph::new());
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(io::Error::other)?;
    out.write_all(&repeat_header_rows(bytes.get_ref())?)
}

fn widths() -> Vec<usize> {
    let total: usize = SHARES.iter().sum();
    SHARES.iter().map(|s| TEXT_WIDTH * s / total).collect()
}

fn table(plan: &Plan, unit_name: &dyn Fn(&str) -> String) -> Table {
    let widths = widths();
    let cell = |i: usize, paragraph: Paragraph| {
        TableCell::new()
            .width(widths[i], WidthType::Dxa)
            .add_paragraph(paragraph)
    };
    let plain = |t: &str| Paragraph::new().add_run(text(t));
    let header = TableRow::new(
        COLUMNS
            .iter()
            .enumerate()
            .map(|(i, h)| cell(i, centred(text(*h).bold())))
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for row in appendix_rows(plan, unit_name) {
        let cells = match row {
            AppendixRow::Section { id, title } => {
                let rest: usize = widths[1..].iter().sum();
                vec![
                    cell(0, Paragraph::new().add_run(text(id).bold())),
                    TableCell::new()
                        .width(rest, WidthType::Dxa)
                        .grid_span(COLUMNS.len() - 1)
                        .add_paragraph(Paragraph::new().add_run(text(title).bold())),
                ]
            }
            AppendixRow::Task(cells) => cells
                .iter()
                .enumerate()
                .map(|(i, t)| cell(i, plain(t)))
                .collect(),
            AppendixRow::Stage { what, deadline } => (0..COLUMNS.len())
                .map(|i| match i {
                    1 => cell(i, plain(&what)),
                    4 => cell(i, plain(&deadline)),
                    _ => cell(i, Paragraph::new()),
                })
                .collect(),
        };
        rows.push(TableRow::new(cells));
    }
    Table::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// docx-rs cannot mark a row as a header row repeated on each page: the flag is put into
/// the properties of the rows marked `cantSplit` (only header rows are), in
/// `word/document.xml`, and the other parts are copied as they are.
fn repeat_header_rows(docx: &[u8]) -> io::Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).map_err(io::Error::other)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let file = archive.by_index(i).map_err(io::Error::other)?;
        let name = file.name().map_err(io::Error::other)?.to_string();
        if name != "word/document.xml" {
            drop(file);
            let raw = archive.by_index_raw(i).map_err(io::Error::other)?;
            out.raw_copy_file(raw).map_err(io::Error::other)?;
            continue;
        }
        let mut xml = String::new();
        file.take(crate::import::ZIP_CAP).read_to_string(&mut xml)?;
        let xml = xml.replace(CANT_SPLIT, &format!("{CANT_SPLIT}<w:tblHeader />"));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        out.start_file(name, options).map_err(io::Error::other)?;
        out.write_all(xml.as_bytes())?;
    }
    Ok(out.finish().map_err(io::Error::other)?.into_inner())
}

/// Writes the plans' appendices as a workbook, a sheet per plan.
pub fn write_appendix_xlsx(
    plans: &[&Plan],
    unit_name: &dyn Fn(&str) -> String,
    out: &mut dyn Write,
) -> io::Result<()> {
    let bytes = workbook(plans, unit_name).map_err(io::Error::other)?;
    out.write_all(&bytes)
}

/// A sheet's name: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(plan: &Plan, n: usize) -> String {
    let name: String = plan
        .number
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(28)
        .collect();
    if n == 0 {
        name
    } else {
        format!("{name} {}", n + 1)
    }
}

fn workbook(plans: &[&Plan], unit_name: &dyn Fn(&str) -> String) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let border = |f: Format| {
        f.set_border(FormatBorder::Thin)
            .set_text_wrap()
            .set_align(FormatAlign::Top)
    };
    let bold = Format::new().set_bold();
    let head = border(Format::new().set_bold().set_align(FormatAlign::Center));
    let wrap = border(Format::new());
    let section = border(Format::new().set_bold());
    let mut names: Vec<String> = Vec::new();
    for plan in plans {
        let sheet = book.add_worksheet();
        let mut name = sheet_name(plan, 0);
        let mut n = 1;
        while names.contains(&name) {
            name = sheet_name(plan, n);
            n += 1;
        }
        sheet.set_name(&name)?;
        names.push(name);
        sheet.set_landscape();
        sheet.set_paper_size(9);
        sheet.write_string_with_format(0, 0, "PHỤ LỤC", &bold)?;
        sheet.write_string_with_format(1, 0, &plan.title, &bold)?;
        sheet.write_string(2, 0, caption(plan))?;
        let top = 4u32;
        for (col, header) in (0u16..).zip(COLUMNS) {
            sheet.write_string_with_format(top, col, header, &head)?;
        }
        sheet.set_repeat_rows(top, top)?;
        for (col, width) in (0u16..).zip(SHARES) {
            sheet.set_column_width(col, (width * 4) as f64)?;
        }
        for (row, cells) in (top + 1..).zip(appendix_rows(plan, unit_name)) {
            match cells {
                AppendixRow::Section { id, title } => {
                    sheet.write_string_with_format(row, 0, &id, &section)?;
                    sheet.merge_range(row, 1, row, COLUMNS.len() as u16 - 1, &title, &section)?;
                }
                AppendixRow::Task(cells) => {
                    for (col, text) in (0u16..).zip(&cells) {
                        sheet.write_string_with_format(row, col, text, &wrap)?;
                    }
                }
                AppendixRow::Stage { what, deadline } => {
                    for col in 0..COLUMNS.len() as u16 {
                        let text = match col {
                            1 => what.as_str(),
                            4 => deadline.as_str(),
                            _ => "",
                        };
                        sheet.write_string_with_format(row, col, text, &wrap)?;
                    }
                }
            }
        }
    }
    book.save_to_buffer()
}
