//! `import`: a plan's appendix from the Word, Excel or text file it was written in.
//!
//! Readers (`docx`, `xlsx`, `text`) turn a file into one [`table::Document`]; then one
//! conversion, shared by all of them, finds the task table by its header row (`header`),
//! reads its rows (`rows`), makes sections, tasks and stages (`convert`) and writes the
//! plan in the layout of `plans/` (`draft`). The header block above the table gives the
//! number, date, kind and title (`meta`); options override it.
//!
//! An import writes a new file from the appendix alone. An appendix carries no progress
//! entries, extensions, statuses or done dates, nor the comments and plan keys a person
//! adds by hand, so importing over an existing plan file would drop them. `recorded` says
//! what an existing file holds that the new one would not, and the app refuses to
//! overwrite a file that holds anything (even with `--force`) unless `--discard-recorded`
//! is given. Carrying the records over to the new tasks was not done: a re-imported
//! appendix may renumber, split or reword tasks, and an extension's `from`/`to` must agree
//! with a deadline the appendix may have changed, so any automatic merge could attach
//! progress to the wrong task; a person, comparing the two files, can tell.

mod convert;
pub mod docx;
mod draft;
mod header;
mod meta;
mod recorded;
mod rows;
pub mod table;
pub mod text;
mod unit_cells;
pub mod xlsx;
mod zipped;

#[cfg(test)]
mod tests;

use std::fmt;

use chrono::{Datelike, NaiveDate};

pub use draft::{Draft, Problem};
pub use recorded::{Recorded, recorded};
pub use unit_cells::{Units, split as split_units};
pub use zipped::CAP as ZIP_CAP;

use crate::units::Registry;
use table::{Block, Document};

/// A source that cannot be imported at all: nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub message: String,
}

