//! Terminal tables, laid out by comfy-table and fitted to the terminal.
//!
//! Columns take the width they need and the content column takes the rest and wraps. No
//! column is made narrower than its longest word, so codes, dates and header words are never
//! cut; when that is too wide, the least useful columns are left out and a line under the
//! table says which. A table ends with its row count; an empty answer is a sentence.

use std::io::{self, IsTerminal, Write};

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{
    Attribute, Cell, Color, ColumnConstraint, ContentArrangement, LineStyle, Table, Width,
};
use unicode_width::UnicodeWidthStr;

use super::Style;
use super::caption::{self, Caption};
use super::rows::{Tabular, Tone, terminal_safe};

/// How a table's columns share the terminal's width; columns are numbered as in
/// [`Tabular::headers`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fit {
    /// The column of free text that takes the width the others leave, and wraps.
    pub content: Option<usize>,
    /// Other columns of free text, each with the width it needs to read well (its cap):
    /// it grows past that only once the content column has its whole text.
    pub capped: Vec<(usize, usize)>,
    /// Columns to leave out, least useful first, while the table is too wide.
    pub drop: Vec<usize>,
}

/// The content column is not made narrower than this (or its longest line, if shorter)
/// before other columns are left out.
const CONTENT_MIN: usize = 30;

/// The content column's width beyond which the other columns first grow to their longest
/// line: it wraps comfortably there, and headers and statuses no longer need to.
const CONTENT_ROOMY: usize = 50;

/// Space a column takes beside its text: a space of padding on either side and its border.
const BESIDE: usize = 3;

/// Rows of a terminal table laid out together on one core.
const PIECE: usize = 500;

/// The width the table may take. On a terminal, the terminal's (comfy-table asks it);
/// otherwise (a pipe, a file, or a terminal that does not say) `COLUMNS` when it holds a
/// number, else 120 columns, a common terminal window, so that a table piped to a pager or
/// saved to a file reads as it would on a wide terminal.
pub fn terminal_width() -> usize {
    let asked = io::stdout()
        .is_terminal()
        .then(|| Table::new().width())
        .flatten()
        .map(usize::from);
    let columns = || {
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse().ok())
            .filter(|&c: &usize| c > 0)
    };
    asked.or_else(columns).unwrap_or(120)
}

