//! The one table → plan conversion every reader shares: sections, sub-sections, tasks
//! and their stages, ids, ditto marks, units and deadlines, with a problem for each cell a
//! person must look at.

use super::draft::{Draft, DraftSection, DraftTask, Problem, Stage};
use super::header::Column;
use super::rows::{Line, letter_item, starts_item};
use super::unit_cells;
use crate::deadline::{self, Context};
use crate::units::{Registry, unaccented};

/// How a heading nests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    /// "I", "II", "A": holds everything until the next such heading.
    Top,
    /// "2", "2.2": holds the rows numbered under it.
    Numbered,
    /// "a)", "II.a": holds the rows until the next heading.
    Lettered,
}

/// The conversion of one table.
pub struct Converter<'a> {
    pub registry: &'a Registry,
    /// The year a deadline without one refers to.
    pub year: i32,
    pub draft: Draft,
    pub problems: Vec<Problem>,
    stack: Vec<(String, Level)>,
    /// The STT of each task as written, before ids are made unique: (task, raw).
    raw: Vec<(usize, String)>,
    /// The last task's cells as written, for ditto marks.
    above: Option<Line>,
    /// The last numbered task's id, for unnumbered rows under it.
    last_numbered: Option<String>,
    /// The last numbered task or heading, for lettered items under it ("2.2" → "2.2.a").
    anchor: Option<String>,
    /// The first number of the last numbered task ("5" of "5.2"), and whether a heading
    /// came since: numbering that goes back with no heading starts a group.
    last_first: Option<u64>,
    heading_since: bool,
}

/// Whether a cell is only a ditto mark: "nt", "n.t", "như trên".
fn is_ditto(text: &str) -> bool {
    let folded: String = unaccented(text).filter(|c| c.is_alphanumeric()).collect();
    folded == "nt" || folded == "nhutren"
}

/// A Roman numeral I … XXXIX.
fn is_roman(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 7
        && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
        && !text.contains("IIII")
        && !text.contains("VV")
}

/// `n` in Roman numerals, 1 to 39.
fn roman(n: usize) -> String {
    let tens = ["", "X", "XX", "XXX"];
    let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
    format!("{}{}", tens[(n / 10).min(3)], units[n % 10])
}

