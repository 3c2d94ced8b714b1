//! Every rule of DESIGN §1: raw structs → checked model plus diagnostics.
//!
//! Checking never stops at the first problem. A plan file with an error is left out of
//! the model (and named as skipped) so that queries never answer from half-read plans.

use std::collections::hash_map::Entry;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::deadline::{self, Context, Kind, Resolution};
use crate::diag::{self, Code, Diagnostic};
use crate::index::Index;
use crate::load::Tree;
use crate::model::{DEFAULT_ISSUER, Milestone, Plan, Section, Status, Task, Unit, UnitKind};
use crate::raw::{self, RawDefaults, RawMilestone, RawPlan, RawTask, RawUnit, Sp};
use crate::source::FileId;
use crate::units::{self, Registry};

/// What checking a tree produced; `T` is what each plan was turned into.
#[derive(Debug)]
pub struct Checked<T = Plan> {
    /// One value per plan whose file has no errors, in path order.
    pub plans: Vec<T>,
    /// (issuer, number) of every plan that loaded, errors or not.
    pub keys: Vec<(String, String)>,
    pub registry: Registry,
    /// Every problem, sorted by file and position (the files' warnings only when the scan
    /// asked for them).
    pub diagnostics: Vec<Diagnostic>,
    /// Plan files left out because they have errors.
    pub skipped: Vec<FileId>,
}

/// Checks every file of the tree and keeps the checked plans. `today` bounds `done` dates.
pub fn check_tree(tree: &Tree, today: NaiveDate) -> Checked {
    scan(tree, registry_of(tree), today, |plan| plan)
}

/// The registry of the tree, and its problems.
pub fn registry_of(tree: &Tree) -> (Registry, Vec<Diagnostic>) {
    let Some(file) = tree.units_file else {
        return (Registry::default(), Vec::new());
    };
    match tree.text(file) {
        Ok(text) => {
            let mut found = Vec::new();
            let registry = read_registry(file, &text, &mut found);
            if !found.is_empty() {
                tree.sources.get(file).keep(text);
            }
            (registry, found)
        }
        Err(problem) => (Registry::default(), vec![problem]),
    }
}

/// What checking one plan file gave.
struct Outcome<T> {
    file: FileId,
    diagnostics: Vec<Diagnostic>,
    /// (issuer, number, the span of the number) for the tree-wide rule.
    key: Option<PlanKey>,
    value: Option<T>,
}

struct PlanKey {
    issuer: String,
    number: String,
    span: Range<usize>,
    /// A hash of the number as the rule compares it (trimmed, lower case), made with the
    /// key on the core that checked the file, not afterwards on one core for the whole tree.
    folded: u64,
}

impl PlanKey {
    fn new(issuer: String, number: String, span: Range<usize>) -> PlanKey {
        use std::hash::Hasher;
        let mut hasher = rustc_hash::FxHasher::default();
        folded_number(&number).for_each(|c| hasher.write_u32(u32::from(c)));
        let folded = hasher.finish();
        PlanKey {
            issuer,
            number,
            span,
            folded,
        }
    }
}

/// How a scan may use the on-disk index.
#[derive(Clone, Copy)]
pub struct ScanOptions<'a> {
    /// Remembered results of unchanged files, and where to remember this run's.
    pub index: Option<&'a Index>,
    pub want: Want<'a>,
    /// Whether the files' warnings are wanted: a query shows only errors, and without
    /// warnings most files' diagnostics are not even read from the index.
    pub warnings: bool,
}

/// What a scan is for, which decides what the index must bring back.
#[derive(Clone, Copy)]
pub enum Want<'a> {
    /// `check`: diagnostics only.
    Diagnostics,
    /// Queries: the plans. With a filter, only the tasks a query can use, where it can
    /// tell from their units alone; plans checked afresh bring every task.
    Plans(Option<crate::index::TaskWanted<'a>>),
}

/// Checks every file of the tree on every core and turns each good plan into a `T` as
/// soon as it is checked, so that a query over a national tree holds one file per core
/// and what the query keeps, never the whole tree. Results keep the files' order.
pub fn scan<T: Send>(
    tree: &Tree,
    registry: (Registry, Vec<Diagnostic>),
    today: NaiveDate,
    keep: impl Fn(Plan) -> T + Sync,
) -> Checked<T> {
    let options = ScanOptions {
        index: None,
        want: Want::Plans(None),
        warnings: true,
    };
    scan_with(tree, registry, today, options, keep)
}