/// Writes `rows` and `footer` rows (totals) as a table `width` columns wide at most, then
/// the row count; no rows, the caption's sentence instead.
pub fn write_table<R: Tabular>(
    rows: &[R],
    footer: &[R],
    style: Style,
    caption: Caption<'_>,
    width: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let lang = style.lang;
    if rows.is_empty() {
        return write_wrapped(&caption.empty(lang), width, out);
    }
    let headers = R::terminal_headers(rows, lang);
    let inset = R::INSET.filter(|&(column, host)| column.max(host) < headers.len());
    let all: Vec<&R> = rows.iter().chain(footer).collect();
    let texts: Vec<Vec<String>> = all
        .iter()
        .map(|row| {
            let mut cells: Vec<String> = row
                .terminal_cells(lang)
                .iter()
                .map(|cell| terminal_safe(cell).into_owned())
                .collect();
            cells.resize(headers.len(), String::new());
            if let Some((column, host)) = inset
                && !cells[column].is_empty()
            {
                cells[host] = format!("{}: {}\n{}", headers[column], cells[column], cells[host]);
            }
            cells
        })
        .collect();
    // Columns empty in every row (no support) are not shown, nor the inset column, whose
    // text went into its host's cells: neither is news the reader needs told.
    let shown: Vec<usize> = (0..headers.len())
        .filter(|&c| inset.is_none_or(|(column, _)| column != c))
        .filter(|&c| texts.iter().any(|cells| !cells[c].is_empty()))
        .collect();
    // A header may wrap between its words to leave room, but is shown whole when there is.
    let measures: Vec<Measure> = (0..headers.len())
        .map(|c| {
            let body = Measure::of(texts.iter().map(|cells| cells[c].as_str()));
            let header = Measure::of(std::iter::once(headers[c].as_str()));
            Measure {
                word: body.word.max(header.word),
                line: body.line.max(header.line),
                body_line: body.line,
            }
        })
        .collect();
    let layout = arrange(&measures, shown, &R::fit(rows, &caption), width);

    let header: Vec<String> = (layout.shown.iter())
        .map(|&c| terminal_safe(&headers[c]).into())
        .collect();
    let body: Vec<(Tone, Vec<String>)> = (all.iter().zip(texts))
        .map(|(row, mut cells)| {
            let tone = if style.color { row.tone() } else { Tone::Plain };
            let shown = layout.shown.iter().map(|&c| std::mem::take(&mut cells[c]));
            (tone, shown.collect())
        })
        .collect();
    if style.color {
        // crossterm, which paints the cells, honours NO_COLOR even then: the choice was
        // made already (`--color always` wins over NO_COLOR).
        crossterm::style::force_color_output(true);
    }
    let piece = |part: &[(Tone, Vec<String>)]| {
        let first = std::ptr::eq(part.as_ptr(), body.as_ptr());
        let last = std::ptr::eq(part.as_ptr_range().end, body.as_ptr_range().end);
        let mut table = Table::new();
        table
            .load_style(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_width(u16::try_from(width).unwrap_or(u16::MAX));
        if style.color {
            table.enforce_styling();
        }
        if first {
            table.set_header(header.clone());
        } else {
            table.style_mut().top_border = LineStyle::none();
        }
        if !last {
            table.style_mut().bottom_border = LineStyle::none();
        }
        for (tone, cells) in part {
            table.add_row(cells.iter().map(|text| painted(text, *tone)));
        }
        if let Some(widths) = &layout.widths {
            for (column, &text) in table.column_iter_mut().zip(widths) {
                let fixed = u16::try_from(text + BESIDE - 1).unwrap_or(u16::MAX);
                column.set_constraint(ColumnConstraint::Absolute(Width::Fixed(fixed)));
            }
        }
        Ok(format!("{table}\n").into_bytes())
    };
    // A long table is laid out a few hundred rows at a time on every core, each piece a
    // table of the same widths without the borders between them: as one table, the 40,000
    // rows of a national report took a second and 300 MB. Widths comfy-table chose itself
    // (a table too wide to fit) could differ from piece to piece: that table is one piece.
    let rows_per_piece = if layout.widths.is_some() {
        PIECE
    } else {
        body.len()
    };
    super::write_laid_out(&body, rows_per_piece.max(1), piece, out)?;
    writeln!(
        out,
        "{}",
        caption.count(rows.len(), R::tasks_in(rows), lang)
    )?;
    if !layout.left_out.is_empty() {
        let names = R::headers(rows, lang);
        let names: Vec<String> = layout.left_out.iter().map(|&c| names[c].clone()).collect();
        write_wrapped(&caption::left_out(&names, lang), width, out)?;
    }
    Ok(())
}

/// A cell in the colour of its row's tone.
fn painted(text: &str, tone: Tone) -> Cell {
    let cell = Cell::new(text);
    match tone {
        Tone::Plain => cell,
        Tone::Late => cell.fg(Color::Red),
        Tone::Soon => cell.fg(Color::Yellow),
        Tone::Total => cell.add_attribute(Attribute::Bold),
    }
}

/// Words wrapped at spaces to lines of `width` columns at most (a longer word has a line of
/// its own).
fn write_wrapped(text: &str, width: usize, out: &mut dyn Write) -> io::Result<()> {
    let text = terminal_safe(text);
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && line.width() + 1 + word.width() > width {
            writeln!(out, "{line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    writeln!(out, "{line}")
}

/// Display widths of a column's texts: its longest word and its longest line.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Measure {
    word: usize,
    line: usize,
    /// The longest line of the column's cells, its header left out.
    body_line: usize,
}

impl Measure {
    /// Words are what comfy-table wraps between: runs of text between spaces. A line is
    /// as wide as its words and the spaces between them, so each is measured once.
    fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Measure {
        let mut measure = Measure::default();
        for line in texts.flat_map(str::lines) {
            let (mut words, mut spaces) = (0, 0);
            for word in line.split(' ') {
                let width = word.width();
                measure.word = measure.word.max(width);
                words += width;
                spaces += 1;
            }
            measure.line = measure.line.max(words + spaces - 1);
            measure.body_line = measure.line;
        }
        measure
    }
}

/// The columns shown, the width of each one's text (none when the table cannot fit even
/// with every droppable column left out: comfy-table then squeezes it as it can), and the
/// columns left out.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Layout {
    shown: Vec<usize>,
    widths: Option<Vec<usize>>,
    left_out: Vec<usize>,
}

/// What a column is to the layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Content,
    Capped,
    /// Codes, dates, counts, statuses: short words.
    Short,
}

