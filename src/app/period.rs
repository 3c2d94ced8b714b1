//! `report`: the progress report of a period.

use std::io::{self, IsTerminal, Write};

use anyhow::{Context, bail};
use chrono::NaiveDate;

use super::Session;
use crate::cli::{Global, QueryArgs, ReportArgs};
use crate::query::{self, ReportQuery};
use crate::render::{self, Format, Heading, Style};

pub(super) fn report(
    global: &Global,
    args: &ReportArgs,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let binary = matches!(style.format, Format::Docx | Format::Xlsx);
    // A Word or Excel file on a terminal is noise: refused before any work is done.
    if binary && args.out.is_none() && io::stdout().is_terminal() {
        bail!(
            "`--format {}` writes a file: add `--out FILE`, or redirect stdout",
            if style.format == Format::Docx {
                "docx"
            } else {
                "xlsx"
            }
        );
    }
    let (Some(window), Some(next_window)) = (
        args.period.window(args.cutoff),
        args.period.next().window(args.cutoff),
    ) else {
        bail!("the period `{}` is out of range", args.period);
    };
    let query_args = QueryArgs {
        unit: args.unit.clone(),
        plan: args.plan.clone(),
        ..QueryArgs::default()
    };
    // `--unit` is read as of the period's last day, or of today while the period runs: a
    // report of a past quarter is of the unit that bore the name then.
    let named_on = today.min(window.end);
    let session = Session::open(global, &query_args, named_on, style)?;
    let query = ReportQuery {
        registry: session.registry(),
        filter: &session.filter,
        period: args.period,
        cutoff: args.cutoff,
        window,
        next_window,
        today,
    };
    let report = query::period_report(session.plans(), &query);
    let heading = Heading {
        dated: Some(today),
        unit: session.filter.units.as_ref().and_then(|units| {
            let unit = session.registry().get(&units[0])?;
            Some(unit.name.clone())
        }),
        note: session.note.clone(),
        plan: args.plan.clone(),
    };
    let write = |out: &mut dyn Write| -> anyhow::Result<()> {
        match style.format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, &report)?;
                out.write_all(b"\n")?;
            }
            Format::Docx => render::write_docx(&report, &heading, style.lang, out)?,
            Format::Xlsx => render::write_xlsx(&report, &heading, style.lang, out)?,
            _ => render::write_period_markdown(&report, &heading, style.lang, out)?,
        }
        Ok(())
    };
    match &args.out {
        Some(path) => {
            let mut bytes = Vec::new();
            write(&mut bytes)?;
            crate::atomic::write(path, &bytes)?;
        }
        None => {
            let mut out = super::stdout();
            write(&mut out).context("writing the report")?;
            out.flush().context("writing the report")?;
        }
    }
    if let (Format::Json, Some(note)) = (style.format, &session.note) {
        writeln!(io::stderr(), "{note}")?;
    }
    // As with the plans (`Session::report`): the process ends next and gives the memory
    // back whole; freeing a national report's rows one by one took a tenth of the run.
    std::mem::forget(report);
    session.report(style)
}
