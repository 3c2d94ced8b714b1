//! One function per subcommand: load → check → query → render. The sole owner of
//! stdout and stderr.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::{Context, bail};
use chrono::NaiveDate;

use crate::check::{Checked, check_tree};
use crate::cli::{
    By, CheckArgs, Cli, Command, DeadlineArgs, Global, QueryArgs, SchemaKind, UnitsAction,
};
use crate::deadline::{self, Context as DeadlineContext};
use crate::diag::{Code, Diagnostic};
use crate::git::Repo;
use crate::load::{Tree, read_tree, tree_from_files};
use crate::query::{self, Filter, PlanKey, Within};
use crate::render::{self, ColorChoice, DiagnosticFormat, Format, Style};
use crate::source::{SourceFile, Sources};

/// Exit codes of DESIGN §4.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// `check` found errors, or a query ran over a tree with errors.
    pub const PROBLEMS: u8 = 1;
    /// Bad usage, or a tree that cannot be read at all.
    pub const USAGE: u8 = 2;
}

/// Runs a parsed command line. Errors are usage problems (exit 2).
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let today = cli
        .global
        .today
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    let style = style(&cli.global);
    let code = match &cli.command {
        Command::Check(args) => check(&cli.global, args, today, style)?,
        Command::Plans => plans(&cli.global, today, style)?,
        Command::Deadline(args) => explain_deadline(args, today, style)?,
        Command::Tasks(args) => task_query(&cli.global, args, today, style, TaskQuery::All)?,
        Command::Overdue(args) => task_query(&cli.global, args, today, style, TaskQuery::Overdue)?,
        Command::Upcoming { query, within } => task_query(
            &cli.global,
            query,
            today,
            style,
            TaskQuery::Upcoming(*within),
        )?,
        Command::Workload { query, by } => workload(&cli.global, query, *by, today, style)?,
        Command::Summary { query, out } => {
            summary(&cli.global, query, out.as_deref(), today, style)?
        }
        Command::Export(query) => export(&cli.global, query, today, style)?,
        Command::Diff { from, to } => diff(&cli.global, from, to.as_deref(), today, style)?,
        Command::Schema { which, write } => schema(*which, write.as_deref())?,
        Command::Units { action } => units(&cli.global, action.as_ref(), today, style)?,
    };
    Ok(ExitCode::from(code))
}

fn style(global: &Global) -> Style {
    let color = match global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    };
    Style {
        format: global.format,
        lang: global.lang,
        color,
    }
}

fn load(global: &Global, today: NaiveDate) -> anyhow::Result<(Tree, Checked)> {
    let tree = read_tree(&global.plans)?;
    let checked = check_tree(&tree, today);
    Ok((tree, checked))
}

fn check(global: &Global, args: &CheckArgs, today: NaiveDate, style: Style) -> anyhow::Result<u8> {
    let format = match style.format {
        Format::Human => DiagnosticFormat::Human { color: style.color },
        Format::Json => DiagnosticFormat::Json,
        Format::Github => DiagnosticFormat::Github,
        other => bail!("`check` prints diagnostics as human, json or github, not {other:?}"),
    };
    let (tree, checked) = load(global, today)?;
    let mut diagnostics = checked.diagnostics;
    let mut files_checked = tree.plan_files.len() + usize::from(tree.units_file.is_some());
    let only = match (&args.changed_since, args.files.is_empty()) {
        (Some(rev), _) => Some(changed_files(&tree, &global.plans, rev)?),
        (None, false) => Some(tree.select(&args.files).map_err(|path| {
            anyhow::anyhow!(
                "`{}` is not a plan file under `{}`",
                path.display(),
                tree.root.display()
            )
        })?),
        (None, true) => None,
    };
    if let Some(only) = only {
        diagnostics.retain(|d| only.contains(&d.file));
        files_checked = only.len();
    }
    if format == DiagnosticFormat::Github {
        append_step_summary(&diagnostics, &tree)?;
    }
    let mut out = io::stdout().lock();
    render::write_diagnostics(&diagnostics, &tree.sources, format, &mut out)?;
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
fn changed_files(
    tree: &Tree,
    plans: &std::path::Path,
    rev: &str,
) -> anyhow::Result<Vec<crate::source::FileId>> {
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
                std::path::Path::new(&path).display()
            )
        })?;
    file.write_all(&text)?;
    Ok(())
}

