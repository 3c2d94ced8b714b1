//! Reads a filled-in form back: the workbook (calamine) or the same table as CSV, into the
//! cells `apply` checks, each with the sheet row it came from.
//!
//! The header row is found by its labels among the first rows, so a CSV saved from the
//! workbook (title lines above the header) reads as well as one with the header first;
//! the columns are found by label too.

use std::fmt;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;

use super::{DIFFICULTIES, DONE, HEADERS, KEY, PROPOSAL, RESULT, STATUS, column_letters};
use crate::units;

/// How far down the header row may be.
const HEADER_SEARCH: usize = 20;

/// A filled-in form: where its columns are, and its rows below the header.
#[derive(Debug, Clone)]
pub struct Filled {
    /// The columns (from 0) of Trạng thái, Ngày hoàn thành, the three notes and the key,
    /// in that order.
    pub columns: [usize; 6],
    pub rows: Vec<FilledRow>,
}

impl Filled {
    /// The cell of a column (an index in [`HEADERS`], from [`STATUS`] on) on a row: "H12".
    pub fn cell(&self, column: usize, row: usize) -> String {
        let index = self.columns[column - STATUS];
        format!("{}{row}", column_letters(index))
    }
}

/// One row below the header, as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilledRow {
    /// The sheet's row number (from 1).
    pub row: usize,
    pub status: String,
    pub done: DateCell,
    pub result: String,
    pub difficulties: String,
    pub proposal: String,
    pub key: String,
}

impl FilledRow {
    /// True when the unit wrote nothing on the row and it has no key: a blank line.
    pub fn is_blank(&self) -> bool {
        self.key.is_empty() && self.is_unfilled() && self.status.is_empty()
    }

    /// True when none of the columns after Trạng thái holds anything.
    pub fn is_unfilled(&self) -> bool {
        self.done == DateCell::Empty
            && self.result.is_empty()
            && self.difficulties.is_empty()
            && self.proposal.is_empty()
    }
}

/// A Ngày hoàn thành cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateCell {
    Empty,
    Day(NaiveDate),
    /// What was there, when it is not a date.
    Bad(String),
}

/// Why a file could not be read as a form.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Neither a zip (xlsx) nor a workbook encrypted by a password.
    NotXlsx,
    /// An OLE compound file: a workbook encrypted with a password, or an old `.xls`.
    Encrypted,
    /// A zip that calamine cannot read as a workbook.
    Damaged(String),
    NoSheet,
    /// No row among the first has every label the form's columns need.
    WrongHeader {
        missing: Vec<&'static str>,
    },
    /// A CSV file that is not UTF-8, or is malformed.
    Csv(String),
    /// Neither `.xlsx` nor `.csv`: the extension it has, lowercase, if any.
    Extension(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read it: {e}"),
            ReadError::NotXlsx => write!(
                f,
                "it is not an Excel workbook (an .xlsx file is a zip archive; this one is not): send the .xlsx file `bhxh-plan form` made, or save the table as .csv"
            ),
            ReadError::Encrypted => write!(
                f,
                "it is a password-protected (encrypted) workbook, or an old Excel 97-2003 file: open it in Excel, remove the password (File → Info → Protect Workbook) and save it as .xlsx"
            ),
            ReadError::Damaged(why) => write!(
                f,
                "the workbook is damaged and cannot be read ({why}): open it in Excel and save it again, or make a new form"
            ),
            ReadError::NoSheet => write!(f, "the workbook has no sheet"),
            ReadError::WrongHeader { missing } => write!(
                f,
                "no row of its first {HEADER_SEARCH} is the header of a progress form: {} missing; the header is {}",
                quoted(missing),
                quoted(&HEADERS)
            ),
            ReadError::Csv(why) => write!(f, "cannot read it as CSV: {why}"),
            ReadError::Extension(extension) if extension.is_empty() => write!(
                f,
                "a form is an .xlsx workbook or a .csv file, and this name has no extension: add .xlsx or .csv if it is one of those, else open it and save it as .xlsx (Excel Workbook) or CSV UTF-8"
            ),
            ReadError::Extension(extension) => write!(
                f,
                "a .{extension} file is not read: open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or CSV UTF-8, then apply that file"
            ),
        }
    }
}

impl std::error::Error for ReadError {}

fn quoted(labels: &[&str]) -> String {
    let quoted: Vec<String> = labels.iter().map(|l| format!("\"{l}\"")).collect();
    quoted.join(", ")
}

/// A cell as read, before it is interpreted.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Empty,
    Text(String),
    Day(NaiveDate),
    /// A number, or anything else, as text.
    Other(String),
}

