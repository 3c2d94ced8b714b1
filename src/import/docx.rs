//! Reading a .docx by hand over its XML: the docx crates either hide merged cells or
//! panic on real files. Only `word/document.xml` is read.
//!
//! What Word files hold and how it is read:
//! - `w:gridSpan` spreads a cell over grid columns: the later columns are [`Merge::Across`];
//! - a `w:vMerge` continuation cell is empty in the XML, though the document means the
//!   merged cell's value for each row it spans: it gets the first cell's text as
//!   [`Merge::Down`], and the conversion decides per column whether that counts;
//! - paragraphs of a cell join with `\n`, runs of a word split by formatting join as they
//!   are; content controls (`w:sdt`) are read through; of tracked changes the accepted
//!   text is kept (`w:ins` read, `w:del` and `w:moveFrom` dropped);
//! - a paragraph with no text but Word numbering (`w:numPr`), as an STT cell numbered by
//!   Word, gets its number: 1, 2, 3 in order within its list, "1.1" a level down.

use roxmltree::{Document as Xml, Node};
use rustc_hash::FxHashMap as HashMap;

use super::ImportError;
use super::table::{Block, Cell, Document, Merge, Row, Table};
use super::zipped;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Reads the paragraphs and tables of a .docx's body, in order.
pub fn read(bytes: &[u8]) -> Result<Document, ImportError> {
    let mut archive = zipped::open(bytes, "a Word document (.docx)")?;
    let Some(xml) = zipped::entry(&mut archive, "word/document.xml")? else {
        let workbook = archive
            .file_names()
            .any(|n| n.is_ok_and(|n| n.starts_with("xl/")));
        return Err(ImportError::new(if workbook {
            "this is not a Word document: it has no `word/document.xml` and looks like an Excel workbook (name it .xlsx)".to_string()
        } else {
            "this is not a Word document: the zip has no `word/document.xml`".to_string()
        }));
    };
    parse(&xml)
}

/// The body of `word/document.xml`.
pub fn parse(xml: &str) -> Result<Document, ImportError> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: false,
        nodes_limit: 20_000_000,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = Xml::parse_with_options(xml, options).map_err(|e| {
        ImportError::new(format!("`word/document.xml` is not well-formed XML: {e}"))
    })?;
    let Some(body) = doc.root_element().children().find(|n| is(n, "body")) else {
        return Err(ImportError::new(
            "`word/document.xml` has no `w:body`: not a Word document",
        ));
    };
    let mut reader = Reader::default();
    let mut blocks = Vec::new();
    reader.blocks(body, &mut blocks);
    Ok(Document {
        blocks,
        text_source: false,
    })
}

fn is(node: &Node, name: &str) -> bool {
    node.is_element() && node.tag_name().name() == name && node.tag_name().namespace() == Some(W)
}

fn attr<'a>(node: &Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

fn child<'a, 'i>(node: &Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| is(n, name))
}

/// Children of `node`, looking through the wrappers Word puts around blocks, rows and
/// cells (content controls, custom XML, inserted or moved-in ranges), but not through
/// deleted ones.
fn unwrapped<'a, 'i>(node: Node<'a, 'i>) -> Vec<Node<'a, 'i>> {
    let mut out = Vec::new();
    for child in node.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "sdt" => {
                if let Some(content) = self::child(&child, "sdtContent") {
                    out.extend(unwrapped(content));
                }
            }
            "customXml" | "ins" | "moveTo" | "smartTag" => out.extend(unwrapped(child)),
            "del" | "moveFrom" => {}
            _ => out.push(child),
        }
    }
    out
}

#[derive(Default)]
struct Reader {
    /// Counters of Word numbering: list id → the count at each level.
    numbering: HashMap<String, Vec<usize>>,
}

impl Reader {
    fn blocks(&mut self, node: Node, blocks: &mut Vec<Block>) {
        let mut tables = 0;
        for child in unwrapped(node) {
            if is(&child, "p") {
                blocks.push(Block::Paragraph(self.paragraph(child)));
            } else if is(&child, "tbl") {
                tables += 1;
                blocks.push(Block::Table(self.table(child, tables)));
            }
        }
    }

