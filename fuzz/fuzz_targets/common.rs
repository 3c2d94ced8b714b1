//! Shared by the plan targets: a one-plan tree next to the real registry, checked, with
//! every diagnostic rendered in every format.

use std::path::Path;

use bhxh_plan::check::{Checked, check_tree};
use bhxh_plan::load::{Tree, tree_from_files};
use bhxh_plan::render::{DiagnosticFormat, write_diagnostics};
use chrono::NaiveDate;

/// The repository's own registry, so unit names in plans resolve as they do for real.
pub const UNITS: &[u8] = include_bytes!("../../plans/units.toml");

/// A fixed reference day: checking depends on it (`done` dates may not be in the future).
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 12, 31).unwrap()
}

/// `plans/units.toml` + `plans/a.toml` holding `plan`.
pub fn one_plan_tree(plan: &[u8]) -> Tree {
    tree_from_files(
        Path::new("plans"),
        vec![
            ("units.toml".into(), UNITS.to_vec()),
            ("a.toml".into(), plan.to_vec()),
        ],
    )
}

/// Checks the tree and renders its diagnostics as `check` would, in all three formats.
pub fn check_and_render(tree: &Tree) -> Checked {
    let checked = check_tree(tree, today());
    for format in [
        DiagnosticFormat::Human { color: false },
        DiagnosticFormat::Human { color: true },
        DiagnosticFormat::Json,
        DiagnosticFormat::Github,
    ] {
        let mut out = Vec::new();
        write_diagnostics(&checked.diagnostics, &tree.sources, format, &mut out)
            .expect("writing diagnostics into a Vec cannot fail");
    }
    checked
}
