//! `form` and `apply`: a unit's progress form out, and back into the plan files.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};
use chrono::NaiveDate;

use super::exit;
use crate::atomic::{self, ReplaceAllError, ReplaceError};
use crate::cli::{ApplyArgs, FormArgs, Global};
use crate::forms::apply::{self, Days};
use crate::forms::workbook::{self, Heading};
use crate::forms::{self, read};
use crate::load::read_tree;
use crate::render::{self, Style};

pub(super) fn form(
    global: &Global,
    args: &FormArgs,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let tree = read_tree(&global.plans)?;
    let checked = super::check_tree(global, &tree, true);
    let (units, note) = super::resolve_unit(&tree, &checked.registry, &args.unit, today, style)?;
    let unit = checked
        .registry
        .get(&units[0])
        .ok_or_else(|| anyhow!("the unit `{}` vanished from the registry", units[0]))?;
    let period = args.period.unwrap_or_else(|| forms::quarter_of(today));
    let path = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("{}-{period}.xlsx", unit.code)));
    let as_csv = match extension(&path).as_str() {
        "xlsx" => false,
        "csv" => true,
        _ => bail!(
            "`{}`: a form is written as .xlsx (or .csv for offices without Excel)",
            path.display()
        ),
    };
    if path.exists() && !args.force {
        bail!(
            "`{}` exists; nothing was written: choose another --out, or pass --force to replace it",
            path.display()
        );
    }
    let rows = forms::select(&checked.plans, &units, &period, today);
    let bytes = if as_csv {
        workbook::csv(&rows)
    } else {
        let heading = Heading {
            unit: unit.code.clone(),
            unit_name: unit.name.clone(),
            period,
            today,
        };
        workbook::xlsx(&rows, &heading).map_err(|e| anyhow!("cannot make the workbook: {e}"))?
    };
    atomic::write(&path, &bytes)?;
    if let Some(note) = note {
        writeln!(io::stderr(), "{note}")?;
    }
    let mut out = super::stdout();
    let period = period.to_string();
    render::write_form_written(&path, rows.len(), &unit.code, &period, style.lang, &mut out)?;
    out.flush()?;
    let color = style.color && io::stderr().is_terminal();
    super::report_problems(&tree, &checked, color)
}

pub(super) fn apply(
    global: &Global,
    args: &ApplyArgs,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let clock = super::clock();
    let on = super::editing::recorded_on(args.on, today, clock)?;
    if on > clock {
        bail!(
            "`--on {on}` is after the real date, {clock}: record what has happened, on or before {clock}"
        );
    }
    let file = &args.file;
    let filled = read::read(file).map_err(|e| anyhow!("`{}`: {e}", file.display()))?;
    let tree = read_tree(&global.plans)?;
    let checked = super::check_tree(global, &tree, true);
    let days = Days { clock, on };
    let outcome = apply::prepare(
        &filled,
        &checked.plans,
        &checked.keys,
        &checked.registry,
        days,
    );
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut err = io::stderr().lock();
    render::write_problems(&name, "note", &outcome.notices, &mut err)?;
    if !outcome.problems.is_empty() {
        render::write_problems(&name, "error", &outcome.problems, &mut err)?;
        let n = outcome.problems.len();
        let plural = if n == 1 { "" } else { "s" };
        writeln!(
            err,
            "error: nothing was written: `{name}` has {n} problem{plural}; correct the form and run `bhxh-plan apply` again"
        )?;
        return Ok(exit::PROBLEMS);
    }
    drop(err);
    if !args.dry_run {
        write_all(&outcome.files)?;
    }
    let mut out = super::stdout();
    render::write_applied(&outcome, args.dry_run, style.lang, &mut out)?;
    out.flush()?;
    Ok(exit::OK)
}

/// Replaces every touched plan file, or none.
fn write_all(files: &[apply::FileChange]) -> anyhow::Result<()> {
    for file in files {
        let readonly = std::fs::metadata(&file.path).map(|m| m.permissions().readonly());
        if readonly.unwrap_or(false) {
            bail!(
                "`{}` is read-only (permission denied); nothing was written: make it writable and run again",
                file.path.display()
            );
        }
    }
    let replacements: Vec<(&Path, &[u8], &[u8])> = files
        .iter()
        .map(|f| (f.path.as_path(), f.before.as_slice(), f.after.as_slice()))
        .collect();
    atomic::replace_all(&replacements).map_err(|e| match e {
        ReplaceAllError::Nothing(path, ReplaceError::Changed) => anyhow!(
            "`{}` changed on disk while the form was being recorded; nothing was written: run again",
            path.display()
        ),
        ReplaceAllError::Nothing(path, ReplaceError::Io(e)) => anyhow!(
            "cannot write `{}`: {e}; nothing was written",
            path.display()
        ),
        ReplaceAllError::Partial {
            written,
            failed,
            error,
            not_written,
        } => {
            let list = |paths: &[PathBuf]| {
                let names: Vec<String> =
                    paths.iter().map(|p| format!("`{}`", p.display())).collect();
                if names.is_empty() {
                    "none".to_string()
                } else {
                    names.join(", ")
                }
            };
            anyhow!(
                "cannot write `{}`: {error}. Written: {}; not written: {}, `{}`. Run `git diff` to see what was recorded",
                failed.display(),
                list(&written),
                list(&not_written),
                failed.display()
            )
        }
    })
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}
