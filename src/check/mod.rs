//! Every rule of DESIGN §1: a plan file's bytes and the units registry → its checked plan
//! and diagnostics ([`check_file`], pure), then the one rule over the whole tree
//! ([`finish`]: (issuer, number) unique).
//!
//! Checking never stops at the first problem. A plan file with an error is left out of
//! the model (and named as skipped) so that queries never answer from half-read plans.
//! Checking depends on the file alone: the one rule that needs a date compares `done` with
//! the real clock (a typo), never with `--today`.
//!
//! One module per rule: `plan` walks a file to its model and holds rule 2's per-file
//! part (the header), `tasks` rule 3, `unit_refs` rule 4, `deadlines` rule 5,
//! `done` rule 6, `ditto` rule 7 and `duplicates` rule 2 over the tree; rule 1 is
//! the reader's ([`crate::raw`]). `fields` reads required and optional fields for all,
//! `registry` checks `units.toml` and `glossary` `glossary.toml`.

mod deadlines;
mod ditto;
mod done;
mod duplicates;
mod fields;
mod glossary;
mod history;
mod plan;
mod registry;
mod tasks;
mod unit_refs;

use std::collections::HashSet;
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::diag::{self, Code, Diagnostic};
use crate::glossary::Glossary;
use crate::load::{self, Tree};
use crate::model::Plan;
use crate::source::{FileId, KeptText};
use crate::units::Registry;
use plan::PlanOutcome;

pub(crate) use deadlines::next_year;
pub use history::occurrences_of;
pub use registry::read_registry;

/// What checking one plan file gave: everything a run needs of it, so that a cache can
/// keep it and give it back instead of reading and checking the file again.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedFile {
    /// The plan, when the file itself has no error (boxed: a tree's files are held until
    /// the tree-wide rule has run, most without their plans when only checking).
    pub plan: Option<Box<Plan>>,
    /// Issuer and number, for the tree-wide rule, when the header has them.
    pub key: Option<PlanKey>,
    pub diagnostics: Vec<Diagnostic>,
    /// The lines the diagnostics (and the plan number) point at, to show them.
    pub lines: KeptText,
    /// A date of the file lies after the clock it was checked with, so the same bytes
    /// may check differently on a later day.
    pub dated_after_clock: bool,
}

impl CheckedFile {
    /// Gives the diagnostics the id the file has in this run.
    pub fn set_file(&mut self, file: FileId) {
        for diagnostic in &mut self.diagnostics {
            diagnostic.file = file;
        }
    }

    fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// A plan's issuer and number, and where the number is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanKey {
    pub issuer: String,
    pub number: String,
    pub span: Range<usize>,
}

/// Checks one plan file. `clock` is the real date: a `done` date after it is a typo.
pub fn check_file(
    file: FileId,
    bytes: &[u8],
    registry: &Registry,
    clock: NaiveDate,
) -> CheckedFile {
    let text = match load::decode(bytes) {
        Ok(text) => text,
        Err((text, offset, message)) => {
            let encoding = Diagnostic::new(Code::Encoding, file, offset..offset, message);
            return CheckedFile::of(&text, PlanOutcome::default(), vec![encoding]);
        }
    };
    let mut diagnostics = Vec::new();
    let mut checked = plan::check_plan(file, &text, registry, clock, &mut diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        checked.plan = None;
    }
    CheckedFile::of(&text, checked, diagnostics)
}

impl CheckedFile {
    fn of(text: &str, checked: PlanOutcome, diagnostics: Vec<Diagnostic>) -> CheckedFile {
        let spans = diagnostics
            .iter()
            .map(|d| d.span.clone())
            .chain(checked.key.as_ref().map(|k| k.span.clone()));
        CheckedFile {
            lines: KeptText::of(text, spans),
            plan: checked.plan.map(Box::new),
            key: checked.key,
            diagnostics,
            dated_after_clock: checked.dated_after_clock,
        }
    }

