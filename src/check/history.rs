//! The rules of DESIGN §6 on what happened to a task or stage after the plan was issued:
//! progress entries and extensions are dated in order, within the plan's life and not
//! after the real date; `status` and `done` agree with the last progress entry; each
//! extension's `from` is the previous `to`, and the deadline is the last `to`; an entry's
//! `occurrence` is one of the task's occurrences.

use std::ops::Range;

use chrono::NaiveDate;

use crate::deadline::{Kind, Resolution};
use crate::diag::{Code, Diagnostic};
use crate::model::{Extension, Progress, Status};
use crate::raw::{RawExtension, RawProgress, Sp};

use super::fields::{missing, not_one_of};
use super::plan::PlanChecker;

/// What a task or milestone says of its history, as written.
pub(super) struct Written<'r> {
    pub status: &'r Option<Sp<String>>,
    pub done: &'r Option<Sp<NaiveDate>>,
    /// The deadline in force now, written or inherited.
    pub deadline: Option<&'r Sp<String>>,
    pub progress: &'r [RawProgress],
    pub extensions: &'r [RawExtension],
    /// Where a problem of the whole task or stage is shown.
    pub at: Range<usize>,
    /// How messages name the task or stage: "a `[[task.progress]]`" and so on.
    pub progress_table: &'static str,
    pub extension_table: &'static str,
}