/// [`scan`], with the index.
pub fn scan_with<T: Send>(
    tree: &Tree,
    (registry, registry_problems): (Registry, Vec<Diagnostic>),
    today: NaiveDate,
    options: ScanOptions,
    keep: impl Fn(Plan) -> T + Sync,
) -> Checked<T> {
    let mut diagnostics = tree.diagnostics.clone();
    diagnostics.extend(registry_problems);
    let outcomes: Vec<Outcome<T>> = tree
        .plan_files
        .par_iter()
        .map(|&file| {
            let (mut outcome, plan) = remembered(tree, file, options)
                .unwrap_or_else(|| check_file(tree, file, &registry, today, options));
            if !options.warnings {
                outcome.diagnostics.retain(Diagnostic::is_error);
            }
            // A file with errors is skipped: nothing is made of its plan.
            let usable = !outcome.diagnostics.iter().any(Diagnostic::is_error);
            Outcome {
                file: outcome.file,
                diagnostics: outcome.diagnostics,
                key: outcome.key,
                value: plan.filter(|_| usable).map(&keep),
            }
        })
        .collect();

    let keys: Vec<(FileId, &PlanKey)> = outcomes
        .iter()
        .filter_map(|o| Some((o.file, o.key.as_ref()?)))
        .collect();
    let duplicates = duplicate_plans(&keys, |file| &tree.sources.get(file).path);
    for d in &duplicates {
        // The file had no problem of its own, so its text was not kept: read it again.
        if !tree.sources.get(d.file).has_text()
            && let Ok(text) = tree.text(d.file)
        {
            let spans = duplicates
                .iter()
                .filter(|o| o.file == d.file)
                .map(|o| o.span.clone());
            tree.sources.get(d.file).keep_lines(&text, spans);
        }
    }
    diagnostics.extend(duplicates);
    let mut all_keys = Vec::with_capacity(keys.len());
    let mut plans = Vec::new();
    let mut outcomes_left = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        diagnostics.extend(outcome.diagnostics);
        all_keys.extend(outcome.key.map(|key| (key.issuer, key.number)));
        outcomes_left.push((outcome.file, outcome.value));
    }
    let failed: FxHashSet<FileId> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file)
        .collect();
    let skipped: Vec<FileId> = tree
        .plan_files
        .iter()
        .copied()
        .filter(|f| failed.contains(f))
        .collect();
    for (file, value) in outcomes_left {
        if let Some(value) = value
            && !failed.contains(&file)
        {
            plans.push(value);
        }
    }
    diag::sort(&mut diagnostics);
    // A bad `[defaults]` value is met once per task that inherits it; report it once.
    diagnostics.dedup();
    Checked {
        plans,
        keys: all_keys,
        registry,
        diagnostics,
        skipped,
    }
}

/// A file's outcome from the index, if the file is unchanged and the index intact.
fn remembered(
    tree: &Tree,
    file: FileId,
    options: ScanOptions,
) -> Option<(Outcome<()>, Option<Plan>)> {
    let index = options.index?;
    let shown = &tree.sources.get(file).path;
    let entry = index.lookup(shown, tree.disk_path(file)?, options.warnings)?;
    let plan = match options.want {
        Want::Plans(wanted) if entry.has_plan() => Some(index.plan(&entry, wanted)?),
        // A file with errors gives queries nothing; one without was stored without its
        // plan (only `check` ran before): check it again for the plan.
        Want::Plans(_) if !entry.diagnostics.iter().any(Diagnostic::is_error) => return None,
        _ => None,
    };
    if !entry.diagnostics.is_empty() {
        match entry.lines {
            Some((len, lines)) => tree.sources.get(file).keep_kept(len, lines),
            None => {
                // Lines not remembered (a whole text was kept): the file is unchanged, read it.
                let text = tree.text(file).ok()?;
                let spans = entry.diagnostics.iter().map(|d| d.span.clone());
                tree.sources.get(file).keep_lines(&text, spans);
            }
        }
    }
    // Only now: a file whose lines could not be read again is checked again instead.
    index.reuse(&entry.path);
    let mut diagnostics = entry.diagnostics;
    for diagnostic in &mut diagnostics {
        diagnostic.file = file;
    }
    let outcome = Outcome {
        file,
        diagnostics,
        key: entry
            .key
            .map(|(issuer, number, span)| PlanKey::new(issuer, number, span)),
        value: None,
    };
    Some((outcome, plan))
}

