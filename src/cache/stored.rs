//! Reading a stored plan back. A plan is stored as the model serialises it (postcard); it
//! is read through these twins of the model's types, whose texts are checked as UTF-8 by
//! simdutf8 and whose dates are read from their ten digits and dashes by hand. A warm
//! query reads every plan of the tree: the standard library's UTF-8 check of Vietnamese
//! text and chrono's date parser took a quarter of its time. The twins follow the model
//! field by field; a test stores and reads back plans of every shape.

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::deadline::{Kind, Resolution};
use crate::model::{Extension, Milestone, Plan, Progress, Section, Status, Task};

/// Text, stored as postcard stores a string: its length, then its bytes.
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        struct Bytes;
        impl<'de> Visitor<'de> for Bytes {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("UTF-8 text")
            }
            fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Text, E> {
                match simdutf8::basic::from_utf8(bytes) {
                    Ok(text) => Ok(Text(text.to_owned())),
                    Err(_) => Err(E::custom("stored text is not UTF-8")),
                }
            }
        }
        deserializer.deserialize_bytes(Bytes)
    }
}

/// A date, stored as chrono writes it: `YYYY-MM-DD` for the years plans use.
struct Day(NaiveDate);

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Day, D::Error> {
        let Text(text) = Text::deserialize(deserializer)?;
        let digits = |range: std::ops::Range<usize>| {
            text.get(range)
                .filter(|d| d.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|d| d.parse::<u32>().ok())
        };
        let quick = match (text.len(), digits(0..4), digits(5..7), digits(8..10)) {
            (10, Some(year), Some(month), Some(day)) => i32::try_from(year)
                .ok()
                .and_then(|year| NaiveDate::from_ymd_opt(year, month, day)),
            _ => None,
        };
        match quick {
            Some(date) => Ok(Day(date)),
            None => text.parse().map(Day).map_err(de::Error::custom),
        }
    }
}

fn text(t: Text) -> String {
    t.0
}

fn texts(t: Vec<Text>) -> Vec<String> {
    t.into_iter().map(text).collect()
}

fn day(d: Option<Day>) -> Option<NaiveDate> {
    d.map(|d| d.0)
}

#[derive(Deserialize)]
pub(super) struct StoredPlan {
    number: Text,
    kind: Option<Text>,
    title: Text,
    issuer: Text,
    issued: Day,
    signer: Option<Text>,
    implements: Vec<Text>,
    monitor: Option<Text>,
    source: Option<Text>,
    note: Option<Text>,
    closed: Option<Day>,
    closed_by: Option<Text>,
    file: PathBuf,
    sections: Vec<StoredSection>,
    tasks: Vec<StoredTask>,
}

#[derive(Deserialize)]
struct StoredSection {
    id: Text,
    title: Text,
}

#[derive(Deserialize)]
struct StoredMilestone {
    what: Text,
    deadline: Option<Text>,
    due: Option<Day>,
    schedule: Option<StoredResolution>,
    status: Status,
    done: Option<Day>,
    progress: Vec<StoredProgress>,
    extensions: Vec<StoredExtension>,
}

#[derive(Deserialize)]
struct StoredProgress {
    on: Day,
    status: Status,
    note: Option<Text>,
    occurrence: Option<Day>,
}

#[derive(Deserialize)]
struct StoredExtension {
    on: Day,
    from: Text,
    to: Text,
    by: Text,
    from_schedule: Option<StoredResolution>,
    to_schedule: Option<StoredResolution>,
}

#[derive(Deserialize)]
struct StoredTask {
    id: Text,
    section: Option<Text>,
    content: Text,
    lead: Vec<Text>,
    support: Vec<Text>,
    deadline: Option<Text>,
    due: Option<Day>,
    schedule: Option<StoredResolution>,
    product: Option<Text>,
    note: Option<Text>,
    status: Status,
    done: Option<Day>,
    progress: Vec<StoredProgress>,
    extensions: Vec<StoredExtension>,
    milestones: Vec<StoredMilestone>,
}

#[derive(Deserialize)]
struct StoredResolution {
    kind: Kind,
    start: Option<Day>,
    due: Option<Day>,
    dates: Vec<Day>,
}

impl From<StoredPlan> for Plan {
    fn from(p: StoredPlan) -> Plan {
        Plan {
            number: text(p.number),
            kind: p.kind.map(text),
            title: text(p.title),
            issuer: text(p.issuer),
            issued: p.issued.0,
            signer: p.signer.map(text),
            implements: texts(p.implements),
            monitor: p.monitor.map(text),
            source: p.source.map(text),
            note: p.note.map(text),
            closed: day(p.closed),
            closed_by: p.closed_by.map(text),
            file: p.file,
            sections: p.sections.into_iter().map(Section::from).collect(),
            tasks: p.tasks.into_iter().map(Task::from).collect(),
        }
    }
}

impl From<StoredSection> for Section {
    fn from(s: StoredSection) -> Section {
        Section {
            id: text(s.id),
            title: text(s.title),
        }
    }
}

