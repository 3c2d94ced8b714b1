//! Rule 5: every deadline reads in the deadline language (DESIGN §3), an error pointing
//! at the words it cannot read; an event deadline with no `due` is a warning.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::deadline::{self, Context, Kind, Resolution};
use crate::diag::{Code, Diagnostic};
use crate::raw::Sp;

use super::ditto::is_ditto;
use super::plan::PlanChecker;

impl PlanChecker<'_> {
    /// Rule 5: the deadline reads in the deadline language; an event needs a `due` once
    /// it has happened. Without an issue date there is no year to read it against.
    pub(super) fn schedule(
        &mut self,
        deadline: &Sp<String>,
        due: Option<NaiveDate>,
        issued: Option<NaiveDate>,
    ) -> Option<Resolution> {
        let issued = issued?;
        if is_ditto(deadline.get_ref()) || deadline.get_ref().trim().is_empty() {
            return None;
        }
        match deadline::resolve_cached(deadline.get_ref(), Context::issued(issued)) {
            Ok(resolution) => {
                let resolution = self.next_year_if_passed(deadline, resolution, issued);
                if resolution.kind == Kind::Event && due.is_none() {
                    self.push(
                        Diagnostic::new(
                            Code::EventWithoutDue,
                            self.file,
                            deadline.span(),
                            format!(
                                "`{}` waits for an event and has no date yet",
                                deadline.get_ref()
                            ),
                        )
                        .with_label("no due date")
                        .with_help(
                            "add `due = YYYY-MM-DD` to the task once the event has happened",
                        ),
                    );
                }
                Some(match due {
                    Some(due) => resolution.overridden(due),
                    None => resolution,
                })
            }
            Err(error) => {
                let span = self.inner_span(deadline, error.span);
                self.push(
                    Diagnostic::new(Code::BadDeadline, self.file, span, error.message)
                        .with_label("not a deadline the tool can read")
                        .with_help(format!("write {}", deadline::FORMS)),
                );
                None
            }
        }
    }

    /// DESIGN §6's year rule: a deadline that names no year reads the plan's year, unless
    /// all of it had passed when the plan was issued ("Quý I" in a plan of 20/12/2024):
    /// then the next year, with a warning. A deadline that names its year reads the same
    /// in any context, so it is never moved.
    fn next_year_if_passed(
        &mut self,
        deadline: &Sp<String>,
        resolution: Resolution,
        issued: NaiveDate,
    ) -> Resolution {
        let Some((moved, next)) = next_year(deadline.get_ref(), &resolution, issued) else {
            return resolution;
        };
        self.push(
            Diagnostic::new(
                Code::NextYear,
                self.file,
                deadline.span(),
                format!(
                    "`{}` names no year and had passed when the plan was issued ({issued}): read as {}",
                    deadline.get_ref(),
                    next.year
                ),
            )
            .with_label(format!("read in {}", next.year))
            .with_help("write the year if another is meant"),
        );
        moved
    }

    /// Maps a range inside a string value to the file, when the value is written without
    /// escapes; otherwise the whole value is the best we can point at.
    fn inner_span(&self, value: &Sp<String>, inner: Range<usize>) -> Range<usize> {
        let outer = value.span();
        let written = self.text.get(outer.start + 1..outer.end.saturating_sub(1));
        match written {
            Some(written) if written == value.get_ref() && inner.end <= written.len() => {
                outer.start + 1 + inner.start..outer.start + 1 + inner.end
            }
            _ => outer,
        }
    }
}

/// The reading of a deadline that names no year in the year after the plan's, when all of
/// it (`resolution`, read in the plan's year) had passed on `issued`; with that year.
/// Pure, so that `diff` reads deadlines of files with errors as `check` reads them.
pub(crate) fn next_year(
    text: &str,
    resolution: &Resolution,
    issued: NaiveDate,
) -> Option<(Resolution, Context)> {
    // "Tháng 12 năm trước" names its year, from the plan's: only a phrase with none moves.
    if resolution.due.is_none_or(|due| due >= issued) || deadline::names_a_relative_year(text) {
        return None;
    }
    let next = Context {
        year: issued.year() + 1,
    };
    let moved = deadline::resolve_cached(text, next).ok()?;
    (moved != *resolution).then_some((moved, next))
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use crate::check::testing::{cases, plan, rendered, task};

    #[test]
    fn task_deadlines() {
        let shown = cases(
            r#"
=== an unreadable deadline is reported on the words at fault
deadline = "Tháng 13/2024"

=== a deadline written with escapes is reported whole
deadline = "Th\u00e1ng 13/2024"

=== an event without due is a warning
deadline = "Khi phương án được phê duyệt"

=== a due silences the warning of an event
deadline = "Khi phương án được phê duyệt"
due = 2024-09-01

=== a deadline with no year that had passed when the plan was issued reads the next year
deadline = "Tháng 1"

=== one that had not passed reads the plan's year
deadline = "Tháng 3"

=== one that names its year is never moved
deadline = "Tháng 1/2017"

=== nor one that names it from the plan's
deadline = "Tháng 1 năm nay"

=== a year named in a remark is the remark's: the deadline moves
deadline = "Tháng 1 (tổng kết năm trước)"
"#,
            |fields| rendered(&task(fields)),
        );
        assert_snapshot!(shown);
    }

    #[test]
    fn an_unreadable_milestone_or_default_deadline_is_reported_once_on_itself() {
        assert_snapshot!(rendered(&plan(
            r#"
[defaults]
deadline = "Quý V/2017"

[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]

[[task]]
id = "2"
content = "Triển khai kế hoạch"
lead = ["CNTT"]

[[task.milestone]]
what = "Giai đoạn 1"
deadline = "31/2/2024"
"#
        )));
    }
}