    /// A file that could not be read.
    pub fn unreadable(file: FileId, error: &std::io::Error) -> CheckedFile {
        let diagnostic = load::unreadable(file, error);
        CheckedFile::of("", PlanOutcome::default(), vec![diagnostic])
    }
}

/// What checking a tree produced.
#[derive(Debug)]
pub struct Checked {
    /// The plans of files without errors, in path order.
    pub plans: Vec<Plan>,
    /// (issuer, number) of every plan whose header loaded, errors or not.
    pub keys: Vec<(String, String)>,
    pub registry: Registry,
    pub glossary: Glossary,
    /// Every problem, sorted by file and position.
    pub diagnostics: Vec<Diagnostic>,
    /// Plan files left out because they have errors.
    pub skipped: Vec<FileId>,
}

/// Checks every file of the tree on every core. `clock` is the real date.
pub fn check_tree(tree: &Tree, clock: NaiveDate) -> Checked {
    let shared = shared_of(tree);
    let registry = &shared.registry;
    let files = tree
        .plan_files
        .par_iter()
        .map(|&file| match tree.bytes(file) {
            Ok(bytes) => check_file(file, &bytes, registry, clock),
            Err(error) => CheckedFile::unreadable(file, &error),
        })
        .collect();
    finish(tree, shared, files)
}

/// Applies the tree-wide rule to the checked files (one per plan file, in the tree's
/// order) and gathers the result; the files' kept lines go to the tree's sources.
pub fn finish(tree: &Tree, shared: Shared, files: Vec<CheckedFile>) -> Checked {
    let Shared {
        registry,
        glossary,
        problems,
    } = shared;
    let mut diagnostics = tree.diagnostics.clone();
    diagnostics.extend(problems);
    let ids = &tree.plan_files;
    let keys: Vec<(FileId, &PlanKey)> = ids
        .iter()
        .zip(&files)
        .filter_map(|(&id, f)| Some((id, f.key.as_ref()?)))
        .collect();
    let duplicates = duplicates::duplicate_plans(&keys, |file| &tree.sources.get(file).path);
    let duplicated: HashSet<FileId> = duplicates.iter().map(|d| d.file).collect();
    diagnostics.extend(duplicates);
    let mut failed = Vec::new();
    let mut plans = Vec::new();
    let mut all_keys = Vec::new();
    for (&id, file) in ids.iter().zip(files) {
        let duplicate = duplicated.contains(&id);
        if file.has_errors() || duplicate {
            failed.push(id);
        } else if let Some(mut plan) = file.plan {
            plan.file = tree.sources.get(id).path.clone();
            plans.push(*plan);
        }
        if !file.diagnostics.is_empty() || duplicate {
            tree.sources.get(id).keep_kept(file.lines);
        }
        diagnostics.extend(file.diagnostics);
        all_keys.extend(file.key.map(|k| (k.issuer, k.number)));
    }
    diag::sort(&mut diagnostics);
    // A bad `[defaults]` value is met once per task that inherits it; report it once.
    diagnostics.dedup();
    Checked {
        plans,
        keys: all_keys,
        registry,
        glossary,
        diagnostics,
        skipped: failed,
    }
}

/// What every plan of a tree is read with, from the files beside them: the units registry
/// and the glossary, with their problems.
pub struct Shared {
    pub registry: Registry,
    pub glossary: Glossary,
    pub problems: Vec<Diagnostic>,
}

/// Reads and checks `units.toml` and `glossary.toml`.
pub fn shared_of(tree: &Tree) -> Shared {
    let (registry, mut problems) = registry_of(tree);
    let (glossary, glossary_problems) = glossary::glossary_of(tree);
    problems.extend(glossary_problems);
    Shared {
        registry,
        glossary,
        problems,
    }
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
                tree.sources.get(file).keep(&text);
            }
            (registry, found)
        }
        Err(problem) => (Registry::default(), vec![problem]),
    }
}

