//! Terminal tables: comfy-table's layout and look, written on every core.
//!
//! A report is one table in comfy-table's `UTF8_FULL_CONDENSED` style with `Dynamic`
//! arrangement, and this module writes it byte for byte as comfy-table would (the tests
//! render the same tables with both). It exists because comfy-table builds a table whole,
//! on one core, as a string per line of every cell: a national `overdue` of 40,000 tasks
//! took three times as long to lay out as to query. Here the columns are arranged once
//! for the whole report, then pieces of rows are written on every core straight into
//! bytes. Only the features this crate uses are emulated: left alignment, padding of one,
//! space as the word delimiter, `Fit` and `AtLeast` rules, colours on whole cells.

use std::borrow::Cow;
use std::io::{self, Write};

use rayon::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// How a column may be sized. Columns without a rule share the width that is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// As wide as its longest line: codes and dates, which must not wrap.
    Fit,
    /// At least this many characters wide, padding included.
    AtLeast(u16),
}

/// How a row's cells stand out: SGR codes around every line of the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paint {
    pub start: &'static str,
    pub end: &'static str,
}

/// Red, yellow and bold as crossterm writes them for comfy-table.
pub const RED: Paint = Paint {
    start: "\x1b[38;5;9m",
    end: "\x1b[39m",
};
pub const YELLOW: Paint = Paint {
    start: "\x1b[38;5;11m",
    end: "\x1b[39m",
};
pub const BOLD: Paint = Paint {
    start: "\x1b[1m",
    end: "\x1b[0m",
};

/// A table row: its cells' text, how it stands out, and each cell measured once for layout
/// and writing: whether it is one line of characters one column wide (most are), and the
/// width of its widest line.
pub struct Row<'a> {
    cells: Vec<Cow<'a, str>>,
    paint: Option<Paint>,
    measured: Vec<(bool, usize)>,
}

impl<'a> Row<'a> {
    pub fn new(cells: Vec<Cow<'a, str>>, paint: Option<Paint>) -> Row<'a> {
        Row::cleaned(cells, paint, |text| Cow::Borrowed(text))
    }

    /// A row whose cells pass through `clean` first, all but those measured as one line of
    /// printable characters one column wide: those hold no control character, so the one
    /// pass that measures them also tells that they need no cleaning.
    pub fn cleaned(
        mut cells: Vec<Cow<'a, str>>,
        paint: Option<Paint>,
        clean: impl Fn(&str) -> Cow<'_, str>,
    ) -> Row<'a> {
        warm(&cells);
        let measured = cells
            .iter_mut()
            .map(|cell| {
                if let Some(width) = quick_width(cell) {
                    return (true, width);
                }
                if let Cow::Owned(clean) = clean(cell) {
                    *cell = Cow::Owned(clean);
                    if let Some(width) = quick_width(cell) {
                        return (true, width);
                    }
                }
                // Measured here, while its text is at hand, rather than by each pass of the
                // layout that asks.
                (false, lines_of(cell).map(width_of).max().unwrap_or(0))
            })
            .collect();
        Row {
            cells,
            paint,
            measured,
        }
    }

    /// The cell's text, and its width when measured.
    fn cell(&self, column: usize) -> (&str, Option<usize>) {
        match self.cells.get(column) {
            Some(text) => {
                let (quick, width) = self.measured[column];
                (text, quick.then_some(width))
            }
            None => ("", Some(0)),
        }
    }

    /// The widest line of the cell.
    fn widest(&self, column: usize) -> usize {
        self.measured.get(column).map_or(0, |&(_, width)| width)
    }
}

/// A laid-out table: the content width of each column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    widths: Vec<usize>,
    /// A line of blank cells, borders and newline included.
    blank: Vec<u8>,
    /// Where each column's left border starts in `blank`, and the right border.
    starts: Vec<usize>,
}

/// The outer and inner vertical borders.
const OUTER: &str = "│";
const INNER: &str = "┆";

/// Padding on either side of a cell's text.
const PADDING: usize = 1;
/// A line is finished once this little room is left on it.
const MIN_FREE: usize = 2;

