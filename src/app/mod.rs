//! One function per subcommand: load → check → query → render. The sole owner of
//! stdout and stderr.
//!
//! Queries stream: each plan file is checked and turned into the query's rows on its own
//! core, so a run holds one file per core and the answer, never the whole tree.

mod checking;
mod queries;
mod reports;

use std::cell::Cell;
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::bail;
use chrono::NaiveDate;

use crate::check::{self, Checked, ScanOptions, Want};
use crate::cli::{Cli, Command, Global, QueryArgs};
use crate::diag::Diagnostic;
use crate::index::{self, Index, TaskWanted};
use crate::load::{Tree, read_tree};
use crate::model::Plan;
use crate::query::{Filter, Listing, PlanKey, Role};
use crate::render::{self, ColorChoice, DiagnosticFormat, Format, Style};
use crate::units::Registry;

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
    let global = &cli.global;
    let code = match &cli.command {
        Command::Check(args) => checking::check(global, args, today, style)?,
        Command::Plans => queries::plans(global, today, style)?,
        Command::Units { action } => queries::units(global, action.as_ref(), style)?,
        Command::Tasks(args) => queries::tasks(global, args, today, style, Listing::All)?,
        Command::Overdue(args) => queries::tasks(global, args, today, style, Listing::Overdue)?,
        Command::Upcoming { query, within } => {
            queries::tasks(global, query, today, style, Listing::Upcoming(*within))?
        }
        Command::Workload { query, by } => queries::workload(global, query, *by, today, style)?,
        Command::Summary { query, out } => {
            reports::summary(global, query, out.as_deref(), today, style)?
        }
        Command::Export(query) => reports::export(global, query, today, style)?,
        Command::Diff { from, to } => reports::diff(global, from, to.as_deref(), today, style)?,
        Command::Schema { which, write } => reports::schema(*which, write.as_deref())?,
        Command::Deadline(args) => reports::explain_deadline(args, today, style)?,
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

/// A tree with its registry read and the query's filters resolved against it.
struct Session {
    tree: Tree,
    registry: Registry,
    registry_problems: Vec<Diagnostic>,
    filter: Filter,
    /// That a unit's predecessors are included, to tell the reader.
    note: Option<String>,
    plan_key: Option<(PlanKey, String)>,
    /// Taken by the one scan of the command, which writes it back.
    index: Cell<Option<Index>>,
}

impl Session {
    fn open(
        global: &Global,
        args: &QueryArgs,
        today: NaiveDate,
        style: Style,
    ) -> anyhow::Result<Session> {
        let (tree, index) = open_tree(global, today, true)?;
        let (registry, registry_problems) = check::registry_of(&tree);
        let mut filter = Filter {
            units: None,
            role: args.role,
            plan: args.plan.as_deref().map(PlanKey::parse),
            year: args.year,
            status: args.status,
        };
        let mut note = None;
        if let Some(name) = &args.unit {
            let (units, predecessors_note) = resolve_unit(&registry, name, style)?;
            filter.units = Some(units);
            note = predecessors_note;
        }
        let plan_key = filter.plan.clone().zip(args.plan.clone());
        Ok(Session {
            tree,
            registry,
            registry_problems,
            filter,
            note,
            plan_key,
            index: Cell::new(index),
        })
    }

    /// Checks every plan and turns each into what the query keeps; `--plan` must then
    /// have named exactly one plan of the tree.
    fn scan<T: Send>(
        &self,
        today: NaiveDate,
        keep: impl Fn(Plan) -> T + Sync,
    ) -> anyhow::Result<Checked<T>> {
        self.scan_with(today, None, keep)
    }

    /// [`Session::scan`] for a query whose rows are made task by task, each task passing
    /// the unit filter on its own: plans from the index then bring only such tasks.
    fn scan_tasks<T: Send>(
        &self,
        today: NaiveDate,
        keep: impl Fn(Plan) -> T + Sync,
    ) -> anyhow::Result<Checked<T>> {
        let filter = &self.filter;
        // The same choice as `Filter::assigned`, told to the index in its terms.
        let wanted = filter.units.as_deref().map(|units| TaskWanted {
            units,
            as_lead: matches!(filter.role, Role::Lead | Role::Any),
            as_support: matches!(filter.role, Role::Support | Role::Any),
        });
        self.scan_with(today, wanted, keep)
    }

    fn scan_with<T: Send>(
        &self,
        today: NaiveDate,
        tasks_wanted: Option<TaskWanted>,
        keep: impl Fn(Plan) -> T + Sync,
    ) -> anyhow::Result<Checked<T>> {
        let registry = (self.registry.clone(), self.registry_problems.clone());
        let want = Want::Plans(tasks_wanted);
        let checked = scan_indexed(&self.tree, registry, today, self.index.take(), want, keep);
        if let Some((key, written)) = &self.plan_key {
            check_plan_key(key, written, &checked.keys)?;
        }
        Ok(checked)
    }

    /// Queries answer from the plans that loaded, and report the problems on stderr.
    fn report<T>(&self, checked: &Checked<T>, style: Style) -> anyhow::Result<u8> {
        report_problems(
            &self.tree,
            checked,
            style.color && io::stderr().is_terminal(),
        )
    }
}

/// The tree at `--plans` and, read meanwhile on another core, the index of its last run
/// (none with `--no-cache`): on a national tree each takes tens of milliseconds.
fn open_tree(
    global: &Global,
    today: NaiveDate,
    reads_plans: bool,
) -> anyhow::Result<(Tree, Option<Index>)> {
    let open_index = || {
        let dir = index::cache_dir().filter(|_| !global.no_cache)?;
        Some(Index::open(&dir, &global.plans, today, reads_plans))
    };
    let (tree, index) = rayon::join(|| read_tree(&global.plans), open_index);
    let tree = tree?;
    let index = index.map(|index| {
        let registry = tree.units_file.and_then(|f| tree.bytes(f).ok());
        index.for_registry(&registry.unwrap_or_default())
    });
    Ok((tree, index))
}

/// Scans a tree through its index, if it has one, and writes the index back.
fn scan_indexed<T: Send>(
    tree: &Tree,
    registry: (Registry, Vec<Diagnostic>),
    today: NaiveDate,
    index: Option<Index>,
    want: Want,
    keep: impl Fn(Plan) -> T + Sync,
) -> Checked<T> {
    let options = ScanOptions {
        index: index.as_ref(),
        want,
        // A query shows errors only (`report_problems`).
        warnings: matches!(want, Want::Diagnostics),
    };
    let checked = check::scan_with(tree, registry, today, options, keep);
    if let Some(index) = index {
        index.save();
    }
    checked
}

/// The unit a `--unit` names and its predecessors, with the note that says so.
fn resolve_unit(
    registry: &Registry,
    name: &str,
    style: Style,
) -> anyhow::Result<(Vec<String>, Option<String>)> {
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
    Ok((units, note))
}

/// `--plan` must name exactly one plan.
fn check_plan_key(key: &PlanKey, written: &str, plans: &[(String, String)]) -> anyhow::Result<()> {
    let matching: Vec<_> = plans
        .iter()
        .filter(|(issuer, number)| key.names(issuer, number))
        .collect();
    match matching.len() {
        1 => Ok(()),
        0 => {
            let numbers = plans.iter().map(|(_, number)| number.as_str());
            let hint = crate::diag::nearest(&key.number, numbers)
                .map(|n| format!("; did you mean `{n}`?"))
                .unwrap_or_default();
            bail!("no plan is numbered `{written}`{hint} (`bhxh-plan plans` lists them)")
        }
        _ => {
            let choices: Vec<String> = matching
                .iter()
                .map(|(issuer, number)| format!("`{issuer}:{number}`"))
                .collect();
            bail!(
                "`{written}` names plans of several issuers: write one of {}",
                choices.join(", ")
            )
        }
    }
}

/// Error snippets a query shows in full. Its answer is the rows; `check` is there to show
/// every problem, and a national tree's thousands of snippets would bury the answer.
const QUERY_SNIPPETS: usize = 10;

/// Prints the first errors of a tree a query ran over, how many more there are, and every
/// file it skipped; exit 1 if any.
fn report_problems<T>(tree: &Tree, checked: &Checked<T>, color: bool) -> anyhow::Result<u8> {
    let errors = checked.diagnostics.iter().filter(|d| d.is_error());
    let shown: Vec<Diagnostic> = errors.clone().take(QUERY_SNIPPETS).cloned().collect();
    if shown.is_empty() {
        return Ok(exit::OK);
    }
    let mut err = io::BufWriter::new(io::stderr().lock());
    render::write_diagnostics(
        &shown,
        &tree.sources,
        DiagnosticFormat::Human { color },
        &mut err,
    )?;
    let more = errors.count() - shown.len();
    if more > 0 {
        let plural = if more == 1 { "" } else { "s" };
        writeln!(
            err,
            "… and {more} more error{plural} (`bhxh-plan check` shows them all)"
        )?;
    }
    for &file in &checked.skipped {
        writeln!(
            err,
            "skipped `{}`: it has errors (run `bhxh-plan check`)",
            tree.sources.get(file).path.display()
        )?;
    }
    err.flush()?;
    Ok(exit::PROBLEMS)
}

/// The command ends next, and with it the process: the system takes back a national
/// tree's rows, diagnostics and files at once, faster than freeing them one by one.
fn leave_to_exit<T>(data: T) {
    std::mem::forget(data);
}

/// The rows of every plan as one list. Moved out, not collected through a flattening
/// iterator, which would not know the length and copy a national report's rows each time
/// the list grows; each plan's emptied list is left with its plan's results.
fn rows_of<R>(per_plan: &mut [Vec<R>]) -> Vec<R> {
    let mut rows = Vec::with_capacity(per_plan.iter().map(Vec::len).sum());
    for plan_rows in per_plan {
        rows.append(plan_rows);
    }
    rows
}

/// Standard output, buffered: a report of thousands of rows would otherwise make a
/// system call per line. Callers flush before writing to stderr, so that on a terminal
/// the two still appear in order.
fn stdout() -> io::BufWriter<io::StdoutLock<'static>> {
    io::BufWriter::with_capacity(1 << 16, io::stdout().lock())
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

/// Reports print tables, markdown, JSON or CSV; the other formats belong to one command.
fn query_format(style: Style) -> anyhow::Result<()> {
    match style.format {
        Format::Github => {
            bail!("`--format github` is for `check`; reports take human, markdown, json or csv")
        }
        Format::Ics | Format::PhuLuc => bail!("`--format ics` and `phu-luc` are for `export`"),
        _ => Ok(()),
    }
}