fn check_file(
    tree: &Tree,
    file: FileId,
    registry: &Registry,
    today: NaiveDate,
    options: ScanOptions,
) -> (Outcome<()>, Option<Plan>) {
    let mut outcome = Outcome {
        file,
        diagnostics: Vec::new(),
        key: None,
        value: None,
    };
    let bytes = match tree.bytes(file) {
        Ok(bytes) => bytes,
        Err(error) => {
            let message = format!("cannot read: {}", error.kind());
            outcome
                .diagnostics
                .push(Diagnostic::new(Code::Unreadable, file, 0..0, message));
            return (outcome, None);
        }
    };
    let hash = options.index.map(|_| crate::index::hash(&bytes));
    let text = match crate::load::decode(bytes) {
        Ok(text) => text,
        Err((text, offset, message)) => {
            tree.sources.get(file).keep(text);
            outcome.diagnostics.push(Diagnostic::new(
                Code::Encoding,
                file,
                offset..offset,
                message,
            ));
            return (outcome, None);
        }
    };
    let mut plan = None;
    if let Some(raw) = raw::parse_plan(file, &text, &mut outcome.diagnostics) {
        let checker = PlanChecker {
            file,
            text: &text,
            registry,
            today,
            diags: &mut outcome.diagnostics,
        };
        let mut raw = raw;
        if let Some(mut checked) = checker.plan(&mut raw) {
            checked.file = tree.sources.get(file).path.clone();
            outcome.key = Some(PlanKey::new(
                checked.issuer.clone(),
                checked.number.clone(),
                header_span(&raw),
            ));
            plan = Some(checked);
        }
    }
    if !outcome.diagnostics.is_empty() {
        let spans = outcome.diagnostics.iter().map(|d| d.span.clone());
        tree.sources.get(file).keep_lines(&text, spans);
    }
    if let (Some(index), Some(hash), Some(disk)) = (options.index, hash, tree.disk_path(file))
        && let Some(mut entry) = Index::entry(
            &tree.sources.get(file).path,
            disk,
            hash,
            plan.as_ref().and_then(latest_done),
        )
    {
        entry.diagnostics = outcome.diagnostics.clone();
        entry.lines = tree.sources.get(file).kept();
        entry.key = outcome
            .key
            .as_ref()
            .map(|k| (k.issuer.clone(), k.number.clone(), k.span.clone()));
        // Queries skip a file with errors, so its plan is not worth storing.
        let usable = !outcome.diagnostics.iter().any(Diagnostic::is_error);
        index.keep(entry, plan.as_ref().filter(|_| usable));
    }
    (outcome, plan)
}

/// The latest `done` date of a plan's tasks and stages.
fn latest_done(plan: &Plan) -> Option<NaiveDate> {
    plan.tasks
        .iter()
        .flat_map(|t| {
            t.done
                .into_iter()
                .chain(t.milestones.iter().filter_map(|m| m.done))
        })
        .max()
}

fn header_span(raw: &RawPlan) -> Range<usize> {
    raw.header
        .as_ref()
        .and_then(|h| h.number.as_ref().map(Sp::span))
        .unwrap_or(0..0)
}

/// A plan number as the duplicate rule compares it: trimmed, in lower case.
fn folded_number(number: &str) -> impl Iterator<Item = char> + '_ {
    number.trim().chars().flat_map(char::to_lowercase)
}

