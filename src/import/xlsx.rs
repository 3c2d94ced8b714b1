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
    if let Some(why) = overflowing_reference(bytes) {
        return Err(ImportError::new(format!("the workbook is damaged: {why}")));
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

/// Where a workbook has a cell reference calamine would overflow on (see
/// [`bad_reference`]), the entry and the reference: such a workbook is refused as damaged
/// before calamine reads it (`apply` reads its forms through calamine too). A zip that
/// does not open is calamine's to refuse.
pub fn overflowing_reference(bytes: &[u8]) -> Option<String> {
    let mut archive = zipped::open(bytes, "an Excel workbook (.xlsx)").ok()?;
    (0..archive.len()).find_map(|index| {
        // An entry that does not unpack is calamine's to refuse, if it reads it at all.
        let (name, xml) = zipped::entry_bytes(&mut archive, index).ok()?;
        if !name.to_ascii_lowercase().ends_with(".xml") {
            return None;
        }
        let reference = bad_reference(&xml)?;
        Some(format!(
            "`{name}` has the cell reference `{}`, beyond any sheet or a range that ends before it starts",
            String::from_utf8_lossy(reference)
        ))
    })
}

/// The first `r` or `ref` attribute of a tag in `xml` that calamine 0.38 would read with
/// an overflow: it parses references ("B3", "A1:G15") with unchecked arithmetic, so more
/// than 6 letters or 9 digits overflow, and a range whose end comes before its start
/// underflows. A release build wraps and reads on; a build with overflow checks (the
/// tests, the fuzzer) panics. No sheet has such a reference, so the file is refused first.
fn bad_reference(xml: &[u8]) -> Option<&[u8]> {
    let mut rest = xml;
    while let Some(open) = rest.iter().position(|&b| b == b'<') {
        rest = &rest[open + 1..];
        // The tag runs to the first `>` outside quotes.
        let mut quote = None;
        let end = rest
            .iter()
            .position(|&b| match quote {
                Some(q) if b == q => {
                    quote = None;
                    false
                }
                Some(_) => false,
                None if b == b'"' || b == b'\'' => {
                    quote = Some(b);
                    false
                }
                None => b == b'>',
            })
            .unwrap_or(rest.len());
        let (tag, after) = rest.split_at(end);
        if let Some(value) = reference_values(tag).find(|v| overflows(v)) {
            return Some(value);
        }
        rest = after;
    }
    None
}

/// The values of the attributes named `r` or `ref` in a tag's text (past its `<`).
fn reference_values(tag: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < tag.len() {
            let quote_at = at + tag[at..].iter().position(|&b| b == b'"' || b == b'\'')?;
            let quote = tag[quote_at];
            let close = quote_at + 1 + tag[quote_at + 1..].iter().position(|&b| b == quote)?;
            // The attribute's name: the word before `=` before the quote.
            let before = tag[at..quote_at].trim_ascii_end();
            let name = before.strip_suffix(b"=").map(<[u8]>::trim_ascii_end);
            at = close + 1;
            if let Some(name) = name {
                let start = name
                    .iter()
                    .rposition(|b| b.is_ascii_whitespace())
                    .map_or(0, |i| i + 1);
                if matches!(&name[start..], b"r" | b"ref") {
                    return Some(&tag[quote_at + 1..close]);
                }
            }
        }
        None
    })
}

/// Whether calamine's reading of a reference or range overflows (see [`bad_reference`]);
/// one it refuses as malformed does not.
fn overflows(value: &[u8]) -> bool {
    let range = value.contains(&b':');
    let mut corners = Vec::new();
    for part in value.split(|&b| b == b':') {
        match corner(part) {
            Corner::Overflow => return true,
            Corner::Malformed => return false,
            // A range's corners need a column, a row's number does not.
            Corner::At(_, 0) if range => return false,
            Corner::At(row, column) => corners.push((row, column)),
        }
    }
    matches!(corners.as_slice(), [(r0, c0), (r1, c1)] if r1 < r0 || c1 < c0)
}

enum Corner {
    At(u32, u32),
    Overflow,
    Malformed,
}

/// One cell reference ("B3") as calamine reads it: letters, then digits.
fn corner(part: &[u8]) -> Corner {
    let (mut row, mut column) = (0u32, 0u32);
    let mut digits = false;
    for &b in part {
        let next = match b {
            b'A'..=b'Z' | b'a'..=b'z' if !digits => column
                .checked_mul(26)
                .and_then(|c| c.checked_add(u32::from(b.to_ascii_uppercase() - b'A') + 1))
                .map(|c| column = c),
            b'0'..=b'9' if !digits => {
                digits = true;
                row = u32::from(b - b'0');
                Some(())
            }
            b'0'..=b'9' => row
                .checked_mul(10)
                .and_then(|r| r.checked_add(u32::from(b - b'0')))
                .map(|r| row = r),
            _ => return Corner::Malformed,
        };
        if next.is_none() {
            return Corner::Overflow;
        }
    }
    if row == 0 {
        return Corner::Malformed;
    }
    Corner::At(row, column)
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
