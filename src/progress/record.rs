//! What a task's or a milestone's file says on a day: its status and completion (from its
//! progress entries, else `status` and `done`) and the deadline in effect (from its
//! extensions). [`super`] turns these into items and categories.

use chrono::NaiveDate;

use crate::deadline::Resolution;
use crate::model::{Extension, Milestone, Progress, Status, Task};

/// A task, a milestone: what has a status, a deadline and a history of its own.
#[derive(Clone, Copy)]
pub(super) struct Record<'p> {
    pub(super) status: Status,
    pub(super) done: Option<NaiveDate>,
    pub(super) progress: &'p [Progress],
    pub(super) extensions: &'p [Extension],
    pub(super) deadline: Option<&'p str>,
    pub(super) schedule: Option<&'p Resolution>,
}

impl<'p> Record<'p> {
    pub(super) fn of_task(task: &'p Task) -> Self {
        Record {
            status: task.status,
            done: task.done,
            progress: &task.progress,
            extensions: &task.extensions,
            deadline: task.deadline.as_deref(),
            schedule: task.schedule.as_ref(),
        }
    }

    pub(super) fn of_milestone(milestone: &'p Milestone) -> Self {
        Record {
            status: milestone.status,
            done: milestone.done,
            progress: &milestone.progress,
            extensions: &milestone.extensions,
            deadline: milestone.deadline.as_deref(),
            schedule: milestone.schedule.as_ref(),
        }
    }

    /// The status and completion day known on `day`, and the last note reported by then:
    /// the last progress entry on or before it (none yet: open); without entries,
    /// `status` and `done`, a `done` after the day meaning not done yet. Entries about
    /// one occurrence are that occurrence's business.
    pub(super) fn state_on(&self, day: NaiveDate) -> State<'p> {
        let whole = |p: &&Progress| p.occurrence.is_none();
        if !self.progress.iter().any(|p| whole(&p)) {
            return match (self.status, self.done) {
                (Status::Done, Some(done)) if done > day => State::open(),
                (status, done) => State {
                    status,
                    done,
                    note: None,
                },
            };
        }
        let known: Vec<&Progress> = self
            .progress
            .iter()
            .filter(|p| p.on <= day)
            .filter(whole)
            .collect();
        State::from_entries(&known)
    }

    /// The day of the record that [`Record::state_on`] reads on `day`: the last progress
    /// entry by then, else the `done` date; none when only `status` says it.
    pub(super) fn said_on(&self, day: NaiveDate) -> Option<NaiveDate> {
        let whole = |p: &&Progress| p.occurrence.is_none();
        if !self.progress.iter().any(|p| whole(&p)) {
            return self
                .done
                .filter(|&done| self.status == Status::Done && done <= day);
        }
        (self.progress.iter())
            .filter(whole)
            .filter(|p| p.on <= day)
            .map(|p| p.on)
            .next_back()
    }

    /// The deadline in effect on `day`: the `to` of the last extension granted by then,
    /// else the first extension's `from` (the original), else the deadline. The text,
    /// its meaning, and the original deadline when it has been moved.
    pub(super) fn deadline_on(&self, day: NaiveDate) -> Deadline<'p> {
        let granted = self.extensions.iter().rposition(|e| e.on <= day);
        let last = self.extensions.len().checked_sub(1);
        match (granted, self.extensions.first()) {
            // The last extension's `to` is the deadline, with its `due` override.
            (Some(i), Some(first)) if Some(i) == last => Deadline {
                text: self.deadline,
                schedule: self.schedule,
                original: Some(&first.from),
            },
            (Some(i), Some(first)) => Deadline {
                text: Some(&self.extensions[i].to),
                schedule: self.extensions[i].to_schedule.as_ref(),
                original: Some(&first.from),
            },
            (None, Some(first)) => Deadline {
                text: Some(&first.from),
                schedule: first.from_schedule.as_ref(),
                original: None,
            },
            (_, None) => Deadline {
                text: self.deadline,
                schedule: self.schedule,
                original: None,
            },
        }
    }
}

#[derive(Clone, Copy)]
pub(super) struct State<'p> {
    pub(super) status: Status,
    pub(super) done: Option<NaiveDate>,
    pub(super) note: Option<&'p str>,
}

impl<'p> State<'p> {
    pub(super) fn open() -> Self {
        State {
            status: Status::Open,
            done: None,
            note: None,
        }
    }

    /// What the last of `entries` (known by the day, oldest first) says, with the last
    /// note any of them gave.
    pub(super) fn from_entries(entries: &[&'p Progress]) -> Self {
        let Some(last) = entries.last() else {
            return State::open();
        };
        State {
            status: last.status,
            done: (last.status == Status::Done).then_some(last.on),
            note: entries.iter().rev().find_map(|p| p.note.as_deref()),
        }
    }
}

/// The deadline in effect: its text, its meaning, and the original when it was moved.
#[derive(Clone, Copy)]
pub(super) struct Deadline<'p> {
    pub(super) text: Option<&'p str>,
    pub(super) schedule: Option<&'p Resolution>,
    pub(super) original: Option<&'p str>,
}
