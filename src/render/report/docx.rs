//! The period report as a Word document in the layout of Nghị định 30/2020/NĐ-CP: A4,
//! Times New Roman 13 pt, margins 20 mm top and bottom, 30 mm left, 15 mm right; the
//! agency and national-motto header, "Số: …/BC-BHXH", place and date, the title; page
//! numbers from page 2 (a footer with a PAGE field and an empty first-page footer).

use std::io::{self, Cursor, Write};

use docx_rs::{
    AlignmentType, Docx, Footer, PageMargin, PageNum, Paragraph, Run, RunFonts, Table, TableCell,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::{
    Cell, Heading, Table as ReportTable, place_and_date, rate_sentence, subject, tables,
    window_sentence,
};
use crate::query::PeriodReport;
use crate::render::Lang;

/// A4 in twips (1/1440 inch): 210 × 297 mm.
pub const PAGE: (u32, u32) = (11906, 16838);
/// Margins in twips: 20 mm top and bottom, 30 mm left, 15 mm right (1 mm ≈ 56.7 twips).
pub const MARGINS: Margins = Margins {
    top: 1134,
    bottom: 1134,
    left: 1701,
    right: 850,
};
/// The font of every run.
pub const FONT: &str = "Times New Roman";
/// 13 pt, in half-points.
const SIZE: usize = 26;
/// 14 pt, for the title.
const TITLE_SIZE: usize = 28;
/// The agency that issues the report.
const AGENCY: &str = "BẢO HIỂM XÃ HỘI VIỆT NAM";

/// Page margins in twips.
pub struct Margins {
    pub top: i32,
    pub bottom: i32,
    pub left: i32,
    pub right: i32,
}

/// The width the text may take: the page less the side margins.
const TEXT_WIDTH: usize = PAGE.0 as usize - (MARGINS.left + MARGINS.right) as usize;

/// Writes the report as a .docx file.
pub fn write_docx(
    report: &PeriodReport,
    heading: &Heading,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    let margins = PageMargin::new()
        .top(MARGINS.top)
        .bottom(MARGINS.bottom)
        .left(MARGINS.left)
        .right(MARGINS.right)
        .header(720)
        .footer(567);
    let page_number = Paragraph::new()
        .align(AlignmentType::Center)
        .add_page_num(PageNum::new());
    let mut docx = Docx::new()
        .page_size(PAGE.0, PAGE.1)
        .page_margin(margins)
        .default_fonts(fonts())
        .default_size(SIZE)
        .footer(Footer::new().add_paragraph(page_number))
        .first_footer(Footer::new().add_paragraph(Paragraph::new()))
        .title_pg()
        .add_table(header_block(heading))
        .add_paragraph(Paragraph::new())
        .add_paragraph(centred(text("BÁO CÁO").bold().size(TITLE_SIZE)))
        .add_paragraph(centred(
            text(capitalised(&subject(report, heading, lang)))
                .bold()
                .size(TITLE_SIZE),
        ))
        .add_paragraph(Paragraph::new())
        .add_paragraph(body(&window_sentence(report, lang)));
    if let Some(note) = &heading.note {
        docx = docx.add_paragraph(body(note));
    }
    for (n, table) in tables(report, lang).iter().enumerate() {
        let title = format!("{}. {}", n + 1, table.heading);
        docx = docx.add_paragraph(body_run(text(title).bold()).keep_next(true));
        docx = match table.rows.is_empty() {
            true => docx.add_paragraph(body(table.empty)),
            false => docx.add_table(grid(table)),
        };
        if n == 1 {
            docx = docx.add_paragraph(body_run(text(rate_sentence(lang)).italic()));
        }
    }
    let mut bytes = Cursor::new(Vec::new());
    docx.build().pack(&mut bytes).map_err(io::Error::other)?;
    out.write_all(bytes.get_ref())
}

/// A run in the report's font and size. Each run names the font, not only the document's
/// defaults, so that a reader that ignores the defaults still sets Times New Roman.
pub(crate) fn text(text: impl Into<String>) -> Run {
    Run::new()
        .add_text(xml_safe(text.into()))
        .size(SIZE)
        .fonts(fonts())
}

/// XML 1.0 cannot hold most control characters, and Word refuses a file that has one:
/// a plan's text with one (pasted from elsewhere) gets a space in its place.
fn xml_safe(text: String) -> String {
    if !text.chars().any(char::is_control) {
        return text;
    }
    text.chars()
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect()
}

pub(crate) fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .east_asia(FONT)
        .cs(FONT)
}

pub(crate) fn centred(run: Run) -> Paragraph {
    Paragraph::new().align(AlignmentType::Center).add_run(run)
}

fn body(sentence: &str) -> Paragraph {
    body_run(text(sentence))
}

fn body_run(run: Run) -> Paragraph {
    Paragraph::new().align(AlignmentType::Both).add_run(run)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The two columns above the title, without borders: the agency and the document's
/// number on the left; the national name, the motto, and the place and date on the right.
fn header_block(heading: &Heading) -> Table {
    let dated = heading.dated.map_or_else(
        || "Hà Nội, ngày … tháng … năm …".to_string(),
        place_and_date,
    );
    let left = TableCell::new()
        .width(3600, WidthType::Dxa)
        .add_paragraph(centred(text(AGENCY).bold()))
        .add_paragraph(centred(text("Số: …/BC-BHXH")));
    let right = TableCell::new()
        .width(TEXT_WIDTH - 3600, WidthType::Dxa)
        .add_paragraph(centred(text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold()))
        .add_paragraph(centred(text("Độc lập - Tự do - Hạnh phúc").bold()))
        .add_paragraph(centred(text(dated).italic()));
    Table::without_borders(vec![TableRow::new(vec![left, right])])
        .set_grid(vec![3600, TEXT_WIDTH - 3600])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

/// A report table with borders, its header row bold, columns as wide as their text needs.
fn grid(table: &ReportTable) -> Table {
    let widths = widths(table);
    let header = TableRow::new(
        table
            .headers
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(*w, centred(text(h.as_str()).bold())))
            .collect(),
    );
    let mut rows = vec![header];
    for row in &table.rows {
        let cells = row.iter().zip(&widths).map(|(c, w)| {
            let paragraph = match c {
                Cell::Text(t) => Paragraph::new().add_run(text(t.as_ref())),
                number => centred(text(number.text())),
            };
            cell(*w, paragraph)
        });
        rows.push(TableRow::new(cells.collect()));
    }
    Table::new(rows)
        .set_grid(widths)
        .width(TEXT_WIDTH, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
}

fn cell(width: usize, paragraph: Paragraph) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(paragraph)
}

/// Column widths in twips that fill the text width: each column in proportion to its
/// longest cell (a header by its longest word, as headers wrap), between 5 and 40
/// characters.
fn widths(table: &ReportTable) -> Vec<usize> {
    let weights: Vec<usize> = (0..table.headers.len())
        .map(|i| {
            let header = table.headers[i].split(' ').map(|w| w.chars().count());
            let cells = table.rows.iter().map(|r| r[i].text().chars().count());
            header.chain(cells).max().unwrap_or(0).clamp(5, 40)
        })
        .collect();
    let total: usize = weights.iter().sum();
    let mut widths: Vec<usize> = weights.iter().map(|w| TEXT_WIDTH * w / total).collect();
    let rest = TEXT_WIDTH - widths.iter().sum::<usize>();
    if let Some(last) = widths.last_mut() {
        *last += rest;
    }
    widths
}
