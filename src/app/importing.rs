//! `import`: a plan's appendix into a plan file.

use std::io::{self, Write};
use std::path::Path;

use anyhow::{Context, bail};
use chrono::{Datelike, NaiveDate};

use super::exit;
use crate::atomic::{self, ReplaceError};
use crate::check;
use crate::cli::{Global, ImportArgs};
use crate::import::{self, Options, SourceKind};
use crate::load::read_tree;

pub(super) fn import(global: &Global, args: &ImportArgs, today: NaiveDate) -> anyhow::Result<u8> {
    let shown = args.source.display().to_string();
    let Some(kind) = SourceKind::of(&shown) else {
        bail!(
            "`{shown}`: import reads .docx, .xlsx, .csv, .tsv or .txt (tab-separated) and .md files"
        );
    };
    // The file as it is before the import, to tell what overwriting it would lose and to
    // replace it only if nobody wrote it meanwhile.
    let before = match &args.out {
        Some(out) if out.exists() => {
            if !args.force {
                bail!("`{}` exists: pass --force to overwrite it", out.display());
            }
            Some(std::fs::read(out).with_context(|| format!("cannot read `{}`", out.display()))?)
        }
        _ => None,
    };
    let bytes = std::fs::read(&args.source).with_context(|| format!("cannot read `{shown}`"))?;
    let tree = read_tree(&global.plans)?;
    let (registry, _) = check::registry_of(&tree);
    let options = Options {
        number: args.number.clone(),
        issued: args.issued,
        title: args.title.clone(),
        kind: args.kind.clone(),
        issuer: args.issuer.clone(),
        table: args.table.map(usize::from),
        fallback_year: today.year(),
    };
    let imported = match import::import(&shown, &bytes, kind, &options, &registry) {
        Ok(imported) => imported,
        Err(error) => {
            writeln!(io::stderr(), "error: `{shown}`: {error}")?;
            return Ok(exit::PROBLEMS);
        }
    };
    match (&args.out, &before) {
        (Some(path), Some(before)) => overwrite(path, before, &imported.toml, args)?,
        (Some(path), None) => atomic::write(path, imported.toml.as_bytes())?,
        (None, _) => io::stdout().lock().write_all(imported.toml.as_bytes())?,
    }
    let mut err = io::stderr().lock();
    for problem in &imported.problems {
        writeln!(err, "warning: {problem}")?;
    }
    let draft = &imported.draft;
    writeln!(
        err,
        "imported {} task{} in {} section{} from `{shown}`{}",
        draft.tasks.len(),
        if draft.tasks.len() == 1 { "" } else { "s" },
        draft.sections.len(),
        if draft.sections.len() == 1 { "" } else { "s" },
        match imported.problems.len() {
            0 => String::new(),
            n => format!(
                "; {n} problem{} to look at (the draft is written anyway)",
                if n == 1 { "" } else { "s" }
            ),
        }
    )?;
    Ok(if imported.problems.is_empty() {
        exit::OK
    } else {
        exit::PROBLEMS
    })
}

/// Replaces an existing plan file by the import, unless it records what the appendix
/// cannot carry (progress, extensions, statuses, hand-written keys and comments) and
/// `--discard-recorded` was not given: DESIGN §9.
fn overwrite(path: &Path, before: &[u8], toml: &str, args: &ImportArgs) -> anyhow::Result<()> {
    let recorded = import::recorded(before, toml);
    if !recorded.is_empty() && !args.discard_recorded {
        let shown = path.display();
        bail!(
            "`{shown}` records what an appendix cannot carry, and overwriting it would lose it: \
             {}. Nothing was written. To take the appendix's changes, import it to another \
             file (--out NEW.toml), compare the two, and make the changes in `{shown}` by hand \
             (a new deadline with `bhxh-plan extend`); to overwrite it and lose all of this, \
             add --discard-recorded",
            recorded.describe()
        );
    }
    atomic::replace(path, before, toml.as_bytes()).map_err(|e| match e {
        ReplaceError::Changed => anyhow::anyhow!(
            "`{}` changed on disk while importing; nothing was written: run again",
            path.display()
        ),
        ReplaceError::Io(e) => {
            anyhow::Error::new(e).context(format!("cannot write `{}`", path.display()))
        }
    })
}