impl Cell {
    fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Other(t) => t.trim().to_string(),
            Cell::Day(d) => d.to_string(),
        }
    }
}

/// Rows of cells, each row with its sheet row and each cell with its column (from 0).
type Grid = Vec<(usize, Vec<(usize, Cell)>)>;

/// Reads the form at `path`: `.csv` as CSV, anything else as a workbook.
pub fn read(path: &Path) -> Result<Filled, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "csv" | "txt" => csv_filled(&bytes),
        "xlsx" | "xlsm" => filled(xlsx_grid(&bytes)?),
        _ => Err(ReadError::Extension(extension)),
    }
}

/// A CSV form, its columns separated by commas, or by what Excel uses where the comma is
/// the decimal mark (Vietnamese Windows: `;`), or by tabs: the one whose header reads.
fn csv_filled(bytes: &[u8]) -> Result<Filled, ReadError> {
    let mut first = None;
    for separator in [b',', b';', b'\t'] {
        match filled(csv_grid(bytes, separator)?) {
            Ok(form) => return Ok(form),
            Err(e) => {
                first.get_or_insert(e);
            }
        }
    }
    Err(first.unwrap_or(ReadError::WrongHeader {
        missing: HEADERS[STATUS..=KEY].to_vec(),
    }))
}

/// The first sheet's cells, each with its sheet row and column (from 0).
fn xlsx_grid(bytes: &[u8]) -> Result<Grid, ReadError> {
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if bytes.starts_with(OLE) {
        return Err(ReadError::Encrypted);
    }
    if !bytes.starts_with(ZIP) {
        return Err(ReadError::NotXlsx);
    }
    if let Some(why) = crate::import::xlsx::overflowing_reference(bytes) {
        return Err(ReadError::Damaged(why));
    }
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| ReadError::Damaged(e.to_string()))?;
    let range = workbook
        .worksheet_range_at(0)
        .ok_or(ReadError::NoSheet)?
        .map_err(|e| ReadError::Damaged(e.to_string()))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let grid = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let cells = cells
                .iter()
                .enumerate()
                .map(|(j, data)| (left as usize + j, cell_of(data)))
                .collect();
            (top as usize + i, cells)
        })
        .collect();
    Ok(grid)
}

fn cell_of(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(text) => Cell::Text(text.clone()),
        Data::DateTime(day) => match day.as_datetime() {
            Some(at) if day.is_datetime() => Cell::Day(at.date()),
            _ => Cell::Other(day.to_string()),
        },
        Data::DateTimeIso(text) => match text.get(..10).and_then(|t| t.parse().ok()) {
            Some(day) => Cell::Day(day),
            None => Cell::Other(text.clone()),
        },
        other => Cell::Other(other.to_string()),
    }
}

/// The records of a CSV file (UTF-8, with or without a byte-order mark), its fields
/// separated by `separator`.
fn csv_grid(bytes: &[u8], separator: u8) -> Result<Grid, ReadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ReadError::Csv(format!(
            "it is not UTF-8 (byte {}): save it as \"CSV UTF-8\"",
            e.valid_up_to() + 1
        ))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(separator)
        .from_reader(text.as_bytes());
    let mut grid = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| ReadError::Csv(e.to_string()))?;
        let cells = record
            .iter()
            .enumerate()
            .map(|(j, field)| {
                let cell = match field.trim() {
                    "" => Cell::Empty,
                    _ => Cell::Text(field.to_string()),
                };
                (j, cell)
            })
            .collect();
        grid.push((i, cells));
    }
    Ok(grid)
}

/// The rows below the header, with the columns found by their labels.
fn filled(grid: Grid) -> Result<Filled, ReadError> {
    let wanted = &HEADERS[STATUS..=KEY];
    let find = |cells: &[(usize, Cell)], label: &str| {
        let label = units::fold(label);
        cells
            .iter()
            .find(|(_, c)| units::fold(&c.text()) == label)
            .map(|(j, _)| *j)
    };
    let mut best: Option<Vec<&'static str>> = None;
    for (at, (_, cells)) in grid.iter().enumerate().take(HEADER_SEARCH) {
        let found: Vec<Option<usize>> = wanted.iter().map(|l| find(cells, l)).collect();
        let missing: Vec<&'static str> = wanted
            .iter()
            .zip(&found)
            .filter(|(_, f)| f.is_none())
            .map(|(l, _)| *l)
            .collect();
        if missing.is_empty() {
            let columns: Vec<usize> = found.into_iter().flatten().collect();
            let columns: [usize; 6] = columns.try_into().unwrap_or_default();
            let rows = grid[at + 1..]
                .iter()
                .map(|(row, cells)| row_of(*row + 1, cells, &columns))
                .collect();
            return Ok(Filled { columns, rows });
        }
        if best.as_ref().is_none_or(|b| missing.len() < b.len()) {
            best = Some(missing);
        }
    }
    Err(ReadError::WrongHeader {
        missing: best.unwrap_or_else(|| wanted.to_vec()),
    })
}

