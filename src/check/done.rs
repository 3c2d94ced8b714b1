//! Rule 6: `status` is a known one; `status = "done"` needs a `done` date, and a `done`
//! date needs that status; `done` is not before `plan.issued` nor after the real date.
//! A task done while one of its milestones is still open is a warning (W004).

use std::ops::Range;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::model::{Milestone, Status};
use crate::raw::Sp;

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

    /// W004: a task `done` while a milestone is neither done nor cancelled. Each milestone
    /// counts on its own (DESIGN §4), so the queries still count that one as not done,
    /// overdue once its date passes; the file says two things, and this says which one
    /// counts. A warning, not an error: the answers are right either way, and the unit's
    /// report on the task can be recorded before the one on the stage.
    pub(super) fn stages_still_open(
        &mut self,
        task: Option<&str>,
        status: &Option<Sp<String>>,
        milestones: &[Milestone],
        at: Range<usize>,
    ) {
        let span = status.as_ref().map_or(at, Sp::span);
        let task = task.unwrap_or("?");
        for (n, milestone) in (1..).zip(milestones) {
            if milestone.status.is_closed() {
                continue;
            }
            self.push(
                Diagnostic::new(
                    Code::DoneWithOpenStage,
                    self.file,
                    span.clone(),
                    format!(
                        "task `{task}` is `done` but its milestone {n} is `{}`",
                        milestone.status.as_str()
                    ),
                )
                .with_label(format!("milestone {n} still counts as not done"))
                .with_help(format!(
                    "record the milestone's own progress (`bhxh-plan progress PLAN {task}/{n} --status done --on DATE`, or `--status cancelled` if it was dropped); until then it is counted on its own, overdue once its deadline has passed"
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

=== a task done while a milestone is still open: a warning per open milestone
status = "done"
done = 2024-05-02

[[task.milestone]]
what = "Giai đoạn 1"
status = "done"
done = 2024-03-01

[[task.milestone]]
what = "Giai đoạn 2"
status = "in-progress"

[[task.milestone]]
what = "Giai đoạn 3"

[[task.milestone]]
what = "Giai đoạn 4"
status = "cancelled"
"#,
            |progress| rendered(&task(&format!("deadline = \"Quý I/2024\"\n{progress}"))),
        );
        assert_snapshot!(shown);
    }
}