impl From<StoredTask> for Task {
    fn from(t: StoredTask) -> Task {
        Task {
            id: text(t.id),
            section: t.section.map(text),
            content: text(t.content),
            lead: texts(t.lead),
            support: texts(t.support),
            deadline: t.deadline.map(text),
            due: day(t.due),
            schedule: t.schedule.map(Resolution::from),
            product: t.product.map(text),
            note: t.note.map(text),
            status: t.status,
            done: day(t.done),
            progress: t.progress.into_iter().map(Progress::from).collect(),
            extensions: t.extensions.into_iter().map(Extension::from).collect(),
            milestones: t.milestones.into_iter().map(Milestone::from).collect(),
        }
    }
}

impl From<StoredMilestone> for Milestone {
    fn from(m: StoredMilestone) -> Milestone {
        Milestone {
            what: text(m.what),
            deadline: m.deadline.map(text),
            due: day(m.due),
            schedule: m.schedule.map(Resolution::from),
            status: m.status,
            done: day(m.done),
            progress: m.progress.into_iter().map(Progress::from).collect(),
            extensions: m.extensions.into_iter().map(Extension::from).collect(),
        }
    }
}

impl From<StoredProgress> for Progress {
    fn from(p: StoredProgress) -> Progress {
        Progress {
            on: p.on.0,
            status: p.status,
            note: p.note.map(text),
            occurrence: day(p.occurrence),
        }
    }
}

impl From<StoredExtension> for Extension {
    fn from(e: StoredExtension) -> Extension {
        Extension {
            on: e.on.0,
            from: text(e.from),
            to: text(e.to),
            by: text(e.by),
            from_schedule: e.from_schedule.map(Resolution::from),
            to_schedule: e.to_schedule.map(Resolution::from),
        }
    }
}

impl From<StoredResolution> for Resolution {
    fn from(r: StoredResolution) -> Resolution {
        Resolution {
            kind: r.kind,
            start: day(r.start),
            due: day(r.due),
            dates: r.dates.into_iter().map(|d| d.0).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deadline::{Context, resolve};

    /// Plans of every shape go in as the model writes them and come back equal.
    #[test]
    fn a_stored_plan_reads_back_as_it_was() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let schedule = |text| resolve(text, Context { year: 2024 }).ok();
        let full = Task {
            id: "II.10".into(),
            section: Some("II".into()),
            content: "Rà soát, đơn giản hóa thủ tục hành chính".into(),
            lead: vec!["CNTT".into(), "TST".into()],
            support: vec!["BHXH-TINH".into()],
            deadline: Some("Quý II, III/2024".into()),
            due: Some(date(2024, 9, 30)),
            schedule: schedule("Quý II, III/2024"),
            product: Some("Báo cáo".into()),
            note: Some("Ghi chú".into()),
            status: Status::Done,
            done: Some(date(2024, 9, 1)),
            progress: vec![Progress {
                on: date(2024, 9, 1),
                status: Status::Done,
                note: Some("Đã hoàn thành".into()),
                occurrence: None,
            }],
            extensions: vec![Extension {
                on: date(2024, 6, 20),
                from: "Quý II/2024".into(),
                to: "Quý II, III/2024".into(),
                by: "Công văn số 1234/BHXH-VP".into(),
                from_schedule: schedule("Quý II/2024"),
                to_schedule: None,
            }],
            milestones: vec![Milestone {
                what: "Giai đoạn 1".into(),
                deadline: Some("Hàng quý".into()),
                due: None,
                schedule: schedule("Hàng quý"),
                status: Status::InProgress,
                done: None,
                progress: vec![Progress {
                    on: date(2024, 3, 1),
                    status: Status::InProgress,
                    note: None,
                    occurrence: Some(date(2024, 3, 31)),
                }],
                extensions: Vec::new(),
            }],
        };
        let bare = Task {
            id: "1".into(),
            section: None,
            content: String::new(),
            lead: Vec::new(),
            support: Vec::new(),
            deadline: None,
            due: Some(date(1, 1, 1)),
            schedule: schedule("Thường xuyên"),
            product: None,
            note: None,
            status: Status::Open,
            done: Some(date(12345, 12, 31)),
            progress: Vec::new(),
            extensions: Vec::new(),
            milestones: Vec::new(),
        };
        let plan = Plan {
            number: "24/QĐ-BHXH".into(),
            kind: Some("Quyết định".into()),
            title: "Chương trình hành động".into(),
            issuer: "BHXH Việt Nam".into(),
            issued: date(2024, 1, 19),
            signer: Some("Nguyễn Thế Mạnh".into()),
            implements: vec!["01/NQ-CP".into()],
            monitor: Some("VP".into()),
            source: None,
            note: Some("".into()),
            closed: Some(date(2025, 1, 15)),
            closed_by: Some("Báo cáo số 120/BC-BHXH".into()),
            file: "plans/2024/24-QD-BHXH.toml".into(),
            sections: vec![Section {
                id: "II".into(),
                title: "Nhiệm vụ".into(),
            }],
            tasks: vec![full, bare],
        };
        let bytes = postcard::to_allocvec(&plan).unwrap();
        let read: StoredPlan = postcard::from_bytes(&bytes).unwrap();
        assert_eq!(Plan::from(read), plan);
    }
}
