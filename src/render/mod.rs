//! Every output format. The only code that writes text for users.
//!
//! Queries hand over rows; a row type says how it looks as a table row ([`Tabular`]) and
//! serialises itself for JSON, so each format is written once for every kind of row. The app
//! says what a listing answered ([`Caption`]) for the words around a terminal table.

mod appendix;
mod appendix_office;
mod caption;
mod deadline;
mod diagnostics;
mod diff;
mod edit;
mod forms;
mod ics;
pub(crate) mod labels;
mod report;
mod rows;
mod summary;
mod tables;
mod terminal;

use std::io::{self, Write};

use clap::ValueEnum;
use rayon::prelude::*;

pub use appendix::write_appendix;
pub use appendix_office::{write_appendix_docx, write_appendix_xlsx};
pub use caption::{Caption, Kind};
pub use deadline::{Explained, write_explanation};
pub use diagnostics::{
    DiagnosticFormat, GITHUB_LIMIT, write_diagnostics, write_markdown_list, write_summary,
};
pub use diff::write_diff;
pub use edit::{write_edit, write_would_fail};
pub use forms::{write_applied, write_form_written, write_problems};
pub use ics::{IcsComponent, write_ics};
pub use labels::{Label, predecessors_note};
pub use report::{
    Heading, period_words, write_docx, write_markdown as write_period_markdown, write_xlsx,
};
pub use rows::{Tabular, Tone, markdown_cell, write_rows};
pub use summary::{mermaid_text, write_report};
pub use terminal::Fit;

/// Writes `items` laid out `chunk` at a time on every core, in order. Laying out long
/// reports (JSON arrays, snippets) is most of their cost; a window of a few chunks per core is
/// laid out at once, so the text held stays bounded.
fn write_laid_out<T: Sync>(
    items: &[T],
    chunk: usize,
    lay_out: impl Fn(&[T]) -> io::Result<Vec<u8>> + Sync,
    out: &mut dyn Write,
) -> io::Result<()> {
    let window = chunk * 4 * rayon::current_num_threads();
    for items in items.chunks(window) {
        let texts: Vec<io::Result<Vec<u8>>> = items.par_chunks(chunk).map(&lay_out).collect();
        for text in texts {
            out.write_all(&text?)?;
        }
    }
    Ok(())
}

/// `text` cut to `limit` characters at most, ending in "…" where it was cut.
pub fn shortened(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

/// Output format of a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables or rustc-style diagnostics for a terminal.
    #[value(alias = "table")]
    Human,
    /// A markdown table, ready for a pull request or a wiki.
    Markdown,
    /// One JSON array.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// GitHub Actions annotations (`check` only).
    Github,
    /// iCalendar with a to-do per deadline (`export` only).
    Ics,
    /// The official appendix layout, as markdown (`export` only).
    PhuLuc,
    /// A Word document: the report in the layout of NĐ 30/2020/NĐ-CP, or the official
    /// appendix (`export`).
    Docx,
    /// An Excel workbook: the report a sheet per table, or the official appendix a sheet
    /// per plan (`export`).
    Xlsx,
}

impl Format {
    /// The name `--format` takes.
    pub fn name(self) -> String {
        self.to_possible_value()
            .map(|v| v.get_name().to_string())
            .unwrap_or_default()
    }
}

/// Language of labels in reports. Diagnostics are always English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The Vietnamese or the English of a pair.
    pub fn pick<T>(self, vi: T, en: T) -> T {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// Whether to colour terminal output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

/// How a report should look: chosen once by the app, passed to every writer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub format: Format,
    pub lang: Lang,
    /// Resolved colour decision (auto already settled against the terminal and NO_COLOR).
    pub color: bool,
    /// CSV starts with a UTF-8 byte-order mark: Excel on Windows reads a CSV without one
    /// in the machine's ANSI code page, which garbles Vietnamese.
    pub bom: bool,
}