fn row_of(row: usize, cells: &[(usize, Cell)], columns: &[usize; 6]) -> FilledRow {
    let at = |column: usize| {
        let index = columns[column - STATUS];
        cells
            .iter()
            .find(|(j, _)| *j == index)
            .map_or(Cell::Empty, |(_, c)| c.clone())
    };
    let text = |column: usize| at(column).text();
    let done = match at(DONE) {
        Cell::Empty => DateCell::Empty,
        Cell::Day(day) => DateCell::Day(day),
        cell => {
            let text = cell.text();
            match parse_day(&text) {
                Some(day) => DateCell::Day(day),
                None if text.is_empty() => DateCell::Empty,
                None => DateCell::Bad(text),
            }
        }
    };
    FilledRow {
        row,
        status: text(STATUS),
        done,
        result: text(RESULT),
        difficulties: text(DIFFICULTIES),
        proposal: text(PROPOSAL),
        key: text(KEY),
    }
}

/// A day typed as text: `20/6/2024`, `20-06-2024`, `20.06.2024` or `2024-06-20`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(day);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    let [d, m, y] = parts[..] else {
        return None;
    };
    if y.len() != 4 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_typed_as_text_read_as_vietnamese_documents_write_them() {
        let day = NaiveDate::from_ymd_opt(2024, 6, 20);
        for text in [
            "20/6/2024",
            "20/06/2024",
            "20-06-2024",
            "20.6.2024",
            "2024-06-20",
        ] {
            assert_eq!(parse_day(text), day, "{text}");
        }
        for text in ["6/20/2024", "20/6/24", "hôm qua", "31/2/2024", ""] {
            assert_eq!(parse_day(text), None, "{text}");
        }
    }

    #[test]
    fn a_csv_with_title_lines_finds_its_header_and_numbers_rows_as_the_sheet() {
        let mut text = String::from("\u{feff}BÁO CÁO,,\nĐơn vị: CNTT\n");
        let quoted: Vec<String> = HEADERS.iter().map(|h| format!("\"{h}\"")).collect();
        text.push_str(&quoted.join(","));
        text.push_str("\nKH,1,Nội dung,,,,,đã hoàn thành,20/6/2024,Xong,,,KEY\n");
        let grid = csv_grid(text.as_bytes(), b',').unwrap();
        let filled = filled(grid).unwrap();
        assert_eq!(filled.rows.len(), 1);
        let row = &filled.rows[0];
        assert_eq!(row.row, 4);
        assert_eq!(row.status, "đã hoàn thành");
        assert_eq!(
            row.done,
            DateCell::Day(NaiveDate::from_ymd_opt(2024, 6, 20).unwrap())
        );
        assert_eq!(row.key, "KEY");
        assert_eq!(filled.cell(STATUS, 4), "H4");
    }

    #[test]
    fn a_csv_separated_by_semicolons_or_tabs_reads_as_one_with_commas() {
        for separator in [";", "\t"] {
            let mut text = String::from("\u{feff}BÁO CÁO;;\n");
            text.push_str(&HEADERS.join(separator));
            let row = [
                "KH",
                "1",
                "Nội dung, có dấu phẩy",
                "",
                "",
                "",
                "",
                "đã hoàn thành",
                "20/6/2024",
                "Xong",
                "",
                "",
                "KEY",
            ];
            text.push('\n');
            text.push_str(&row.join(separator));
            text.push('\n');
            let filled = csv_filled(text.as_bytes()).unwrap();
            assert_eq!(filled.rows.len(), 1, "{separator:?}");
            assert_eq!(filled.rows[0].status, "đã hoàn thành");
            assert_eq!(filled.rows[0].key, "KEY");
            assert_eq!(filled.cell(STATUS, 3), "H3");
        }
        let error = csv_filled("STT;Nội dung\n".as_bytes()).unwrap_err();
        assert!(matches!(error, ReadError::WrongHeader { .. }), "{error}");
    }

    #[test]
    fn a_wrong_header_names_what_is_missing() {
        let grid = csv_grid("STT,Nội dung,Trạng thái\n1,a,b\n".as_bytes(), b',').unwrap();
        let error = filled(grid).unwrap_err();
        let ReadError::WrongHeader { missing } = &error else {
            panic!("{error}");
        };
        assert!(missing.contains(&"Ngày hoàn thành"));
        assert!(!missing.contains(&"Trạng thái"));
    }
}
