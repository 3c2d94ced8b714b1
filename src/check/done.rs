//! Rule 6: `status` is a known one; `status = "done"` needs a `done` date, and a `done`
//! date needs that status; `done` is not before `plan.issued` nor after the real date.

use std::ops::Range;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic};
use crate::model::Status;
use crate::raw::Sp;

use super::fields::not_one_of;
use super::plan::PlanChecker;

impl PlanChecker<'_> {
    /// The status (open when none is written) and `done` date of a task or milestone.
    pub(super) fn progress(
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
            (_, Some(d)) => self.done_in_range(d, issued),
            _ => {}
        }
        (parsed, done.as_ref().map(|d| *d.get_ref()))
    }

    /// `done` is not before the plan was issued, nor after the real date (a typo).
    fn done_in_range(&mut self, done: &Sp<NaiveDate>, issued: Option<NaiveDate>) {
        let date = *done.get_ref();
        let problem = if issued.is_some_and(|issued| date < issued) {
            Some(format!(
                "`done` date {date} is before the plan was issued ({})",
                issued.unwrap_or(date)
            ))
        } else if date > self.clock {
            self.dated_after_clock = true;
            Some(format!(
                "`done` date {date} is in the future (today is {})",
                self.clock
            ))
        } else {
            None
        };
        if let Some(message) = problem {
            self.push(Diagnostic::new(
                Code::DoneOutOfRange,
                self.file,
                done.span(),
                message,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use crate::check::testing::{plan, rendered};

    fn task_with(progress: &str) -> String {
        plan(&format!(
            "\n[[task]]\nid = \"1\"\ncontent = \"Xây dựng kế hoạch\"\nlead = [\"CNTT\"]\ndeadline = \"Quý I/2024\"\n{progress}\n"
        ))
    }

    #[test]
    fn status_done_needs_a_done_date() {
        assert_snapshot!(rendered(&task_with("status = \"done\"")));
    }

    #[test]
    fn a_done_date_needs_status_done() {
        assert_snapshot!(rendered(&task_with(
            "status = \"in-progress\"\ndone = 2024-03-01"
        )));
    }

    #[test]
    fn a_done_date_lies_between_the_issue_date_and_the_real_date() {
        assert_snapshot!(rendered(&plan(
            r#"
[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]
deadline = "Quý I/2024"
status = "done"
done = 2016-12-31

[[task.milestone]]
what = "Giai đoạn 1"
status = "done"
done = 2024-07-01
"#
        )));
        // The real date itself is no typo.
        let today = task_with("status = \"done\"\ndone = 2024-06-30");
        assert_eq!(rendered(&today), "");
    }

    #[test]
    fn an_unknown_status_names_the_nearest_and_lists_the_valid_ones() {
        assert_snapshot!(rendered(&task_with("status = \"canceled\"")));
    }
}