impl Grid {
    /// Arranges columns for `header` and `rows` in `width` terminal columns (natural widths
    /// when the width is unknown), as comfy-table's dynamic arrangement does.
    pub fn arrange(
        header: &Row<'_>,
        rows: &[Row<'_>],
        rules: &[(usize, Rule)],
        width: Option<u16>,
    ) -> Grid {
        let count = header.cells.len();
        let rule = |column: usize| {
            rules
                .iter()
                .rev()
                .find(|(c, _)| *c == column)
                .map(|(_, r)| *r)
        };
        let longest = longest_lines(header, rows);
        let mut arrangement = Arrangement {
            widths: vec![None; count],
            remaining_width: 0,
            remaining_columns: 0,
        };
        for (column, &most) in longest.iter().enumerate() {
            match rule(column) {
                Some(Rule::Fit) => arrangement.widths[column] = Some(most.max(1)),
                Some(Rule::AtLeast(least)) if most + 2 * PADDING <= usize::from(least) => {
                    arrangement.widths[column] = Some(without_padding(least));
                }
                _ => {}
            }
        }
        let Some(width) = width else {
            let widths = (0..count)
                .map(|c| arrangement.widths[c].unwrap_or(longest[c]).max(1))
                .collect();
            return Grid::new(widths);
        };
        let borders = count + 1;
        let mut remaining = usize::from(width).saturating_sub(borders);
        for decided in &arrangement.widths {
            let taken = decided.map_or(2 * PADDING, |w| w + 2 * PADDING);
            remaining = remaining.saturating_sub(taken);
        }
        arrangement.remaining_width = remaining;
        arrangement.remaining_columns = arrangement.widths.iter().filter(|w| w.is_none()).count();

        if arrangement.remaining_columns > 0 {
            arrangement.enforce_lower_boundaries(&rule);
        }
        arrangement.fit_into_average(&longest);
        if arrangement.remaining_columns > 0 {
            arrangement.shrink_after_split(header, rows);
        }
        if arrangement.remaining_columns > 0 {
            arrangement.distribute();
        }
        Grid::new(
            arrangement
                .widths
                .into_iter()
                .map(|w| w.unwrap_or(1).max(1))
                .collect(),
        )
    }

    fn new(widths: Vec<usize>) -> Grid {
        let mut blank = Vec::new();
        let mut starts = Vec::new();
        for (column, &width) in widths.iter().enumerate() {
            starts.push(blank.len());
            let border = if column == 0 { OUTER } else { INNER };
            blank.extend_from_slice(border.as_bytes());
            spaces(width + 2 * PADDING, &mut blank);
        }
        starts.push(blank.len());
        blank.extend_from_slice(OUTER.as_bytes());
        blank.push(b'\n');
        Grid {
            widths,
            blank,
            starts,
        }
    }

    /// The top border, the header and the line under it.
    fn write_head(&self, header: &Row<'_>, out: &mut Vec<u8>) {
        self.write_rule(['┌', '─', '┬', '┐'], out);
        self.write_row(header, &mut Lines::default(), out);
        self.write_rule(['╞', '═', '╪', '╡'], out);
    }

    /// The bottom border.
    fn write_foot(&self, out: &mut Vec<u8>) {
        self.write_rule(['└', '─', '┴', '┘'], out);
    }

    fn write_rule(&self, [left, fill, junction, right]: [char; 4], out: &mut Vec<u8>) {
        let mut line = String::new();
        line.push(left);
        for (i, &width) in self.widths.iter().enumerate() {
            if i > 0 {
                line.push(junction);
            }
            line.extend(std::iter::repeat_n(fill, width + 2 * PADDING));
        }
        line.push(right);
        line.push('\n');
        out.extend_from_slice(line.as_bytes());
    }

    /// One row: every cell wrapped to its column, padded, and bordered line by line.
    fn write_row<'a>(&self, row: &'a Row<'a>, lines: &mut Lines<'a>, out: &mut Vec<u8>) {
        let paint = row.paint;
        let Lines { cells: wrapped } = lines;
        wrapped.resize_with(self.widths.len(), Vec::new);
        for (column, &width) in self.widths.iter().enumerate() {
            let cell_lines = &mut wrapped[column];
            cell_lines.clear();
            match row.cell(column) {
                (text, Some(text_width)) if text_width > width => {
                    split_line::<Counted>(text, width, cell_lines)
                }
                (text, Some(text_width)) => cell_lines.push((text, text_width)),
                (text, None) => lines_of(text).for_each(|line| wrap(line, width, cell_lines)),
            }
        }
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
        for index in 0..height {
            // The line is the blank line with texts put in: what lies between two texts
            // (padding, blank cells, borders) is copied from the blank line at once.
            let mut from = 0;
            for (column, &width) in self.widths.iter().enumerate() {
                let Some(&(text, text_width)) = wrapped[column].get(index) else {
                    continue;
                };
                let border = self.starts[column];
                let inside = border
                    + if column == 0 {
                        OUTER.len()
                    } else {
                        INNER.len()
                    };
                let after = inside + PADDING + text_width.min(width);
                let next = self.starts[column + 1];
                match paint {
                    None => {
                        out.extend_from_slice(&self.blank[from..inside + PADDING]);
                        out.extend_from_slice(text.as_bytes());
                        from = after;
                    }
                    Some(paint) => {
                        out.extend_from_slice(&self.blank[from..inside]);
                        out.extend_from_slice(paint.start.as_bytes());
                        out.extend_from_slice(&self.blank[inside..inside + PADDING]);
                        out.extend_from_slice(text.as_bytes());
                        out.extend_from_slice(&self.blank[after..next]);
                        out.extend_from_slice(paint.end.as_bytes());
                        from = next;
                    }
                }
            }
            out.extend_from_slice(&self.blank[from..]);
        }
    }
}

