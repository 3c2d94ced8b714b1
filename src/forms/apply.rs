//! The checks of a filled-in form, row by row, and the edits it makes, prepared in memory:
//! nothing is written unless every row is good (the app writes the files after).
//!
//! What a row may be, decided where the issue is silent:
//! - Trạng thái empty: nothing to record, the row is skipped (a note is given when the
//!   unit wrote something else on it, which would otherwise be lost without a word);
//! - no key (a row added by hand) with anything written on it: an error, since there is no
//!   task to record it on; a row with nothing on it is a blank line;
//! - a key that is not one `form` wrote (edited by hand), or one naming another item
//!   than the one whose hash it carries: an error;
//! - two rows with the key of one item: an error on the second, which would record the
//!   item twice;
//! - rows deleted (skipped) or in another order: fine, each row carries its key;
//! - a key of a plan, task, milestone that no longer exists, or whose hash differs (the
//!   item changed since the form was made: a new progress entry, status, deadline…): an
//!   error suggesting a new form, so that the unit's answer never overwrites a change it
//!   did not see. A form of another unit is fine as long as its keys match;
//! - a row whose entry the item already has (the form applied a second time): skipped
//!   with a note, not an error.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::NaiveDate;

use super::read::{DateCell, Filled, FilledRow};
use super::workbook::dmy;
use super::{
    DIFFICULTIES, DONE, HEADERS, KEY, Key, PROPOSAL, RESULT, STATUS, STATUS_CHOICES, hash,
};
use crate::edit::{self, Change, EditError, Edited, Request};
use crate::model::{Plan, Progress, Status};
use crate::units::{self, Registry};

/// A problem of a cell: "H12", and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub cell: String,
    pub message: String,
}

/// The edits of one plan file, made in memory.
#[derive(Debug, Clone)]
pub struct FileChange {
    /// The plan's file, as shown to users (a path that opens it).
    pub path: PathBuf,
    /// Its bytes as read: it is replaced only if it still has them.
    pub before: Vec<u8>,
    pub after: Vec<u8>,
    /// What each row changed, in the order recorded.
    pub edits: Vec<Edited>,
}

/// What a form would do.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub files: Vec<FileChange>,
    /// Errors: when any, nothing may be written.
    pub problems: Vec<Problem>,
    /// Rows skipped with something written on them.
    pub notices: Vec<Problem>,
    /// Rows with a status, recorded.
    pub recorded: usize,
    /// Rows left without a status.
    pub skipped: usize,
    /// Rows whose entry is already recorded (the form applied before), skipped.
    pub already: usize,
}

/// The day things happen on: the real date, and the day recorded when a row gives none.
#[derive(Debug, Clone, Copy)]
pub struct Days {
    pub clock: NaiveDate,
    pub on: NaiveDate,
}

/// One row that passed its checks: where it goes and what it records.
struct Good<'p> {
    plan: &'p Plan,
    row: usize,
    request: Request,
}

