//! How the plans file holds a checked plan: what task rows show of it, the units its tasks
//! name, the rest of its head encoded apart, and per task two bit sets of those units
//! (lead, support) before the task's own bytes, so that a query for one unit decodes only
//! the tasks that unit holds, and no part of the head its rows do not show.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Plan, Section, Task};

/// The part of a plan's head that task rows show: its key, kind, date and file.
#[derive(Serialize, Deserialize)]
struct Key<N, P> {
    number: N,
    kind: Option<N>,
    issuer: N,
    #[serde(with = "crate::compact_date")]
    issued: NaiveDate,
    file: P,
}

/// The rest of a plan's head, which only whole-plan reports read.
#[derive(Serialize, Deserialize)]
struct About<N, L, S> {
    title: N,
    signer: Option<N>,
    implements: L,
    monitor: Option<N>,
    source: Option<N>,
    note: Option<N>,
    sections: S,
}

/// A plan's head as the plans file holds it; its tasks follow, each a [`StoredTask`].
#[derive(Deserialize)]
struct StoredHead<'a> {
    key: Key<String, PathBuf>,
    /// Every unit the tasks name, when there are at most 64; none when there are more, and
    /// then every task is decoded.
    /// Read as bytes: written as text, compared with the wanted codes byte for byte, so
    /// not checked as UTF-8 again (half a million names on a national tree).
    #[serde(borrow)]
    units: Vec<&'a [u8]>,
    /// [`About`], encoded.
    about: &'a [u8],
    /// How many tasks follow.
    tasks: usize,
}

#[derive(Serialize, Deserialize)]
struct StoredTask<'a> {
    /// Bit `i` set: the task names `units[i]` as lead (as support).
    lead: u64,
    support: u64,
    bytes: &'a [u8],
}

/// Which tasks of a remembered plan a query wants: those that name one of `units` as lead
/// (when `as_lead`) or as support (when `as_support`). Such a plan is read for its task
/// rows: it comes back with the fields those rows show (number, kind, issuer, issue date,
/// file) and without its title, signer, sources, note or sections.
#[derive(Debug, Clone, Copy)]
pub struct TaskWanted<'a> {
    pub units: &'a [String],
    pub as_lead: bool,
    pub as_support: bool,
}

impl TaskWanted<'_> {
    /// The bits, over a plan's list of units, of the units wanted as lead and as support.
    fn masks(&self, units: &[&[u8]]) -> (u64, u64) {
        let wanted = units
            .iter()
            .enumerate()
            .filter(|(_, unit)| self.units.iter().any(|u| u.as_bytes() == **unit))
            .fold(0u64, |bits, (i, _)| bits | 1 << i);
        let keep = |yes: bool| if yes { wanted } else { 0 };
        (keep(self.as_lead), keep(self.as_support))
    }
}

/// The plan in the layout of [`StoredHead`] and its [`StoredTask`]s, written part by part into one buffer: postcard
/// writes a struct as its fields one after another and a list as its length, then its items.
pub(super) fn encode_plan(plan: &Plan) -> Option<Vec<u8>> {
    let Plan {
        number,
        kind,
        title,
        issuer,
        issued,
        signer,
        implements,
        monitor,
        source,
        note,
        file,
        sections,
        tasks,
    } = plan;
    let mut units: Vec<&str> = Vec::new();
    for task in tasks {
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
    let key: Key<&str, &Path> = Key {
        number,
        kind: kind.as_deref(),
        issuer,
        issued: *issued,
        file,
    };
    let about: About<&str, &[String], &[Section]> = About {
        title,
        signer: signer.as_deref(),
        implements,
        monitor: monitor.as_deref(),
        source: source.as_deref(),
        note: note.as_deref(),
        sections,
    };
    let about = postcard::to_allocvec(&about).ok()?;
    let mut blob =
        postcard::to_extend(&(key, &units, about.as_slice(), tasks.len()), Vec::new()).ok()?;
    let mut task_bytes = Vec::new();
    for task in tasks {
        task_bytes.clear();
        task_bytes = postcard::to_extend(task, task_bytes).ok()?;
        let stored = StoredTask {
            lead: bits(&task.lead),
            support: bits(&task.support),
            bytes: &task_bytes,
        };
        blob = postcard::to_extend(&stored, blob).ok()?;
    }
    Some(blob)
}

pub(super) fn decode_plan(bytes: &[u8], wanted: Option<TaskWanted>) -> Option<Plan> {
    let (stored, mut rest): (StoredHead, _) = postcard::take_from_bytes(bytes).ok()?;
    let Key {
        number,
        kind,
        issuer,
        issued,
        file,
    } = stored.key;
    let about: Option<About<String, Vec<String>, Vec<Section>>> = match wanted {
        Some(_) => None,
        None => Some(postcard::from_bytes(stored.about).ok()?),
    };
    let About {
        title,
        signer,
        implements,
        monitor,
        source,
        note,
        sections,
    } = about.unwrap_or(About {
        title: String::new(),
        signer: None,
        implements: Vec::new(),
        monitor: None,
        source: None,
        note: None,
        sections: Vec::new(),
    });
    let masks = wanted
        .filter(|_| !stored.units.is_empty())
        .map(|wanted| wanted.masks(&stored.units));
    let mut tasks: Vec<Task> = Vec::new();
    // Read one by one, not as a list: most tasks are skipped, and a list of them all would
    // be built only to be dropped.
    for _ in 0..stored.tasks {
        let (task, after): (StoredTask, _) = postcard::take_from_bytes(rest).ok()?;
        rest = after;
        if let Some((lead, support)) = masks
            && task.lead & lead == 0
            && task.support & support == 0
        {
            continue;
        }
        tasks.push(postcard::from_bytes(task.bytes).ok()?);
    }
    if !rest.is_empty() {
        return None;
    }
    Some(Plan {
        number,
        kind,
        title,
        issuer,
        issued,
        signer,
        implements,
        monitor,
        source,
        note,
        file,
        sections,
        tasks,
    })
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
        assert_eq!(
            decode_plan(&bytes, Some(nothing)).unwrap().tasks,
            stored.tasks
        );
    }

    #[test]
    fn a_plan_read_for_its_tasks_keeps_what_task_rows_show_of_it() {
        let mut stored = plan(&["CNTT"]);
        stored.kind = Some("Kế hoạch".into());
        stored.signer = Some("Nguyễn Văn A".into());
        stored.implements = vec!["19/NQ-CP".into()];
        stored.sections = vec![crate::model::Section {
            id: "I".into(),
            title: "Nhiệm vụ chung".into(),
        }];
        let bytes = encode_plan(&stored).unwrap();
        assert_eq!(decode_plan(&bytes, None).unwrap(), stored);
        let units = ["CNTT".to_string()];
        let wanted = TaskWanted {
            units: &units,
            as_lead: true,
            as_support: false,
        };
        let read = decode_plan(&bytes, Some(wanted)).unwrap();
        let shown = |p: &Plan| {
            (
                p.number.clone(),
                p.kind.clone(),
                p.issuer.clone(),
                p.issued,
                p.file.clone(),
            )
        };
        assert_eq!(shown(&read), shown(&stored));
        assert_eq!(read.tasks, stored.tasks);
        assert_eq!(
            (read.title.as_str(), read.signer, read.sections.len()),
            ("", None, 0)
        );
    }
}
