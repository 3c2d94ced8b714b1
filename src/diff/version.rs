//! One version of a plan file as `diff` reads it: what the file says, read as far as it
//! can be. `check` gives no plan for a file with an error, but a pull request that
//! mistypes a unit in one task still changed the others, and a reviewer must see those
//! changes. A file that is not TOML is cut at its `[plan]`, `[defaults]`, `[[section]]`
//! and `[[task]]` headers and each part read alone, so a syntax error costs one task.

use chrono::NaiveDate;
use serde::Serialize;

use crate::check::next_year;
use crate::deadline::{self, Context};
use crate::load;
use crate::model::{DEFAULT_ISSUER, Status};
use crate::raw::{self, RawDefaults, RawExtension, RawPlan, RawProgress, RawTask, Sp, SpList};
use crate::units::{self, Registry};

/// The errors `check` found in a file: how many, and the first, for the reader to start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileErrors {
    pub count: usize,
    /// Where the first error is (one-based) and what it says.
    pub line: usize,
    pub column: usize,
    pub code: String,
    pub message: String,
}

/// A progress entry as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProgressEntry {
    pub on: Option<NaiveDate>,
    pub status: Option<String>,
    pub note: Option<String>,
    pub occurrence: Option<NaiveDate>,
}

/// An extension as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtensionEntry {
    pub on: Option<NaiveDate>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub by: Option<String>,
}

/// A stage of a task, as far as the diff compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageView {
    pub what: String,
    pub deadline: Option<String>,
    pub due: Option<NaiveDate>,
    pub progress: Vec<ProgressEntry>,
    pub extensions: Vec<ExtensionEntry>,
}

/// A task as written, its units resolved to registry codes where they resolve (an unknown
/// one stays as written) and its deadline to a due date where it reads, as `check` would.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskView {
    pub id: String,
    pub content: Option<String>,
    pub product: Option<String>,
    pub note: Option<String>,
    pub lead: Vec<String>,
    pub support: Vec<String>,
    /// Its own deadline, else `[defaults]`'.
    pub deadline: Option<String>,
    /// Its own due date or its last stage's, whichever is later.
    pub due: Option<NaiveDate>,
    /// `None` when the status written is not one the format knows.
    pub status: Option<Status>,
    pub progress: Vec<ProgressEntry>,
    pub extensions: Vec<ExtensionEntry>,
    pub stages: Vec<StageView>,
}

/// One plan file at one revision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanFile {
    /// The path as shown to users.
    pub path: String,
    pub number: Option<String>,
    pub issuer: String,
    pub title: Option<String>,
    pub tasks: Vec<TaskView>,
    /// Parts that could not be read.
    pub unread: Vec<Unread>,
    /// Something of the file could be read as TOML.
    pub readable: bool,
    pub errors: Option<FileErrors>,
    /// A hash of the bytes: an unchanged file with errors is not news.
    pub fingerprint: u64,
}

impl PlanFile {
    /// Reads a plan file's bytes; `errors` are what `check` found in it.
    pub fn read(
        path: String,
        bytes: &[u8],
        registry: &Registry,
        errors: Option<FileErrors>,
    ) -> PlanFile {
        let text = load::decode(bytes).unwrap_or_else(|(text, _, _)| text);
        let (raw, unread) = read_raw(&text);
        let mut file = PlanFile {
            path,
            number: None,
            issuer: DEFAULT_ISSUER.to_string(),
            title: None,
            tasks: Vec::new(),
            unread,
            readable: raw.is_some(),
            errors,
            fingerprint: fnv1a(bytes),
        };
        if let Some(raw) = raw {
            file.fill(&raw, registry);
        }
        file
    }

    fn fill(&mut self, raw: &RawPlan, registry: &Registry) {
        let header = raw.header.as_ref();
        let field =
            |get: fn(&raw::RawHeader) -> &Option<Sp<String>>| header.and_then(|h| present(get(h)));
        self.number = field(|h| &h.number);
        self.title = field(|h| &h.title);
        if let Some(issuer) = field(|h| &h.issuer) {
            self.issuer = issuer;
        }
        let issued = header.and_then(|h| h.issued.as_ref()).map(|d| *d.get_ref());
        let reader = TaskReader {
            registry,
            defaults: &raw.defaults,
            issued,
        };
        for raw_task in &raw.tasks {
            let Some(task) = reader.task(raw_task) else {
                continue;
            };
            if !self.tasks.iter().any(|t| t.id == task.id) {
                self.tasks.push(task);
            }
        }
    }

