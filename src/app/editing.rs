//! `progress` and `extend`: find the plan's file, edit it in place, say what changed.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::bail;
use chrono::NaiveDate;

use super::exit;
use crate::check;
use crate::cli::{ExtendArgs, Global, ProgressArgs};
use crate::edit::{self, Change, EditError, Request};
use crate::load::{Tree, read_tree};
use crate::query::PlanKey;
use crate::render::{self, DiagnosticFormat, Style};
use crate::source::{SourceFile, Sources};

pub(super) fn progress(
    global: &Global,
    args: &ProgressArgs,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let request = Request {
        target: args.task.clone(),
        on: recorded_on(args.on, today, super::clock())?,
        change: Change::Progress {
            status: args.status,
            note: args.note.clone(),
            occurrence: args.occurrence,
        },
    };
    run(global, &args.plan, &request, style)
}

pub(super) fn extend(
    global: &Global,
    args: &ExtendArgs,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let request = Request {
        target: args.task.clone(),
        on: recorded_on(args.on, today, super::clock())?,
        change: Change::Extend {
            to: args.to.clone(),
            by: args.by.clone(),
        },
    };
    run(global, &args.plan, &request, style)
}

/// The day an edit records: `--on`, else `--today`. A `--today` after the real date is
/// refused here, by its own name: the user wrote no `--on` for the edit to blame. An
/// `--on` after it is refused with the edit's other checks.
pub(super) fn recorded_on(
    on: Option<NaiveDate>,
    today: NaiveDate,
    clock: NaiveDate,
) -> anyhow::Result<NaiveDate> {
    match on {
        Some(on) => Ok(on),
        None if today > clock => bail!(
            "the day recorded is `--today {today}` (`--on` was not given), which is after the real date, {clock}: give `--on`, on or before {clock}"
        ),
        None => Ok(today),
    }
}

fn run(global: &Global, plan: &str, request: &Request, style: Style) -> anyhow::Result<u8> {
    let clock = super::clock();
    let tree = read_tree(&global.plans)?;
    let (registry, _) = check::registry_of(&tree);
    let shown = plan_file(global, &tree, &registry, plan, clock)?;
    match edit::edit_file(&shown, &registry, clock, request) {
        Ok(edited) => {
            let mut out = super::stdout();
            render::write_edit(&edited, &shown, style.lang, &mut out)?;
            out.flush()?;
            warn(&edited.warnings, &shown, style)?;
            Ok(exit::OK)
        }
        Err(EditError::HasErrors { diagnostics, text }) => {
            let n = diagnostics.len();
            let first = &diagnostics[..1.min(n)];
            let plural = if n == 1 { "" } else { "s" };
            let heading = format!(
                "error: `{}` has {n} error{plural}; fix it first (`bhxh-plan check` shows them all). The first:\n",
                shown.display()
            );
            refuse(&heading, first, shown, text, style)
        }
        Err(EditError::WouldFail { diagnostics, text }) => {
            // The diagnostics point into the text the edit would have written, which is
            // not on disk: they are shown without the file's line numbers.
            let mut err = io::stderr().lock();
            writeln!(
                err,
                "error: nothing was written to `{}`: the change would give it {}:",
                shown.display(),
                if diagnostics.len() == 1 {
                    "this error"
                } else {
                    "these errors"
                }
            )?;
            render::write_would_fail(&diagnostics, &text, &mut err)?;
            Ok(exit::PROBLEMS)
        }
        Err(error) => Err(error.into()),
    }
}

/// The warnings the edit gave the file, on stderr as `check` shows them, against the
/// text just written. The edit stands: it was written, and the exit code is still 0.
fn warn(warnings: &[crate::diag::Diagnostic], shown: &Path, style: Style) -> anyhow::Result<()> {
    if warnings.is_empty() {
        return Ok(());
    }
    let text = std::fs::read(shown)
        .map(|bytes| crate::load::decode(&bytes).unwrap_or_else(|(lossy, _, _)| lossy))
        .unwrap_or_default();
    let mut sources = Sources::default();
    sources.add(SourceFile::with_text(shown.to_path_buf(), text));
    let color = style.color && io::stderr().is_terminal();
    render::write_diagnostics(
        warnings,
        &sources,
        DiagnosticFormat::Human { color },
        &mut io::stderr().lock(),
    )?;
    Ok(())
}

/// Says why nothing was written, with the diagnostics as `check` shows them; exit 1.
fn refuse(
    heading: &str,
    diagnostics: &[crate::diag::Diagnostic],
    shown: PathBuf,
    text: String,
    style: Style,
) -> anyhow::Result<u8> {
    let mut sources = Sources::default();
    sources.add(SourceFile::with_text(shown, text));
    let mut err = io::stderr().lock();
    err.write_all(heading.as_bytes())?;
    let color = style.color && io::stderr().is_terminal();
    render::write_diagnostics(
        diagnostics,
        &sources,
        DiagnosticFormat::Human { color },
        &mut err,
    )?;
    Ok(exit::PROBLEMS)
}

/// The file that holds the plan `written` names, as shown to users (a path that opens it
/// too). A file whose header could not be read holds it if its text names it: the edit
/// then says what is wrong with it.
fn plan_file(
    global: &Global,
    tree: &Tree,
    registry: &crate::units::Registry,
    written: &str,
    clock: NaiveDate,
) -> anyhow::Result<PathBuf> {
    let key = PlanKey::parse(written);
    let files = super::check_files(global, tree, registry, clock, false);
    let ids = tree.plan_files.iter().copied();
    let checked: Vec<_> = ids.zip(&files).collect();
    let mut holders: Vec<_> = checked
        .iter()
        .filter(|(_, f)| {
            f.key
                .as_ref()
                .is_some_and(|k| key.names(&k.issuer, &k.number))
        })
        .map(|(id, _)| *id)
        .collect();
    if holders.is_empty() {
        let quoted = format!("\"{}\"", key.number);
        holders = checked
            .iter()
            .filter(|(id, f)| {
                f.key.is_none()
                    && tree
                        .bytes(*id)
                        .is_ok_and(|b| String::from_utf8_lossy(&b).contains(&quoted))
            })
            .map(|(id, _)| *id)
            .collect();
    }
    let shown = |id| tree.sources.get(id).path.clone();
    match holders[..] {
        [id] => Ok(shown(id)),
        [] => {
            let numbers: Vec<&str> = checked
                .iter()
                .filter_map(|(_, f)| f.key.as_ref().map(|k| k.number.as_str()))
                .collect();
            let hint = match crate::query::suggest_plan(&key.number, numbers.iter().copied()) {
                Some(n) => format!("; did you mean `{n}`?"),
                None => format!("; the plans are {}", crate::diag::backticked(&numbers)),
            };
            bail!("no plan is numbered `{written}`{hint} (`bhxh-plan plans` lists them)")
        }
        _ => {
            let files: Vec<String> = holders
                .iter()
                .map(|&id| format!("`{}`", shown(id).display()))
                .collect();
            bail!(
                "`{written}` names plans in several files, {}: write ISSUER:NUMBER, or fix the duplicate (`bhxh-plan check`)",
                files.join(", ")
            )
        }
    }
}
