//! The checked model: plans, sections, tasks, milestones and units. No I/O.
//!
//! Values here have passed `check`: units are registry codes, required fields are present.

use std::path::PathBuf;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::deadline::Resolution;

/// What kind of body a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A unit of BHXH Việt Nam (Ban, Vụ, Trung tâm).
    Central,
    /// The provincial BHXH offices.
    Province,
    /// A ministry, the government office, a partner.
    External,
    /// A pseudo-unit such as "Các đơn vị liên quan".
    Vague,
}

impl UnitKind {
    /// The spellings accepted in `units.toml`.
    pub const NAMES: &'static [&'static str] = &["central", "province", "external", "vague"];

    /// Parses a `kind` value of `units.toml`.
    pub fn parse(text: &str) -> Option<Self> {
        let all = [Self::Central, Self::Province, Self::External, Self::Vague];
        all.into_iter()
            .find(|kind| Self::NAMES[*kind as usize] == text)
    }
}

/// One entry of the units registry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    pub code: String,
    pub name: String,
    pub aliases: Vec<Alias>,
    pub kind: UnitKind,
    /// The unit this one was merged or renamed into.
    pub successor: Option<String>,
    /// When the unit came into being, where a source says so.
    pub from: Option<NaiveDate>,
    /// When the unit ceased (its last day), where a source says so.
    pub until: Option<NaiveDate>,
}

/// Another spelling of a unit. Without days of its own it names the unit as long as the
/// unit exists; with them, only on those days: "BHXH khu vực II" named the Hồ Chí Minh
/// City office, then the Sơn La one (DESIGN §2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alias {
    pub name: String,
    /// The first day it names the unit; absent: the unit's `from`.
    pub from: Option<NaiveDate>,
    /// The last day it names the unit; absent: the unit's `until`.
    pub until: Option<NaiveDate>,
}

impl From<&str> for Alias {
    /// A plain alias, with no days of its own.
    fn from(name: &str) -> Self {
        Alias {
            name: name.to_string(),
            from: None,
            until: None,
        }
    }
}

/// The days a spelling names a unit, both ends included; an absent end is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Window {
    pub from: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

impl Window {
    /// Every day.
    pub const ALWAYS: Window = Window {
        from: None,
        until: None,
    };

    /// True when `day` is inside.
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= day) && self.until.is_none_or(|u| day <= u)
    }

    /// True when some day is inside both.
    pub fn overlaps(&self, other: &Window) -> bool {
        let starts_before_other_ends = match (self.from, other.until) {
            (Some(f), Some(u)) => f <= u,
            _ => true,
        };
        let other_starts_before_end = match (other.from, self.until) {
            (Some(f), Some(u)) => f <= u,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_end
    }

    /// Days from `day` to the nearest day inside; 0 inside.
    pub fn distance(&self, day: NaiveDate) -> i64 {
        match (self.from, self.until) {
            (Some(f), _) if day < f => (f - day).num_days(),
            (_, Some(u)) if day > u => (day - u).num_days(),
            _ => 0,
        }
    }
}

impl Unit {
    /// The days the unit exists: its `from` to its `until`.
    pub fn window(&self) -> Window {
        Window {
            from: self.from,
            until: self.until,
        }
    }

    /// Every spelling with the days it names the unit: the code always (codes are
    /// identifiers, never shared), the name while the unit exists, each alias on its own
    /// days or else the unit's.
    pub fn spellings(&self) -> impl Iterator<Item = (&str, Window)> {
        let unit = self.window();
        let aliases = self.aliases.iter().map(move |a| {
            let days = Window {
                from: a.from.or(unit.from),
                until: a.until.or(unit.until),
            };
            (a.name.as_str(), days)
        });
        [
            (self.code.as_str(), Window::ALWAYS),
            (self.name.as_str(), unit),
        ]
        .into_iter()
        .chain(aliases)
    }
}

/// Progress of a task or stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Open,
    InProgress,
    Done,
    Cancelled,
}

impl Status {
    /// The spellings accepted in plan files.
    pub const NAMES: &'static [&'static str] = &["open", "in-progress", "done", "cancelled"];

    /// Parses a `status` value.
    pub fn parse(text: &str) -> Option<Self> {
        let all = [Self::Open, Self::InProgress, Self::Done, Self::Cancelled];
        all.into_iter().find(|status| status.as_str() == text)
    }

    /// The spelling used in plan files and JSON.
    pub fn as_str(self) -> &'static str {
        Status::NAMES[self as usize]
    }

    /// Done and cancelled work can no longer be late.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }
}

/// What a unit reported of a task or stage on a day (DESIGN §6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub on: NaiveDate,
    pub status: Status,
    /// Kết quả thực hiện, khó khăn, vướng mắc.
    pub note: Option<String>,
    /// Of a recurring task: the due day of the occurrence reported.
    pub occurrence: Option<NaiveDate>,
}

/// A deadline moved by an official document (gia hạn).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extension {
    /// When it was granted.
    pub on: NaiveDate,
    /// The deadline before, verbatim.
    pub from: String,
    /// The new deadline, verbatim.
    pub to: String,
    /// The document that granted it.
    pub by: String,
    /// What `from` means in days.
    pub from_schedule: Option<Resolution>,
    /// What `to` means in days.
    pub to_schedule: Option<Resolution>,
}

/// A heading of the plan's appendix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub title: String,
}

/// A stage of a task with its own deadline and status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub what: String,
    /// The deadline text as written (the task's when the stage has none).
    pub deadline: Option<String>,
    /// The `due` override.
    pub due: Option<NaiveDate>,
    /// What the deadline means in days, with the `due` override applied.
    pub schedule: Option<Resolution>,
    pub status: Status,
    pub done: Option<NaiveDate>,
    pub progress: Vec<Progress>,
    pub extensions: Vec<Extension>,
}

/// One row of a plan's appendix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    pub id: String,
    pub section: Option<String>,
    pub content: String,
    /// Registry codes of the lead units (đơn vị chủ trì).
    pub lead: Vec<String>,
    /// Registry codes of the coordinating units (đơn vị phối hợp).
    pub support: Vec<String>,
    /// The deadline text: the task's own, or the plan's default; none when only stages have one.
    pub deadline: Option<String>,
    /// The `due` override.
    pub due: Option<NaiveDate>,
    /// What the deadline means in days, with the `due` override applied; none when only
    /// the milestones have deadlines.
    pub schedule: Option<Resolution>,
    pub product: Option<String>,
    pub note: Option<String>,
    pub status: Status,
    pub done: Option<NaiveDate>,
    pub progress: Vec<Progress>,
    pub extensions: Vec<Extension>,
    pub milestones: Vec<Milestone>,
}

/// One plan file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub number: String,
    pub kind: Option<String>,
    pub title: String,
    pub issuer: String,
    pub issued: NaiveDate,
    pub signer: Option<String>,
    pub implements: Vec<String>,
    pub monitor: Option<String>,
    pub source: Option<String>,
    pub note: Option<String>,
    /// The day tracking ended (the final report): unfinished tasks are then no longer
    /// overdue but "chưa hoàn thành khi kết thúc kế hoạch".
    pub closed: Option<NaiveDate>,
    /// The document that closed it: "Báo cáo số …".
    pub closed_by: Option<String>,
    /// The file the plan was read from, as shown to users.
    pub file: PathBuf,
    pub sections: Vec<Section>,
    pub tasks: Vec<Task>,
}

/// The issuer every plan has unless it says otherwise.
pub const DEFAULT_ISSUER: &str = "BHXH Việt Nam";