/// Checks every row of `filled` against `plans` (the plans of files without errors;
/// `with_errors` names those of the other files) and prepares every edit.
pub fn prepare(
    filled: &Filled,
    plans: &[Plan],
    with_errors: &[(String, String)],
    registry: &Registry,
    days: Days,
) -> Outcome {
    let mut outcome = Outcome::default();
    let mut seen: HashMap<Key, usize> = HashMap::new();
    let mut good = Vec::new();
    for row in &filled.rows {
        if row.is_blank() {
            continue;
        }
        let cell = |column| filled.cell(column, row.row);
        if row.status.is_empty() && !row.key.is_empty() {
            outcome.skipped += 1;
            if !row.is_unfilled() {
                outcome.notices.push(Problem {
                    cell: cell(STATUS),
                    message: "no status, so what the row says is not recorded; choose a status to record it".into(),
                });
            }
            continue;
        }
        let key = match row_key(row, &cell) {
            Ok(key) => key,
            Err(problem) => {
                outcome.problems.push(problem);
                continue;
            }
        };
        let item = key.item();
        if let Some(first) = seen.get(&item) {
            outcome.problems.push(Problem {
                cell: cell(KEY),
                message: format!(
                    "this row reports the same item as row {first} (a row copied by hand?): keep one of them"
                ),
            });
            continue;
        }
        seen.insert(item, row.row);
        let plan = match find(&key, plans, with_errors) {
            Ok(plan) => plan,
            Err(NotFound::Gone(message)) => {
                outcome.problems.push(Problem {
                    cell: cell(KEY),
                    message,
                });
                continue;
            }
            Err(NotFound::Changed(plan, message)) => {
                // The form applied a second time: its answer is what changed the item.
                if let Ok(request) = request(row, &key, plan, days, &cell)
                    && let Some(on) =
                        already_recorded(plan, &key, &request, row.done == DateCell::Empty)
                {
                    outcome.already += 1;
                    outcome.notices.push(Problem {
                        cell: cell(STATUS),
                        message: format!(
                            "{} of plan `{}` already has this row's entry, dated {on} (the form was applied before?): skipped",
                            key.target_named(),
                            key.plan
                        ),
                    });
                } else {
                    outcome.problems.push(Problem {
                        cell: cell(KEY),
                        message,
                    });
                }
                continue;
            }
        };
        match request(row, &key, plan, days, &cell) {
            Ok(request) => good.push(Good {
                plan,
                row: row.row,
                request,
            }),
            Err(mut problems) => outcome.problems.append(&mut problems),
        }
    }
    outcome.recorded = good.len();
    edit_files(filled, good, registry, days.clock, &mut outcome);
    let order = |p: &Problem| (row_number(&p.cell), p.cell.len(), p.cell.clone());
    outcome.problems.sort_by_key(order);
    outcome
}

fn row_number(cell: &str) -> usize {
    cell.trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .unwrap_or(0)
}

/// The row's key, or why it has none that `form` wrote.
fn row_key(row: &FilledRow, cell: &dyn Fn(usize) -> String) -> Result<Key, Problem> {
    if row.key.is_empty() {
        return Err(Problem {
            cell: cell(KEY),
            message: format!(
                "this row has no key in column \"{}\": it was added by hand, and there is no task to record it on; report on the rows of the form, or ask for a new form",
                HEADERS[KEY]
            ),
        });
    }
    Key::from_cell(&row.key).ok_or_else(|| Problem {
        cell: cell(KEY),
        message: format!(
            "the key in column \"{}\" is not one `bhxh-plan form` wrote (it was edited?): copy the row from the form as sent, or make a new form",
            HEADERS[KEY]
        ),
    })
}

/// Why a key names no item as the files have it now.
enum NotFound<'p> {
    /// The plan, task or milestone is not there (or cannot be read), or the key was edited.
    Gone(String),
    /// The item changed since the form was made: its plan, and the message.
    Changed(&'p Plan, String),
}

