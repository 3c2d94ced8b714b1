//! Reading tables kept as text: CSV, TSV (a table copied out of Word), and the markdown
//! table of `export --format phu-luc`.

use super::ImportError;
use super::table::{Block, Cell, Document, Row, Table};

/// Reads a delimited file: UTF-8 with or without a byte-order mark, any line ending,
/// quoted cells over several lines. `tab` says the file is text copied from a table
/// (tab-separated, or `|`); otherwise the delimiter is the one of `,`, `;` and tab the
/// file uses most.
pub fn read_delimited(bytes: &[u8], tab: bool) -> Result<Document, ImportError> {
    let text = utf8(bytes)?;
    let candidates: &[u8] = if tab { b"\t|" } else { b",;\t" };
    let delimiter = guess_delimiter(text, candidates);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record =
            record.map_err(|e| ImportError::new(format!("the file does not read as CSV: {e}")))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        rows.push(Row {
            cells: record.iter().map(|c| Cell::new(without_tags(c))).collect(),
            source_row: line,
            repeated_header: false,
        });
    }
    Ok(Document {
        blocks: vec![Block::Table(Table {
            rows,
            name: "the table".into(),
        })],
        text_source: true,
    })
}

/// Text copied out of a web page or a PDF extraction keeps the inline tags of its
/// emphasis ("<i>(do các đơn vị nghiệp vụ soạn thảo)</i>"): they are not the document's
/// words.
fn without_tags(cell: &str) -> String {
    const TAGS: [&str; 8] = ["<i>", "</i>", "<b>", "</b>", "<u>", "</u>", "<em>", "</em>"];
    if !cell.contains('<') {
        return cell.to_string();
    }
    TAGS.iter()
        .fold(cell.to_string(), |text, tag| text.replace(tag, ""))
}

/// Reads the markdown tables of a file, and its other lines as paragraphs (a heading
/// `## 24/QĐ-BHXH — title` says the plan).
pub fn read_markdown(bytes: &[u8]) -> Result<Document, ImportError> {
    let text = utf8(bytes)?;
    let mut blocks = Vec::new();
    let mut current: Option<Table> = None;
    let mut tables = 0;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with('|') {
            let table = current.get_or_insert_with(|| {
                tables += 1;
                Table {
                    rows: Vec::new(),
                    name: format!("table {tables}"),
                }
            });
            let cells = split_row(trimmed);
            let rule = cells.iter().all(|c| {
                let c = c.trim();
                !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':'))
            });
            if !rule {
                table.rows.push(Row {
                    cells: cells.into_iter().map(|c| Cell::new(unmark(&c))).collect(),
                    source_row: i + 1,
                    repeated_header: false,
                });
            }
            continue;
        }
        blocks.extend(current.take().map(Block::Table));
        if !trimmed.is_empty() {
            let heading = trimmed.trim_start_matches('#').trim();
            blocks.push(Block::Paragraph(unmark(heading)));
        }
    }
    blocks.extend(current.take().map(Block::Table));
    Ok(Document {
        blocks,
        text_source: true,
    })
}

fn utf8(bytes: &[u8]) -> Result<&str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        ImportError::new(format!(
            "the file is not UTF-8 text (byte {}): save it as UTF-8{}",
            e.valid_up_to(),
            if bytes.starts_with(b"PK") {
                "; it looks like a zip (a .docx or .xlsx?)"
            } else {
                ""
            }
        ))
    })
}

/// The candidate the first lines use most, outside quotes (the first on a tie): a table
/// copied out of Word is tab-separated, some extractions separate cells with `|`.
fn guess_delimiter(text: &str, candidates: &[u8]) -> u8 {
    let mut counts = vec![0usize; candidates.len()];
    for line in text.lines().take(200) {
        let mut quoted = false;
        for b in line.bytes() {
            if b == b'"' {
                quoted = !quoted;
            } else if !quoted && let Some(i) = candidates.iter().position(|&c| c == b) {
                counts[i] += 1;
            }
        }
    }
    let best = (0..candidates.len())
        .max_by_key(|&i| (counts[i], candidates.len() - i))
        .unwrap_or(0);
    candidates[best]
}

/// The cells of a markdown table row: split on `|` not escaped by a backslash.
fn split_row(line: &str) -> Vec<String> {
    let inner = line.strip_prefix('|').unwrap_or(line);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(next) => {
                    cell.push('\\');
                    cell.push(next);
                }
                None => cell.push('\\'),
            },
            '|' => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        cells.push(cell);
    }
    cells
}

/// A markdown cell as plain text: `<br>` as a line break, bold marks and backslash
/// escapes taken off, the few HTML entities `export` writes decoded.
fn unmark(cell: &str) -> String {
    let mut text = cell.trim().replace("<br>", "\n").replace("<br/>", "\n");
    if let Some(inner) = text.strip_prefix("**").and_then(|t| t.strip_suffix("**")) {
        text = inner.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some(next) if next.is_ascii_punctuation() => out.push(next),
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}
