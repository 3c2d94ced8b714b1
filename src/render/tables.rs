//! How each kind of query row looks as a table row.

use super::{Label, Lang, Tabular};
use crate::query::{PlanRow, UnitRow};

impl Tabular for PlanRow {
    fn columns() -> Vec<Label> {
        vec![
            Label::Number,
            Label::Title,
            Label::Issued,
            Label::File,
            Label::Tasks,
        ]
    }

    fn cells(&self, _lang: Lang) -> Vec<String> {
        vec![
            self.number.clone(),
            self.title.clone(),
            self.issued.to_string(),
            self.file.display().to_string(),
            self.tasks.to_string(),
        ]
    }
}

impl Tabular for UnitRow {
    fn columns() -> Vec<Label> {
        vec![
            Label::Code,
            Label::Name,
            Label::Kind,
            Label::Aliases,
            Label::Successor,
        ]
    }

    fn cells(&self, _lang: Lang) -> Vec<String> {
        vec![
            self.code.clone(),
            self.name.clone(),
            self.kind.as_str().to_string(),
            self.aliases.join("; "),
            self.successor.clone().unwrap_or_default(),
        ]
    }
}