/// The plan, task and item a key names as the file has them now, or why not.
fn find<'p>(
    key: &Key,
    plans: &'p [Plan],
    with_errors: &[(String, String)],
) -> Result<&'p Plan, NotFound<'p>> {
    let new_form = "make a new form (`bhxh-plan form`) and fill it in again";
    let gone = |message| Err(NotFound::Gone(message));
    let same = |issuer: &str, number: &str| issuer == key.issuer && number == key.plan;
    let Some(plan) = plans.iter().find(|p| same(&p.issuer, &p.number)) else {
        if with_errors.iter().any(|(i, n)| same(i, n)) {
            return gone(format!(
                "plan `{}` has errors in its file now, so nothing can be recorded on it: fix them first (`bhxh-plan check`)",
                key.plan
            ));
        }
        return gone(format!(
            "plan `{}` of {} is no longer in the plans tree; {new_form}",
            key.plan, key.issuer
        ));
    };
    let Some(task) = plan.tasks.iter().find(|t| t.id == key.task) else {
        return gone(format!(
            "plan `{}` no longer has a task `{}`; {new_form}",
            key.plan, key.task
        ));
    };
    let milestone = match key.milestone {
        Some(n) => match n.checked_sub(1).and_then(|i| task.milestones.get(i)) {
            Some(m) => Some(m),
            None => {
                return gone(format!(
                    "task `{}` of plan `{}` no longer has a milestone {n}; {new_form}",
                    key.task, key.plan
                ));
            }
        },
        None => None,
    };
    if hash(plan, task, milestone, key.occurrence) != key.hash {
        if let Some(other) = made_for(plan, key) {
            return gone(format!(
                "the key in column \"{}\" names {} but was made for {other} of plan `{}` (it was edited?): copy the row from the form as sent, or make a new form",
                HEADERS[KEY],
                key.target_named(),
                key.plan
            ));
        }
        return Err(NotFound::Changed(
            plan,
            format!(
                "task `{}` of plan `{}` changed since the form was made (its text, deadline, status or progress), so this answer might overwrite what was recorded since; {new_form}",
                key.target(),
                key.plan
            ),
        ));
    }
    Ok(plan)
}

/// Another item of the plan whose hash is the key's: the one the form's row was made for,
/// when the key's task or milestone was edited by hand to name another.
fn made_for(plan: &Plan, key: &Key) -> Option<String> {
    plan.tasks.iter().find_map(|task| {
        let items = std::iter::once(None).chain(task.milestones.iter().enumerate().map(Some));
        items
            .filter(|item| task.id != key.task || item.map(|(i, _)| i + 1) != key.milestone)
            .find(|item| hash(plan, task, item.map(|(_, m)| m), key.occurrence) == key.hash)
            .map(|item| match item {
                Some((i, _)) => format!("milestone `{}/{}`", task.id, i + 1),
                None => format!("task `{}`", task.id),
            })
    })
}

/// The day of the entry the item already has that the request would record, if any. A
/// row without a date is recorded on the day the form is applied, so applied again on
/// another day its entry is the last of its item with the same status and note.
fn already_recorded(plan: &Plan, key: &Key, request: &Request, undated: bool) -> Option<NaiveDate> {
    let Change::Progress {
        status,
        note,
        occurrence,
    } = &request.change
    else {
        return None;
    };
    let task = plan.tasks.iter().find(|t| t.id == key.task)?;
    let entries = match key.milestone {
        Some(n) => &task.milestones.get(n.checked_sub(1)?)?.progress,
        None => &task.progress,
    };
    let note = note
        .as_deref()
        .map(edit::verbatim)
        .filter(|n| !n.is_empty());
    let same = |p: &&Progress| p.status == *status && p.note == note;
    let mut of_item = entries.iter().filter(|p| p.occurrence == *occurrence);
    if undated {
        return of_item.next_back().filter(same).map(|p| p.on);
    }
    of_item
        .filter(|p| p.on == request.on)
        .find(same)
        .map(|p| p.on)
}