/// What the rules' tests check against and how they show the result: as `check` prints
/// it, so that a snapshot is what a user sees.
#[cfg(test)]
pub(crate) mod testing {
    use crate::diag::{self, Diagnostic};
    use crate::render::{DiagnosticFormat, write_diagnostics};
    use crate::source::{SourceFile, Sources};

    /// A small registry: four central units (`THU` merged into `TST`) and a vague one.
    pub const UNITS: &str = r#"
[[unit]]
code = "CNTT"
name = "Trung tâm Công nghệ thông tin"
aliases = ["Trung tâm CNTT"]

[[unit]]
code = "PC"
name = "Vụ Pháp chế"

[[unit]]
code = "TST"
name = "Ban Quản lý Thu - Sổ, thẻ"

[[unit]]
code = "THU"
name = "Ban Thu"
successor = "TST"

[[unit]]
code = "LIENQUAN"
name = "Các đơn vị liên quan"
kind = "vague"
"#;

    /// A valid `[plan]`, lines 1 to 4.
    pub const HEADER: &str =
        "[plan]\nnumber = \"1/KH-BHXH\"\ntitle = \"Kế hoạch thử\"\nissued = 2017-02-28\n";

    /// A plan file: [`HEADER`], then `rest` from line 5.
    pub fn plan(rest: &str) -> String {
        format!("{HEADER}{rest}")
    }

    /// A plan with one task that has an id, a content and a lead, then `fields` (lines).
    pub fn task(fields: &str) -> String {
        plan(&format!(
            "\n[[task]]\nid = \"1\"\ncontent = \"Xây dựng kế hoạch\"\nlead = [\"CNTT\"]\n{fields}"
        ))
    }

    /// The real date the tests check with.
    pub fn clock() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2024, 6, 30).unwrap()
    }

    /// Checks `text` as the plan file `a.toml` against [`UNITS`] and renders its
    /// diagnostics.
    pub fn rendered(text: &str) -> String {
        let mut found = Vec::new();
        let registry = super::read_registry(1, UNITS, &mut found);
        assert_eq!(found, [], "the tests' registry is clean");
        let checked = super::check_file(0, text.as_bytes(), &registry, clock());
        render(&[("a.toml", text)], checked.diagnostics)
    }

    /// The plan of `text` checked as [`rendered`] checks it; panics on any error.
    pub fn checked(text: &str) -> crate::model::Plan {
        let mut found = Vec::new();
        let registry = super::read_registry(1, UNITS, &mut found);
        let checked = super::check_file(0, text.as_bytes(), &registry, clock());
        let errors: Vec<_> = checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == diag::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        *checked.plan.expect("a plan")
    }

    /// Shows each case of `cases` with `show` under the case's heading, so that one
    /// snapshot holds every case of a rule. A case starts with a line `=== name`; its text
    /// runs to the next such line, blank lines at its end dropped. A case that finds
    /// nothing says so.
    pub fn cases(cases: &str, show: impl Fn(&str) -> String) -> String {
        let mut out = String::new();
        for case in cases.split("\n=== ").skip(1) {
            let (name, text) = case.split_once('\n').unwrap_or((case, ""));
            let shown = show(&format!("{}\n", text.trim_end()));
            let shown = match shown.trim_end() {
                "" => "no diagnostics",
                shown => shown,
            };
            out.push_str(&format!("=== {name}\n{shown}\n\n"));
        }
        out
    }

    /// Renders diagnostics of `files` (path and text, a file's id its place) as `check`
    /// prints them without colour: sorted, each once.
    pub fn render(files: &[(&str, &str)], mut diagnostics: Vec<Diagnostic>) -> String {
        diag::sort(&mut diagnostics);
        diagnostics.dedup();
        let mut sources = Sources::default();
        for (path, text) in files {
            sources.add(SourceFile::with_text(path.into(), text.to_string()));
        }
        let mut out = Vec::new();
        let human = DiagnosticFormat::Human { color: false };
        write_diagnostics(&diagnostics, &sources, human, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }
}
