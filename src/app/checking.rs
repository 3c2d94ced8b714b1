//! `bhxh-plan check`: every rule, on the whole tree or on the files a change touched.

use std::io::{self, Write};
use std::path::Path;

use super::exit;
use crate::cli::{CheckArgs, Global};
use crate::diag::Diagnostic;
use crate::git::Repo;
use crate::load::{Tree, read_tree};
use crate::render::{self, DiagnosticFormat, Format, Style};
use crate::source::FileId;
use anyhow::Context;

pub(super) fn check(global: &Global, args: &CheckArgs, style: Style) -> anyhow::Result<u8> {
    let format = match style.format {
        Format::Json => DiagnosticFormat::Json,
        Format::Github => DiagnosticFormat::Github,
        // The command line allows `check` no other format.
        _ => DiagnosticFormat::Human { color: style.color },
    };
    let tree = read_tree(&global.plans)?;
    let only = match (&args.changed_since, args.files.is_empty()) {
        (Some(rev), _) => Some(changed_files(&tree, &global.plans, rev)?),
        (None, false) => Some(tree.select(&args.files).map_err(|path| {
            let why = if path.exists() {
                "is not a plan file"
            } else {
                "does not exist; give a plan file"
            };
            anyhow::anyhow!("`{}` {why} under `{}`", path.display(), tree.root.display())
        })?),
        (None, true) => None,
    };
    let mut diagnostics = super::check_tree(global, &tree, false).diagnostics;
    let mut files_checked = tree.plan_files.len()
        + usize::from(tree.units_file.is_some())
        + usize::from(tree.glossary_file.is_some());
    if let Some(only) = only {
        diagnostics.retain(|d| only.contains(&d.file));
        files_checked = only.len();
    }
    if format == DiagnosticFormat::Github {
        append_step_summary(&diagnostics, &tree)?;
    }
    let mut out = super::stdout();
    render::write_diagnostics(&diagnostics, &tree.sources, format, &mut out)?;
    out.flush()?;
    if let DiagnosticFormat::Human { .. } = format {
        render::write_summary(&diagnostics, files_checked, &mut io::stderr().lock())?;
    }
    out.flush()?;
    let failed = diagnostics
        .iter()
        .any(|d| d.is_error() || args.deny_warnings);
    Ok(if failed { exit::PROBLEMS } else { exit::OK })
}

/// The files of the tree changed since the merge-base of `rev` and HEAD. A changed
/// registry changes what every plan's units mean, so then every file counts.
fn changed_files(tree: &Tree, plans: &Path, rev: &str) -> anyhow::Result<Vec<FileId>> {
    let repo = Repo::discover(plans)?;
    let base = repo.merge_base(rev)?;
    let changed = tree.matching(&repo.changed_files(&base)?);
    if tree
        .units_file
        .is_some_and(|units| changed.contains(&units))
    {
        return Ok(tree.sources.iter().map(|(id, _)| id).collect());
    }
    Ok(changed)
}

/// GitHub Actions shows a few annotations; the job summary gets the full list.
fn append_step_summary(diagnostics: &[Diagnostic], tree: &Tree) -> anyhow::Result<()> {
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else {
        return Ok(());
    };
    let mut text = Vec::new();
    render::write_markdown_list(diagnostics, &tree.sources, &mut text)?;
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .with_context(|| {
            format!(
                "cannot write the job summary `{}`",
                Path::new(&path).display()
            )
        })?;
    file.write_all(&text)?;
    Ok(())
}
