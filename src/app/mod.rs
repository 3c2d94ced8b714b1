//! One function per subcommand: load → check → query → render. The sole owner of
//! stdout and stderr.

mod checking;
mod editing;
mod forms;
mod importing;
mod period;
mod queries;
mod reports;
mod site;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::bail;
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::cache::{self, Cache, Lookup};
use crate::check::{self, Checked, CheckedFile};
use crate::cli::{Cli, Command, Global, QueryArgs};
use crate::diag::Diagnostic;
use crate::load::{Tree, read_tree};
use crate::model::{Plan, Unit, Window};
use crate::query::{Filter, Grep, Listing, PlanKey};
use crate::render::{self, ColorChoice, DiagnosticFormat, Format, Style};
use crate::source::FileId;
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
    let style = style(&cli.global, cli.format());
    let global = &cli.global;
    let code = match &cli.command {
        Command::Check(args) => checking::check(global, args, style)?,
        Command::Plans => queries::plans(global, today, style)?,
        Command::Units { action } => queries::units(global, action.as_ref(), today, style)?,
        Command::Tasks(args) => queries::tasks(global, args, today, style, Listing::All)?,
        Command::Overdue(args) => queries::tasks(global, args, today, style, Listing::Overdue)?,
        Command::Upcoming { query, within } => {
            queries::tasks(global, query, today, style, Listing::Upcoming(*within))?
        }
        Command::Workload { query, by } => queries::workload(global, query, *by, today, style)?,
        Command::Summary { query, out } => {
            reports::summary(global, query, out.as_deref(), today, style)?
        }
        Command::Export(args) => reports::export(global, args, today, style)?,
        Command::Import(args) => importing::import(global, args, today)?,
        Command::Report(args) => period::report(global, args, today, style)?,
        Command::Site { query, out } => site::site(global, query, out, today, style)?,
        Command::Diff { from, to } => reports::diff(global, from, to.as_deref(), style)?,
        Command::Schema { which, write } => reports::schema(*which, write.as_deref())?,
        Command::Deadline(args) => reports::explain_deadline(args, today, style)?,
        Command::Progress(args) => editing::progress(global, args, today, style)?,
        Command::Extend(args) => editing::extend(global, args, today, style)?,
        Command::Form(args) => forms::form(global, args, today, style)?,
        Command::Apply(args) => forms::apply(global, args, today, style)?,
    };
    Ok(ExitCode::from(code))
}

fn style(global: &Global, format: Format) -> Style {
    let color = match global.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()) && io::stdout().is_terminal()
        }
    };
    Style {
        format,
        lang: global.lang,
        color,
        bom: global.bom,
    }
}

/// A tree checked, with the query's filters resolved against its registry.
struct Session {
    tree: Tree,
    checked: Checked,
    filter: Filter,
    /// That a unit's predecessors are included, to tell the reader.
    note: Option<String>,
}

impl Session {
    /// Reads and checks the tree; `--unit` must name a unit (on `today`) and `--plan`
    /// exactly one plan.
    fn open(
        global: &Global,
        args: &QueryArgs,
        today: NaiveDate,
        style: Style,
    ) -> anyhow::Result<Session> {
        let tree = read_tree(&global.plans)?;
        let checked = check_tree(global, &tree, true);
        let mut filter = Filter {
            units: None,
            role: args.role,
            plan: args.plan.as_deref().map(PlanKey::parse),
            year: args.year,
            status: args.status,
            grep: None,
        };
        if let Some(text) = &args.grep {
            filter.grep = Some(Grep::new(text, checked.glossary.clone()));
        }
        let mut note = None;
        if let Some(name) = &args.unit {
            let (units, predecessors_note) =
                resolve_unit(&tree, &checked.registry, name, today, style)?;
            filter.units = Some(units);
            note = predecessors_note;
        }
        if let (Some(key), Some(written)) = (&filter.plan, &args.plan) {
            check_plan_key(key, written, &checked.keys)?;
        }
        Ok(Session {
            tree,
            checked,
            filter,
            note,
        })
    }

    fn plans(&self) -> &[Plan] {
        &self.checked.plans
    }

    fn registry(&self) -> &Registry {
        &self.checked.registry
    }

    /// Queries answer from the plans that loaded, and report the problems on stderr. The
    /// command ends next, and the process with it, which gives a tree's plans back to the
    /// system at once: freeing them one by one took a tenth of a national query.
    fn report(self, style: Style) -> anyhow::Result<u8> {
        let code = report_problems(
            &self.tree,
            &self.checked,
            style.color && io::stderr().is_terminal(),
        );
        std::mem::forget(self);
        code
    }
}

/// Checks every plan file of the tree on every core, through the cache unless
/// `--no-cache`. Without `wants_plans` (`check`) the plans are not kept.
fn check_tree(global: &Global, tree: &Tree, wants_plans: bool) -> Checked {
    let shared = check::shared_of(tree);
    let files = check_files(global, tree, &shared.registry, clock(), wants_plans);
    check::finish(tree, shared, files)
}

