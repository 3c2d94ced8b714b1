//! How the index keeps a checked plan: its contents in the index entry, its parts in the
//! plans file.
//!
//! The contents (encoded in the index, which every run reads whole) are what task rows show
//! of the plan's head, the units its tasks name, and per task two bit sets of those units
//! (lead, support) and the length of the task's bytes. The plans file holds the rest of the
//! head, then each task's bytes, each part followed by its checksum. So a query for one
//! unit knows from the index alone which tasks it wants, reads only those (a plan without
//! one is not read at all), and checks only what it read.

use std::cell::RefCell;
use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Plan, Section, Task};

/// The part of a plan's head that task rows show: its key, kind and date (its file is the
/// index entry's path).
#[derive(Serialize, Deserialize)]
struct Key<N> {
    number: N,
    kind: Option<N>,
    issuer: N,
    #[serde(with = "crate::compact_date")]
    issued: NaiveDate,
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

/// The start of a plan's contents; its tasks follow, each a [`StoredTask`].
#[derive(Deserialize)]
struct Head<'a> {
    #[serde(borrow)]
    key: Key<&'a str>,
    /// Every unit the tasks name, when there are at most 64; none when there are more, and
    /// then every task is read.
    /// Read as bytes: written as text, compared with the wanted codes byte for byte, so
    /// not checked as UTF-8 again (half a million names on a national tree).
    #[serde(borrow)]
    units: Vec<&'a [u8]>,
    /// The length of the encoded [`About`], the plans file's first part.
    about: u32,
    /// How many tasks follow.
    tasks: usize,
}

#[derive(Serialize, Deserialize)]
struct StoredTask {
    /// Bit `i` set: the task names `units[i]` as lead (as support).
    lead: u64,
    support: u64,
    /// The length of the task's bytes in the plans file.
    length: u32,
}

/// Each part in the plans file is followed by this many bytes of its checksum.
const SUM: usize = 4;

/// Two parts of the plans file this close are read at once: a read costs about as much
/// as copying a few thousand bytes.
const GAP: usize = 2048;

fn sum(bytes: &[u8]) -> [u8; SUM] {
    (super::hash(bytes) as u32).to_le_bytes()
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

/// A plan as the index keeps it: its contents, and its parts for the plans file.
pub(super) struct Encoded {
    pub contents: Vec<u8>,
    pub parts: Vec<u8>,
}

/// The plan's contents ([`Head`] and its [`StoredTask`]s) and parts, written piece by piece:
/// postcard writes a struct as its fields one after another and a list as its length,
/// then its items.
pub(super) fn encode_plan(plan: &Plan) -> Option<Encoded> {
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
        file: _,
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
    let key: Key<&str> = Key {
        number,
        kind: kind.as_deref(),
        issuer,
        issued: *issued,
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
    let mut parts = postcard::to_extend(&about, Vec::new()).ok()?;
    let about_length = u32::try_from(parts.len()).ok()?;
    parts.extend(sum(&parts));
    let mut contents =
        postcard::to_extend(&(key, &units, about_length, tasks.len()), Vec::new()).ok()?;
    for task in tasks {
        let start = parts.len();
        parts = postcard::to_extend(task, parts).ok()?;
        let task_sum = sum(&parts[start..]);
        let stored = StoredTask {
            lead: bits(&task.lead),
            support: bits(&task.support),
            length: u32::try_from(parts.len() - start).ok()?,
        };
        parts.extend(task_sum);
        contents = postcard::to_extend(&stored, contents).ok()?;
    }
    Some(Encoded { contents, parts })
}

/// The parts of a plan: where each task's bytes lie among them.
struct Layout<'a> {
    head: Head<'a>,
    /// Each task's bytes (without the checksum after them) and its bit sets.
    tasks: Vec<(Range<usize>, u64, u64)>,
    /// The length of all parts, checksums included.
    length: usize,
}

fn layout(contents: &[u8]) -> Option<Layout<'_>> {
    let (head, mut rest): (Head, _) = postcard::take_from_bytes(contents).ok()?;
    let mut at = head.about as usize + SUM;
    let mut tasks = Vec::with_capacity(head.tasks.min(rest.len()));
    for _ in 0..head.tasks {
        let task: StoredTask;
        (task, rest) = postcard::take_from_bytes(rest).ok()?;
        let end = at + task.length as usize;
        tasks.push((at..end, task.lead, task.support));
        at = end + SUM;
    }
    rest.is_empty().then_some(Layout {
        head,
        tasks,
        length: at,
    })
}