    /// Issuer and number folded as `check` compares them; `None` without a number.
    pub fn key(&self) -> Option<(String, String)> {
        let number = self.number.as_ref()?;
        Some((units::fold(&self.issuer), number.to_lowercase()))
    }

    /// The task with this id.
    pub fn task(&self, id: &str) -> Option<&TaskView> {
        self.tasks.iter().find(|t| t.id == id)
    }

    /// The task may be in a part of the file that could not be read.
    pub fn may_hold(&self, id: &str) -> bool {
        self.unread.iter().any(|part| match part {
            Unread::Task(unread) => unread == id,
            Unread::Line(_) => true,
        })
    }
}

/// A part of a file that is not TOML: a task, by the id it writes, or a part by the line
/// it starts on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unread {
    Task(String),
    Line(usize),
}

/// The text of an optional string, when it says something.
fn present(field: &Option<Sp<String>>) -> Option<String> {
    field.as_ref().and_then(said)
}

/// The text of a string, when it says something.
fn said(value: &Sp<String>) -> Option<String> {
    Some(value.get_ref().trim())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The raw plan of `text`, and the parts left unread; `None` when nothing is TOML.
fn read_raw(text: &str) -> (Option<RawPlan>, Vec<Unread>) {
    let mut scratch = Vec::new();
    if let Some(raw) = raw::parse_plan(0, text, &mut scratch) {
        return (Some(raw), Vec::new());
    }
    let mut whole = RawPlan {
        header: None,
        defaults: RawDefaults::default(),
        sections: Vec::new(),
        tasks: Vec::new(),
    };
    let mut unread = Vec::new();
    let mut any = false;
    for part in parts(text) {
        match raw::parse_plan(0, part.text, &mut scratch) {
            Some(raw) => {
                any = true;
                whole.header = whole.header.or(raw.header);
                if part.name == "defaults" {
                    whole.defaults = raw.defaults;
                }
                whole.sections.extend(raw.sections);
                whole.tasks.extend(raw.tasks);
            }
            None => unread.push(match written_id(part.text) {
                Some(id) if part.name == "task" => Unread::Task(id),
                _ => Unread::Line(part.line),
            }),
        }
    }
    (any.then_some(whole), unread)
}

/// A part of a plan file: one top-level table with its sub-tables.
struct Part<'t> {
    name: &'t str,
    /// One-based line of its header.
    line: usize,
    text: &'t str,
}

/// Cuts a plan file at its top-level table headers; `[[task.progress]]` and the like stay
/// with their task. Lines before the first header are a part of their own.
fn parts(text: &str) -> Vec<Part<'_>> {
    let mut parts = vec![Part {
        name: "",
        line: 1,
        text: "",
    }];
    let mut start = 0;
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        if let Some(name) = top_level_header(line) {
            parts.last_mut().expect("one part").text = &text[start..offset];
            parts.push(Part {
                name,
                line: index + 1,
                text: "",
            });
            start = offset;
        }
        offset += line.len();
    }
    parts.last_mut().expect("one part").text = &text[start..];
    parts.retain(|p| !p.text.trim().is_empty());
    parts
}

/// The name of a `[plan]`, `[defaults]`, `[[section]]` or `[[task]]` header line.
fn top_level_header(line: &str) -> Option<&'static str> {
    let line = line.trim();
    let line = line
        .split_once('#')
        .map_or(line, |(before, _)| before)
        .trim();
    let inner = line
        .strip_prefix("[[")
        .and_then(|l| l.strip_suffix("]]"))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')))?;
    let name = inner.trim().trim_matches('"');
    ["plan", "defaults", "section", "task"]
        .into_iter()
        .find(|known| *known == name)
}