/// Loads a byte of every cache line of the cells' text. A long report's texts lie all
/// over memory (rows are sorted by date, their texts were made plan by plan): loads made
/// together wait for memory together rather than one after another as the text is
/// measured or written. Laying out and writing a national report took a sixth less.
fn warm(cells: &[Cow<'_, str>]) {
    let lines = |text: &Cow<'_, str>| text.as_bytes().iter().step_by(64).fold(0, |a, &b| a | b);
    std::hint::black_box(cells.iter().fold(0u8, |a, text| a | lines(text)));
}

/// Rows written ahead of the one whose text is warmed.
const WARM_AHEAD: usize = 2;

/// Room for one row's wrapped lines, reused from row to row: each cell's lines and widths.
#[derive(Default)]
struct Lines<'a> {
    cells: Vec<Vec<(&'a str, usize)>>,
}

fn spaces(count: usize, out: &mut Vec<u8>) {
    const SPACES: &[u8] = &[b' '; 64];
    let mut left = count;
    while left > 0 {
        let now = left.min(SPACES.len());
        out.extend_from_slice(&SPACES[..now]);
        left -= now;
    }
}

fn without_padding(width: u16) -> usize {
    usize::from(width).saturating_sub(2 * PADDING).max(1)
}

/// Each column's widest line (at least 1, at most `u16::MAX`), header included.
fn longest_lines(header: &Row<'_>, rows: &[Row<'_>]) -> Vec<usize> {
    let widest = |mut most: Vec<usize>, row: &Row<'_>| {
        for (column, most) in most.iter_mut().enumerate().take(row.cells.len()) {
            *most = (*most).max(row.widest(column).clamp(1, usize::from(u16::MAX)));
        }
        most
    };
    let most_of = |mut a: Vec<usize>, b: Vec<usize>| {
        a.iter_mut().zip(b).for_each(|(a, b)| *a = (*a).max(b));
        a
    };
    let count = header.cells.len();
    let rows_most = rows
        .par_iter()
        .fold(|| vec![1; count], widest)
        .reduce(|| vec![1; count], most_of);
    widest(rows_most, header)
}

/// The lines of a cell's text, as `str::split('\n')` gives them.
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let now = rest?;
        match memchr::memchr(b'\n', now.as_bytes()) {
            Some(at) => {
                rest = Some(&now[at + 1..]);
                Some(&now[..at])
            }
            None => rest.take(),
        }
    })
}

/// comfy-table's `dynamic::arrange`, for columns with padding of one and no upper bounds.
struct Arrangement {
    widths: Vec<Option<usize>>,
    remaining_width: usize,
    remaining_columns: usize,
}

