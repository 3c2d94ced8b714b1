//! `summary`, `export`, `diff`, `schema` and `deadline`.

use std::collections::HashMap;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::{Context, bail};
use chrono::NaiveDate;

use super::{Session, exit, report_problems};
use crate::check::{self, Checked, check_tree};
use crate::cli::{DeadlineArgs, ExportArgs, Global, QueryArgs, SchemaKind};
use crate::deadline::{self, Context as DeadlineContext};
use crate::diag::{Code, Diagnostic};
use crate::diff::{FileErrors, PlanFile};
use crate::git::Repo;
use crate::load::{Tree, read_tree, tree_from_files};
use crate::query;
use crate::render::{self, Caption, DiagnosticFormat, Format, IcsComponent, Kind, Lang, Style};
use crate::source::{FileId, SourceFile, Sources};

pub(super) fn summary(
    global: &Global,
    args: &QueryArgs,
    out: Option<&Path>,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let session = Session::open(global, args, today, style)?;
    let report = query::summary(session.plans(), session.registry(), &session.filter, today);
    let mut text = Vec::new();
    if let Some(note) = &session.note {
        writeln!(text, "> {note}\n")?;
    }
    render::write_report(&report, style.lang, &mut text)?;
    match out {
        Some(path) => crate::atomic::write(path, &text)?,
        None => io::stdout().lock().write_all(&text)?,
    }
    session.report(style)
}

pub(super) fn export(
    global: &Global,
    args: &ExportArgs,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let out_file = args.out.as_deref();
    let binary = matches!(style.format, Format::Docx | Format::Xlsx);
    // A Word or Excel file on a terminal is noise: refused before any work is done.
    if binary && out_file.is_none() && io::stdout().is_terminal() {
        bail!(
            "`--format {}` writes a file: add `--out FILE`, or redirect stdout",
            style.format.name()
        );
    }
    let session = Session::open(global, &args.query, today, style)?;
    if let Some(note) = &session.note {
        writeln!(io::stderr(), "{note}")?;
    }
    let (filter, registry) = (&session.filter, session.registry());
    let full_name = |code: &str| {
        registry
            .get(code)
            .map_or_else(|| code.to_string(), |u| u.name.clone())
    };
    let mut bytes = Vec::new();
    if matches!(style.format, Format::PhuLuc | Format::Docx | Format::Xlsx) {
        let plans: Vec<_> = query::plans_on(session.plans(), filter, today).collect();
        match style.format {
            Format::Docx => render::write_appendix_docx(&plans, &full_name, &mut bytes)?,
            Format::Xlsx => render::write_appendix_xlsx(&plans, &full_name, &mut bytes)?,
            _ => render::write_appendix(&plans, &full_name, &mut bytes)?,
        }
    } else {
        let rows = query::export(session.plans(), filter, today);
        match style.format {
            Format::Ics => {
                let component = match args.events {
                    true => IcsComponent::Event,
                    false => IcsComponent::Todo,
                };
                render::write_ics(&rows, &full_name, today, component, &mut bytes)?
            }
            _ => {
                // JSON or CSV: the caption words only a terminal table.
                let listing = query::Listing::All;
                let caption = Caption::new(Kind::Tasks { listing, today });
                render::write_rows(&rows, &[], style, caption, &mut bytes)?
            }
        }
    }
    match out_file {
        Some(path) => crate::atomic::write(path, &bytes)?,
        None => {
            let mut out = super::stdout();
            out.write_all(&bytes)?;
            out.flush()?;
        }
    }
    session.report(style)
}

/// Two versions of a pull request's plans are small: both are checked in full, and every
/// plan file of both is read as written, so a plan with errors is still compared.
pub(super) fn diff(
    global: &Global,
    from: &str,
    to: Option<&str>,
    style: Style,
) -> anyhow::Result<u8> {
    let repo = Repo::discover(&global.plans)?;
    let old_tree = tree_from_files(&global.plans, repo.files_at(from, &global.plans)?);
    let new_tree = match to {
        Some(rev) => tree_from_files(&global.plans, repo.files_at(rev, &global.plans)?),
        None => read_tree(&global.plans)?,
    };
    let old = check_tree(&old_tree, super::clock());
    let new = check_tree(&new_tree, super::clock());
    let changes = crate::diff::diff(&plan_files(&old_tree, &old), &plan_files(&new_tree, &new));
    let to_name = to.unwrap_or(match style.lang {
        Lang::Vi => "thư mục làm việc",
        Lang::En => "working tree",
    });
    let mut out = super::stdout();
    render::write_diff(&changes, from, to_name, style, &mut out)?;
    out.flush()?;
    report_problems(&new_tree, &new, style.color && io::stderr().is_terminal())
}