/// The id a task part writes (`id = "1.2"`), read by eye when TOML cannot read it.
fn written_id(part: &str) -> Option<String> {
    part.lines().find_map(|line| {
        let value = line
            .trim()
            .strip_prefix("id")?
            .trim_start()
            .strip_prefix('=')?;
        let value = value.trim();
        let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let inner = &value[1..];
        Some(inner[..inner.find(quote)?].to_string())
    })
}

/// Reads tasks with what they inherit.
struct TaskReader<'a> {
    registry: &'a Registry,
    defaults: &'a RawDefaults,
    issued: Option<NaiveDate>,
}

impl TaskReader<'_> {
    fn task(&self, raw: &RawTask) -> Option<TaskView> {
        let id = present(&raw.id)?;
        let deadline = raw.deadline.as_ref().or(self.defaults.deadline.as_ref());
        let due = raw.due.as_ref().map(|d| *d.get_ref());
        let own_due = deadline.and_then(|d| self.due(d.get_ref(), due));
        let stages: Vec<StageView> = raw
            .milestones
            .iter()
            .filter_map(|m| {
                let deadline = m.deadline.as_ref().or(deadline);
                let due = m.due.as_ref().map(|d| *d.get_ref());
                Some(StageView {
                    what: present(&m.what)?,
                    deadline: deadline.and_then(said),
                    due: deadline.and_then(|d| self.due(d.get_ref(), due)),
                    progress: progress(&m.progress),
                    extensions: extensions(&m.extensions),
                })
            })
            .collect();
        let last_stage = stages.iter().filter_map(|s| s.due).max();
        let status = match &raw.status {
            None => Some(Status::Open),
            Some(s) => Status::parse(s.get_ref()),
        };
        Some(TaskView {
            id,
            content: present(&raw.content),
            product: present(&raw.product),
            note: present(&raw.note),
            lead: self.units(raw.lead.as_ref().or(self.defaults.lead.as_ref())),
            support: self.units(raw.support.as_ref().or(self.defaults.support.as_ref())),
            deadline: deadline.and_then(said),
            due: own_due.max(last_stage),
            status,
            progress: progress(&raw.progress),
            extensions: extensions(&raw.extensions),
            stages,
        })
    }

    /// Registry codes of the units named, as `check` reads them (on the day the plan was
    /// issued, where it says), an unknown name as written, each once.
    fn units(&self, written: Option<&SpList>) -> Vec<String> {
        let mut codes: Vec<String> = Vec::new();
        for name in written.into_iter().flat_map(|list| list.get_ref()) {
            let name = name.get_ref().trim();
            if name.is_empty() {
                continue;
            }
            let unit = match self.issued {
                Some(day) => self.registry.resolve_on(name, day),
                None => self.registry.resolve(name),
            };
            let code = match unit {
                Some(unit) => unit.code.clone(),
                None => name.to_string(),
            };
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        codes
    }

    /// The due date of a deadline as `check` reads it, the `due` override applied.
    fn due(&self, text: &str, due: Option<NaiveDate>) -> Option<NaiveDate> {
        let issued = self.issued?;
        let resolution = deadline::resolve_cached(text, Context::issued(issued)).ok()?;
        let resolution = next_year(text, &resolution, issued).map_or(resolution, |(r, _)| r);
        match due {
            Some(due) => resolution.overridden(due).due,
            None => resolution.due,
        }
    }
}

fn progress(entries: &[RawProgress]) -> Vec<ProgressEntry> {
    entries
        .iter()
        .map(|p| ProgressEntry {
            on: p.on.as_ref().map(|d| *d.get_ref()),
            status: present(&p.status),
            note: present(&p.note),
            occurrence: p.occurrence.as_ref().map(|d| *d.get_ref()),
        })
        .collect()
}

fn extensions(entries: &[RawExtension]) -> Vec<ExtensionEntry> {
    entries
        .iter()
        .map(|e| ExtensionEntry {
            on: e.on.as_ref().map(|d| *d.get_ref()),
            from: present(&e.from),
            to: present(&e.to),
            by: present(&e.by),
        })
        .collect()
}

/// FNV-1a: stable across runs and Rust versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
