//! Rule 6: `status` is a known one; `status = "done"` needs a `done` date, and a `done`
//! date needs that status; `done` is not before `plan.issued` nor after the real date.
//! A milestone reported open again after its task was recorded done or cancelled is a
//! warning (W005).

use std::ops::Range;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::model::{Status, Task};
use crate::progress;
use crate::raw::{RawTask, Sp};

use super::fields::not_one_of;
use super::plan::PlanChecker;

impl PlanChecker<'_> {
    /// The status (open when none is written) and `done` date of a task or milestone.
    pub(super) fn status_and_done(
        &mut self,
        status: &Option<Sp<String>>,
        done: &Option<Sp<NaiveDate>>,
        at: Range<usize>,
        issued: Option<NaiveDate>,
    ) -> (Status, Option<NaiveDate>) {
        let parsed = match status {
            None => Status::Open,
            Some(s) => Status::parse(s.get_ref()).unwrap_or_else(|| {
                self.push(not_one_of(self.file, s, "status", Status::NAMES));
                Status::Open
            }),
        };
        let status_span = status.as_ref().map_or(at, Sp::span);
        match (parsed, done) {
            (Status::Done, None) => self.push(
                Diagnostic::new(
                    Code::DoneWithoutDate,
                    self.file,
                    status_span,
                    "status is `done` but no `done` date is given",
                )
                .with_label("add `done = YYYY-MM-DD`"),
            ),
            (other, Some(d)) if other != Status::Done => self.push(
                Diagnostic::new(
                    Code::DoneWithoutDate,
                    self.file,
                    d.span(),
                    format!("a `done` date is given but status is `{}`", other.as_str()),
                )
                .with_label("set `status = \"done\"` or remove this date"),
            ),
            (_, Some(d)) => self.date_in_range("done", d, issued),
            _ => {}
        }
        (parsed, done.as_ref().map(|d| *d.get_ref()))
    }

    /// W005: a milestone reported open or in progress after its task was recorded done or
    /// cancelled. The task's record closed its stages on its day, but the stage's own entry
    /// is the later word, so the queries count the stage open again (overdue once its date
    /// passes) and the task's row with it (DESIGN §6); the file says two things, and this
    /// says which counts. A warning, not an error: an error would make `progress` refuse to
    /// write the stage's report, and the answers follow the later word either way.
    pub(super) fn stages_reopened(&mut self, task: &Task, raw: &RawTask, at: Range<usize>) {
        // The checked milestones are the written ones unless one was dropped (an error).
        let aligned = raw.milestones.len() == task.milestones.len();
        for reopened in progress::reopened(task) {
            let (n, entry) = (reopened.milestone, reopened.entry);
            let span = (raw.milestones.get(n - 1).filter(|_| aligned))
                .and_then(|m| {
                    m.progress.iter().rev().find(|p| {
                        p.on.as_ref().map(|on| *on.get_ref()) == Some(entry.on)
                            && p.occurrence.as_ref().map(|o| *o.get_ref()) == entry.occurrence
                    })
                })
                .map_or(at.clone(), |p| {
                    p.status.as_ref().map_or(p.span.clone(), Sp::span)
                });
            let id = &task.id;
            self.push(
                Diagnostic::new(
                    Code::StageReopened,
                    self.file,
                    span,
                    format!(
                        "milestone {n} of task `{id}` is reported `{}` on {}, after the task was recorded `{}` on {}",
                        entry.status.as_str(),
                        entry.on,
                        task.status.as_str(),
                        reopened.closed_on,
                    ),
                )
                .with_label(format!("milestone {n} counts as not done again, and task `{id}` with it"))
                .with_help(format!(
                    "if the stage is finished, record it (`bhxh-plan progress PLAN {id}/{n} --status done --on DATE`, or `--status cancelled` if it was dropped); if the task is not finished, record the task's own progress"
                )),
            );
        }
    }

    /// A date of what happened (`done`, a progress entry's or an extension's `on`,
    /// `closed`) is not before the plan was issued, nor after the real date (a typo).
    /// A date after `--today` is no error: on that day it is simply not known yet.
    pub(super) fn date_in_range(
        &mut self,
        key: &str,
        written: &Sp<NaiveDate>,
        issued: Option<NaiveDate>,
    ) {
        let date = *written.get_ref();
        let problem = if issued.is_some_and(|issued| date < issued) {
            Some(format!(
                "`{key}` date {date} is before the plan was issued ({})",
                issued.unwrap_or(date)
            ))
        } else if date > self.clock {
            self.dated_after_clock = true;
            Some(format!(
                "`{key}` date {date} is in the future (today is {})",
                self.clock
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            self.push(Diagnostic::new(
                Code::DoneOutOfRange,
                self.file,
                written.span(),
                message,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use crate::check::testing::{cases, rendered, task};

    #[test]
    fn status_and_done_dates() {
        let shown = cases(
            r#"
=== status done needs a done date
status = "done"

=== a done date needs status done
status = "in-progress"
done = 2024-03-01

=== a done date lies between the issue date and the real date
status = "done"
done = 2016-12-31

[[task.milestone]]
what = "Giai đoạn 1"
status = "done"
done = 2024-07-01

=== the real date itself is no typo
status = "done"
done = 2024-06-30

=== an unknown status names the nearest and lists the valid ones
status = "canceled"

=== a milestone reported in progress after its task was done: a warning on that entry
status = "done"
done = 2024-05-02

[[task.progress]]
on = 2024-05-02
status = "done"

[[task.milestone]]
what = "Giai đoạn 1"
status = "done"
done = 2024-03-01

[[task.milestone]]
what = "Giai đoạn 2"
status = "in-progress"

[[task.milestone.progress]]
on = 2024-05-20
status = "in-progress"

[[task.milestone]]
what = "Giai đoạn 3"
status = "in-progress"

[[task.milestone.progress]]
on = 2024-04-01
status = "in-progress"

[[task.milestone]]
what = "Giai đoạn 4"
"#,
            |progress| rendered(&task(&format!("deadline = \"Quý I/2024\"\n{progress}"))),
        );
        assert_snapshot!(shown);
    }
}