impl Arrangement {
    fn average_space(&self) -> usize {
        self.remaining_width
            .checked_div(self.remaining_columns)
            .unwrap_or(0)
    }

    /// Fixes a column; false once no column is left to decide.
    fn fix(&mut self, column: usize, width: usize) -> bool {
        self.widths[column] = Some(width.max(1));
        self.remaining_width = self.remaining_width.saturating_sub(width);
        self.remaining_columns -= 1;
        self.remaining_columns > 0
    }

    fn undecided(&self) -> Vec<usize> {
        (0..self.widths.len())
            .filter(|&c| self.widths[c].is_none())
            .collect()
    }

    fn enforce_lower_boundaries(&mut self, rule: &impl Fn(usize) -> Option<Rule>) {
        let mut again = true;
        while again {
            again = false;
            for column in self.undecided() {
                let Some(Rule::AtLeast(least)) = rule(column) else {
                    continue;
                };
                if self.average_space() >= usize::from(least) {
                    continue;
                }
                if !self.fix(column, without_padding(least)) {
                    break;
                }
                again = true;
            }
        }
    }

    fn fit_into_average(&mut self, longest: &[usize]) {
        let mut again = true;
        while again {
            again = false;
            if self.remaining_columns == 0 || self.average_space() == 0 {
                break;
            }
            for column in self.undecided() {
                if longest[column] <= self.average_space() {
                    if !self.fix(column, longest[column]) {
                        break;
                    }
                    again = true;
                }
            }
        }
    }

    /// A column whose text, wrapped to the average space, leaves three or more characters
    /// unused is narrowed to its longest wrapped line.
    fn shrink_after_split(&mut self, header: &Row<'_>, rows: &[Row<'_>]) {
        let mut again = true;
        while again {
            again = false;
            for column in self.undecided() {
                let average = self.average_space();
                if let Some(longest) = narrower_after_split(header, rows, column, average) {
                    if !self.fix(column, longest) {
                        break;
                    }
                    again = true;
                }
            }
        }
    }

    /// What is left, evenly; the first columns get one more when it does not divide.
    fn distribute(&mut self) {
        let width = self.remaining_width.max(self.remaining_columns);
        let share = width / self.remaining_columns;
        let excess = width - share * self.remaining_columns;
        for (i, column) in self.undecided().into_iter().enumerate() {
            let extra = usize::from(i < excess);
            self.widths[column] = Some((share + extra).max(1));
        }
        self.remaining_columns = 0;
    }
}

/// The longest line of a column wrapped to `width`, if it leaves three or more
/// characters of `width` unused; else `None`, as soon as a line shows it, which for a
/// column of long text is its first.
fn narrower_after_split(
    header: &Row<'_>,
    rows: &[Row<'_>],
    column: usize,
    width: usize,
) -> Option<usize> {
    let most = width.checked_sub(3)?;
    let longest = |row: &Row<'_>| -> Option<usize> {
        let longest = if column >= row.cells.len() {
            0
        } else if row.widest(column) <= width {
            row.widest(column)
        } else {
            // Wrapped as comfy-table wraps it here: to at least one column.
            let mut parts = Vec::new();
            lines_of(row.cell(column).0).for_each(|line| wrap(line, width.max(1), &mut parts));
            parts.iter().map(|&(_, w)| w).max().unwrap_or(0)
        };
        (longest <= most).then_some(longest)
    };
    let in_rows = rows
        .par_iter()
        .map(longest)
        .try_reduce(|| 0, |a, b| Some(a.max(b)))?;
    Some(longest(header)?.max(in_rows))
}

/// How the words and pieces of a line are measured.
trait Measure {
    /// A piece is as wide as its words and the spaces between them.
    const ADDITIVE: bool;
    fn width(text: &str) -> usize;
}

/// Text of characters one column wide: counted.
struct Counted;

impl Measure for Counted {
    const ADDITIVE: bool = true;
    fn width(text: &str) -> usize {
        characters(text)
    }
}

/// Any other text: measured by unicode-width, piece by piece.
struct Unicode;

impl Measure for Unicode {
    const ADDITIVE: bool = false;
    fn width(text: &str) -> usize {
        width_of(text)
    }
}

