//! Rule 3: every task has an `id` unique in its plan, a `content`, at least one `lead`
//! and a deadline (its own, its milestones', or the plan's `[defaults]`). Also the
//! sections tasks are filed under. Each task and milestone is walked here to the model,
//! its units, deadline and status handed to the rules for those (4, 5 and 6).

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;

use crate::deadline::Resolution;
use crate::diag::{self, Code, Diagnostic};
use crate::model::{Extension, Milestone, Section, Task};
use crate::raw::{RawDefaults, RawMilestone, RawPlan, RawTask, Sp, SpList, WrongTypes};

use super::history::{Written, occurrences};
use super::plan::PlanChecker;

/// Every schedule a task or stage has had: the one in force and those of its extensions.
fn schedules<'a>(
    schedule: &'a Option<Resolution>,
    extensions: &'a [Extension],
) -> impl Iterator<Item = &'a Resolution> {
    schedule.iter().chain(
        extensions
            .iter()
            .flat_map(|e| e.from_schedule.iter().chain(&e.to_schedule)),
    )
}

/// How messages name a task and a milestone.
const TASK: &str = "a `[[task]]`";
const MILESTONE: &str = "a `[[task.milestone]]`";

impl PlanChecker<'_> {
    /// The plan's sections: each has an `id` and a `title`, the `id` unique.
    pub(super) fn sections(&mut self, raw: &RawPlan) -> Vec<Section> {
        let mut sections: Vec<Section> = Vec::new();
        for s in &raw.sections {
            let context = "a `[[section]]`";
            let id = self.required(&s.id, &s.wrong_type, s.span.clone(), "id", context);
            let title = self.required(&s.title, &s.wrong_type, s.span.clone(), "title", context);
            // A section without its title is reported as that; its tasks still name it.
            let Some(id) = id else {
                continue;
            };
            let title = title.unwrap_or_default();
            if sections.iter().any(|other| other.id == id) {
                let span = s.id.as_ref().map_or(s.span.clone(), Sp::span);
                self.push(Diagnostic::new(
                    Code::DuplicateId,
                    self.file,
                    span,
                    format!("section `{id}` is defined twice in this plan"),
                ));
                continue;
            }
            sections.push(Section { id, title });
        }
        sections
    }

    /// The plan's tasks, each checked; a task with an id met before is left out.
    pub(super) fn tasks(
        &mut self,
        defaults: &RawDefaults,
        raw_tasks: &mut [RawTask],
        sections: &[Section],
        issued: Option<NaiveDate>,
    ) -> Vec<Task> {
        let mut tasks: Vec<Task> = Vec::new();
        let mut ids: HashSet<String> = HashSet::new();
        for raw_task in raw_tasks {
            if let Some(task) = self.task(defaults, raw_task, sections, issued)
                && !self.duplicate_task(&mut ids, &task, raw_task)
            {
                tasks.push(task);
            }
        }
        tasks
    }

    /// Rule 3: a task's `id` is unique in its plan.
    fn duplicate_task(&mut self, ids: &mut HashSet<String>, task: &Task, raw: &RawTask) -> bool {
        if ids.insert(task.id.clone()) {
            return false;
        }
        let span = raw.id.as_ref().map_or(raw.span.clone(), Sp::span);
        self.push(
            Diagnostic::new(
                Code::DuplicateId,
                self.file,
                span,
                format!("task `{}` is defined twice in this plan", task.id),
            )
            .with_label("ids must be unique within a plan"),
        );
        true
    }

    fn task(
        &mut self,
        defaults: &RawDefaults,
        raw: &mut RawTask,
        sections: &[Section],
        issued: Option<NaiveDate>,
    ) -> Option<Task> {
        let id = self.required(&raw.id, &raw.wrong_type, raw.span.clone(), "id", TASK);
        let at = raw.id.as_ref().map_or(raw.span.clone(), Sp::span);
        // A national tree holds a million of these: moved, not copied.
        let content = self
            .required(&raw.content, &raw.wrong_type, at.clone(), "content", TASK)
            .and_then(|_| raw.content.as_mut().map(|c| std::mem::take(c.get_mut())));
        let section = raw
            .section
            .as_ref()
            .and_then(|s| self.section_ref(s, sections));
        let lead = self.lead(raw, &defaults.lead, at.clone());
        let support = self.units(
            raw.support.as_ref().or(defaults.support.as_ref()),
            "support",
        );
        let deadline = raw.deadline.as_ref().or(defaults.deadline.as_ref());
        let milestones: Vec<Milestone> = raw
            .milestones
            .iter()
            .filter_map(|m| self.milestone(m, deadline, issued))
            .collect();
        self.deadline_present(raw, deadline, at.clone());
        let due = raw.due.as_ref().map(|d| *d.get_ref());
        let schedule = deadline.and_then(|d| self.schedule(d, due, issued));
        let deadline = deadline.and_then(|d| self.required_present(d, "deadline", TASK));
        let (status, done) = self.status_and_done(&raw.status, &raw.done, at.clone(), issued);
        let written = Written {
            status: &raw.status,
            done: &raw.done,
            deadline: raw.deadline.as_ref().or(defaults.deadline.as_ref()),
            progress: &raw.progress,
            extensions: &raw.extensions,
            at: at.clone(),
            progress_table: "a `[[task.progress]]`",
            extension_table: "a `[[task.extension]]`",
        };
        let extensions = self.extensions(&written, issued);
        let occurrences = occurrences(schedules(&schedule, &extensions));
        let progress = self.progress_entries(&written, (status, done), &occurrences, issued);
        let task = Task {
            id: id?,
            section,
            content: content?,
            lead: lead?,
            support,
            deadline,
            due,
            schedule,
            product: self.optional_moved(&mut raw.product, "product"),
            note: self.optional_moved(&mut raw.note, "note"),
            status,
            done,
            progress,
            extensions,
            milestones,
        };
        self.stages_reopened(&task, raw, at);
        Some(task)
    }

    fn milestone(
        &mut self,
        raw: &RawMilestone,
        task_deadline: Option<&Sp<String>>,
        issued: Option<NaiveDate>,
    ) -> Option<Milestone> {
        let what = self.required(
            &raw.what,
            &raw.wrong_type,
            raw.span.clone(),
            "what",
            MILESTONE,
        );
        let at = raw.what.as_ref().map_or(raw.span.clone(), Sp::span);
        let deadline = raw.deadline.as_ref().or(task_deadline);
        let due = raw.due.as_ref().map(|d| *d.get_ref());
        let schedule = deadline.and_then(|d| self.schedule(d, due, issued));
        let deadline = deadline.and_then(|d| self.required_present(d, "deadline", MILESTONE));
        let (status, done) = self.status_and_done(&raw.status, &raw.done, at.clone(), issued);
        self.optional(&raw.note, "note");
        let written = Written {
            status: &raw.status,
            done: &raw.done,
            deadline: raw.deadline.as_ref().or(task_deadline),
            progress: &raw.progress,
            extensions: &raw.extensions,
            at,
            progress_table: "a `[[task.milestone.progress]]`",
            extension_table: "a `[[task.milestone.extension]]`",
        };
        let extensions = self.extensions(&written, issued);
        let occurrences = occurrences(schedules(&schedule, &extensions));
        let progress = self.progress_entries(&written, (status, done), &occurrences, issued);
        Some(Milestone {
            what: what?,
            deadline,
            due,
            schedule,
            status,
            done,
            progress,
            extensions,
        })
    }

    /// Rule 3: a task has a deadline: its own, the plan's default, or one on each of its
    /// milestones.
    fn deadline_present(&mut self, raw: &RawTask, deadline: Option<&Sp<String>>, at: Range<usize>) {
        // A deadline written with the wrong type is there, and reported as such (E005).
        let written =
            |d: Option<&Sp<String>>, wrong: &WrongTypes| d.is_some() || wrong.contains("deadline");
        let every_stage_dated = !raw.milestones.is_empty()
            && (raw.milestones.iter()).all(|m| written(m.deadline.as_ref(), &m.wrong_type));
        if !written(deadline, &raw.wrong_type) && !every_stage_dated {
            self.push(
                Diagnostic::new(Code::MissingDeadline, self.file, at, "task has no deadline")
                    .with_label("add `deadline = \"…\"` to this task")
                    .with_help("give the task a `deadline`, give each `[[task.milestone]]` one, or set `[defaults] deadline`"),
            );
        }
    }

    /// Rule 3 for the lead: at least one, the task's own or the plan's default. Each is a
    /// unit reference (rule 4). Without one, the diagnostic points at the list written
    /// empty (at its first item, an empty string, if it has one), else at `at`.
    fn lead(
        &mut self,
        raw: &RawTask,
        default: &Option<SpList>,
        at: Range<usize>,
    ) -> Option<Vec<String>> {
        let written = raw.lead.as_ref().or(default.as_ref());
        let non_empty: Vec<&Sp<String>> = written
            .into_iter()
            .flat_map(|list| list.get_ref())
            .filter(|l| !l.get_ref().trim().is_empty())
            .collect();
        if non_empty.is_empty() {
            let span = written.map_or(at, |list| {
                list.get_ref().first().map_or(list.span(), Sp::span)
            });
            self.push(
                Diagnostic::new(
                    Code::MissingLead,
                    self.file,
                    span,
                    "task has no lead unit (đơn vị chủ trì)",
                )
                .with_label("add `lead = [\"CODE\"]`"),
            );
            return None;
        }
        let codes = self.units(written, "lead");
        self.vague_leads(&non_empty);
        Some(codes)
    }

    /// A task's `section` is one the plan defines.
    fn section_ref(&mut self, section: &Sp<String>, sections: &[Section]) -> Option<String> {
        let id = section.get_ref();
        if sections.iter().any(|s| &s.id == id) {
            return Some(id.clone());
        }
        let d = Diagnostic::new(
            Code::UnknownSection,
            self.file,
            section.span(),
            format!("section `{id}` is not defined in this plan"),
        );
        let d = match diag::nearest(id, sections.iter().map(|s| s.id.as_str())) {
            Some(near) => d.with_label(format!("did you mean `{near}`?")),
            None => d.with_help("define it with `[[section]]` `id = …`, `title = …`"),
        };
        self.push(d);
        None
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use crate::check::testing::{cases, plan, rendered};

    #[test]
    fn tasks_and_sections() {
        let shown = cases(
            r#"
=== a task with nothing but a note lacks every required field at its header

[[task]]
note = "Chưa có gì"

=== with an id a missing field is reported at the id

[[task]]
id = "1"
note = "Chưa có gì"

=== a field written empty is reported on its value

[[task]]
id = "1"
content = ""
lead = []
deadline = " "

=== a lead of empty strings is reported on the first

[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["", " "]
deadline = "Quý I/2024"

=== an empty default lead is reported once on itself

[defaults]
lead = []
deadline = "Năm 2017"

[[task]]
id = "1"
content = "Xây dựng kế hoạch"

[[task]]
id = "2"
content = "Triển khai kế hoạch"

=== a deadline may come from the defaults or from every milestone

[defaults]
deadline = "Năm 2017"

[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]

[[task]]
id = "2"
content = "Triển khai kế hoạch"
lead = ["CNTT"]
deadline = "Quý I/2024"

[[task.milestone]]
what = "Giai đoạn 1"
deadline = "Tháng 2/2024"

=== a deadline of the wrong type is reported as that, not also as missing

[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]
deadline = 2024

[[task]]
id = "2"
content = "Triển khai kế hoạch"
lead = ["CNTT"]

[[task.milestone]]
what = "Giai đoạn 1"
deadline = 2024

=== a milestone without a deadline leaves its task without one

[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]

[[task.milestone]]
what = "Giai đoạn 1"
deadline = "Tháng 2/2024"

[[task.milestone]]
what = "Giai đoạn 2"

=== a milestone needs a `what`: absent at its header, empty on itself

[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]
deadline = "Quý I/2024"

[[task.milestone]]
deadline = "Tháng 2/2024"

[[task.milestone]]
what = ""

=== a field of the wrong type is not called missing too

[[task]]
id = 1
content = "Xây dựng kế hoạch"
lead = ["CNTT"]
deadline = "Quý I/2024"

[[task]]
id = "2"
content = 2
lead = ["CNTT"]
deadline = "Quý I/2024"

[[task.milestone]]
what = 3

=== a task id is unique in its plan

[[task]]
id = "I.1"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]
deadline = "Quý I/2024"

[[task]]
id = "I.1"
content = "Triển khai kế hoạch"
lead = ["CNTT"]
deadline = "Quý II/2024"

=== sections have an id and a title, and tasks name defined ones

[[section]]
id = "I"
title = "Rà soát thủ tục"

[[section]]
id = "I"
title = "Phần trùng"

[[section]]
id = "II"

[[section]]
title = ""

[[task]]
id = "1"
section = "III"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]
deadline = "Quý I/2024"

=== a section whose title is missing is reported once, not again on each of its tasks

[[section]]
id = "II"
title = ""

[[task]]
id = "1"
section = "II"
content = "Xây dựng kế hoạch"
lead = ["CNTT"]
deadline = "Quý I/2024"
"#,
            |text| rendered(&plan(text)),
        );
        assert_snapshot!(shown);
    }
}
