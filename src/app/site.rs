//! `site`: the static HTML site.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::Session;
use crate::cli::{Global, QueryArgs};
use crate::render::Style;

pub(super) fn site(
    global: &Global,
    args: &QueryArgs,
    out: &Path,
    today: NaiveDate,
    style: Style,
) -> anyhow::Result<u8> {
    let session = Session::open(global, args, today, style)?;
    let folder = crate::site::Folder::open(out)?;
    crate::site::build(
        session.plans(),
        session.registry(),
        &session.filter,
        today,
        style.lang,
        &|page| folder.put(page),
    )?;
    let pages = folder.finish()?;
    let mut stdout = super::stdout();
    if let Some(note) = &session.note {
        writeln!(stdout, "{note}")?;
    }
    let index = out.join("index.html");
    writeln!(
        stdout,
        "{} pages as of {today} in `{}`; open `{}`",
        pages,
        out.display(),
        index.display()
    )?;
    stdout.flush()?;
    session.report(style)
}
