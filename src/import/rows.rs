//! From a table's rows to the appendix's logical rows: cells by what their column
//! holds, repeated headers left out, rows split over a page joined again.

use super::header::{Column, Layout, is_repeat};
use super::table::{Merge, Table, one_line};

/// One row of the appendix, its cells by column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub source_row: usize,
    pub stt: String,
    pub content: String,
    pub lead: String,
    pub support: String,
    pub deadline: String,
    pub product: String,
    pub note: String,
    /// Cells of other columns, with their header.
    pub others: Vec<(String, String)>,
}

impl Line {
    fn field(&mut self, column: Column) -> Option<&mut String> {
        Some(match column {
            Column::Stt => &mut self.stt,
            Column::Content => &mut self.content,
            Column::Lead => &mut self.lead,
            Column::Support => &mut self.support,
            Column::Deadline => &mut self.deadline,
            Column::Product => &mut self.product,
            Column::Note => &mut self.note,
            Column::Other => return None,
        })
    }

    /// No unit, deadline or product: a heading, a stage, or the rest of a split row.
    pub fn has_only_text(&self) -> bool {
        self.lead.is_empty()
            && self.support.is_empty()
            && self.deadline.is_empty()
            && self.product.is_empty()
    }

    fn append(&mut self, other: Line) {
        let join = |a: &mut String, b: String| {
            if !b.is_empty() {
                if !a.is_empty() {
                    a.push(' ');
                }
                a.push_str(&b);
            }
        };
        join(&mut self.content, other.content);
        join(&mut self.lead, other.lead);
        join(&mut self.support, other.support);
        join(&mut self.deadline, other.deadline);
        join(&mut self.product, other.product);
        join(&mut self.note, other.note);
        for (header, text) in other.others {
            match self.others.iter_mut().find(|(h, _)| *h == header) {
                Some((_, mine)) => join(mine, text),
                None => self.others.push((header, text)),
            }
        }
    }
}

/// Whether content starts a stage or a lettered item: "- ", "+ ", "a) ".
pub fn starts_item(content: &str) -> bool {
    content.starts_with("- ")
        || content.starts_with("+ ")
        || content.starts_with("– ")
        || letter_item(content).is_some()
}

/// The letter of "a) …", "đ) …".
pub fn letter_item(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let letter = chars.next()?;
    let close = chars.next()?;
    let rest = chars.next();
    (letter.is_lowercase()
        && letter.is_alphabetic()
        && close == ')'
        && rest.is_none_or(char::is_whitespace))
    .then_some(letter)
}

/// The rows after the header, as logical lines. A row without STT right after a repeated
/// header (a page break), that does not start an item, continues the row before it.
pub fn lines(table: &Table, start: usize, layout: &Layout) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut after_break = false;
    for row in &table.rows[start + layout.rows..] {
        if row.is_blank() {
            continue;
        }
        // A line of text with no delimiter among the rows of a text file: a footnote at
        // a page's foot, or the text under the table, not a row.
        if row.cells.len() == 1 {
            continue;
        }
        if is_repeat(row, layout) {
            after_break = true;
            continue;
        }
        let mut line = Line {
            source_row: row.source_row,
            ..Line::default()
        };
        for (col, (kind, header)) in layout.columns.iter().enumerate() {
            let Some(cell) = row.cells.get(col) else {
                continue;
            };
            // A vertically merged STT would give sub-rows their parent's number.
            if cell.merge == Merge::Down && *kind == Column::Stt {
                continue;
            }
            let text = one_line(&cell.text);
            if text.is_empty() {
                continue;
            }
            match line.field(*kind) {
                Some(field) => *field = text,
                None => line.others.push((header.clone(), text)),
            }
        }
        let continues = after_break && line.stt.is_empty() && !starts_item(&line.content);
        after_break = false;
        match lines.last_mut() {
            Some(last) if continues => last.append(line),
            _ => lines.push(line),
        }
    }
    lines
}
