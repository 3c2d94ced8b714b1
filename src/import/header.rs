//! Finding the task table by its header row, and what each column holds.

use super::table::{Row, Table, one_line};
use crate::units::unaccented;

/// What a column of the appendix holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Stt,
    Content,
    Lead,
    Support,
    Deadline,
    Product,
    Note,
    /// Another column ("Nội dung cắt giảm"): its cells go to the task's note, labelled.
    Other,
}

impl Column {
    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Column::Stt => "STT",
            Column::Content => "Nội dung công việc",
            Column::Lead => "Đơn vị chủ trì",
            Column::Support => "Đơn vị phối hợp",
            Column::Deadline => "Thời gian hoàn thành",
            Column::Product => "Sản phẩm",
            Column::Note => "Ghi chú",
            Column::Other => "",
        }
    }
}

/// The headers looked for, for messages.
pub const LOOKED_FOR: &str = "STT or TT; Nội dung… or Nhiệm vụ; Đơn vị (Cơ quan) chủ trì; Đơn vị (Cơ quan) phối hợp; Thời gian hoàn thành (thực hiện, kết thúc); optionally Sản phẩm (Kết quả) and Ghi chú";

/// The columns of a table: for each grid column, what it holds, with the header text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub columns: Vec<(Column, String)>,
    /// The rows the header takes (one, or two where "Đơn vị" spans "Chủ trì" and "Phối hợp").
    pub rows: usize,
}

/// A header cell folded for matching: lower case, no diacritics, one space between words.
fn folded(text: &str) -> String {
    let text: String = unaccented(text)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    one_line(&text)
}

/// What a header cell names.
fn classify(text: &str) -> Option<Column> {
    let t = folded(text);
    let has = |w: &str| t.contains(w);
    let column = if t == "stt" || t == "tt" || t == "so tt" || t == "so thu tu" {
        Column::Stt
    } else if has("chu tri") {
        Column::Lead
    } else if has("phoi hop") {
        Column::Support
    } else if t.starts_with("thoi gian") || t.starts_with("thoi han") || t.starts_with("tien do") {
        Column::Deadline
    } else if t.starts_with("san pham") || t.starts_with("ket qua") {
        Column::Product
    } else if t.starts_with("ghi chu") {
        Column::Note
    } else if t.starts_with("noi dung")
        || t.starts_with("nhiem vu")
        || t.starts_with("ten nhiem vu")
    {
        Column::Content
    } else {
        return None;
    };
    Some(column)
}

/// English headers people may have written, to say why a table was not found.
fn english(text: &str) -> bool {
    let t = folded(text);
    [
        "no",
        "content",
        "task",
        "tasks",
        "lead",
        "deadline",
        "support",
        "unit",
        "due",
        "responsible",
    ]
    .iter()
    .any(|w| t == *w || t.starts_with(&format!("{w} ")))
}

/// The layout a header row (or two) gives, when it names the columns a task table needs.
fn layout_of(cells: &[String]) -> Option<Layout> {
    let mut columns: Vec<(Column, String)> = Vec::new();
    for text in cells {
        let kind = classify(text)
            // A second "Nội dung…" column ("Nội dung cắt giảm") is not the task's content.
            .filter(|k| !columns.iter().any(|(c, _)| c == k))
            .unwrap_or(Column::Other);
        columns.push((kind, one_line(text)));
    }
    let has = |k| columns.iter().any(|(c, _)| *c == k);
    (has(Column::Stt) && has(Column::Content) && has(Column::Lead) && has(Column::Deadline))
        .then_some(Layout { columns, rows: 1 })
}

/// The task table's header: the first row, or pair of rows, among the first 200 rows of the
/// table that names the required columns.
pub fn find(table: &Table) -> Option<(usize, Layout)> {
    let rows = &table.rows;
    for i in 0..rows.len().min(200) {
        let one: Vec<String> = rows[i].cells.iter().map(|c| c.text.clone()).collect();
        if let Some(layout) = layout_of(&one) {
            return Some((i, layout));
        }
        if let Some(next) = rows.get(i + 1) {
            let width = one.len().max(next.cells.len());
            let two: Vec<String> = (0..width)
                .map(|c| format!("{} {}", rows[i].text(c), next.text(c)))
                .collect();
            if let Some(mut layout) = layout_of(&two) {
                layout.rows = 2;
                return Some((i, layout));
            }
        }
    }
    None
}

/// Whether a row repeats the header (a page break in text, `w:tblHeader` in Word), or
/// numbers the columns ("(1)", "(2)", … or 1, 2, …).
pub fn is_repeat(row: &Row, layout: &Layout) -> bool {
    if row.repeated_header {
        return true;
    }
    let kinds: Vec<Option<Column>> = row.cells.iter().map(|c| classify(&c.text)).collect();
    let matches = layout
        .columns
        .iter()
        .zip(&kinds)
        .filter(|((kind, _), found)| *kind != Column::Other && Some(*kind) == **found)
        .count();
    if matches >= 3 {
        return true;
    }
    let numbers: Vec<&str> = row
        .cells
        .iter()
        .map(|c| c.text.trim().trim_start_matches('(').trim_end_matches(')'))
        .collect();
    numbers.len() >= 3
        && numbers
            .iter()
            .enumerate()
            .all(|(i, n)| n.is_empty() || *n == (i + 1).to_string())
        && numbers.iter().filter(|n| !n.is_empty()).count() >= 3
}

/// What a table that was not taken has in its first rows, for the message.
pub fn found_headers(table: &Table) -> String {
    let row = table.rows.iter().find(|r| !r.is_blank());
    let Some(row) = row else {
        return format!("{} is empty", table.name);
    };
    let cells: Vec<String> = row
        .cells
        .iter()
        .map(|c| one_line(&c.text))
        .filter(|t| !t.is_empty())
        .map(|t| format!("`{t}`"))
        .collect();
    let english = row.cells.iter().filter(|c| english(&c.text)).count() >= 2;
    format!(
        "{} starts with {}{}",
        table.name,
        cells.join(", "),
        if english {
            " (English headers: the appendix is read by its Vietnamese headers)"
        } else {
            ""
        }
    )
}

/// Whether a table is too narrow to be an appendix, whatever its header says.
pub fn too_narrow(table: &Table) -> Option<usize> {
    let width = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    (width > 0 && width < 4).then_some(width)
}
