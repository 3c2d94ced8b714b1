//! Every output format. The only code that writes text for users.
//!
//! Queries hand over rows; a row type says how it looks as a table row ([`Tabular`]) and
//! serialises itself for JSON, so each format is written once for every kind of row.

mod deadline;
mod diagnostics;
mod diff;
mod labels;
mod rows;
mod tables;

use clap::ValueEnum;

pub use deadline::write_explanation;
pub use diagnostics::{
    DiagnosticFormat, GITHUB_LIMIT, write_diagnostics, write_markdown_list, write_summary,
};
pub use diff::write_diff;
pub use labels::{Label, predecessors_note};
pub use rows::{Tabular, Tone, write_rows};

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
}

/// Language of labels in reports. Diagnostics are always English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
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
}