impl Fit {
    /// The column's role, and the width it needs to read well.
    fn role(&self, column: usize) -> (Role, usize) {
        if self.content == Some(column) {
            return (Role::Content, CONTENT_MIN);
        }
        match self.capped.iter().find(|&&(c, _)| c == column) {
            Some(&(_, cap)) => (Role::Capped, cap),
            None => (Role::Short, 0),
        }
    }
}

/// Lays out the `shown` columns in `width`. Each needs its longest word, and the content
/// column [`CONTENT_MIN`] and a capped column its cap (or its longest line, if shorter).
/// While that is too wide, `fit.drop` columns are left out. The room left goes to the
/// content column up to [`CONTENT_ROOMY`], then to the short columns up to their longest
/// line, then to the content column up to its own, and last to capped columns.
fn arrange(measures: &[Measure], mut shown: Vec<usize>, fit: &Fit, width: usize) -> Layout {
    let least = |c: usize| {
        let (_, wanted) = fit.role(c);
        measures[c].word.max(measures[c].body_line.min(wanted))
    };
    let needs = |shown: &[usize]| shown.iter().map(|&c| least(c) + BESIDE).sum::<usize>() + 1;
    let mut droppable = fit.drop.iter().copied();
    let mut left_out = Vec::new();
    while needs(&shown) > width {
        let Some(column) = droppable.next() else {
            return Layout {
                shown,
                widths: None,
                left_out,
            };
        };
        if shown.contains(&column) {
            shown.retain(|&c| c != column);
            left_out.push(column);
        }
    }
    let mut room = width - needs(&shown);
    let mut widths: Vec<usize> = shown.iter().map(|&c| least(c)).collect();
    let turns = [
        (Role::Content, CONTENT_ROOMY),
        (Role::Short, usize::MAX),
        (Role::Content, usize::MAX),
        (Role::Capped, usize::MAX),
    ];
    for (role, up_to) in turns {
        for (i, &c) in shown.iter().enumerate() {
            if fit.role(c).0 == role {
                let more = measures[c].line.min(up_to).saturating_sub(widths[i]);
                let more = more.min(room);
                widths[i] += more;
                room -= more;
            }
        }
    }
    Layout {
        shown,
        widths: Some(widths),
        left_out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn measure(word: usize, line: usize) -> Measure {
        Measure {
            word,
            line,
            body_line: line,
        }
    }

    #[test]
    fn words_and_lines_are_measured_in_display_columns() {
        let m = Measure::of(["Thời gian hoàn thành", "Quý II\n2024-03-31"].into_iter());
        assert_eq!(m, measure(10, 20));
        // Combining marks take no column: "Hoàn" written decomposed is four wide.
        assert_eq!(Measure::of(["Hoa\u{300}n"].into_iter()), measure(4, 4));
    }

    /// Plan, task, content, lead, deadline.
    fn task_like() -> (Vec<Measure>, Fit) {
        let measures = vec![
            measure(12, 12),
            measure(4, 4),
            measure(15, 200),
            measure(9, 9),
            measure(7, 30),
        ];
        let fit = Fit {
            content: Some(2),
            capped: vec![(4, 16)],
            drop: vec![4, 3],
        };
        (measures, fit)
    }

    #[test]
    fn the_content_column_takes_what_the_others_leave() {
        let (measures, fit) = task_like();
        // Needed: 12 + 4 + 30 (the content's least) + 9 + 16 (the deadline's cap) = 71, and
        // 5 × 3 + 1 beside: 87. The content column takes the 13 left.
        let layout = arrange(&measures, vec![0, 1, 2, 3, 4], &fit, 100);
        assert_eq!(layout.widths, Some(vec![12, 4, 43, 9, 16]));
        assert!(layout.left_out.is_empty());
        // Wide enough for all: the capped column grows to its longest line last.
        let wide = arrange(&measures, vec![0, 1, 2, 3, 4], &fit, 300);
        assert_eq!(wide.widths, Some(vec![12, 4, 200, 9, 30]));
    }

    #[test]
    fn short_columns_grow_once_the_content_column_is_roomy() {
        let mut measures = task_like().0;
        measures[1] = measure(4, 9);
        let fit = Fit {
            content: Some(2),
            ..Fit::default()
        };
        let columns = vec![0, 1, 2];
        // 12 + 4 + 30 + 10 beside = 56: 14 more go to the content column first.
        let narrow = arrange(&measures, columns.clone(), &fit, 70);
        assert_eq!(narrow.widths, Some(vec![12, 4, 44]));
        // Past 50 wide, the task column has its whole line before the content grows on.
        let roomy = arrange(&measures, columns, &fit, 85);
        assert_eq!(roomy.widths, Some(vec![12, 9, 54]));
    }

    #[test]
    fn columns_are_left_out_in_order_while_the_table_is_too_wide() {
        let (measures, fit) = task_like();
        let fits = arrange(&measures, vec![0, 1, 2, 3, 4], &fit, 87);
        assert_eq!(fits.widths, Some(vec![12, 4, 30, 9, 16]));
        let narrower = arrange(&measures, vec![0, 1, 2, 3, 4], &fit, 86);
        assert_eq!(narrower.shown, vec![0, 1, 2, 3]);
        assert_eq!(narrower.left_out, vec![4]);
        // 55 needed and 13 beside: 18 more for the content column.
        assert_eq!(narrower.widths, Some(vec![12, 4, 48, 9]));
        let narrowest = arrange(&measures, vec![0, 1, 2, 3, 4], &fit, 40);
        assert_eq!(narrowest.left_out, vec![4, 3]);
        assert_eq!(narrowest.widths, None);
    }

    #[test]
    fn a_column_not_shown_is_not_left_out() {
        let (measures, fit) = task_like();
        let layout = arrange(&measures, vec![0, 1, 2, 3], &fit, 60);
        assert_eq!(layout.left_out, vec![3]);
        assert_eq!(layout.widths, Some(vec![12, 4, 34]));
    }

    fn lines(text: &str, width: usize) -> Vec<String> {
        let mut out = Vec::new();
        write_wrapped(text, width, &mut out).unwrap();
        String::from_utf8(out)
            .unwrap()
            .lines()
            .map(String::from)
            .collect()
    }

    #[test]
    fn sentences_wrap_between_words() {
        assert_eq!(
            lines("Bỏ bớt cột: Phối hợp (màn hình hẹp).", 16),
            ["Bỏ bớt cột: Phối", "hợp (màn hình", "hẹp)."]
        );
        assert_eq!(lines("một", 80), ["một"]);
    }
}
