//! One plan file: the checker its rules share, the walk from the raw file to the model,
//! and the part of rule 2 that needs only the file: the `[plan]` header has a `number`,
//! a `title` and an `issued` date a plan can have.

use chrono::{Datelike, NaiveDate};

use crate::deadline;
use crate::diag::{Code, Diagnostic};
use crate::model::{DEFAULT_ISSUER, Plan};
use crate::raw::{self, RawHeader, RawPlan, Sp};
use crate::source::FileId;
use crate::units::Registry;

use super::PlanKey;
use super::fields::{missing, text};

/// Checks one plan file's content; each rule adds its methods in its own module.
pub(super) struct PlanChecker<'a> {
    pub(super) file: FileId,
    /// The file's text, to locate an error inside a deadline string.
    pub(super) text: &'a str,
    pub(super) registry: &'a Registry,
    /// The real date, not `--today`: a `done` date after it is a typo.
    pub(super) clock: NaiveDate,
    /// The plan's `issued`: its units are the units of that day (DESIGN §2).
    pub(super) issued: Option<NaiveDate>,
    pub(super) dated_after_clock: bool,
    pub(super) diags: &'a mut Vec<Diagnostic>,
}

/// What [`check_plan`] made of a plan file.
#[derive(Default)]
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
        return PlanOutcome::default();
    };
    let mut checker = PlanChecker {
        file,
        text,
        registry,
        clock,
        issued: None,
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
        let (number, title, issued) = self.identity(header);
        self.issued = issued;
        let monitor = header
            .monitor
            .as_ref()
            .and_then(|m| self.unit_ref(m, "monitor"));
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
            closed: header.closed.as_ref().map(|closed| {
                self.date_in_range("closed", closed, issued);
                *closed.get_ref()
            }),
            closed_by: text(&header.closed_by),
            file: Default::default(),
            sections,
            tasks,
        })
    }

    /// Rule 2, the file's part: the header's `number`, `title` and `issued` are written,
    /// and `issued` has a year plans can have (it is the year of deadlines that name none).
    fn identity(
        &mut self,
        header: &RawHeader,
    ) -> (Option<String>, Option<String>, Option<NaiveDate>) {
        let wrong_type = &header.wrong_type;
        let at = || header.span.clone();
        let number = self.required(&header.number, wrong_type, at(), "number", "`[plan]`");
        let title = self.required(&header.title, wrong_type, at(), "title", "`[plan]`");
        let issued = header.issued.as_ref().map(|d| *d.get_ref());
        if header.issued.is_none() && !wrong_type.contains("issued") {
            self.push(missing(self.file, at(), "issued", "`[plan]`"));
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
        (number, title, issued)
    }

    pub(super) fn push(&mut self, diagnostic: Diagnostic) {
        self.diags.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use crate::check::testing::{cases, rendered};

    #[test]
    fn the_plan_header() {
        let shown = cases(
            r#"
=== a plan file needs a `[plan]` table
# Kế hoạch chưa có phần đầu
[[task]]
id = "1"

=== the header needs a number, a title and an issue date
[plan]
kind = "Kế hoạch"

=== a header field written empty is reported on its value
[plan]
number = ""
title = "  "
issued = 2017-02-28

=== a header field of the wrong type is not called missing too
[plan]
number = 595
title = "Kế hoạch thử"
issued = "2017-02-28"

=== an issue date outside the years of plans is an error
[plan]
number = "1/KH-BHXH"
title = "Kế hoạch thử"
issued = 1017-02-28
"#,
            rendered,
        );
        assert_snapshot!(shown);
    }
}