/// (issuer, number) must be unique across the tree: a số hiệu is unique only per issuer.
fn duplicate_plans<'t>(
    plans: &[(FileId, &PlanKey)],
    path: impl Fn(FileId) -> &'t std::path::Path,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // A national tree has a few dozen issuers and tens of thousands of plans: each
    // spelling is folded once and each folded issuer numbered; the keys are ours, so
    // FxHash rather than SipHash.
    let mut seen: FxHashMap<(usize, u64), usize> =
        FxHashMap::with_capacity_and_hasher(plans.len(), Default::default());
    // Numbers whose hash a different number had first, compared in full.
    let mut collided: FxHashMap<(usize, String), usize> = FxHashMap::default();
    let mut spellings: FxHashMap<&str, usize> = FxHashMap::default();
    let mut issuers: FxHashMap<String, usize> = FxHashMap::default();
    for (i, (file, key)) in plans.iter().enumerate() {
        let issuer = *spellings.entry(&key.issuer).or_insert_with(|| {
            let next = issuers.len();
            *issuers.entry(units::fold(&key.issuer)).or_insert(next)
        });
        let first = match seen.entry((issuer, key.folded)) {
            Entry::Vacant(entry) => {
                entry.insert(i);
                continue;
            }
            Entry::Occupied(entry) => {
                let first = *entry.get();
                if folded_number(&plans[first].1.number).eq(folded_number(&key.number)) {
                    first
                } else {
                    match collided.entry((issuer, folded_number(&key.number).collect())) {
                        Entry::Vacant(entry) => {
                            entry.insert(i);
                            continue;
                        }
                        Entry::Occupied(entry) => *entry.get(),
                    }
                }
            }
        };
        let (first_file, first_key) = plans[first];
        for (at, here, other) in [(*file, *key, first_file), (first_file, first_key, *file)] {
            found.push(
                Diagnostic::new(
                    Code::DuplicatePlan,
                    at,
                    here.span.clone(),
                    format!(
                        "plan `{}` of `{}` is also defined in `{}`",
                        here.number,
                        here.issuer,
                        path(other).display()
                    ),
                )
                .with_label("number used twice by one issuer"),
            );
        }
    }
    found
}

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
    today: NaiveDate,
    diags: &'a mut Vec<Diagnostic>,
}

impl PlanChecker<'_> {
    /// The checked plan. Long texts are moved out of `raw`, leaving their spans.
    fn plan(mut self, raw: &mut RawPlan) -> Option<Plan> {
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
        let mut ids: FxHashSet<String> = FxHashSet::default();
        for raw_task in raw_tasks {
            if let Some(task) = self.task(defaults, raw_task, sections, issued)
                && !self.duplicate_task(&mut ids, &task, raw_task)
            {
                tasks.push(task);
            }
        }
        tasks
    }

    fn duplicate_task(&mut self, ids: &mut FxHashSet<String>, task: &Task, raw: &RawTask) -> bool {
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
        } else if date > self.today {
            Some(format!(
                "`done` date {date} is in the future (today is {})",
                self.today
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

    #[test]
    fn duplicate_plans_compare_numbers_in_full_even_when_their_hashes_collide() {
        let key = |issuer: &str, number: &str| PlanKey::new(issuer.into(), number.into(), 0..1);
        let mut keys = [
            key("BHXH Việt Nam", "12/KH-BHXH"),
            key("BHXH Việt Nam", " 12/kh-bhxh"),
            key("BHXH tỉnh Quảng Ngãi", "12/KH-BHXH"),
            key("BHXH Việt Nam", "13/KH-BHXH"),
            key("BHXH Việt Nam", "14/KH-BHXH"),
            key("BHXH Việt Nam", "14/KH-BHXH"),
        ];
        // Hashes that collide: 13 and 14 share the hash of 12, yet are other numbers.
        let folded = keys[0].folded;
        keys[3].folded = folded;
        keys[4].folded = folded;
        keys[5].folded = folded;
        let plans: Vec<(FileId, &PlanKey)> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (i as FileId, k))
            .collect();
        let path = std::path::PathBuf::from("p.toml");
        let found: Vec<(FileId, String)> = duplicate_plans(&plans, |_| &path)
            .into_iter()
            .map(|d| (d.file, d.message))
            .collect();
        let message = |number: &str| {
            format!("plan `{number}` of `BHXH Việt Nam` is also defined in `p.toml`")
        };
        assert_eq!(
            found,
            [
                (1, message(" 12/kh-bhxh")),
                (0, message("12/KH-BHXH")),
                (5, message("14/KH-BHXH")),
                (4, message("14/KH-BHXH")),
            ]
        );
    }
}