    fn table(&mut self, tbl: Node, n: usize) -> Table {
        let mut rows: Vec<Row> = Vec::new();
        // Per grid column, the text of the vertically merged cell that is still open.
        let mut open: HashMap<usize, String> = HashMap::default();
        for (i, tr) in unwrapped(tbl)
            .into_iter()
            .filter(|n| is(n, "tr"))
            .enumerate()
        {
            let properties = child(&tr, "trPr");
            let flag = |name: &str| {
                properties
                    .and_then(|p| child(&p, name))
                    .is_some_and(|f| !matches!(attr(&f, "val"), Some("0" | "false" | "off")))
            };
            let before = properties
                .and_then(|p| child(&p, "gridBefore"))
                .and_then(|g| attr(&g, "val")?.parse::<usize>().ok())
                .unwrap_or(0)
                .min(64);
            let mut cells = vec![Cell::default(); before];
            for tc in unwrapped(tr).into_iter().filter(|n| is(n, "tc")) {
                let tc_pr = child(&tc, "tcPr");
                let span = tc_pr
                    .and_then(|p| child(&p, "gridSpan"))
                    .and_then(|g| attr(&g, "val")?.parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
                let v_merge = tc_pr.and_then(|p| child(&p, "vMerge"));
                let col = cells.len();
                let text = self.cell_text(tc);
                let cell = match v_merge.map(|v| attr(&v, "val")) {
                    Some(Some("restart")) => {
                        open.insert(col, text.clone());
                        Cell::new(text)
                    }
                    Some(_) => Cell {
                        text: open.get(&col).cloned().unwrap_or(text),
                        merge: Merge::Down,
                    },
                    None => {
                        open.remove(&col);
                        Cell::new(text)
                    }
                };
                cells.push(cell);
                for _ in 1..span {
                    cells.push(Cell {
                        text: String::new(),
                        merge: Merge::Across,
                    });
                }
            }
            rows.push(Row {
                cells,
                source_row: i + 1,
                repeated_header: flag("tblHeader"),
            });
        }
        Table {
            rows,
            name: format!("table {n}"),
        }
    }

    /// The paragraphs of a cell, nested tables' included, one a line.
    fn cell_text(&mut self, tc: Node) -> String {
        let mut lines = Vec::new();
        self.collect_paragraphs(tc, &mut lines);
        lines.retain(|l| !l.trim().is_empty());
        lines.join("\n")
    }

    fn collect_paragraphs(&mut self, node: Node, lines: &mut Vec<String>) {
        for child in unwrapped(node) {
            if is(&child, "p") {
                lines.push(self.paragraph(child));
            } else if !is(&child, "tcPr") {
                self.collect_paragraphs(child, lines);
            }
        }
    }

    fn paragraph(&mut self, p: Node) -> String {
        let mut text = String::new();
        runs_text(p, &mut text);
        let numbered = child(&p, "pPr").and_then(|pr| child(&pr, "numPr"));
        if let Some(num) = numbered {
            let id = child(&num, "numId").and_then(|n| attr(&n, "val"));
            let level = child(&num, "ilvl")
                .and_then(|n| attr(&n, "val")?.parse::<usize>().ok())
                .unwrap_or(0)
                .min(8);
            // numId 0 means "no numbering".
            if let Some(id) = id.filter(|id| *id != "0") {
                let counts = self.numbering.entry(id.to_string()).or_default();
                counts.resize(level + 1, 0);
                counts[level] += 1;
                if text.trim().is_empty() {
                    let path: Vec<String> = counts.iter().map(|c| c.max(&1).to_string()).collect();
                    text = path.join(".");
                }
            }
        }
        text
    }
}

/// The accepted text of the runs under `node`: `w:t`, tabs and breaks as spaces;
/// deleted and moved-away text, field codes and properties left out.
fn runs_text(node: Node, out: &mut String) {
    for child in node.children().filter(Node::is_element) {
        if child.tag_name().namespace() != Some(W) {
            continue;
        }
        match child.tag_name().name() {
            "t" => out.push_str(child.text().unwrap_or("")),
            "tab" | "br" | "cr" => out.push(' '),
            "noBreakHyphen" => out.push('-'),
            "del" | "moveFrom" | "delText" | "instrText" | "pPr" | "rPr" | "fldData" => {}
            // A nested table or paragraph inside a run's drawing or text box is not the
            // paragraph's text.
            "drawing" | "pict" | "object" => {}
            _ => runs_text(child, out),
        }
    }
}