/// Wraps one line to `width` as comfy-table's `split_line` does, pushing each piece and its
/// display width. Every piece is a slice of `line`: words are joined by the spaces between
/// them, and a word too long for a line is cut between graphemes.
fn split_line<'a, M: Measure>(line: &'a str, width: usize, lines: &mut Vec<(&'a str, usize)>) {
    let bytes = line.as_bytes();
    // Words between single spaces, as `str::split(' ')` gives them, as ranges of `line`
    // with their count of characters, found in one pass.
    let mut next_word = 0;
    let mut words = std::iter::from_fn(|| {
        let start = next_word;
        if start > bytes.len() {
            return None;
        }
        let mut end = start;
        let mut characters = 0;
        while let Some(&b) = bytes.get(end) {
            if b == b' ' {
                break;
            }
            characters += usize::from((b as i8) >= -0x40);
            end += 1;
        }
        next_word = end + 1;
        Some((start, end, characters))
    });
    let mut pending: Option<(usize, usize)> = None;
    // The line being filled, as a range of `line`, and its display width.
    let (mut start, mut end, mut filled) = (0, 0, 0);
    let mut finish = |start: &mut usize, end: &mut usize, filled: &mut usize| {
        let piece = &line[*start..*end];
        let piece_width = if M::ADDITIVE {
            *filled
        } else {
            M::width(piece)
        };
        lines.push((piece, piece_width));
        (*start, *end, *filled) = (0, 0, 0);
    };
    loop {
        let (word_start, word_end, word_width) = match pending.take() {
            // The rest of a word cut at the end of a line.
            Some((start, end)) => (start, end, M::width(&line[start..end])),
            None => match words.next() {
                Some((start, end, _)) if !M::ADDITIVE => (start, end, M::width(&line[start..end])),
                Some(word) => word,
                None => break,
            },
        };
        let word = &line[word_start..word_end];
        let empty = start == end;
        if empty {
            (start, end) = (word_start, word_start);
        }
        let space = usize::from(!empty);
        if word_width + filled + space <= width {
            end = word_end;
            filled += word_width + space;
            if filled > width.saturating_sub(MIN_FREE) {
                finish(&mut start, &mut end, &mut filled);
            }
            continue;
        }
        let room = width.saturating_sub(filled + space);
        if !empty && room <= MIN_FREE {
            pending = Some((word_start, word_end));
            finish(&mut start, &mut end, &mut filled);
            continue;
        }
        if word_width > width {
            let mut head = split_long_word(room, word);
            if empty && head == 0 {
                // Not even one character fits: it takes a line of its own regardless.
                head = word.chars().next().map_or(0, char::len_utf8);
            }
            end = word_start + head;
            filled += space + M::width(&word[..head]);
            pending = Some((word_start + head, word_end));
            finish(&mut start, &mut end, &mut filled);
            continue;
        }
        // The word fits a line of its own: it starts the next one.
        finish(&mut start, &mut end, &mut filled);
        (start, end, filled) = (word_start, word_end, word_width);
        if filled > width.saturating_sub(MIN_FREE) {
            finish(&mut start, &mut end, &mut filled);
        }
    }
    if start != end {
        finish(&mut start, &mut end, &mut filled);
    }
}

/// Wraps one line to `width`: the line itself when it fits, else its pieces.
fn wrap<'a>(line: &'a str, width: usize, lines: &mut Vec<(&'a str, usize)>) {
    match quick_width(line) {
        Some(line_width) if line_width > width => split_line::<Counted>(line, width, lines),
        Some(line_width) => lines.push((line, line_width)),
        None => match line.width() {
            line_width if line_width > width => split_line::<Unicode>(line, width, lines),
            line_width => lines.push((line, line_width)),
        },
    }
}

/// Display width in terminal columns, as unicode-width measures it.
fn width_of(text: &str) -> usize {
    quick_width(text).unwrap_or_else(|| text.width())
}