/// How many bytes the parts of a plan with these contents take in the plans file.
pub(super) fn parts_length(contents: &[u8]) -> Option<usize> {
    Some(layout(contents)?.length)
}

/// Whether every part of `parts` (all of a plan's) is intact.
pub(super) fn parts_intact(contents: &[u8], parts: &[u8]) -> bool {
    let Some(layout) = layout(contents) else {
        return false;
    };
    let about = 0..layout.head.about as usize;
    parts.len() == layout.length
        && std::iter::once(about)
            .chain(layout.tasks.into_iter().map(|(range, _, _)| range))
            .all(|range| intact(parts, range).is_some())
}

/// The part at `range` of `bytes`, if the checksum after it agrees.
fn intact(bytes: &[u8], range: Range<usize>) -> Option<&[u8]> {
    let part = bytes.get(range.clone())?;
    let written = bytes.get(range.end..range.end + SUM)?;
    (sum(part) == written).then_some(part)
}

/// The plan of `file` with these contents, its parts read by `read(bytes, at)` (fill
/// `bytes` from offset `at` of the plan's parts); with `wanted`, only the tasks it wants
/// are read. None if a part read is damaged.
pub(super) fn read_plan(
    contents: &[u8],
    file: &Path,
    wanted: Option<TaskWanted>,
    read: impl Fn(&mut [u8], u64) -> Option<()>,
) -> Option<Plan> {
    thread_local! {
        /// One buffer per thread: a query reads tens of thousands of plans.
        static BUFFER: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    let Layout {
        head, tasks: parts, ..
    } = layout(contents)?;
    let masks = wanted
        .filter(|_| !head.units.is_empty())
        .map(|wanted| wanted.masks(&head.units));
    let wants = |&(_, lead, support): &(Range<usize>, u64, u64)| {
        masks.is_none_or(|(want_lead, want_support)| {
            lead & want_lead != 0 || support & want_support != 0
        })
    };
    // The stretches of the parts to read: the head's rest for a whole plan, the wanted
    // tasks, joined where they lie close.
    let mut stretches: Vec<Range<usize>> = Vec::new();
    let about = 0..head.about as usize;
    let wanted_parts = wanted.is_none().then_some(about.clone()).into_iter().chain(
        parts
            .iter()
            .filter(|p| wants(p))
            .map(|(range, _, _)| range.clone()),
    );
    for part in wanted_parts {
        let end = part.end + SUM;
        match stretches.last_mut() {
            Some(last) if part.start <= last.end + GAP => last.end = end,
            _ => stretches.push(part.start..end),
        }
    }
    BUFFER.with_borrow_mut(|buffer| {
        let mut tasks: Vec<Task> = Vec::new();
        let mut about_read = None;
        let mut wanted_tasks = parts.iter().filter(|p| wants(p)).peekable();
        for stretch in stretches {
            if buffer.len() < stretch.len() {
                buffer.resize(stretch.len(), 0);
            }
            let bytes = &mut buffer[..stretch.len()];
            read(bytes, stretch.start as u64)?;
            let local =
                |range: &Range<usize>| range.start - stretch.start..range.end - stretch.start;
            if wanted.is_none() && stretch.start == 0 {
                let part = intact(bytes, local(&about))?;
                about_read = Some(postcard::from_bytes(part).ok()?);
            }
            while let Some((range, _, _)) =
                wanted_tasks.next_if(|(range, _, _)| range.end <= stretch.end)
            {
                let part = intact(bytes, local(range))?;
                tasks.push(postcard::from_bytes(part).ok()?);
            }
        }
        if wanted_tasks.next().is_some() {
            return None;
        }
        let About {
            title,
            signer,
            implements,
            monitor,
            source,
            note,
            sections,
        }: About<String, Vec<String>, Vec<Section>> = match wanted {
            Some(_) => About {
                title: String::new(),
                signer: None,
                implements: Vec::new(),
                monitor: None,
                source: None,
                note: None,
                sections: Vec::new(),
            },
            None => about_read?,
        };
        let Key {
            number,
            kind,
            issuer,
            issued,
        } = head.key;
        Some(Plan {
            number: number.to_string(),
            kind: kind.map(str::to_string),
            title,
            issuer: issuer.to_string(),
            issued,
            signer,
            implements,
            monitor,
            source,
            note,
            file: file.to_path_buf(),
            sections,
            tasks,
        })
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

    /// The plan read back from its encoding; the ranges of the parts that were read.
    fn read(encoded: &Encoded, wanted: Option<TaskWanted>) -> (Option<Plan>, Vec<Range<usize>>) {
        let reads = RefCell::new(Vec::new());
        let plan = read_plan(
            &encoded.contents,
            Path::new("p.toml"),
            wanted,
            |bytes, at| {
                let at = at as usize;
                bytes.copy_from_slice(encoded.parts.get(at..at + bytes.len())?);
                reads.borrow_mut().push(at..at + bytes.len());
                Some(())
            },
        );
        (plan, reads.into_inner())
    }

    fn units(codes: &[&str]) -> Vec<String> {
        codes.iter().map(|u| u.to_string()).collect()
    }

    #[test]
    fn a_stored_plan_brings_back_the_wanted_tasks_or_all() {
        let stored = plan(&["CNTT", "TST", "CNTT"]);
        let encoded = encode_plan(&stored).unwrap();
        assert_eq!(read(&encoded, None).0.unwrap(), stored);
        let wanted = |codes: &[&str], as_lead, as_support| {
            let units = units(codes);
            let wanted = TaskWanted {
                units: &units,
                as_lead,
                as_support,
            };
            ids(&read(&encoded, Some(wanted)).0.unwrap())
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
    fn only_the_wanted_tasks_are_read_and_a_plan_without_one_not_at_all() {
        // Tasks long enough that the unwanted ones between are not worth reading through.
        let mut stored = plan(&["CNTT", "TST", "TST", "CNTT"]);
        for task in &mut stored.tasks {
            task.content = task.content.repeat(400);
        }
        let encoded = encode_plan(&stored).unwrap();
        let cntt = units(&["CNTT"]);
        let as_lead = |units| TaskWanted {
            units,
            as_lead: true,
            as_support: false,
        };
        let (plan, reads) = read(&encoded, Some(as_lead(&cntt)));
        assert_eq!(ids(&plan.unwrap()), ["0", "3"]);
        let read_bytes: usize = reads.iter().map(Range::len).sum();
        assert_eq!(reads.len(), 2, "{reads:?}");
        assert!(read_bytes < encoded.parts.len() / 2, "{reads:?}");
        let (plan, reads) = read(&encoded, Some(as_lead(&units(&["XYZ"]))));
        assert_eq!(plan.unwrap().tasks, []);
        assert!(reads.is_empty(), "{reads:?}");
    }

    #[test]
    fn a_damaged_part_is_found_where_it_is_read() {
        let stored = plan(&["CNTT", "TST"]);
        let encoded = encode_plan(&stored).unwrap();
        let tst = units(&["TST"]);
        let tst = TaskWanted {
            units: &tst,
            as_lead: true,
            as_support: false,
        };
        assert!(parts_intact(&encoded.contents, &encoded.parts));
        // A byte of the first task's content, "Nhiệm vụ 0", changed to another letter.
        let mut damaged = Encoded {
            contents: encoded.contents.clone(),
            parts: encoded.parts.clone(),
        };
        let at = damaged.parts.windows(3).position(|w| w == b"Nhi").unwrap();
        damaged.parts[at] = b'M';
        assert!(!parts_intact(&damaged.contents, &damaged.parts));
        assert_eq!(read(&damaged, None).0, None);
        // A query that does not read that task is not misled by it; one that does is told.
        assert_eq!(ids(&read(&damaged, Some(tst)).0.unwrap()), ["1"]);
        let cntt = units(&["CNTT"]);
        let cntt = TaskWanted {
            units: &cntt,
            as_lead: true,
            as_support: false,
        };
        assert_eq!(read(&damaged, Some(cntt)).0, None);
        // Cut short.
        let short = &encoded.parts[..encoded.parts.len() - 1];
        assert!(!parts_intact(&encoded.contents, short));
    }

    #[test]
    fn a_plan_naming_more_than_64_units_brings_back_every_task() {
        let names: Vec<String> = (0..70).map(|i| format!("U{i}")).collect();
        let leads: Vec<&str> = names.iter().map(String::as_str).collect();
        let stored = plan(&leads);
        let encoded = encode_plan(&stored).unwrap();
        let nothing = TaskWanted {
            units: &[],
            as_lead: true,
            as_support: true,
        };
        // Past 64 units the index cannot tell; the query's own filter still applies.
        assert_eq!(read(&encoded, Some(nothing)).0.unwrap().tasks, stored.tasks);
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
        let encoded = encode_plan(&stored).unwrap();
        assert_eq!(read(&encoded, None).0.unwrap(), stored);
        let units = units(&["CNTT"]);
        let wanted = TaskWanted {
            units: &units,
            as_lead: true,
            as_support: false,
        };
        let read = read(&encoded, Some(wanted)).0.unwrap();
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
