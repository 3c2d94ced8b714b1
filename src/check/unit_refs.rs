//! Rule 4: every unit a plan names (`lead`, `support`, `monitor`) resolves in the
//! registry, an unknown one naming the nearest; a lead that is a vague pseudo-unit ("Các
//! đơn vị liên quan") is a warning. A plan names the units of its `issued` day: a
//! spelling that named different units at different times is read as of that day.

use crate::diag::{Code, Diagnostic};
use crate::model::Unit;
use crate::raw::{Sp, SpList};
use crate::units::Registry;

use super::ditto::is_ditto;
use super::plan::PlanChecker;

impl<'a> PlanChecker<'a> {
    /// Resolves a list of unit references (the value of `key`) to codes, reporting the
    /// unknown ones.
    pub(super) fn units(&mut self, written: Option<&SpList>, key: &str) -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        for reference in written.into_iter().flat_map(|list| list.get_ref()) {
            if let Some(code) = self.unit_ref(reference, key)
                && !codes.contains(&code)
            {
                codes.push(code);
            }
        }
        codes
    }

    /// The code of the unit `reference` (a value of `key`) names. Without a registry every
    /// name stands.
    pub(super) fn unit_ref(&mut self, reference: &Sp<String>, key: &str) -> Option<String> {
        let name = reference.get_ref();
        if self.registry.units().is_empty() {
            return Some(name.clone());
        }
        if is_ditto(name) {
            self.ditto(reference, key);
            return None;
        }
        if let Some(unit) = self.resolve(name) {
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

    /// The unit `name` names on the plan's `issued` day; without one, today's.
    fn resolve(&self, name: &str) -> Option<&'a Unit> {
        let registry: &'a Registry = self.registry;
        match self.issued {
            Some(day) => registry.resolve_on(name, day),
            None => registry.resolve(name),
        }
    }

    /// Warns of each lead that is a vague pseudo-unit: nobody can answer for the task.
    pub(super) fn vague_leads(&mut self, leads: &[&Sp<String>]) {
        for reference in leads {
            if let Some(unit) = self.resolve(reference.get_ref())
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
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use crate::check::testing::{cases, clock, plan, rendered};

    #[test]
    fn unit_references() {
        // A case's text follows the `[plan]` header: `monitor` is the plan's.
        let shown = cases(
            r#"
=== every unit a plan names resolves or the nearest is named
monitor = "Vu Phap chee"

[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNNT"]
support = ["Trung tâm CNTT", "Ban Thuu", "Bộ Y tế", ""]
deadline = "Quý I/2024"

=== names, codes and aliases resolve in any case and without diacritics
monitor = "Vụ Pháp chế"

[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["cntt", "Ban Thu"]
support = ["trung tam cntt", "pc"]
deadline = "Quý I/2024"

=== a vague lead is a warning and a vague support is not

[[task]]
id = "1"
content = "Xây dựng kế hoạch"
lead = ["CNTT", "Các đơn vị liên quan"]
support = ["LIENQUAN"]
deadline = "Quý I/2024"
"#,
            |text| rendered(&plan(text)),
        );
        assert_snapshot!(shown);
    }

    #[test]
    fn a_plan_names_the_units_of_its_issued_day() {
        // "BHXH khu vực II" under QĐ 391/QĐ-BTC, then under QĐ 1733/QĐ-BTC.
        const UNITS: &str = r#"
[[unit]]
code = "KV391-II"
name = "Bảo hiểm xã hội khu vực II"
aliases = ["BHXH khu vực II"]
kind = "province"
from = 2025-04-01
until = 2025-05-11

[[unit]]
code = "KV1733-II"
name = "Bảo hiểm xã hội khu vực II"
aliases = ["BHXH khu vực II"]
kind = "province"
from = 2025-05-12
until = 2025-06-30
"#;
        let leads_of_plan_issued = |issued: &str| {
            let text = format!(
                "[plan]\nnumber = \"1/KH-BHXH\"\ntitle = \"Kế hoạch thử\"\nissued = {issued}\n\n\
                 [[task]]\nid = \"1\"\ncontent = \"Báo cáo\"\n\
                 lead = [\"BHXH khu vực II\", \"Bảo hiểm xã hội khu vực II\"]\n\
                 deadline = \"Quý III/2025\"\n"
            );
            let mut found = Vec::new();
            let registry = crate::check::read_registry(1, UNITS, &mut found);
            assert_eq!(found, [], "the registry is clean");
            let checked = crate::check::check_file(0, text.as_bytes(), &registry, clock());
            checked.plan.expect("a plan").tasks[0].lead.clone()
        };
        assert_eq!(leads_of_plan_issued("2025-04-15"), ["KV391-II"]);
        assert_eq!(leads_of_plan_issued("2025-05-11"), ["KV391-II"]);
        assert_eq!(leads_of_plan_issued("2025-05-12"), ["KV1733-II"]);
        // A later plan that still writes the name gets the unit that bore it last.
        assert_eq!(leads_of_plan_issued("2026-01-05"), ["KV1733-II"]);
    }
}
