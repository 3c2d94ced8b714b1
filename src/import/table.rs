//! The one table type every reader produces: rows of cells on the table's grid, each
//! cell with its text and where it came from, merged cells already resolved.

/// How a cell takes part in a merged region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Merge {
    /// A cell of its own, or the first cell of a merged region.
    #[default]
    Own,
    /// A grid column covered by the cell to its left (`w:gridSpan`, a merged region's
    /// later columns): empty.
    Across,
    /// A cell covered by the cell above it (`w:vMerge` continuing, a merged region's
    /// later rows): its text is the region's, for the columns where a merged cell means
    /// "the same for each of these rows" (units, deadline, product).
    Down,
}

/// One cell on the grid.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// The text, its paragraphs or lines separated by `\n`.
    pub text: String,
    pub merge: Merge,
}

impl Cell {
    /// A cell of its own.
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            merge: Merge::Own,
        }
    }
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Where the row is in the source, as people count: the row of a Word table (1-based),
    /// the row of a sheet, the line of a text file.
    pub source_row: usize,
    /// The document marks it as a header row repeated on each page (`w:tblHeader`).
    pub repeated_header: bool,
}

impl Row {
    /// The cell in grid column `col`, or an empty one.
    pub fn text(&self, col: usize) -> &str {
        self.cells.get(col).map_or("", |c| c.text.as_str())
    }

    /// Whether every cell is blank.
    pub fn is_blank(&self) -> bool {
        self.cells.iter().all(|c| c.text.trim().is_empty())
    }
}

/// A table as read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    /// What the source calls it, for messages: "table 2", "sheet `Phụ lục`".
    pub name: String,
}

/// What a source holds, in document order: paragraphs of text and tables.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    Table(Table),
}

/// A source file as read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub blocks: Vec<Block>,
    /// The source is text (CSV, TSV, markdown), where a page break shows as a repeated
    /// header row and the rest of a split row follows it.
    pub text_source: bool,
}

impl Document {
    /// The tables, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Table(t) => Some(t),
            Block::Paragraph(_) => None,
        })
    }
}

/// Collapses every run of whitespace (line breaks included) into one space: lines inside
/// a cell join with a space.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