fn diff(
    global: &Global,
    from: &str,
    to: Option<&str>,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    if !matches!(
        style.format,
        Format::Human | Format::Markdown | Format::Json
    ) {
        bail!("`diff` prints markdown or json");
    }
    let repo = Repo::discover(&global.plans)?;
    let old_tree = tree_from_files(&global.plans, repo.files_at(from, &global.plans)?);
    let new_tree = match to {
        Some(rev) => tree_from_files(&global.plans, repo.files_at(rev, &global.plans)?),
        None => read_tree(&global.plans)?,
    };
    let old = check_tree(&old_tree, today);
    let new = check_tree(&new_tree, today);
    let changes = crate::diff::diff(&old.plans, &new.plans);
    let to_name = to.unwrap_or(match style.lang {
        render::Lang::Vi => "thư mục làm việc",
        render::Lang::En => "working tree",
    });
    render::write_diff(&changes, from, to_name, style, &mut io::stdout().lock())?;
    report_problems(&new_tree, &new, style.color && io::stderr().is_terminal())
}

fn schema(which: SchemaKind, write: Option<&std::path::Path>) -> anyhow::Result<u8> {
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

/// Queries answer from the plans that loaded, and report the problems on stderr.
fn report_problems(tree: &Tree, checked: &Checked, color: bool) -> anyhow::Result<u8> {
    let errors: Vec<&Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    if errors.is_empty() {
        return Ok(exit::OK);
    }
    let mut err = io::stderr().lock();
    let owned: Vec<Diagnostic> = errors.into_iter().cloned().collect();
    render::write_diagnostics(
        &owned,
        &tree.sources,
        DiagnosticFormat::Human { color },
        &mut err,
    )?;
    for &file in &checked.skipped {
        writeln!(
            err,
            "skipped `{}`: it has errors (run `bhxh-plan check`)",
            tree.sources.get(file).path.display()
        )?;
    }
    Ok(exit::PROBLEMS)
}

fn plans(global: &Global, today: NaiveDate, style: Style) -> anyhow::Result<u8> {
    query_format(style)?;
    let (tree, checked) = load(global, today)?;
    let rows = query::plan_rows(&checked.plans);
    render::write_rows(&rows, &[], style, &mut io::stdout().lock()).context("writing the plans")?;
    report_problems(&tree, &checked, style.color && io::stderr().is_terminal())
}

fn units(
    global: &Global,
    action: Option<&UnitsAction>,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    query_format(style)?;
    let (tree, checked) = load(global, today)?;
    let registry = &checked.registry;
    let mut out = io::stdout().lock();
    let code = match action {
        None => {
            render::write_rows(&query::unit_rows(registry.units()), &[], style, &mut out)?;
            exit::OK
        }
        Some(UnitsAction::Resolve { name }) => match registry.resolve(name) {
            Some(unit) => {
                render::write_rows(&query::unit_rows([unit]), &[], style, &mut out)?;
                exit::OK
            }
            None => {
                let nearest = registry.nearest(name, 5);
                writeln!(
                    io::stderr(),
                    "no unit is called `{name}`; nearest spellings below"
                )?;
                render::write_rows(&query::unit_rows(nearest), &[], style, &mut out)?;
                exit::PROBLEMS
            }
        },
    };
    let problems = report_problems(&tree, &checked, style.color && io::stderr().is_terminal())?;
    Ok(code.max(problems))
}

/// Which task rows a query wants.
#[derive(Debug, Clone, Copy)]
enum TaskQuery {
    All,
    Overdue,
    Upcoming(Within),
}

fn task_query(
    global: &Global,
    args: &QueryArgs,
    today: NaiveDate,
    style: Style,
    which: TaskQuery,
) -> anyhow::Result<u8> {
    query_format(style)?;
    let (tree, checked) = load(global, today)?;
    let (filter, note) = filter(args, &checked, style)?;
    let rows = match which {
        TaskQuery::All => query::tasks(&checked.plans, &filter, today),
        TaskQuery::Overdue => query::overdue(&checked.plans, &filter, today),
        TaskQuery::Upcoming(within) => query::upcoming(&checked.plans, &filter, today, within),
    };
    let mut out = io::stdout().lock();
    write_note(note.as_deref(), style, &mut out)?;
    render::write_rows(&rows, &[], style, &mut out)?;
    report_problems(&tree, &checked, style.color && io::stderr().is_terminal())
}

fn workload(
    global: &Global,
    args: &QueryArgs,
    by: Option<By>,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    query_format(style)?;
    let (tree, checked) = load(global, today)?;
    let (filter, note) = filter(args, &checked, style)?;
    let mut out = io::stdout().lock();
    write_note(note.as_deref(), style, &mut out)?;
    match by {
        Some(By::Quarter) => {
            let rows = query::by_quarter(&checked.plans, &checked.registry, &filter, today);
            render::write_rows(&rows, &[], style, &mut out)?;
        }
        None => {
            let table = query::workload(&checked.plans, &checked.registry, &filter, today);
            render::write_rows(
                &table.rows,
                std::slice::from_ref(&table.total),
                style,
                &mut out,
            )?;
        }
    }
    report_problems(&tree, &checked, style.color && io::stderr().is_terminal())
}

/// The shared filters, resolved against the registry and the plans. Returns the note
/// that a unit's predecessors are included, when they are.
fn filter(
    args: &QueryArgs,
    checked: &Checked,
    style: Style,
) -> anyhow::Result<(Filter, Option<String>)> {
    let mut filter = Filter {
        units: None,
        role: args.role,
        plan: args.plan.as_deref().map(PlanKey::parse),
        year: args.year,
        status: args.status,
    };
    if let Some(key) = &filter.plan {
        check_plan_key(key, args.plan.as_deref().unwrap_or_default(), checked)?;
    }
    let Some(name) = &args.unit else {
        return Ok((filter, None));
    };
    let registry = &checked.registry;
    let Some(unit) = registry.resolve(name) else {
        let nearest: Vec<String> = registry
            .nearest(name, 3)
            .iter()
            .map(|u| format!("`{}` ({})", u.code, u.name))
            .collect();
        let hint = if nearest.is_empty() {
            String::new()
        } else {
            format!("; did you mean {}?", nearest.join(", "))
        };
        bail!("no unit is called `{name}`{hint} (`bhxh-plan units` lists them)");
    };
    let predecessors: Vec<String> = registry
        .predecessors(&unit.code)
        .iter()
        .map(|u| u.code.clone())
        .collect();
    let note = (!predecessors.is_empty())
        .then(|| render::predecessors_note(&unit.code, &predecessors, style.lang));
    let mut units = vec![unit.code.clone()];
    units.extend(predecessors);
    filter.units = Some(units);
    Ok((filter, note))
}

/// `--plan` must name exactly one plan.
fn check_plan_key(key: &PlanKey, written: &str, checked: &Checked) -> anyhow::Result<()> {
    let matching: Vec<_> = checked.plans.iter().filter(|p| key.matches(p)).collect();
    match matching.len() {
        1 => Ok(()),
        0 => {
            let numbers = checked.plans.iter().map(|p| p.number.as_str());
            let hint = crate::diag::nearest(&key.number, numbers)
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            bail!("no plan is numbered `{written}`{hint} (`bhxh-plan plans` lists them)")
        }
        _ => {
            let choices: Vec<String> = matching
                .iter()
                .map(|p| format!("`{}:{}`", p.issuer, p.number))
                .collect();
            bail!(
                "`{written}` names plans of several issuers: write one of {}",
                choices.join(", ")
            )
        }
    }
}

/// A note for people: above a table, or on stderr where stdout is for programs.
fn write_note(note: Option<&str>, style: Style, out: &mut dyn Write) -> io::Result<()> {
    let Some(note) = note else { return Ok(()) };
    match style.format {
        Format::Human | Format::Markdown | Format::Github => writeln!(out, "{note}\n"),
        Format::Json | Format::Csv | Format::Ics | Format::PhuLuc => {
            writeln!(io::stderr(), "{note}")
        }
    }
}

fn explain_deadline(args: &DeadlineArgs, today: NaiveDate, style: Style) -> anyhow::Result<u8> {
    query_format(style)?;
    let context = match (args.year, args.issued) {
        (_, Some(issued)) => DeadlineContext::issued(issued),
        (Some(year), None) => DeadlineContext { year },
        (None, None) => DeadlineContext::issued(today),
    };
    match deadline::resolve(&args.phrase, context) {
        Ok(resolution) => {
            render::write_explanation(&args.phrase, &resolution, style, &mut io::stdout().lock())?;
            Ok(exit::OK)
        }
        Err(error) => {
            // The phrase is shown like a one-line file so the caret lands under the problem.
            let mut sources = Sources::default();
            let file = sources.add(SourceFile::new("deadline".into(), args.phrase.clone()));
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

fn query_format(style: Style) -> anyhow::Result<()> {
    match style.format {
        Format::Github => {
            bail!("`--format github` is for `check`; reports take human, markdown, json or csv")
        }
        Format::Ics | Format::PhuLuc => bail!("`--format ics` and `phu-luc` are for `export`"),
        _ => Ok(()),
    }
}

fn summary(
    global: &Global,
    args: &QueryArgs,
    out: Option<&std::path::Path>,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let (tree, checked) = load(global, today)?;
    let (filter, note) = filter(args, &checked, style)?;
    let report = query::summary(&checked.plans, &checked.registry, &filter, today);
    let mut text = Vec::new();
    if let Some(note) = note {
        writeln!(text, "> {note}\n")?;
    }
    render::write_report(&report, style.lang, &mut text)?;
    match out {
        Some(path) => crate::atomic::write(path, &text)?,
        None => io::stdout().lock().write_all(&text)?,
    }
    report_problems(&tree, &checked, style.color && io::stderr().is_terminal())
}

fn export(global: &Global, args: &QueryArgs, today: NaiveDate, style: Style) -> anyhow::Result<u8> {
    let (tree, checked) = load(global, today)?;
    let (filter, note) = filter(args, &checked, style)?;
    if let Some(note) = note {
        writeln!(io::stderr(), "{note}")?;
    }
    let registry = &checked.registry;
    let full_name = |code: &str| {
        registry
            .get(code)
            .map_or_else(|| code.to_string(), |u| u.name.clone())
    };
    let mut out = io::stdout().lock();
    match style.format {
        Format::Json | Format::Csv => render::write_rows(
            &query::export(&checked.plans, &filter),
            &[],
            style,
            &mut out,
        )?,
        Format::Ics => render::write_ics(
            &query::export(&checked.plans, &filter),
            &full_name,
            today,
            &mut out,
        )?,
        Format::PhuLuc => {
            let plans: Vec<_> = checked.plans.iter().filter(|p| filter.plan(p)).collect();
            render::write_appendix(&plans, &full_name, &mut out)?
        }
        _ => bail!(
            "`export` writes json, csv, ics or phu-luc: add `--format ics` (or json, csv, phu-luc)"
        ),
    }
    report_problems(&tree, &checked, style.color && io::stderr().is_terminal())
}