/// A path of numbers: "2", "2.2", "1.3".
fn is_number_path(text: &str) -> bool {
    !text.is_empty()
        && text
            .split('.')
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

/// The STT as an id: "1.3." → "1.3", "a)" → "a".
fn clean_stt(stt: &str) -> String {
    let stt = stt.trim().trim_end_matches(['.', ')', ':']).trim();
    stt.chars().filter(|c| !c.is_whitespace()).collect()
}

/// "I. Title" or "1. Title" in the STT cell of a heading that spans the table.
fn split_heading(stt: &str) -> Option<(String, String)> {
    let (head, rest) = stt.split_once([' ', '\t'])?;
    let id = clean_stt(head);
    (is_roman(&id) || is_number_path(&id) || id.chars().all(|c| c.is_ascii_uppercase()))
        .then(|| (id, rest.trim().to_string()))
}

impl<'a> Converter<'a> {
    pub fn new(registry: &'a Registry, year: i32) -> Self {
        Converter {
            registry,
            year,
            draft: Draft::default(),
            problems: Vec::new(),
            stack: Vec::new(),
            raw: Vec::new(),
            above: None,
            last_numbered: None,
            anchor: None,
            last_first: None,
            heading_since: false,
        }
    }

    /// Converts the lines of the task table.
    pub fn run(&mut self, lines: Vec<Line>) {
        for line in lines {
            self.line(line);
        }
        self.unique_ids();
        // Known only now: whether the stages under a task have deadlines of their own.
        for task in &self.draft.tasks {
            let staged = task.stages.iter().any(|s| s.deadline.is_some());
            if task.deadline.is_none() && !staged {
                self.problems.push(Problem::new(
                    task.source_row,
                    Some(Column::Deadline),
                    format!("task `{}` has no deadline", task.id),
                ));
            }
        }
    }

    fn line(&mut self, mut line: Line) {
        let stt = clean_stt(&line.stt);
        // A list mark before a deadline of one item ("- Năm 2017") is the cell's layout,
        // not its time; a cell that lists several keeps its marks, as it was written.
        if let Some(time) = ["- ", "+ ", "– "]
            .iter()
            .find_map(|mark| line.deadline.strip_prefix(mark))
            .filter(|time| !["- ", "+ ", "– "].iter().any(|mark| time.contains(mark)))
        {
            line.deadline = time.trim().to_string();
        }
        // A heading written in the STT cell and spread over the row: "I. TITLE".
        if line.content.is_empty()
            && line.has_only_text()
            && let Some((id, title)) = split_heading(&line.stt)
        {
            line.content = title;
            return self.heading(id, &line);
        }
        // A heading with no number, its title in the first column: "Rà soát, … | | | |".
        if line.content.is_empty() && line.has_only_text() && line.stt.contains(' ') {
            line.content = std::mem::take(&mut line.stt);
            return self.heading(String::new(), &line);
        }
        if line.has_only_text() {
            if !stt.is_empty() {
                return self.heading(stt, &line);
            }
            if let Some(letter) = letter_item(&line.content) {
                return self.heading(letter.to_string(), &line);
            }
            if starts_item(&line.content) && !self.draft.tasks.is_empty() {
                return self.stage(&line);
            }
            // Neither numbered nor an item: the rest of the row above, split by hand.
            if let Some(task) = self.draft.tasks.last_mut() {
                task.content.push(' ');
                task.content.push_str(&line.content);
                return;
            }
            return self.heading(String::new(), &line);
        }
        if stt.is_empty()
            && line.lead.is_empty()
            && line.support.is_empty()
            && starts_item(&line.content)
            && letter_item(&line.content).is_none()
            && !self.draft.tasks.is_empty()
        {
            return self.stage(&line);
        }
        self.task(stt, line);
    }

    fn heading(&mut self, stt: String, line: &Line) {
        self.heading_since = true;
        let mut title = line.content.clone();
        let (id, level) =
            if is_roman(&stt) || (!stt.is_empty() && stt.chars().all(|c| c.is_ascii_uppercase())) {
                (stt.clone(), Level::Top)
            } else if is_number_path(&stt) {
                (stt.clone(), Level::Numbered)
            } else if stt.chars().count() == 1 {
                // "a)" in the STT cell or at the start of the content: a sub-section.
                if let Some(rest) = title.strip_prefix(&format!("{stt})")) {
                    title = rest.trim().to_string();
                }
                let parent = self.stack.iter().rev().find(|(_, l)| *l != Level::Lettered);
                let id = match parent {
                    Some((p, _)) => format!("{p}.{stt}"),
                    None => stt.clone(),
                };
                (id, Level::Lettered)
            } else if stt.is_empty() {
                // Groups without numbers are numbered I, II, … in order, as transcribers do.
                let n = 1 + self
                    .draft
                    .sections
                    .iter()
                    .filter(|s| is_roman(&s.id))
                    .count();
                let id = roman(n);
                self.problems.push(Problem::new(
                    line.source_row,
                    Some(Column::Stt),
                    format!("a heading without a number: numbered `{id}`"),
                ));
                (id, Level::Top)
            } else {
                (stt.clone(), Level::Lettered)
            };
        match level {
            Level::Top => self.stack.clear(),
            Level::Numbered => {
                self.pop_to(&id, false);
                self.anchor = Some(id.clone());
            }
            Level::Lettered => {
                if self
                    .stack
                    .last()
                    .is_some_and(|(_, l)| *l == Level::Lettered)
                {
                    self.stack.pop();
                }
            }
        }
        self.stack.push((id.clone(), level));
        if title.is_empty() {
            self.problems.push(Problem::new(
                line.source_row,
                Some(Column::Content),
                format!("section `{id}` has no title"),
            ));
        }
        self.draft.sections.push(DraftSection { id, title });
    }

    /// Leaves the numbered headings `stt` is not numbered under; a task numbered as its
    /// heading ("9" under heading "9") stays in it, a heading replaces it.
    fn pop_to(&mut self, stt: &str, keep_equal: bool) {
        while let Some((id, Level::Numbered)) = self.stack.last() {
            let under = (keep_equal && stt == id)
                || stt.starts_with(&format!("{id}."))
                || stt.starts_with(&format!("{id}-"));
            if under {
                break;
            }
            self.stack.pop();
        }
    }

    fn stage(&mut self, line: &Line) {
        let what = line
            .content
            .trim_start_matches(['-', '+', '–'])
            .trim()
            .to_string();
        // A time on a row of its own under a stage that has none ("- 2017-2018" under "-
        // Hoàn thiện dữ liệu"): a copy that lost the table's columns put the stage's
        // deadline cell on the next line. It is that stage's deadline, not a stage.
        if line.deadline.is_empty() && self.is_time_alone(&what) {
            let undated = (self.draft.tasks.last_mut())
                .and_then(|task| task.stages.last_mut())
                .filter(|stage| stage.deadline.is_none());
            if let Some(stage) = undated {
                stage.deadline = Some(what);
                return;
            }
        }
        let deadline = (!line.deadline.is_empty()).then(|| line.deadline.clone());
        if let Some(text) = &deadline {
            self.check_deadline(text, line.source_row);
        }
        if let Some(task) = self.draft.tasks.last_mut() {
            task.stages.push(Stage { what, deadline });
        }
    }

    fn task(&mut self, stt: String, mut line: Line) {
        self.resolve_dittos(&mut line);
        let (base, numbered) = if !stt.is_empty() {
            (stt.clone(), true)
        } else if let Some(letter) = letter_item(&line.content) {
            let under = self.anchor.clone();
            (
                under.map_or(letter.to_string(), |p| format!("{p}.{letter}")),
                true,
            )
        } else {
            // Under the last numbered row: a task ("1.1" → "1.1-2"), or a heading whose
            // first task has no number of its own ("9" → "9", then "9-2").
            match self.anchor.clone().or_else(|| self.last_numbered.clone()) {
                Some(id) if !self.draft.tasks.iter().any(|t| t.id == id) => (id, true),
                Some(id) => (id, false),
                None => {
                    self.problems.push(Problem::new(
                        line.source_row,
                        Some(Column::Stt),
                        "a task without STT and no numbered task above it: give it an id".into(),
                    ));
                    (format!("{}", self.draft.tasks.len() + 1), true)
                }
            }
        };
        if numbered && is_number_path(&base) {
            self.restart_group(&base, line.source_row);
            self.pop_to(&base, true);
        }
        let mut notes = Vec::new();
        if line.content.is_empty() {
            if let Some(above) = &self.above {
                line.content = above.content.clone();
                notes.push("Its content cell is empty (merged with the row above); content taken from the row above.".to_string());
            } else {
                self.problems.push(Problem::new(
                    line.source_row,
                    Some(Column::Content),
                    "the task has no content".into(),
                ));
            }
        }
        let id = if numbered {
            self.last_numbered = Some(base.clone());
            // Lettered items stay under the number they follow: "2.2.a", "2.2.b".
            if is_number_path(&base) {
                self.anchor = Some(base.clone());
            }
            base.clone()
        } else {
            // Counted from the last task numbered `base`: numbering may have restarted.
            let tasks = &self.draft.tasks;
            let from = tasks.iter().rposition(|t| t.id == base).unwrap_or(0);
            let under = tasks[from..]
                .iter()
                .filter(|t| t.id.starts_with(&format!("{base}-")))
                .count();
            format!("{base}-{}", under + 2)
        };
        let lead = self.units(&line.lead, line.source_row, Column::Lead);
        let support = self.units(&line.support, line.source_row, Column::Support);
        if lead.is_empty() {
            self.problems.push(Problem::new(
                line.source_row,
                Some(Column::Lead),
                format!("task `{id}` has no lead unit"),
            ));
        }
        let deadline = (!line.deadline.is_empty()).then(|| line.deadline.clone());
        if let Some(text) = &deadline {
            self.check_deadline(text, line.source_row);
        }
        if !line.note.is_empty() {
            notes.insert(0, line.note.clone());
        }
        for (header, text) in &line.others {
            notes.push(format!("{header}: \"{text}\""));
        }
        let section = self.stack.last().map(|(id, _)| id.clone());
        self.raw.push((self.draft.tasks.len(), stt));
        self.draft.tasks.push(DraftTask {
            id,
            section,
            content: line.content.clone(),
            lead,
            support,
            deadline,
            product: (!line.product.is_empty()).then(|| line.product.clone()),
            note: (!notes.is_empty()).then(|| notes.join(" ")),
            stages: Vec::new(),
            source_row: line.source_row,
        });
        self.above = Some(line);
    }

    /// Numbering that goes back ("1" after "5") with no heading row between starts a
    /// group of its own, numbered I, II, … as transcribers number lost headings.
    fn restart_group(&mut self, stt: &str, row: usize) {
        let first = stt.split('.').next().and_then(|n| n.parse::<u64>().ok());
        let restarts = matches!((self.last_first, first), (Some(last), Some(now)) if now < last);
        if restarts && !self.heading_since {
            let empty = Line {
                source_row: row,
                ..Line::default()
            };
            self.heading(String::new(), &empty);
            self.problems.pop();
            let id = self
                .draft
                .sections
                .last()
                .map(|s| s.id.clone())
                .unwrap_or_default();
            self.problems.pop();
            self.problems.push(Problem::new(
                row,
                Some(Column::Stt),
                format!("numbering restarts at `{stt}` with no heading row: a group `{id}` begins here; give it its title"),
            ));
        }
        self.last_first = first;
        self.heading_since = false;
    }

    /// Ditto marks take the cell of the row above; the note says so.
    fn resolve_dittos(&mut self, line: &mut Line) {
        let mut copied = Vec::new();
        let above = self.above.clone().unwrap_or_default();
        for (column, mine, theirs) in [
            (Column::Lead, &mut line.lead, &above.lead),
            (Column::Support, &mut line.support, &above.support),
            (Column::Deadline, &mut line.deadline, &above.deadline),
            (Column::Product, &mut line.product, &above.product),
        ] {
            if is_ditto(mine) {
                if self.above.is_none() || theirs.is_empty() {
                    self.problems.push(Problem::new(
                        line.source_row,
                        Some(column),
                        "the cell reads \"nt\" (như trên) but the row above has no value to copy"
                            .into(),
                    ));
                    mine.clear();
                } else {
                    *mine = theirs.clone();
                    copied.push(column.name());
                }
            }
        }
        for (header, text) in &mut line.others {
            if is_ditto(text)
                && let Some((_, theirs)) = above.others.iter().find(|(h, _)| h == header)
            {
                *text = theirs.clone();
                copied.push("other");
            }
        }
        let named: Vec<&str> = copied.into_iter().filter(|c| *c != "other").collect();
        if !named.is_empty() {
            let verb = if named.len() == 1 {
                "cell reads"
            } else {
                "cells read"
            };
            let space = if line.note.is_empty() { "" } else { " " };
            line.note.push_str(&format!(
                "{space}{} {verb} \"nt\" (như trên); copied from the row above.",
                named.join(", ")
            ));
        }
    }

    fn units(&mut self, cell: &str, row: usize, column: Column) -> Vec<String> {
        let units = unit_cells::split(cell, self.registry);
        for piece in &units.unknown {
            let nearest: Vec<String> = self
                .registry
                .nearest(piece, 3)
                .iter()
                .map(|u| format!("`{}` ({})", u.code, u.name))
                .collect();
            let hint = match nearest.is_empty() {
                true => String::new(),
                false => format!("; nearest: {}", nearest.join(", ")),
            };
            self.problems.push(Problem::new(
                row,
                Some(column),
                format!("`{piece}` is not a unit of the registry{hint}"),
            ));
        }
        units.codes
    }

    /// Text that is a time and nothing else: it starts with a number or a word that starts
    /// a time ("Năm", "Quý", "Giai đoạn", "Trước", …), and it reads as a dated deadline.
    fn is_time_alone(&self, text: &str) -> bool {
        const STARTS: &[&str] = &[
            "nam", "quy", "thang", "giai", "tu", "truoc", "den", "ngay", "cham", "dau", "giua",
            "cuoi", "hang", "dinh",
        ];
        let first: String = unaccented(text)
            .take_while(|c| c.is_alphanumeric())
            .collect();
        let starts_a_time =
            first.starts_with(|c: char| c.is_ascii_digit()) || STARTS.contains(&first.as_str());
        starts_a_time
            && deadline::resolve(text, Context { year: self.year })
                .is_ok_and(|resolution| resolution.due.is_some())
    }

    fn check_deadline(&mut self, text: &str, row: usize) {
        if let Err(error) = deadline::resolve(text, Context { year: self.year }) {
            self.problems.push(Problem::new(
                row,
                Some(Column::Deadline),
                format!("the deadline `{text}` does not read: {}", error.message),
            ));
        }
    }

    /// Where numbering restarts in another section, the ids take the section's as a
    /// prefix; what is still not unique gets a suffix and a problem.
    fn unique_ids(&mut self) {
        let mut seen: rustc_hash::FxHashMap<String, Option<String>> = Default::default();
        let mut restarts = false;
        for (i, raw) in self.raw.iter().filter(|(_, raw)| !raw.is_empty()) {
            let task = &self.draft.tasks[*i];
            let top = self.top_of(task.section.as_deref());
            if let Some(previous) = seen.insert(raw.clone(), top.clone()) {
                restarts |= previous != top;
            }
        }
        if restarts {
            for task in &mut self.draft.tasks {
                let top = top_section(&self.draft.sections, task.section.as_deref());
                if let Some(top) = top
                    && task.id != top
                    && !task.id.starts_with(&format!("{top}."))
                {
                    task.id = format!("{top}.{}", task.id);
                }
            }
        }
        let mut used = rustc_hash::FxHashSet::default();
        for task in &mut self.draft.tasks {
            if used.insert(task.id.clone()) {
                continue;
            }
            let mut n = 2;
            while used.contains(&format!("{}-{n}", task.id)) {
                n += 1;
            }
            let id = format!("{}-{n}", task.id);
            self.problems.push(Problem::new(
                task.source_row,
                Some(Column::Stt),
                format!("`{}` is the id of an earlier task and numbering restarts with no heading row: this one is `{id}`", task.id),
            ));
            used.insert(id.clone());
            task.id = id;
        }
    }

    fn top_of(&self, section: Option<&str>) -> Option<String> {
        top_section(&self.draft.sections, section)
    }
}

/// The first part of a section id: "II" of "II.a".
fn top_section(sections: &[DraftSection], section: Option<&str>) -> Option<String> {
    let section = section?;
    let first = section.split('.').next().unwrap_or(section);
    sections
        .iter()
        .any(|s| s.id == first)
        .then(|| first.to_string())
        .or_else(|| Some(section.to_string()))
}