/// What the row asks to record, or what is wrong with its cells.
fn request(
    row: &FilledRow,
    key: &Key,
    plan: &Plan,
    days: Days,
    cell: &dyn Fn(usize) -> String,
) -> Result<Request, Vec<Problem>> {
    let mut problems = Vec::new();
    let status = match status_of(&row.status) {
        Some(status) => Some(status),
        None => {
            let words: Vec<&str> = STATUS_CHOICES.iter().map(|(w, _)| *w).collect();
            problems.push(Problem {
                cell: cell(STATUS),
                message: format!(
                    "\"{}\" is not a status; write one of {}",
                    row.status,
                    words.join(", ")
                ),
            });
            None
        }
    };
    let mut on = days.on;
    match &row.done {
        DateCell::Empty => {}
        DateCell::Bad(text) => problems.push(Problem {
            cell: cell(DONE),
            message: format!(
                "\"{text}\" is not a date; write it as dd/mm/yyyy, such as 20/06/2024"
            ),
        }),
        DateCell::Day(day) => {
            let mut bad = |message| {
                problems.push(Problem {
                    cell: cell(DONE),
                    message,
                })
            };
            if status.is_some_and(|s| s != Status::Done) {
                bad(format!(
                    "a completion date goes with \"đã hoàn thành\", and this row says \"{}\": clear the date or choose đã hoàn thành",
                    row.status
                ));
            } else if *day > days.clock {
                bad(format!(
                    "{} is after the real date ({}): a completion date cannot be in the future",
                    dmy(*day),
                    dmy(days.clock)
                ));
            } else if *day < plan.issued {
                bad(format!(
                    "{} is before plan `{}` was issued ({}): check the date",
                    dmy(*day),
                    plan.number,
                    dmy(plan.issued)
                ));
            } else {
                on = *day;
            }
        }
    }
    let Some(status) = status.filter(|_| problems.is_empty()) else {
        return Err(problems);
    };
    Ok(Request {
        target: key.target(),
        on,
        change: Change::Progress {
            status,
            note: note(row),
            occurrence: key.occurrence,
        },
    })
}

/// A status in the drop-down's words or `progress`'s, case and diacritics aside.
fn status_of(text: &str) -> Option<Status> {
    let folded = units::fold(text);
    STATUS_CHOICES
        .iter()
        .find(|(word, _)| units::fold(word) == folded)
        .map(|(_, status)| *status)
        .or_else(|| edit::parse_status(text).ok())
}

/// The three notes of a row, each with its column's label, in one progress note.
fn note(row: &FilledRow) -> Option<String> {
    let parts: Vec<String> = [
        (RESULT, &row.result),
        (DIFFICULTIES, &row.difficulties),
        (PROPOSAL, &row.proposal),
    ]
    .iter()
    .filter(|(_, text)| !text.is_empty())
    .map(|(column, text)| format!("{}: {text}", HEADERS[*column]))
    .collect();
    (!parts.is_empty()).then(|| parts.join("; "))
}

/// Makes the rows' edits file by file, in memory, each on the result of the one before;
/// entries of a file are recorded in date order, as `check` wants them.
fn edit_files(
    filled: &Filled,
    good: Vec<Good>,
    registry: &Registry,
    clock: NaiveDate,
    outcome: &mut Outcome,
) {
    let mut by_file: BTreeMap<PathBuf, Vec<Good>> = BTreeMap::new();
    for g in good {
        by_file.entry(g.plan.file.clone()).or_default().push(g);
    }
    for (path, mut rows) in by_file {
        rows.sort_by_key(|g| g.request.on);
        let before = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) => {
                for g in &rows {
                    outcome.problems.push(Problem {
                        cell: filled.cell(KEY, g.row),
                        message: format!("cannot read `{}`: {e}", path.display()),
                    });
                }
                continue;
            }
        };
        let mut bytes = before.clone();
        let mut edits = Vec::new();
        for g in &rows {
            match edit::edit_bytes(&bytes, registry, clock, &g.request) {
                Ok((after, edited)) => {
                    bytes = after;
                    edits.push(edited);
                }
                Err(error) => outcome.problems.push(Problem {
                    cell: filled.cell(STATUS, g.row),
                    message: edit_message(&error, &path),
                }),
            }
        }
        if !edits.is_empty() {
            outcome.files.push(FileChange {
                path,
                before,
                after: bytes,
                edits,
            });
        }
    }
}

fn edit_message(error: &EditError, path: &std::path::Path) -> String {
    match error {
        EditError::WouldFail { diagnostics, .. } | EditError::HasErrors { diagnostics, .. } => {
            let messages: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
            format!(
                "recording this would give `{}` {}: {}",
                path.display(),
                if messages.len() == 1 {
                    "an error"
                } else {
                    "errors"
                },
                messages.join("; ")
            )
        }
        other => other.to_string(),
    }
}