impl PlanChecker<'_> {
    /// The extensions, each read and chained to the one before.
    pub(super) fn extensions(
        &mut self,
        written: &Written,
        issued: Option<NaiveDate>,
    ) -> Vec<Extension> {
        let mut out: Vec<Extension> = Vec::new();
        let mut previous_to: Option<&Sp<String>> = None;
        let mut previous_on: Option<NaiveDate> = None;
        for raw in written.extensions {
            let context = written.extension_table;
            let wrong = &raw.wrong_type;
            let on = self.entry_date(&raw.on, wrong, raw.span.clone(), context, issued);
            let from = self.required(&raw.from, wrong, raw.span.clone(), "from", context);
            let to = self.required(&raw.to, wrong, raw.span.clone(), "to", context);
            let by = self.required(&raw.by, wrong, raw.span.clone(), "by", context);
            if let (Some(on), Some(before)) = (on, previous_on)
                && on < before
            {
                self.out_of_order(&raw.on, "extension", before);
            }
            if let (Some(from_text), Some(to_before)) = (&raw.from, previous_to)
                && from_text.get_ref() != to_before.get_ref()
            {
                self.push(
                    Diagnostic::new(
                        Code::ExtensionChain,
                        self.file,
                        from_text.span(),
                        format!(
                            "this extension starts from `{}` but the one before moved the deadline to `{}`",
                            from_text.get_ref(),
                            to_before.get_ref()
                        ),
                    )
                    .with_label(format!("write `from = \"{}\"`", to_before.get_ref())),
                );
            }
            let from_schedule = raw
                .from
                .as_ref()
                .and_then(|f| self.schedule(f, None, issued));
            let to_schedule = raw.to.as_ref().and_then(|t| self.schedule(t, None, issued));
            if let (Some(to), Some(on)) = (&raw.to, on) {
                self.earlier(to, on, from_schedule.as_ref(), to_schedule.as_ref());
            }
            previous_to = raw.to.as_ref().or(previous_to);
            previous_on = on.or(previous_on);
            if let (Some(on), Some(from), Some(to), Some(by)) = (on, from, to, by) {
                out.push(Extension {
                    on,
                    from,
                    to,
                    by,
                    from_schedule,
                    to_schedule,
                });
            }
        }
        if let (Some(last_to), Some(deadline)) = (previous_to, written.deadline)
            && last_to.get_ref() != deadline.get_ref()
        {
            self.push(
                Diagnostic::new(
                    Code::ExtensionChain,
                    self.file,
                    deadline.span(),
                    format!(
                        "the deadline is `{}` but the last extension moved it to `{}`",
                        deadline.get_ref(),
                        last_to.get_ref()
                    ),
                )
                .with_label(format!("write `deadline = \"{}\"`", last_to.get_ref()))
                .with_help("the deadline is the one in force: the last extension's `to`; the original stays in the first extension's `from`"),
            );
        }
        out
    }

    /// The progress entries, each read; `status` and `done` agree with the last one.
    pub(super) fn progress_entries(
        &mut self,
        written: &Written,
        (status, done): (Status, Option<NaiveDate>),
        occurrences: &[NaiveDate],
        issued: Option<NaiveDate>,
    ) -> Vec<Progress> {
        let mut out: Vec<Progress> = Vec::new();
        let mut last_on: Option<NaiveDate> = None;
        for raw in written.progress {
            let context = written.progress_table;
            let wrong = &raw.wrong_type;
            let on = self.entry_date(&raw.on, wrong, raw.span.clone(), context, issued);
            let reported = match &raw.status {
                Some(s) => Status::parse(s.get_ref()).or_else(|| {
                    self.push(not_one_of(self.file, s, "status", Status::NAMES));
                    None
                }),
                None if wrong.contains("status") => None,
                None => {
                    self.push(missing(self.file, raw.span.clone(), "status", context));
                    None
                }
            };
            if let (Some(on), Some(before)) = (on, last_on)
                && on < before
            {
                self.out_of_order(&raw.on, "progress entry", before);
            }
            last_on = on.or(last_on);
            let occurrence = raw.occurrence.as_ref().map(|o| *o.get_ref());
            if let Some(o) = &raw.occurrence {
                self.occurrence(o, occurrences);
            }
            let note = self.optional(&raw.note, "note");
            if let (Some(on), Some(status)) = (on, reported) {
                out.push(Progress {
                    on,
                    status,
                    note,
                    occurrence,
                });
            }
        }
        self.agrees(written, (status, done), &out);
        out
    }

    /// A dated entry's `on`: present, not before the plan, not after the real date.
    fn entry_date(
        &mut self,
        on: &Option<Sp<NaiveDate>>,
        wrong: &crate::raw::WrongTypes,
        owner: Range<usize>,
        context: &str,
        issued: Option<NaiveDate>,
    ) -> Option<NaiveDate> {
        match on {
            Some(on) => {
                self.date_in_range("on", on, issued);
                Some(*on.get_ref())
            }
            None => {
                if !wrong.contains("on") {
                    self.push(
                        missing(self.file, owner, "on", context).with_help(
                            "write the day it happened as a TOML date: `on = 2024-07-10`",
                        ),
                    );
                }
                None
            }
        }
    }

    /// An extension gives more time: a new deadline due before the old one, or already
    /// past on the day it was granted (the task overdue from that day), is likely a typo.
    fn earlier(
        &mut self,
        to: &Sp<String>,
        on: NaiveDate,
        from: Option<&Resolution>,
        new: Option<&Resolution>,
    ) {
        let Some(due) = new.and_then(|r| r.due) else {
            return;
        };
        let (message, label) = match from.and_then(|r| r.due) {
            Some(before) if due < before => (
                format!(
                    "this extension moves the deadline earlier: `{}` falls due on {due}, before the deadline it replaces ({before})",
                    to.get_ref()
                ),
                "earlier than the deadline it replaces",
            ),
            _ if due < on => (
                format!(
                    "this extension's new deadline `{}` falls due on {due}, before the day it was granted ({on}): overdue from the day it was granted",
                    to.get_ref()
                ),
                "already past when granted",
            ),
            _ => return,
        };
        self.push(
            Diagnostic::new(Code::EarlierExtension, self.file, to.span(), message)
                .with_label(label)
                .with_help("an extension (gia hạn) gives more time: check `to` and `on` against the document that granted it"),
        );
    }

    fn out_of_order(&mut self, on: &Option<Sp<NaiveDate>>, what: &str, before: NaiveDate) {
        let Some(on) = on else { return };
        self.push(
            Diagnostic::new(
                Code::OutOfOrder,
                self.file,
                on.span(),
                format!(
                    "this {what} is dated {} but the one before it is dated {before}",
                    on.get_ref()
                ),
            )
            .with_label("earlier than the entry above")
            .with_help("entries are kept in the order they happened: the oldest first"),
        );
    }

    /// An `occurrence` names a due day of the task's recurring or several deadline.
    fn occurrence(&mut self, occurrence: &Sp<NaiveDate>, occurrences: &[NaiveDate]) {
        let day = *occurrence.get_ref();
        if occurrences.contains(&day) {
            return;
        }
        let d = Diagnostic::new(
            Code::UnknownOccurrence,
            self.file,
            occurrence.span(),
            format!("{day} is not an occurrence of this task's deadline"),
        );
        let d = if occurrences.is_empty() {
            d.with_label("the deadline has one date")
                .with_help("only a recurring deadline (`Hằng quý`, `ngày 19 hằng tháng`) has occurrences; remove `occurrence`")
        } else {
            let listed: Vec<String> = occurrences.iter().map(ToString::to_string).collect();
            d.with_label("not one of the due days")
                .with_help(format!("occurrences: {}", listed.join(", ")))
        };
        self.push(d);
    }

    /// `status` and `done` say what the last entry that is not about one occurrence says.
    fn agrees(
        &mut self,
        written: &Written,
        (status, done): (Status, Option<NaiveDate>),
        entries: &[Progress],
    ) {
        let Some(last) = entries.iter().rev().find(|e| e.occurrence.is_none()) else {
            return;
        };
        let done_expected = (last.status == Status::Done).then_some(last.on);
        if status == last.status && done == done_expected {
            return;
        }
        let span = written
            .status
            .as_ref()
            .map(Sp::span)
            .or(written.done.as_ref().map(Sp::span))
            .unwrap_or_else(|| written.at.clone());
        let fix = match done_expected {
            Some(day) => format!("status = \"done\"` and `done = {day}"),
            None => format!("status = \"{}\"` with no `done", last.status.as_str()),
        };
        let now = match done {
            Some(day) => format!("`{}` (done {day})", status.as_str()),
            None => format!("`{}`", status.as_str()),
        };
        self.push(
            Diagnostic::new(
                Code::StatusDisagrees,
                self.file,
                span,
                format!(
                    "the status is {now} but the last progress entry, on {}, says `{}`",
                    last.on,
                    last.status.as_str()
                ),
            )
            .with_label("disagrees with the last `progress`")
            .with_help(format!(
                "write `{fix}`, or add the progress entry that changed it"
            )),
        );
    }
}

