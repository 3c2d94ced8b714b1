//! The plan an import makes, the problems found on the way, and its TOML in the layout
//! of `plans/`.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::header::Column;

/// A heading of the appendix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSection {
    pub id: String,
    pub title: String,
}

/// A stage of a task: a sub-row "- …" under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stage {
    pub what: String,
    pub deadline: Option<String>,
}

/// A task row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftTask {
    pub id: String,
    pub section: Option<String>,
    pub content: String,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    pub deadline: Option<String>,
    pub product: Option<String>,
    pub note: Option<String>,
    pub stages: Vec<Stage>,
    /// The row of the source table it came from.
    pub source_row: usize,
}

/// A plan as imported: what the header block and the flags say, and the appendix.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Draft {
    pub number: Option<String>,
    pub kind: Option<String>,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<NaiveDate>,
    /// The source file's name, for `source` and the opening comment.
    pub source: String,
    pub sections: Vec<DraftSection>,
    pub tasks: Vec<DraftTask>,
}

/// Something a person must look at: where in the source, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The row of the source table (0: not a row's).
    pub row: usize,
    pub column: Option<Column>,
    pub message: String,
}

impl Problem {
    pub fn new(row: usize, column: Option<Column>, message: String) -> Problem {
        Problem {
            row,
            column,
            message,
        }
    }

    /// "file.docx, table 1, row 12, column Đơn vị chủ trì: message".
    pub fn render(&self, source: &str, table: &str) -> String {
        let mut at = source.to_string();
        if self.row > 0 {
            let _ = write!(at, ", {table}, row {}", self.row);
        }
        if let Some(column) = self.column {
            let _ = write!(at, ", column `{}`", column.name());
        }
        format!("{at}: {}", self.message)
    }
}

/// A TOML basic string, escaped.
fn string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn list(items: &[String]) -> String {
    let items: Vec<String> = items.iter().map(|i| string(i)).collect();
    format!("[{}]", items.join(", "))
}

/// Whether a comment line (trimmed) is one that [`Draft::to_toml`] writes in every draft,
/// whatever the source: such a line says nothing a person wrote, so a second import that
/// rewrites it with another source's name loses nothing.
pub fn is_own_comment(line: &str) -> bool {
    line.starts_with("#:schema ")
        || line.starts_with("# Imported by `bhxh-plan import` from ")
        || line == "# then run `bhxh-plan check`."
        || line.starts_with("# issued = YYYY-MM-DD  (")
}

impl Draft {
    /// The plan file: the `#:schema` line, a comment saying where it came from, `[plan]`,
    /// the sections, then the tasks, keys in the order of the format.
    pub fn to_toml(&self) -> String {
        let mut out = String::new();
        let line = |out: &mut String, key: &str, value: String| {
            let _ = writeln!(out, "{key} = {value}");
        };
        out.push_str("#:schema ../../schema/plan.schema.json\n");
        let _ = writeln!(
            out,
            "# Imported by `bhxh-plan import` from {}: a draft. Check every row against the source,\n# then run `bhxh-plan check`.",
            self.source
        );
        out.push_str("\n[plan]\n");
        match &self.number {
            Some(n) => line(&mut out, "number", string(n)),
            None => out.push_str("number = \"\"  # not found in the source: pass --number\n"),
        }
        if let Some(kind) = &self.kind {
            line(&mut out, "kind", string(kind));
        }
        match &self.title {
            Some(t) => line(&mut out, "title", string(t)),
            None => out.push_str("title = \"\"  # not found in the source: pass --title\n"),
        }
        line(
            &mut out,
            "issuer",
            string(
                self.issuer
                    .as_deref()
                    .unwrap_or(crate::model::DEFAULT_ISSUER),
            ),
        );
        match self.issued {
            // TOML's dates have four-digit years; chrono writes others with a sign.
            Some(day) if (0..=9999).contains(&day.year()) => {
                line(&mut out, "issued", day.to_string())
            }
            Some(day) => {
                let _ = writeln!(
                    out,
                    "# issued = YYYY-MM-DD  (the year of {day} does not fit a plan file: pass --issued)"
                );
            }
            None => {
                out.push_str("# issued = YYYY-MM-DD  (not found in the source: pass --issued)\n")
            }
        }
        line(&mut out, "source", string(&self.source));
        for section in &self.sections {
            out.push_str("\n[[section]]\n");
            line(&mut out, "id", string(&section.id));
            line(&mut out, "title", string(&section.title));
        }
        for task in &self.tasks {
            out.push_str("\n[[task]]\n");
            line(&mut out, "id", string(&task.id));
            if let Some(section) = &task.section {
                line(&mut out, "section", string(section));
            }
            line(&mut out, "content", string(&task.content));
            line(&mut out, "lead", list(&task.lead));
            if !task.support.is_empty() {
                line(&mut out, "support", list(&task.support));
            }
            if let Some(deadline) = &task.deadline {
                line(&mut out, "deadline", string(deadline));
            }
            if let Some(product) = &task.product {
                line(&mut out, "product", string(product));
            }
            if let Some(note) = &task.note {
                line(&mut out, "note", string(note));
            }
            for stage in &task.stages {
                out.push_str("\n[[task.milestone]]\n");
                line(&mut out, "what", string(&stage.what));
                if let Some(deadline) = &stage.deadline {
                    line(&mut out, "deadline", string(deadline));
                }
            }
        }
        out
    }
}