impl ImportError {
    pub fn new(message: impl Into<String>) -> ImportError {
        ImportError {
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ImportError {}

/// The kinds of file `import` reads, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceKind {
    Docx,
    Xlsx,
    Csv,
    /// Tab-separated: `.tsv`, or `.txt` (a table copied out of Word).
    Tsv,
    Markdown,
}

impl SourceKind {
    /// The kind a file name says.
    pub fn of(name: &str) -> Option<SourceKind> {
        let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
        Some(match extension.as_str() {
            "docx" => SourceKind::Docx,
            "xlsx" | "xlsm" => SourceKind::Xlsx,
            "csv" => SourceKind::Csv,
            "tsv" | "txt" => SourceKind::Tsv,
            "md" | "markdown" => SourceKind::Markdown,
            _ => return None,
        })
    }
}

/// What the command line says of the plan; each overrides the header block.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub number: Option<String>,
    pub issued: Option<NaiveDate>,
    pub title: Option<String>,
    pub kind: Option<String>,
    pub issuer: Option<String>,
    /// The table to read (1-based) when the source has several that look like appendices.
    pub table: Option<usize>,
    /// The year a deadline without one refers to when the source gives no date.
    pub fallback_year: i32,
}

/// An import: the plan file's text and what a person must look at.
#[derive(Debug, Clone)]
pub struct Imported {
    pub draft: Draft,
    pub toml: String,
    /// Each already rendered with the source, table, row and column.
    pub problems: Vec<String>,
}

/// Reads a source file into tables.
pub fn read(bytes: &[u8], kind: SourceKind) -> Result<Document, ImportError> {
    match kind {
        SourceKind::Docx => docx::read(bytes),
        SourceKind::Xlsx => xlsx::read(bytes),
        SourceKind::Csv => text::read_delimited(bytes, false),
        SourceKind::Tsv => text::read_delimited(bytes, true),
        SourceKind::Markdown => text::read_markdown(bytes),
    }
}

/// Imports a source: `name` is how messages and the plan's `source` call it.
pub fn import(
    name: &str,
    bytes: &[u8],
    kind: SourceKind,
    options: &Options,
    registry: &Registry,
) -> Result<Imported, ImportError> {
    let document = read(bytes, kind)?;
    convert_document(name, &document, options, registry)
}

/// The conversion of a document already read.
pub fn convert_document(
    name: &str,
    document: &Document,
    options: &Options,
    registry: &Registry,
) -> Result<Imported, ImportError> {
    let (index, start, layout) = find_table(document, options.table)?;
    let Some(Block::Table(table)) = document.blocks.get(index) else {
        return Err(ImportError::new("internal: the table vanished"));
    };
    let mut above = lines_above(document, index);
    // A sheet has its title block in the rows above the header.
    for row in &table.rows[..start] {
        for cell in &row.cells {
            above.extend(cell.text.lines().map(str::to_string));
        }
    }
    let meta = meta::read(&above);
    let issued = options.issued.or(meta.issued);
    let year = issued.map_or(options.fallback_year, |d| d.year());
    let mut converter = convert::Converter::new(registry, year);
    converter.run(rows::lines(table, start, &layout));
    let mut draft = converter.draft;
    draft.number = options.number.clone().or(meta.number);
    draft.kind = options.kind.clone().or(meta.kind);
    draft.title = options.title.clone().or(meta.title);
    draft.issuer = options.issuer.clone();
    draft.issued = issued;
    draft.source = source_name(name);
    let mut problems = converter.problems;
    let missing = [
        (
            draft.number.is_none(),
            "no number (\"Số: …\") above the table: pass --number",
        ),
        (
            draft.title.is_none(),
            "no title above the table: pass --title",
        ),
        (
            draft.issued.is_none(),
            "no date (\"…, ngày … tháng … năm …\") above the table: pass --issued",
        ),
    ];
    for (absent, message) in missing {
        if absent {
            problems.insert(0, Problem::new(0, None, message.to_string()));
        }
    }
    if draft.tasks.is_empty() {
        problems.push(Problem::new(
            0,
            None,
            format!("{} has a header but no task rows", table.name),
        ));
    }
    let rendered = problems
        .iter()
        .map(|p| p.render(name, &table.name))
        .collect();
    Ok(Imported {
        toml: draft.to_toml(),
        draft,
        problems: rendered,
    })
}

fn source_name(name: &str) -> String {
    std::path::Path::new(name)
        .file_name()
        .map_or_else(|| name.to_string(), |n| n.to_string_lossy().into_owned())
}

/// The text above the task table: paragraphs, and the cells of tables before it (a
/// borderless header table), one line each.
fn lines_above(document: &Document, index: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for block in &document.blocks[..index] {
        match block {
            Block::Paragraph(text) => lines.push(text.clone()),
            Block::Table(table) => {
                for row in &table.rows {
                    for cell in &row.cells {
                        lines.extend(cell.text.lines().map(str::to_string));
                    }
                }
            }
        }
    }
    lines
}

/// The task table: the one asked for, else the first whose header matches.
fn find_table(
    document: &Document,
    wanted: Option<usize>,
) -> Result<(usize, usize, header::Layout), ImportError> {
    let tables: Vec<(usize, &table::Table)> = document
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b {
            Block::Table(t) => Some((i, t)),
            Block::Paragraph(_) => None,
        })
        .collect();
    if tables.is_empty() {
        return Err(ImportError::new(format!(
            "the source has no table; an appendix is a table with the headers {}",
            header::LOOKED_FOR
        )));
    }
    let candidates: Vec<(usize, &table::Table)> = match wanted {
        Some(n) => match tables.get(n.wrapping_sub(1)) {
            Some(t) => vec![*t],
            None => {
                return Err(ImportError::new(format!(
                    "--table {n}: the source has {} table{}",
                    tables.len(),
                    if tables.len() == 1 { "" } else { "s" }
                )));
            }
        },
        None => tables.clone(),
    };
    for (index, table) in &candidates {
        if let Some((start, layout)) = header::find(table) {
            return Ok((*index, start, layout));
        }
    }
    let found: Vec<String> = candidates
        .iter()
        .take(5)
        .map(|(_, t)| match header::too_narrow(t) {
            Some(width) => format!(
                "{} has {width} column{} (an appendix has at least STT, content, lead unit and deadline)",
                t.name,
                if width == 1 { "" } else { "s" }
            ),
            None => header::found_headers(t),
        })
        .collect();
    Err(ImportError::new(format!(
        "no table has the header row of an appendix; looked for {}; found: {}",
        header::LOOKED_FOR,
        found.join("; ")
    )))
}
