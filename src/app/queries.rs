//! `plans`, `units`, `tasks`, `overdue`, `upcoming`, `workload`.

use std::io::{self, IsTerminal, Write};

use anyhow::Context;
use chrono::NaiveDate;

use super::{Session, exit, write_note};
use crate::check::registry_of;
use crate::cli::{By, Global, QueryArgs, UnitsAction};
use crate::load::read_tree;
use crate::query::{self, Listing};
use crate::render::{self, Caption, Kind, Style};
use crate::units::Registry;

pub(super) fn plans(global: &Global, today: NaiveDate, style: Style) -> anyhow::Result<u8> {
    let session = Session::open(global, &QueryArgs::default(), today, style)?;
    let rows = query::plan_rows(session.plans(), today);
    let mut out = super::stdout();
    let caption = Caption::new(Kind::Plans);
    render::write_rows(&rows, &[], style, caption, &mut out).context("writing the plans")?;
    out.flush()?;
    session.report(style)
}

/// `units` reads only the registry: its problems are all it reports. `units resolve`
/// reads a name as of `today`, as `--unit` does.
pub(super) fn units(
    global: &Global,
    action: Option<&UnitsAction>,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let tree = read_tree(&global.plans)?;
    let (registry, problems) = registry_of(&tree);
    let mut out = io::stdout().lock();
    let caption = Caption::new(Kind::Units);
    let code = match action {
        None => {
            let rows = query::unit_rows(registry.units());
            render::write_rows(&rows, &[], style, caption, &mut out)?;
            exit::OK
        }
        Some(UnitsAction::Resolve { name }) => match super::no_registry(&tree, &registry, name) {
            Some(why) => {
                writeln!(io::stderr(), "{why}")?;
                exit::PROBLEMS
            }
            None => resolve(&registry, name, today, style, &mut out)?,
        },
    };
    let errors: Vec<_> = tree
        .diagnostics
        .iter()
        .chain(&problems)
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    if errors.is_empty() {
        return Ok(code);
    }
    let color = style.color && io::stderr().is_terminal();
    render::write_diagnostics(
        &errors,
        &tree.sources,
        render::DiagnosticFormat::Human { color },
        &mut io::stderr().lock(),
    )?;
    Ok(code.max(exit::PROBLEMS))
}

/// `units resolve NAME`: the unit the name is on `today`, else the units it named on other
/// days, else the nearest spellings; the exit code.
fn resolve(
    registry: &Registry,
    name: &str,
    today: NaiveDate,
    style: Style,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let caption = Caption::new(Kind::Units);
    Ok(match registry.named_on(name, today) {
        Some(named) if named.elsewhen.is_empty() => {
            let rows = query::unit_rows([named.unit]);
            render::write_rows(&rows, &[], style, caption, out)?;
            exit::OK
        }
        // A spelling of several units, none on that day: each of them, and when.
        Some(named) => {
            let message = super::named_elsewhen(name, today, &named.elsewhen);
            writeln!(io::stderr(), "{message}")?;
            let units = named.elsewhen.iter().map(|&(unit, _)| unit);
            render::write_rows(&query::unit_rows(units), &[], style, caption, out)?;
            exit::PROBLEMS
        }
        None => {
            writeln!(
                io::stderr(),
                "no unit is called `{name}`; nearest spellings below"
            )?;
            render::write_rows(
                &query::unit_rows(registry.nearest(name, 5)),
                &[],
                style,
                caption,
                out,
            )?;
            exit::PROBLEMS
        }
    })
}

pub(super) fn tasks(
    global: &Global,
    args: &QueryArgs,
    today: NaiveDate,
    style: Style,
    listing: Listing,
) -> anyhow::Result<u8> {
    let session = Session::open(global, args, today, style)?;
    let rows = query::rows(session.plans(), &session.filter, today, listing);
    let mut out = super::stdout();
    write_note(session.note.as_deref(), style, &mut out)?;
    let caption = Caption {
        kind: Kind::Tasks { listing, today },
        unit: unit_of(&session),
    };
    render::write_rows(&rows, &[], style, caption, &mut out)?;
    out.flush()?;
    session.report(style)
}

pub(super) fn workload(
    global: &Global,
    args: &QueryArgs,
    by: Option<By>,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let session = Session::open(global, args, today, style)?;
    let (plans, filter, registry) = (session.plans(), &session.filter, session.registry());
    let mut out = super::stdout();
    write_note(session.note.as_deref(), style, &mut out)?;
    match by {
        Some(By::Quarter) => {
            let rows = query::by_quarter(plans, registry, filter, today);
            let caption = Caption {
                kind: Kind::Quarters { today },
                unit: unit_of(&session),
            };
            render::write_rows(&rows, &[], style, caption, &mut out)?;
        }
        None => {
            let table = query::workload(plans, registry, filter, today);
            let caption = Caption {
                kind: Kind::Workload,
                unit: unit_of(&session),
            };
            render::write_rows(
                &table.rows,
                std::slice::from_ref(&table.total),
                style,
                caption,
                &mut out,
            )?;
        }
    }
    out.flush()?;
    session.report(style)
}

/// The code of the unit the query was asked for (its predecessors follow it in the filter).
fn unit_of(session: &Session) -> Option<&str> {
    session.filter.units.as_ref()?.first().map(String::as_str)
}