/// The width of text made only of characters one column wide whatever their neighbours:
/// ASCII but controls, and Latin letters with their marks precomposed (NFC), which is
/// what Vietnamese is written in. Its width is its count of characters, found in passes
/// over the bytes that the compiler turns into vector code; `None` for other text.
fn quick_width(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // ASCII but controls; a continuation byte; the lead byte of U+00C0..U+02FF (Latin-1
    // letters, Latin Extended-A and -B, IPA, modifiers) or of U+1E00..U+1EFF below.
    let counted = |b: u8| {
        (b.wrapping_sub(0x20) < 0x5F)
            | (b.wrapping_sub(0x80) < 0x40)
            | (b.wrapping_sub(0xC3) < 9)
            | (b == 0xE1)
    };
    // Chunks of 32 bytes, each with counters a byte wide, are what vectorises.
    let (mut all_counted, mut continuations) = (true, 0);
    let mut chunks = bytes.chunks_exact(32);
    for chunk in &mut chunks {
        let (ok, count) = chunk.iter().fold((true, 0u8), |(ok, count), &b| {
            (ok & counted(b), count + u8::from((b as i8) < -0x40))
        });
        all_counted &= ok;
        continuations += usize::from(count);
    }
    for &b in chunks.remainder() {
        all_counted &= counted(b);
        continuations += usize::from((b as i8) < -0x40);
    }
    // U+1E00..U+1EFF, Latin Extended Additional, is E1 B8..BB; other E1 letters are not.
    let (first, next) = (bytes, bytes.get(1..).unwrap_or_default());
    let latin_after_e1 = first.iter().zip(next).fold(true, |ok, (&a, &b)| {
        ok & ((a != 0xE1) | (b.wrapping_sub(0xB8) < 4))
    });
    (all_counted && latin_after_e1).then(|| bytes.len() - continuations)
}

/// Characters in `text`: its bytes less the continuation bytes.
fn characters(text: &str) -> usize {
    text.len() - text.bytes().filter(|&b| (b as i8) < -0x40).count()
}

/// How many bytes of `word` fit in `width` columns, cut between graphemes.
fn split_long_word(width: usize, word: &str) -> usize {
    if word.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return word.len().min(width);
    }
    let mut used = 0;
    for (index, grapheme) in word.grapheme_indices(true) {
        used += width_of(grapheme);
        if used > width {
            return index;
        }
    }
    word.len()
}

