//! Why an edit wrote nothing, and how that reads.

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diag::Diagnostic;
use crate::model::Progress;

/// Why nothing was written.
#[derive(Debug)]
pub enum EditError {
    /// `--on` is after the real date.
    OnAfterClock {
        on: NaiveDate,
        clock: NaiveDate,
    },
    UnknownTask {
        plan: String,
        id: String,
        nearest: Option<String>,
        ids: Vec<String>,
    },
    NoMilestone {
        task: String,
        n: usize,
        count: usize,
        /// The task's due days, which a reader may have taken for stages.
        occurrences: Vec<NaiveDate>,
    },
    UnknownOccurrence {
        /// "task `9`", "milestone `I.5/1`".
        target: String,
        day: NaiveDate,
        deadline: Option<String>,
        occurrences: Vec<NaiveDate>,
    },
    /// A status without `--occurrence` for a recurring task or milestone, which would
    /// close or touch every occurrence at once.
    Recurring {
        /// "task `9`", "milestone `I.5/1`".
        target: String,
        deadline: String,
        occurrences: Vec<NaiveDate>,
    },
    /// The entry is the last one recorded for the same task or milestone and occurrence.
    AlreadyRecorded {
        /// "task `9`", "milestone `I.5/1`".
        target: String,
        entry: Progress,
    },
    /// `extend` on a task whose deadlines are only its milestones'.
    NoDeadline {
        task: String,
        milestones: usize,
    },
    SameDeadline {
        /// "task `9`", "milestone `I.5/1`".
        target: String,
        deadline: String,
        /// When and by what, if its last extension set it.
        granted: Option<(NaiveDate, String)>,
    },
    /// The file has errors before the edit: the errors, and the text they point into.
    HasErrors {
        diagnostics: Vec<Diagnostic>,
        text: String,
    },
    /// The edited file would have these errors.
    WouldFail {
        diagnostics: Vec<Diagnostic>,
        text: String,
    },
    /// The file is written in a way that cannot be edited in place without loss.
    Unsupported(String),
    /// The edit changed more than it should have: a bug of ours.
    Internal(String),
    ReadOnly(PathBuf),
    Read(PathBuf, std::io::Error),
    Write(PathBuf, std::io::Error),
    ChangedOnDisk(PathBuf),
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::OnAfterClock { on, clock } => write!(
                f,
                "`--on {on}` is after the real date, {clock}: record what has happened, on or before {clock}"
            ),
            EditError::UnknownTask {
                plan,
                id,
                nearest,
                ids,
            } => {
                write!(f, "plan `{plan}` has no task `{id}`")?;
                if let Some(nearest) = nearest {
                    write!(f, "; did you mean `{nearest}`?")?;
                }
                write!(f, " (its tasks: {})", listed(ids))
            }
            EditError::NoMilestone {
                task,
                n,
                count,
                occurrences,
            } => match count {
                0 if !occurrences.is_empty() => {
                    let days: Vec<String> = occurrences.iter().map(ToString::to_string).collect();
                    write!(
                        f,
                        "task `{task}` has no milestones, so no milestone {n}; to report one of its due days, write `{task} --occurrence DATE` with one of {}",
                        listed(&days)
                    )
                }
                0 => write!(
                    f,
                    "task `{task}` has no milestones, so no milestone {n}; write `{task}` for the task itself"
                ),
                _ => write!(
                    f,
                    "task `{task}` has no milestone {n}: it has {count}, `{task}/1` to `{task}/{count}`"
                ),
            },
            EditError::UnknownOccurrence {
                target,
                day,
                deadline,
                occurrences,
            } => {
                let deadline = deadline.as_deref().unwrap_or("");
                if occurrences.is_empty() {
                    write!(
                        f,
                        "{target} has no occurrences, so none on {day}: its deadline `{deadline}` is not recurring; leave out `--occurrence`"
                    )
                } else {
                    let days: Vec<String> = occurrences.iter().map(ToString::to_string).collect();
                    write!(
                        f,
                        "{day} is not an occurrence of {target} (deadline `{deadline}`); its occurrences are {}",
                        listed(&days)
                    )
                }
            }
            EditError::NoDeadline { task, milestones } => write!(
                f,
                "task `{task}` has no deadline of its own to extend, only its {milestones} milestones have: extend one of them, `{task}/1` to `{task}/{milestones}`"
            ),
            EditError::SameDeadline {
                target,
                deadline,
                granted,
            } => {
                write!(f, "the deadline of {target} is already `{deadline}`")?;
                if let Some((on, by)) = granted {
                    write!(f, ", extended on {on} by {by}")?;
                }
                write!(f, "; nothing was written")
            }
            EditError::Recurring {
                target,
                deadline,
                occurrences,
            } => {
                let days: Vec<String> = occurrences.iter().map(ToString::to_string).collect();
                write!(
                    f,
                    "{target} recurs (deadline `{deadline}`): record one occurrence with `--occurrence DATE`, one of {}; nothing was written (without `--occurrence`, only `--status cancelled` is recorded, and stops the whole series)",
                    listed(&days)
                )
            }
            EditError::AlreadyRecorded { target, entry } => {
                write!(
                    f,
                    "{target} already has this entry, recorded on {} ({}",
                    entry.on,
                    entry.status.as_str()
                )?;
                if let Some(day) = entry.occurrence {
                    write!(f, ", occurrence {day}")?;
                }
                if let Some(note) = &entry.note {
                    write!(f, ", “{note}”")?;
                }
                write!(f, "); nothing was written")
            }
            EditError::HasErrors { diagnostics, .. } => {
                let n = diagnostics.len();
                let plural = if n == 1 { "" } else { "s" };
                write!(
                    f,
                    "the plan file has {n} error{plural}; fix it first (`bhxh-plan check` shows them)"
                )
            }
            EditError::WouldFail { .. } => write!(
                f,
                "nothing was written: the change would give the plan file the errors above"
            ),
            EditError::Unsupported(why) => {
                write!(
                    f,
                    "cannot edit the plan file in place: {why}; nothing was written"
                )
            }
            EditError::Internal(why) => write!(
                f,
                "internal error: {why}; nothing was written (please report this)"
            ),
            EditError::ReadOnly(path) => write!(
                f,
                "`{}` is read-only (permission denied); nothing was written: make it writable and run again",
                path.display()
            ),
            EditError::Read(path, e) => write!(f, "cannot read `{}`: {e}", path.display()),
            EditError::Write(path, e) => write!(
                f,
                "cannot write `{}`: {e}; the file is unchanged",
                path.display()
            ),
            EditError::ChangedOnDisk(path) => write!(
                f,
                "`{}` changed on disk while editing; nothing was written: run again",
                path.display()
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// The first names of a long list, and how many more.
fn listed(names: &[String]) -> String {
    const SHOWN: usize = 12;
    let mut text = names
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    text
}