/// Every plan file of a checked tree as `diff` reads it, with the errors `check` found.
fn plan_files(tree: &Tree, checked: &Checked) -> Vec<PlanFile> {
    // Each file's first error (diagnostics are sorted by file and place) and its count.
    let mut errors: HashMap<FileId, (&Diagnostic, usize)> = HashMap::new();
    for diagnostic in checked.diagnostics.iter().filter(|d| d.is_error()) {
        errors.entry(diagnostic.file).or_insert((diagnostic, 0)).1 += 1;
    }
    tree.plan_files
        .iter()
        .map(|&id| {
            let source = tree.sources.get(id);
            let errors = errors.get(&id).map(|&(first, count)| {
                let (line, column) = source.line_col(first.span.start);
                FileErrors {
                    count,
                    line,
                    column,
                    code: first.code.as_str().to_string(),
                    message: first.message.clone(),
                }
            });
            // A file that cannot be read is not an empty plan whose tasks were all removed.
            let bytes = tree.bytes(id);
            let read = bytes.as_deref().unwrap_or_default();
            let mut file = PlanFile::read(
                source.path.display().to_string(),
                read,
                &checked.registry,
                errors,
            );
            file.readable &= bytes.is_ok();
            file
        })
        .collect()
}

pub(super) fn schema(which: SchemaKind, write: Option<&Path>) -> anyhow::Result<u8> {
    let Some(dir) = write else {
        let text = match which {
            SchemaKind::Plan => crate::schema::plan_schema(),
            SchemaKind::Units => crate::schema::units_schema(),
        };
        io::stdout().lock().write_all(text.as_bytes())?;
        return Ok(exit::OK);
    };
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    for (name, text) in [
        (
            crate::schema::PLAN_SCHEMA_FILE,
            crate::schema::plan_schema(),
        ),
        (
            crate::schema::UNITS_SCHEMA_FILE,
            crate::schema::units_schema(),
        ),
    ] {
        crate::atomic::write(&dir.join(name), text.as_bytes())?;
    }
    Ok(exit::OK)
}

pub(super) fn explain_deadline(
    args: &DeadlineArgs,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let context = match (args.year, args.issued) {
        (_, Some(issued)) => DeadlineContext::issued(issued),
        (Some(year), None) => DeadlineContext { year },
        (None, None) => DeadlineContext::issued(today),
    };
    match deadline::resolve(&args.phrase, context) {
        Ok(resolution) => {
            // With the plan's issue date, a phrase reads as it would in that plan, next-year
            // rule included (DESIGN §6), so the explanation agrees with `check`.
            let moved = args
                .issued
                .and_then(|issued| check::next_year(&args.phrase, &resolution, issued))
                .map(|(moved, next)| (moved, next.year));
            let (resolution, read_in) = match moved {
                Some((moved, year)) => (moved, Some(year)),
                None => (resolution, None),
            };
            let explained = render::Explained {
                text: &args.phrase,
                resolution: &resolution,
                read_in,
                issued: args.issued,
            };
            render::write_explanation(&explained, style, &mut io::stdout().lock())?;
            Ok(exit::OK)
        }
        Err(error) => {
            // The phrase is shown like a one-line file so the caret lands under the problem.
            let mut sources = Sources::default();
            let file = sources.add(SourceFile::with_text(
                "deadline".into(),
                args.phrase.clone(),
            ));
            let diagnostic = Diagnostic::new(Code::BadDeadline, file, error.span, error.message)
                .with_help(format!("write {}", deadline::FORMS));
            let format = DiagnosticFormat::Human {
                color: style.color && io::stderr().is_terminal(),
            };
            render::write_diagnostics(&[diagnostic], &sources, format, &mut io::stderr().lock())?;
            Ok(exit::PROBLEMS)
        }
    }
}
