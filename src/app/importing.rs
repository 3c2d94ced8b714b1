//! `import`: a plan's appendix into a plan file.

use std::io::{self, Write};

use anyhow::{Context, bail};
use chrono::{Datelike, NaiveDate};

use super::exit;
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
    if let Some(out) = &args.out
        && out.exists()
        && !args.force
    {
        bail!("`{}` exists: pass --force to overwrite it", out.display());
    }
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
    match &args.out {
        Some(path) => crate::atomic::write(path, imported.toml.as_bytes())?,
        None => io::stdout().lock().write_all(imported.toml.as_bytes())?,
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
