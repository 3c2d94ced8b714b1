//! Reading an .xlsx with calamine: every sheet is a table; merged regions are resolved
//! as in Word (later columns empty, later rows carrying the region's text); a date cell
//! reads "d/m/yyyy" as offices write deadlines; a number reads as it shows ("1.1", "2").

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use chrono::{Duration, NaiveDate};

use super::ImportError;
use super::table::{Block, Cell, Document, Merge, Row, Table};
use super::zipped;

/// The most rows read from a sheet: far more than any appendix.
const MAX_ROWS: usize = 100_000;
/// The most columns read from a sheet.
const MAX_COLUMNS: usize = 64;

/// Reads every sheet of a workbook as a table.
pub fn read(bytes: &[u8]) -> Result<Document, ImportError> {
    let mut archive = zipped::open(bytes, "an Excel workbook (.xlsx)")?;
    if archive.by_name("xl/workbook.xml").is_err() {
        let word = archive
            .file_names()
            .any(|n| n.is_ok_and(|n| n.starts_with("word/")));
        return Err(ImportError::new(if word {
            "this is not an Excel workbook: it looks like a Word document (name it .docx)"
        } else {
            "this is not an Excel workbook: the zip has no `xl/workbook.xml`"
        }));
    }
    let mut book = Xlsx::new(Cursor::new(bytes))
        .map_err(|e| ImportError::new(format!("the workbook does not read: {e}")))?;
    let mut blocks = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ImportError::new(format!("sheet `{name}` does not read: {e}")))?;
        let merged = book.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let Some((top, left)) = range.start() else {
            continue;
        };
        let (height, width) = range.get_size();
        let (height, width) = (height.min(MAX_ROWS), width.min(MAX_COLUMNS));
        let mut grid: Vec<Vec<Cell>> = (0..height)
            .map(|r| {
                (0..width)
                    .map(|c| {
                        let value = range.get((r, c)).unwrap_or(&Data::Empty);
                        Cell::new(text_of(value))
                    })
                    .collect()
            })
            .collect();
        for region in merged {
            let (r0, c0) = region.start;
            let (r1, c1) = region.end;
            let at = |r: u32, c: u32| {
                let r = r.checked_sub(top)? as usize;
                let c = c.checked_sub(left)? as usize;
                (r < height && c < width).then_some((r, c))
            };
            let Some((fr, fc)) = at(r0, c0) else { continue };
            let first = grid[fr][fc].text.clone();
            for r in r0..=r1.min(r0 + MAX_ROWS as u32) {
                for c in c0..=c1.min(c0 + MAX_COLUMNS as u32) {
                    let Some((gr, gc)) = at(r, c) else { continue };
                    if (gr, gc) == (fr, fc) {
                        continue;
                    }
                    grid[gr][gc] = if c == c0 {
                        Cell {
                            text: first.clone(),
                            merge: Merge::Down,
                        }
                    } else {
                        Cell {
                            text: String::new(),
                            merge: Merge::Across,
                        }
                    };
                }
            }
        }
        let rows = grid
            .into_iter()
            .enumerate()
            .map(|(r, cells)| Row {
                cells,
                source_row: top as usize + r + 1,
                repeated_header: false,
            })
            .collect();
        blocks.push(Block::Table(Table {
            rows,
            name: format!("sheet `{name}`"),
        }));
    }
    Ok(Document {
        blocks,
        text_source: false,
    })
}

/// A cell as the sheet shows it.
fn text_of(value: &Data) -> String {
    match value {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        // Rust prints the shortest text that reads back as the same number: 1.1, not
        // 1.1000000000000001; 2 for 2.0.
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => serial_date(dt.as_f64()).unwrap_or_else(|| dt.as_f64().to_string()),
    }
}

/// An Excel serial day number as "d/m/yyyy" (the 1900 date system, whose day 0 is
/// 30/12/1899 once Excel's phantom 29/2/1900 is accounted for).
pub fn serial_date(serial: f64) -> Option<String> {
    if !(1.0..=2_958_465.0).contains(&serial) {
        return None;
    }
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    let day = epoch.checked_add_signed(Duration::days(serial.floor() as i64))?;
    Some(day.format("%-d/%-m/%Y").to_string())
}