/// Writes `rows` as one table below `header`, pieces of rows laid out on every core.
pub fn write_table(
    grid: &Grid,
    header: &Row<'_>,
    rows: &[Row<'_>],
    chunk: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut head = Vec::new();
    grid.write_head(header, &mut head);
    out.write_all(&head)?;
    let piece = |rows: &[Row<'_>]| -> io::Result<Vec<u8>> {
        // Room for as many lines a row as a national report has; a piece that needs more
        // grows as usual.
        let mut text = Vec::with_capacity(rows.len() * 16 * grid.blank.len());
        let mut lines = Lines::default();
        for (at, row) in rows.iter().enumerate() {
            if let Some(ahead) = rows.get(at + WARM_AHEAD) {
                warm(&ahead.cells);
            }
            grid.write_row(row, &mut lines, &mut text);
        }
        Ok(text)
    };
    super::write_laid_out(rows, chunk, piece, out)?;
    let mut foot = Vec::new();
    grid.write_foot(&mut foot);
    out.write_all(&foot)
}

#[cfg(test)]
mod tests {
    use super::*;
    use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, presets};

    /// What comfy-table prints for the same table.
    fn comfy(
        header: &Row<'_>,
        rows: &[Row<'_>],
        rules: &[(usize, Rule)],
        width: Option<u16>,
    ) -> String {
        let mut table = Table::new();
        table
            .load_style(presets::UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .force_no_tty()
            .enforce_styling()
            .set_header(header.cells.iter().map(|h| h.as_ref()));
        if let Some(width) = width {
            table.set_width(width);
        }
        for &(column, rule) in rules {
            let constraint = match rule {
                Rule::Fit => ColumnConstraint::ContentWidth,
                Rule::AtLeast(least) => {
                    ColumnConstraint::LowerBoundary(comfy_table::Width::Fixed(least))
                }
            };
            table.column_mut(column).unwrap().set_constraint(constraint);
        }
        for row in rows {
            table.add_row(row.cells.iter().map(|text| {
                let cell = Cell::new(text.as_ref());
                match row.paint {
                    Some(RED) => cell.fg(Color::Red),
                    Some(YELLOW) => cell.fg(Color::Yellow),
                    Some(BOLD) => cell.add_attribute(comfy_table::Attribute::Bold),
                    _ => cell,
                }
            }));
        }
        table.lines().map(|line| line + "\n").collect()
    }

    fn ours(
        header: &Row<'_>,
        rows: &[Row<'_>],
        rules: &[(usize, Rule)],
        width: Option<u16>,
    ) -> String {
        let grid = Grid::arrange(header, rows, rules, width);
        let mut out = Vec::new();
        write_table(&grid, header, rows, 3, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A small deterministic generator (xorshift), so that a failure can be replayed.
    struct Dice(u64);

    impl Dice {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn text(&mut self) -> String {
            const WORDS: &[&str] = &[
                "Nhiệm",
                "vụ",
                "BHXH",
                "Quý I/2024",
                "",
                "",
                "a",
                "ổn",
                "định",
                "https://baohiemxahoi.gov.vn/van-ban/ke-hoach-so-1608",
                "chuyểnđổisốtoàndiệnngànhbảohiểmxãhội",
                "CNTT,",
                "日本語の文書",
                "e\u{301}",
                "👩‍👩‍👧",
                "x\ny",
                "\n",
                "Thường xuyên",
                "—",
                "1234567890123456789012345",
            ];
            let words = self.below(12);
            (0..words)
                .map(|_| WORDS[self.below(WORDS.len())])
                .collect::<Vec<_>>()
                .join(" ")
        }
    }

    #[test]
    fn tables_are_what_comfy_table_prints() {
        let mut dice = Dice(0x9E37_79B9_7F4A_7C15);
        for case in 0..2000 {
            let columns = 1 + dice.below(8);
            let header = Row::new((0..columns).map(|_| dice.text().into()).collect(), None);
            let rows: Vec<Row> = (0..dice.below(7))
                .map(|_| {
                    let cells = (0..columns).map(|_| dice.text().into()).collect();
                    let paint = [None, None, Some(RED), Some(YELLOW), Some(BOLD)][dice.below(5)];
                    Row::new(cells, paint)
                })
                .collect();
            let rules: Vec<(usize, Rule)> = (0..columns)
                .filter_map(|c| match dice.below(4) {
                    0 => Some((c, Rule::Fit)),
                    1 => Some((c, Rule::AtLeast(dice.below(30) as u16))),
                    _ => None,
                })
                .collect();
            let width = [
                None,
                Some(20 + dice.below(140) as u16),
                Some(dice.below(12) as u16),
            ][dice.below(3)];
            assert_eq!(
                ours(&header, &rows, &rules, width),
                comfy(&header, &rows, &rules, width),
                "case {case}: {columns} columns, width {width:?}, rules {rules:?}\n{:?}\n{:?}",
                header.cells,
                rows.iter().map(|r| &r.cells).collect::<Vec<_>>()
            );
        }
    }

    /// The quick count agrees with unicode-width for every character it counts, alone and
    /// next to any other of them or to a combining mark.
    #[test]
    fn quick_widths_are_unicode_widths() {
        let counted: Vec<char> = (0x20..=0x7E)
            .chain(0xC0..=0x2FF)
            .chain(0x1E00..=0x1EFF)
            .filter_map(char::from_u32)
            .collect();
        let neighbours: Vec<char> = counted
            .iter()
            .copied()
            .chain(['\u{301}', '\u{FE0F}', '\u{200D}', '日', '\u{AD}', '\u{85}'])
            .collect();
        for &a in &counted {
            for &b in &neighbours {
                let pair: String = [a, b].into_iter().collect();
                assert_eq!(width_of(&pair), pair.width(), "{pair:?}");
            }
        }
        assert_eq!(width_of("Quý I/2024 chuyển đổi số"), 24);
    }

    #[test]
    fn a_word_too_long_is_cut_between_graphemes() {
        let mut lines = Vec::new();
        split_line::<Unicode>("ab chuyểnđổisố", 6, &mut lines);
        let pieces: Vec<&str> = lines.iter().map(|&(piece, _)| piece).collect();
        assert_eq!(pieces, ["ab chu", "yểnđổi", "số"]);
    }
}