/// Every plan file of the tree checked, in the tree's order, through the cache unless
/// `--no-cache`.
fn check_files(
    global: &Global,
    tree: &Tree,
    registry: &Registry,
    clock: NaiveDate,
    wants_plans: bool,
) -> Vec<CheckedFile> {
    let cache = cache::cache_dir().filter(|_| !global.no_cache).map(|dir| {
        let registry = tree.units_file.and_then(|f| tree.bytes(f).ok());
        let registry = registry.unwrap_or_default();
        Cache::open(&dir, &tree.root, &registry, clock, wants_plans)
    });
    let files = tree
        .plan_files
        .par_iter()
        .map(|&file| {
            let mut checked = check_one(tree, file, registry, clock, cache.as_ref());
            if !wants_plans {
                checked.plan = None;
            }
            checked
        })
        .collect();
    if let Some(cache) = cache {
        cache.save();
    }
    files
}

/// One file, from the cache if it is unchanged, else read and checked (and stored).
fn check_one(
    tree: &Tree,
    file: FileId,
    registry: &Registry,
    clock: NaiveDate,
    cache: Option<&Cache>,
) -> CheckedFile {
    let shown = &tree.sources.get(file).path;
    let stamp = match (cache, tree.disk_path(file)) {
        (Some(cache), Some(disk)) => match cache.get(shown, disk, file) {
            Lookup::Hit(checked) => return *checked,
            Lookup::Miss(stamp) => Some(stamp),
        },
        _ => None,
    };
    match tree.bytes(file) {
        Ok(bytes) => {
            let checked = check::check_file(file, &bytes, registry, clock);
            if let (Some(cache), Some(stamp)) = (cache, stamp) {
                cache.put(stamp, &bytes, &checked);
            }
            checked
        }
        Err(error) => CheckedFile::unreadable(file, &error),
    }
}

/// The real date, which `done` dates must not pass (DESIGN §6). `BHXH_PLAN_CLOCK` stands
/// in for it in tests, which never depend on the clock.
fn clock() -> NaiveDate {
    std::env::var("BHXH_PLAN_CLOCK")
        .ok()
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Why no unit can be found for `name` at all: the registry is missing or has no unit
/// that reads.
fn no_registry(tree: &Tree, registry: &Registry, name: &str) -> Option<String> {
    if !registry.units().is_empty() {
        return None;
    }
    let path = tree.units_path();
    Some(if tree.units_file.is_none() {
        format!(
            "no units registry: `{}` is missing, so no unit can be found for `{name}` (DESIGN §2)",
            path.display()
        )
    } else {
        format!(
            "the units registry `{}` has no unit that reads, so none can be found for `{name}` (`bhxh-plan check` shows why)",
            path.display()
        )
    })
}

/// The unit a `--unit` names on the query's day and its predecessors, with the note that
/// says so. The name is read as of `today` as a plan's are as of its `issued` day, except
/// that a spelling which named several units, none of them on that day, is an error that
/// says which and when: a plan keeps writing the name it knew, a person asks for today's.
fn resolve_unit(
    tree: &Tree,
    registry: &Registry,
    name: &str,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<(Vec<String>, Option<String>)> {
    if let Some(why) = no_registry(tree, registry, name) {
        bail!("{why}");
    }
    let named = registry.named_on(name, today);
    if let Some(named) = &named
        && !named.elsewhen.is_empty()
    {
        bail!("{}", named_elsewhen(name, today, &named.elsewhen));
    }
    let Some(unit) = named.map(|named| named.unit) else {
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

/// What a spelling named when it names no unit on `day`: "`BHXH khu vực II` named no unit
/// on 2024-06-30: it named `KV391-II` (…) from 2025-04-01 until 2025-05-11, …".
fn named_elsewhen(name: &str, day: NaiveDate, elsewhen: &[(&Unit, Window)]) -> String {
    let named: Vec<String> = elsewhen
        .iter()
        .map(|(unit, days)| {
            let from = days.from.map(|d| format!(" from {d}")).unwrap_or_default();
            let until = days
                .until
                .map(|d| format!(" until {d}"))
                .unwrap_or_default();
            format!("`{}` ({}){from}{until}", unit.code, unit.name)
        })
        .collect();
    format!(
        "`{name}` named no unit on {day}: it named {}; write the code of the one you mean",
        named.join(", ")
    )
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
            let hint = crate::query::suggest_plan(&key.number, numbers)
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
fn report_problems(tree: &Tree, checked: &Checked, color: bool) -> anyhow::Result<u8> {
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
        Format::Json | Format::Csv | Format::Ics | Format::PhuLuc | Format::Docx | Format::Xlsx => {
            writeln!(io::stderr(), "{note}")
        }
    }
}
