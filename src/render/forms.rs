//! What `form` and `apply` tell: the form written, the rows recorded (as before → after),
//! and every problem of a form with its cell.

use std::io::{self, Write};
use std::path::Path;

use super::Lang;
use super::edit::write_edit;
use crate::forms::apply::{Outcome, Problem};

/// The line `form` prints once the form is written.
pub fn write_form_written(
    path: &Path,
    rows: usize,
    unit: &str,
    period: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    // An empty form is still written (a unit may be asked for one), but not silently.
    let empty = match (rows, lang) {
        (0, Lang::Vi) => " (đơn vị không có nhiệm vụ nào cần báo cáo trong kỳ)",
        (0, Lang::En) => " (the unit has nothing to report in the period)",
        _ => "",
    };
    match lang {
        Lang::Vi => writeln!(
            out,
            "Đã ghi {}: {rows} dòng cho {unit}, kỳ {period}{empty}",
            path.display()
        ),
        Lang::En => writeln!(
            out,
            "wrote {}: {rows} rows for {unit}, period {period}{empty}",
            path.display()
        ),
    }
}

/// What a form recorded (or, with `dry_run`, would record): each edit as `progress`
/// shows it, then a count.
pub fn write_applied(
    outcome: &Outcome,
    dry_run: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    if dry_run {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Chạy thử (--dry-run): không ghi tệp nào; sẽ ghi như sau.",
                "dry run: nothing written; this is what would be recorded."
            )
        )?;
    }
    for file in &outcome.files {
        for edited in &file.edits {
            write_edit(edited, &file.path, lang, out)?;
        }
    }
    let files = outcome.files.len();
    let (recorded, skipped) = (outcome.recorded, outcome.skipped);
    let already = outcome.already;
    match (lang, dry_run) {
        (Lang::Vi, false) => write!(
            out,
            "Đã ghi {recorded} dòng vào {files} tệp; {skipped} dòng để trống trạng thái, bỏ qua"
        ),
        (Lang::Vi, true) => write!(
            out,
            "Sẽ ghi {recorded} dòng vào {files} tệp; {skipped} dòng để trống trạng thái, bỏ qua"
        ),
        (Lang::En, false) => write!(
            out,
            "recorded {recorded} rows in {files} files; {skipped} rows without a status skipped"
        ),
        (Lang::En, true) => write!(
            out,
            "would record {recorded} rows in {files} files; {skipped} rows without a status skipped"
        ),
    }?;
    match lang {
        _ if already == 0 => {}
        Lang::Vi => write!(out, "; {already} dòng đã ghi từ trước, bỏ qua")?,
        Lang::En => write!(out, "; {already} rows already recorded skipped")?,
    }
    writeln!(out, "{}", lang.pick(".", ""))
}

/// Problems of a form, one line each: `FORM!CELL: message`, with a heading word.
pub fn write_problems(
    form: &str,
    word: &str,
    problems: &[Problem],
    out: &mut dyn Write,
) -> io::Result<()> {
    for problem in problems {
        writeln!(out, "{word}: {form}!{}: {}", problem.cell, problem.message)?;
    }
    Ok(())
}