/// The due days an `occurrence` of a checked task or stage may name: those of its
/// deadline and of every deadline its extensions moved it from or to.
pub fn occurrences_of(schedule: Option<&Resolution>, extensions: &[Extension]) -> Vec<NaiveDate> {
    let moved = extensions
        .iter()
        .flat_map(|e| e.from_schedule.iter().chain(&e.to_schedule));
    occurrences(schedule.into_iter().chain(moved))
}

/// The due days an `occurrence` may name: those of every recurring or several deadline
/// the task has had.
pub(super) fn occurrences<'a>(
    schedules: impl IntoIterator<Item = &'a Resolution>,
) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = schedules
        .into_iter()
        .filter(|s| matches!(s.kind, Kind::Recurring | Kind::Several))
        .flat_map(|s| s.dates.iter().copied())
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use crate::check::testing::{cases, plan, rendered, task};

    #[test]
    fn progress_entries() {
        let shown = cases(
            r#"
=== entries in order that agree with the status are clean
deadline = "Quý I/2024"
status = "done"
done = 2024-04-10

[[task.progress]]
on = 2024-02-01
status = "in-progress"
note = "Đang xây dựng dự thảo"

[[task.progress]]
on = 2024-04-10
status = "done"

=== an entry dated before the one above it
deadline = "Quý I/2024"
status = "in-progress"

[[task.progress]]
on = 2024-03-01
status = "in-progress"

[[task.progress]]
on = 2024-02-01
status = "in-progress"

=== the status disagrees with the last entry
deadline = "Quý I/2024"

[[task.progress]]
on = 2024-04-10
status = "done"

=== done on another day than the entry says
deadline = "Quý I/2024"
status = "done"
done = 2024-04-01

[[task.progress]]
on = 2024-04-10
status = "done"

=== an entry needs a day and a known status, not after the real date
deadline = "Quý I/2024"

[[task.progress]]
note = "Chưa rõ ngày"

[[task.progress]]
on = 2024-07-01
status = "xong"

=== an occurrence is one of a recurring deadline's due days
deadline = "Hằng quý năm 2024"

[[task.progress]]
on = 2024-04-05
status = "done"
occurrence = 2024-03-31

[[task.progress]]
on = 2024-04-05
status = "done"
occurrence = 2024-04-30

=== a deadline with one date has no occurrences
deadline = "Quý I/2024"

[[task.progress]]
on = 2024-04-05
status = "in-progress"
occurrence = 2024-03-31
"#,
            |fields| rendered(&task(fields)),
        );
        assert_snapshot!(shown);
    }

    #[test]
    fn extensions() {
        let shown = cases(
            r#"
=== a chain of extensions ending in the deadline is clean
deadline = "Quý IV/2024"

[[task.extension]]
on = 2024-03-20
from = "Quý I/2024"
to = "Quý III/2024"
by = "Công văn số 1234/BHXH-VP ngày 20/3/2024"

[[task.extension]]
on = 2024-06-20
from = "Quý III/2024"
to = "Quý IV/2024"
by = "Công văn số 2345/BHXH-VP ngày 20/6/2024"

=== a from that is not the previous to, and a deadline that is not the last to
deadline = "Quý II/2024"

[[task.extension]]
on = 2024-03-20
from = "Quý I/2024"
to = "Quý III/2024"
by = "Công văn số 1234/BHXH-VP"

[[task.extension]]
on = 2024-02-20
from = "Quý II/2024"
to = "Quý IV/2024"
by = "Công văn số 2345/BHXH-VP"

=== an extension to an earlier deadline, and one already past when granted
deadline = "31/5/2024"

[[task.extension]]
on = 2024-03-20
from = "Quý II/2024"
to = "30/4/2024"
by = "Công văn số 1234/BHXH-VP"

[[task.extension]]
on = 2024-06-20
from = "30/4/2024"
to = "31/5/2024"
by = "Công văn số 2345/BHXH-VP"

=== an extension needs every field and a readable deadline
deadline = "Quý 5/2024"

[[task.extension]]
on = 2024-03-20
to = "Quý 5/2024"
"#,
            |fields| rendered(&task(fields)),
        );
        assert_snapshot!(shown);
    }

    #[test]
    fn a_closed_plan_is_closed_between_its_issue_and_the_real_date() {
        let header = |closed: &str| {
            plan("").replacen(
                "issued = 2017-02-28\n",
                &format!(
                    "issued = 2017-02-28\nclosed = {closed}\nclosed_by = \"Báo cáo số 1/BC-BHXH\"\n"
                ),
                1,
            )
        };
        let shown = cases(
            "\n=== before the plan\n2016-01-01\n=== after the real date\n2024-07-01\n=== on the real date\n2024-06-30\n",
            |closed| rendered(&header(closed.trim())),
        );
        assert_snapshot!(shown);
    }
}
