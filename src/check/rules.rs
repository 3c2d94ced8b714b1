//! Every rule of DESIGN §1: raw structs → checked model plus diagnostics.
//!
//! Checking never stops at the first problem. A plan file with an error is left out of
//! the model (and named as skipped) so that queries never answer from half-read plans.

use std::collections::HashSet;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::deadline::{self, Context, Kind, Resolution};
use crate::diag::{self, Code, Diagnostic};
use crate::model::{DEFAULT_ISSUER, Milestone, Plan, Section, Status, Task, Unit, UnitKind};
use crate::raw::{self, RawDefaults, RawMilestone, RawPlan, RawTask, RawUnit, Sp};
use crate::source::FileId;
use crate::units::{self, Registry};

use super::PlanKey;

/// Reads and checks `units.toml`.
pub fn read_registry(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Registry {
    let Some(raw_units) = raw::parse_units(file, text, diags) else {
        return Registry::default();
    };
    let mut units = Vec::new();
    let mut spans = Vec::new();
    for raw in &raw_units {
        if let Some(unit) = unit(file, raw, diags) {
            spans.push(raw);
            units.push(unit);
        }
    }
    let codes: Vec<String> = units.iter().map(|u| u.code.clone()).collect();
    for (unit, raw) in units.iter().zip(&spans) {
        if let (Some(successor), Some(span)) = (&unit.successor, &raw.successor)
            && !codes.contains(successor)
        {
            diags.push(unknown_code(
                file,
                span.span(),
                successor,
                &codes,
                "successor",
            ));
        }
    }
    let (registry, clashes) = Registry::new(units);
    for clash in clashes {
        let raw = spans[clash.unit];
        let span = raw
            .aliases
            .iter()
            .chain(raw.name.iter())
            .chain(raw.code.iter())
            .find(|s| s.get_ref() == &clash.spelling)
            .map(Sp::span)
            .unwrap_or(raw.span.clone());
        let holder = &registry.units()[clash.holder].code;
        diags.push(Diagnostic::new(
            Code::Registry,
            file,
            span,
            format!("`{}` already names unit `{holder}`", clash.spelling),
        ));
    }
    registry
}

fn unknown_code(
    file: FileId,
    span: Range<usize>,
    code: &str,
    codes: &[String],
    what: &str,
) -> Diagnostic {
    let d = Diagnostic::new(
        Code::Registry,
        file,
        span,
        format!("{what} `{code}` is not a unit code of the registry"),
    );
    match diag::nearest(code, codes.iter().map(String::as_str)) {
        Some(near) => d.with_label(format!("did you mean `{near}`?")),
        None => d,
    }
}

fn unit(file: FileId, raw: &RawUnit, diags: &mut Vec<Diagnostic>) -> Option<Unit> {
    let mut required = |field: &Option<Sp<String>>, key: &str| match field {
        Some(v) if !v.get_ref().trim().is_empty() => Some(v.get_ref().trim().to_string()),
        _ => {
            diags.push(missing(
                file,
                field.as_ref().map_or(raw.span.clone(), Sp::span),
                key,
                "a `[[unit]]`",
            ));
            None
        }
    };
    let code = required(&raw.code, "code");
    let name = required(&raw.name, "name");
    let kind = match &raw.kind {
        None => Some(UnitKind::Central),
        Some(k) => {
            let kind = UnitKind::parse(k.get_ref());
            if kind.is_none() {
                diags.push(not_one_of(file, k, "kind", UnitKind::NAMES));
            }
            kind
        }
    };
    Some(Unit {
        code: code?,
        name: name?,
        aliases: raw.aliases.iter().map(|a| a.get_ref().clone()).collect(),
        kind: kind?,
        successor: raw.successor.as_ref().map(|s| s.get_ref().clone()),
        until: raw.until.as_ref().map(|d| *d.get_ref()),
    })
}

fn missing(file: FileId, span: Range<usize>, key: &str, context: &str) -> Diagnostic {
    Diagnostic::new(
        Code::MissingField,
        file,
        span,
        format!("{context} needs a non-empty `{key}`"),
    )
    .with_label(format!("`{key}` missing or empty here"))
}

fn not_one_of(file: FileId, value: &Sp<String>, key: &str, valid: &[&str]) -> Diagnostic {
    let d = Diagnostic::new(
        Code::WrongType,
        file,
        value.span(),
        format!("`{key}` cannot be `{}`", value.get_ref()),
    )
    .with_help(format!(
        "valid values: {}",
        valid
            .iter()
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    match diag::nearest(value.get_ref(), valid.iter().copied()) {
        Some(near) => d.with_label(format!("did you mean `{near}`?")),
        None => d,
    }
}

/// True for a value that is only the ditto mark: "nt" (như trên), "như trên".
fn is_ditto(text: &str) -> bool {
    // "như trên" with spaces and dots is at most a couple dozen bytes; longer text is not
    // a ditto mark, and folding every content would cost more than the rest of a check.
    let text = text.trim();
    if text.len() > 24
        || !text.starts_with(['n', 'N'])
        || text.contains(|c: char| c.is_ascii_digit())
    {
        return false;
    }
    let folded = units::fold(text);
    folded == "nt" || folded == "nhutren"
}

/// Checks one plan file's content.
struct PlanChecker<'a> {
    file: FileId,
    /// The file's text, to locate an error inside a deadline string.
    text: &'a str,
    registry: &'a Registry,
    /// The real date, not `--today`: a `done` date after it is a typo.
    clock: NaiveDate,
    dated_after_clock: bool,
    diags: &'a mut Vec<Diagnostic>,
}

/// What [`check_plan`] made of a plan file.
pub(super) struct PlanOutcome {
    pub plan: Option<Plan>,
    pub key: Option<PlanKey>,
    pub dated_after_clock: bool,
}

/// Checks a plan file's text; problems go to `diags`.
pub(super) fn check_plan(
    file: FileId,
    text: &str,
    registry: &Registry,
    clock: NaiveDate,
    diags: &mut Vec<Diagnostic>,
) -> PlanOutcome {
    let Some(mut raw) = raw::parse_plan(file, text, diags) else {
        return PlanOutcome {
            plan: None,
            key: None,
            dated_after_clock: false,
        };
    };
    let mut checker = PlanChecker {
        file,
        text,
        registry,
        clock,
        dated_after_clock: false,
        diags,
    };
    let plan = checker.plan(&mut raw);
    let key = plan.as_ref().map(|plan| PlanKey {
        issuer: plan.issuer.clone(),
        number: plan.number.clone(),
        span: raw
            .header
            .as_ref()
            .and_then(|h| h.number.as_ref().map(Sp::span))
            .unwrap_or(0..0),
    });
    PlanOutcome {
        plan,
        key,
        dated_after_clock: checker.dated_after_clock,
    }
}

impl PlanChecker<'_> {
    /// The checked plan. Long texts are moved out of `raw`, leaving their spans.
    fn plan(&mut self, raw: &mut RawPlan) -> Option<Plan> {
        let Some(header) = &raw.header else {
            self.push(
                Diagnostic::new(
                    Code::MissingField,
                    self.file,
                    0..0,
                    "a plan file needs a `[plan]` table",
                )
                .with_help("start the file with `[plan]` and its `number`, `title` and `issued`"),
            );
            return None;
        };
        let number = self.required(&header.number, header.span.clone(), "number", "`[plan]`");
        let title = self.required(&header.title, header.span.clone(), "title", "`[plan]`");
        let issued = header.issued.as_ref().map(|d| *d.get_ref());
        if header.issued.is_none() && !self.wrong_type_reported(&header.span, "issued") {
            self.push(missing(
                self.file,
                header.span.clone(),
                "issued",
                "`[plan]`",
            ));
        }
        let issued = issued.filter(|date| {
            let plausible = deadline::YEARS.contains(&date.year());
            if !plausible && let Some(written) = &header.issued {
                self.push(
                    Diagnostic::new(
                        Code::WrongType,
                        self.file,
                        written.span(),
                        format!("`issued` year {} is out of range", date.year()),
                    )
                    .with_label("write the plan's real issue date")
                    .with_help("plans are dated from 1900 to 2199; the year of `issued` is the year of every deadline that names none"),
                );
            }
            plausible
        });
        let monitor = header.monitor.as_ref().and_then(|m| self.unit_ref(m));
        let sections = self.sections(raw);
        let tasks = self.tasks(&raw.defaults, &mut raw.tasks, &sections, issued);
        Some(Plan {
            number: number?,
            kind: text(&header.kind),
            title: title?,
            issuer: text(&header.issuer).unwrap_or_else(|| DEFAULT_ISSUER.to_string()),
            issued: issued?,
            signer: text(&header.signer),
            implements: header
                .implements
                .iter()
                .map(|s| s.get_ref().clone())
                .collect(),
            monitor,
            source: text(&header.source),
            note: text(&header.note),
            file: Default::default(),
            sections,
            tasks,
        })
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }

    /// A required non-empty string; `nt` is refused.
    fn required(
        &mut self,
        field: &Option<Sp<String>>,
        owner: Range<usize>,
        key: &str,
        context: &str,
    ) -> Option<String> {
        match field {
            Some(v) => self.required_present(v, key, context),
            None if self.wrong_type_reported(&owner, key) => None,
            None => {
                self.push(missing(self.file, owner, key, context));
                None
            }
        }
    }

    /// [`Self::required`] of a value that is present.
    fn required_present(&mut self, value: &Sp<String>, key: &str, context: &str) -> Option<String> {
        if value.get_ref().trim().is_empty() {
            self.push(missing(self.file, value.span(), key, context));
            return None;
        }
        self.ditto(value, key);
        Some(value.get_ref().clone())
    }

    /// The reader already said the value of `key` inside `owner` has the wrong type;
    /// saying it is missing too would mislead.
    fn wrong_type_reported(&self, owner: &Range<usize>, key: &str) -> bool {
        let prefix = format!("`{key}` must be");
        self.diags.iter().any(|d| {
            d.code == Code::WrongType
                && d.message.starts_with(&prefix)
                && (owner.is_empty() || (owner.start <= d.span.start && d.span.start <= owner.end))
        })
    }

    fn optional(&mut self, field: &Option<Sp<String>>, key: &str) -> Option<String> {
        let value = field.as_ref()?;
        self.ditto(value, key);
        Some(value.get_ref().clone())
    }

    /// [`Self::optional`], moving the text out of `field` (its span stays).
    fn optional_moved(&mut self, field: &mut Option<Sp<String>>, key: &str) -> Option<String> {
        let value = field.as_mut()?;
        self.ditto(value, key);
        Some(std::mem::take(value.get_mut()))
    }

    fn ditto(&mut self, value: &Sp<String>, key: &str) {
        if is_ditto(value.get_ref()) {
            self.push(
                Diagnostic::new(
                    Code::Ditto,
                    self.file,
                    value.span(),
                    format!(
                        "`{key}` is only the ditto mark `{}`",
                        value.get_ref().trim()
                    ),
                )
                .with_label("write the value of the row above")
                .with_help("\"nt\" (như trên) means \"same as above\": copy that value here"),
            );
        }
    }

    fn sections(&mut self, raw: &RawPlan) -> Vec<Section> {
        let mut sections: Vec<Section> = Vec::new();
        for s in &raw.sections {
            let id = self.required(&s.id, s.span.clone(), "id", "a `[[section]]`");
            let title = self.required(&s.title, s.span.clone(), "title", "a `[[section]]`");
            let (Some(id), Some(title)) = (id, title) else {
                continue;
            };
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

    fn tasks(
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
        let owner = raw.span.clone();
        let id = self.required(&raw.id, owner.clone(), "id", "a `[[task]]`");
        let at = raw.id.as_ref().map_or(owner.clone(), Sp::span);
        // A national tree holds a million of these: moved, not copied.
        let content = self
            .required(&raw.content, at.clone(), "content", "a `[[task]]`")
            .and_then(|_| raw.content.as_mut().map(|c| std::mem::take(c.get_mut())));
        let section = raw
            .section
            .as_ref()
            .and_then(|s| self.section_ref(s, sections));
        let lead = self.lead(raw, &defaults.lead, at.clone());
        let support = self.units(raw.support.as_ref().or(defaults.support.as_ref()));
        let deadline = raw.deadline.as_ref().or(defaults.deadline.as_ref());
        let milestones: Vec<Milestone> = raw
            .milestones
            .iter()
            .filter_map(|m| self.milestone(m, deadline, issued))
            .collect();
        let every_stage_dated =
            !raw.milestones.is_empty() && raw.milestones.iter().all(|m| m.deadline.is_some());
        if deadline.is_none() && !every_stage_dated {
            self.push(
                Diagnostic::new(Code::MissingDeadline, self.file, at.clone(), "task has no deadline")
                    .with_label("add `deadline = \"…\"` to this task")
                    .with_help("give the task a `deadline`, give each `[[task.milestone]]` one, or set `[defaults] deadline`"),
            );
        }
        let due = raw.due.as_ref().map(|d| *d.get_ref());
        let schedule = deadline.and_then(|d| self.schedule(d, due, issued));
        let deadline = deadline.and_then(|d| self.required_present(d, "deadline", "a `[[task]]`"));
        let (status, done) = self.progress(&raw.status, &raw.done, at, issued);
        Some(Task {
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
            milestones,
        })
    }

    fn milestone(
        &mut self,
        raw: &RawMilestone,
        task_deadline: Option<&Sp<String>>,
        issued: Option<NaiveDate>,
    ) -> Option<Milestone> {
        let what = self.required(
            &raw.what,
            raw.span.clone(),
            "what",
            "a `[[task.milestone]]`",
        );
        let at = raw.what.as_ref().map_or(raw.span.clone(), Sp::span);
        let deadline = raw.deadline.as_ref().or(task_deadline);
        let due = raw.due.as_ref().map(|d| *d.get_ref());
        let schedule = deadline.and_then(|d| self.schedule(d, due, issued));
        let deadline =
            deadline.and_then(|d| self.required_present(d, "deadline", "a `[[task.milestone]]`"));
        let (status, done) = self.progress(&raw.status, &raw.done, at, issued);
        self.optional(&raw.note, "note");
        Some(Milestone {
            what: what?,
            deadline,
            due,
            schedule,
            status,
            done,
        })
    }

    /// Rule 6: `done` goes with status done, after the plan was issued and not after today.
    fn progress(
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

    /// Rule 5: the deadline reads in the deadline language; an event needs a `due` once
    /// it has happened. Without an issue date there is no year to read it against.
    fn schedule(
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

    /// Rule 3 and 4 for the lead: at least one, each known; vague ones are warned about.
    fn lead(
        &mut self,
        raw: &RawTask,
        default: &Option<Vec<Sp<String>>>,
        at: Range<usize>,
    ) -> Option<Vec<String>> {
        let written = raw.lead.as_ref().or(default.as_ref());
        let non_empty: Vec<&Sp<String>> = written
            .into_iter()
            .flatten()
            .filter(|l| !l.get_ref().trim().is_empty())
            .collect();
        if non_empty.is_empty() {
            let span = raw
                .lead
                .as_ref()
                .and_then(|l| l.first())
                .map_or(at, Sp::span);
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
        let codes = self.units(written);
        for reference in &non_empty {
            if let Some(unit) = self.registry.resolve(reference.get_ref())
                && self.registry.is_vague(&unit.code)
            {
                self.push(
                    Diagnostic::new(
                        Code::VagueLead,
                        self.file,
                        reference.span(),
                        format!(
                            "lead `{}` is not a unit that can answer for the task",
                            reference.get_ref()
                        ),
                    )
                    .with_label(format!("`{}` is a vague pseudo-unit", unit.code)),
                );
            }
        }
        Some(codes)
    }

    /// Resolves a list of unit references to codes, reporting the unknown ones.
    fn units(&mut self, written: Option<&Vec<Sp<String>>>) -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        for reference in written.into_iter().flatten() {
            if let Some(code) = self.unit_ref(reference)
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
        codes
    }

    fn unit_ref(&mut self, reference: &Sp<String>) -> Option<String> {
        let name = reference.get_ref();
        if self.registry.units().is_empty() {
            return Some(name.clone());
        }
        if is_ditto(name) {
            self.ditto(reference, "unit");
            return None;
        }
        if let Some(unit) = self.registry.resolve(name) {
            return Some(unit.code.clone());
        }
        let nearest = self.registry.suggestion(name);
        let mut d = Diagnostic::new(
            Code::UnknownUnit,
            self.file,
            reference.span(),
            format!("unit `{name}` is not in the registry"),
        );
        d = match nearest {
            Some(unit) => d.with_label(format!("did you mean `{}` ({})?", unit.code, unit.name)),
            None => d.with_label("unknown unit"),
        };
        self.push(d.with_help(
            "write a code, name or alias from `units.toml`; `bhxh-plan units` lists them",
        ));
        None
    }
}

fn text(field: &Option<Sp<String>>) -> Option<String> {
    field.as_ref().map(|s| s.get_ref().clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ditto_marks_are_recognised_in_their_spellings() {
        for ditto in ["nt", "NT", " nt. ", "Như trên", "n.t"] {
            assert!(is_ditto(ditto), "{ditto}");
        }
        assert!(!is_ditto("Năm 2017"));
    }
}
