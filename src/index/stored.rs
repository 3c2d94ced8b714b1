//! How the plans file holds a checked plan: its head, the units its tasks name, and per
//! task two bit sets of those units (lead, support) before the task's own bytes, so that a
//! query for one unit decodes only the tasks that unit holds.

use serde::{Deserialize, Serialize};

use crate::model::Plan;

/// A plan as the plans file holds it: the head, the units its tasks name, then each task
/// behind the units it names as bits of that list.
#[derive(Serialize)]
struct StoredPlan<'a> {
    head: Plan,
    /// Every unit the tasks name, when there are at most 64; none when there are more, and
    /// then every task is decoded.
    units: Vec<&'a str>,
    tasks: Vec<StoredTask<'a>>,
}

#[derive(Serialize, Deserialize)]
struct StoredTask<'a> {
    /// Bit `i` set: the task names `units[i]` as lead (as support).
    lead: u64,
    support: u64,
    bytes: &'a [u8],
}

/// [`StoredPlan`] read back, the tasks still encoded.
#[derive(Deserialize)]
struct StoredPlanRef<'a> {
    head: Plan,
    #[serde(borrow)]
    units: Vec<&'a str>,
    #[serde(borrow)]
    tasks: Vec<StoredTask<'a>>,
}

/// Which tasks of a remembered plan a query wants: those that name one of `units` as lead
/// (when `as_lead`) or as support (when `as_support`).
#[derive(Debug, Clone, Copy)]
pub struct TaskWanted<'a> {
    pub units: &'a [String],
    pub as_lead: bool,
    pub as_support: bool,
}

impl TaskWanted<'_> {
    /// The bits, over a plan's list of units, of the units wanted as lead and as support.
    fn masks(&self, units: &[&str]) -> (u64, u64) {
        let wanted = units
            .iter()
            .enumerate()
            .filter(|(_, unit)| self.units.iter().any(|u| u == *unit))
            .fold(0u64, |bits, (i, _)| bits | 1 << i);
        let keep = |yes: bool| if yes { wanted } else { 0 };
        (keep(self.as_lead), keep(self.as_support))
    }
}

pub(super) fn encode_plan(plan: &Plan) -> Option<Vec<u8>> {
    let mut units: Vec<&str> = Vec::new();
    for task in &plan.tasks {
        for code in task.lead.iter().chain(&task.support) {
            if !units.contains(&code.as_str()) {
                units.push(code);
            }
        }
    }
    if units.len() > 64 {
        units.clear();
    }
    let bits = |codes: &[String]| {
        codes
            .iter()
            .filter_map(|code| units.iter().position(|u| u == code))
            .fold(0u64, |bits, i| bits | 1 << i)
    };
    // Every task into one buffer, then the plan around them: no allocation per task.
    let mut encoded = Vec::new();
    let mut ends = Vec::with_capacity(plan.tasks.len());
    for task in &plan.tasks {
        encoded = postcard::to_extend(task, encoded).ok()?;
        ends.push(encoded.len());
    }
    let starts = std::iter::once(0).chain(ends.iter().copied());
    let stored = StoredPlan {
        head: plan.without_tasks(),
        tasks: plan
            .tasks
            .iter()
            .zip(starts.zip(&ends))
            .map(|(task, (start, &end))| StoredTask {
                lead: bits(&task.lead),
                support: bits(&task.support),
                bytes: &encoded[start..end],
            })
            .collect(),
        units,
    };
    postcard::to_allocvec(&stored).ok()
}

pub(super) fn decode_plan(bytes: &[u8], wanted: Option<TaskWanted>) -> Option<Plan> {
    let stored: StoredPlanRef = postcard::from_bytes(bytes).ok()?;
    let mut plan = stored.head;
    let masks = wanted
        .filter(|_| !stored.units.is_empty())
        .map(|wanted| wanted.masks(&stored.units));
    for task in stored.tasks {
        if let Some((lead, support)) = masks
            && task.lead & lead == 0
            && task.support & support == 0
        {
            continue;
        }
        plan.tasks.push(postcard::from_bytes(task.bytes).ok()?);
    }
    Some(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    use chrono::NaiveDate;

    use crate::model::{Status, Task};

    fn plan(leads: &[&str]) -> Plan {
        let task = |i: usize, lead: &str| Task {
            id: i.to_string(),
            section: None,
            content: format!("Nhiệm vụ {i}"),
            lead: vec![lead.to_string()],
            support: vec!["PC".to_string()],
            deadline: None,
            due: None,
            schedule: None,
            product: None,
            note: None,
            status: Status::Open,
            done: None,
            milestones: Vec::new(),
        };
        Plan {
            number: "1/KH".into(),
            kind: None,
            title: "Kế hoạch".into(),
            issuer: "BHXH Việt Nam".into(),
            issued: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            signer: None,
            implements: Vec::new(),
            monitor: None,
            source: None,
            note: None,
            file: PathBuf::from("p.toml"),
            sections: Vec::new(),
            tasks: leads.iter().enumerate().map(|(i, l)| task(i, l)).collect(),
        }
    }

    fn ids(plan: &Plan) -> Vec<&str> {
        plan.tasks.iter().map(|t| t.id.as_str()).collect()
    }

    #[test]
    fn a_stored_plan_brings_back_the_wanted_tasks_or_all() {
        let stored = plan(&["CNTT", "TST", "CNTT"]);
        let bytes = encode_plan(&stored).unwrap();
        assert_eq!(decode_plan(&bytes, None).unwrap(), stored);
        let wanted = |units: &'static [&str], as_lead, as_support| {
            let units = units.iter().map(|u| u.to_string()).collect::<Vec<_>>();
            let wanted = TaskWanted {
                units: &units,
                as_lead,
                as_support,
            };
            ids(&decode_plan(&bytes, Some(wanted)).unwrap())
                .iter()
                .map(|id| id.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(wanted(&["CNTT"], true, false), ["0", "2"]);
        assert_eq!(wanted(&["CNTT"], false, true), [""; 0]);
        assert_eq!(wanted(&["PC"], false, true), ["0", "1", "2"]);
        assert_eq!(wanted(&["PC"], true, false), [""; 0]);
        assert_eq!(wanted(&["TST", "PC"], true, true), ["0", "1", "2"]);
        assert_eq!(wanted(&["TST", "XYZ"], true, true), ["1"]);
    }

    #[test]
    fn a_plan_naming_more_than_64_units_brings_back_every_task() {
        let names: Vec<String> = (0..70).map(|i| format!("U{i}")).collect();
        let leads: Vec<&str> = names.iter().map(String::as_str).collect();
        let stored = plan(&leads);
        let bytes = encode_plan(&stored).unwrap();
        let nothing = TaskWanted {
            units: &[],
            as_lead: true,
            as_support: true,
        };
        // Past 64 units the index cannot tell; the query's own filter still applies.
        assert_eq!(decode_plan(&bytes, Some(nothing)).unwrap(), stored);
    }
}
