//! Benchmark (issue 19): the wall time of `bhxh-plan apply` recording a 100-row progress
//! form, against the target of 200 ms. It generates a tree where one unit (CNTT) leads 100
//! open tasks spread over 10 plans (among 300 tasks), makes the unit's form with
//! `bhxh-plan form`, fills 100 of its rows as a unit would (a status on each, a completion
//! date and notes on some) into a new workbook, and times the whole `apply` command:
//! process start, reading the workbook, checking the tree and every row, 100 edits made
//! and checked in memory, and the 10 plan files replaced. Each round puts the plan files
//! back first (untimed).
//!
//! ```sh
//! cargo build --release && cargo run --release --example apply_form -- [--runs N] [--bin PATH]
//! ```

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Format, Workbook};

const PLANS: usize = 10;
const TASKS: usize = 30;
/// Of each plan's tasks, those CNTT leads.
const LED: usize = 10;
const ROWS: usize = 100;
const TODAY: &str = "2024-07-01";

#[path = "command_bench.rs"]
mod command_bench;

fn main() -> ExitCode {
    let (runs, bin) = match command_bench::options("apply_form", 20) {
        Ok(options) => (options.runs, options.bin),
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let work = std::env::temp_dir().join(format!("bhxh-apply-bench-{}", std::process::id()));
    let result = bench(&bin, &work, runs);
    let _ = std::fs::remove_dir_all(&work);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("apply_form: {error}");
            ExitCode::FAILURE
        }
    }
}

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn bench(bin: &Path, work: &Path, runs: usize) -> Result<()> {
    let plans = work.join("plans");
    let originals = generate(&plans)?;
    let form = work.join("CNTT-2024-Q2.xlsx");
    let out = command(bin, work)
        .args([
            "form", "--unit", "CNTT", "--period", "2024-Q2", "--today", TODAY,
        ])
        .arg("--out")
        .arg(&form)
        .output()?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
    }
    let filled = work.join("filled.xlsx");
    fill(&form, &filled)?;
    let mut times = Vec::with_capacity(runs);
    // One untimed run first: it fills the cache and the disk's caches.
    for round in 0..=runs {
        for (path, bytes) in &originals {
            std::fs::write(path, bytes)?;
        }
        let mut apply = command(bin, work);
        apply.arg("apply").arg(&filled).args(["--today", TODAY]);
        let start = Instant::now();
        let out = apply.output()?;
        let elapsed = start.elapsed();
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).into_owned().into());
        }
        let said = String::from_utf8_lossy(&out.stdout);
        if !said.contains(&format!("Đã ghi {ROWS} dòng vào {PLANS} tệp")) {
            return Err(format!("`apply` did not record {ROWS} rows: {said}").into());
        }
        if round > 0 {
            times.push(elapsed);
        }
    }
    println!(
        "apply of a {ROWS}-row form ({PLANS} plan files): {} (target 200 ms)",
        command_bench::summary(times)
    );
    Ok(())
}

fn command(bin: &Path, work: &Path) -> Command {
    let mut command = Command::new(bin);
    command
        .current_dir(work)
        .arg("--plans")
        .arg(work.join("plans"))
        .env("BHXH_PLAN_CACHE_DIR", work.join("cache"))
        .env_remove("BHXH_PLAN_DIR")
        .env_remove("BHXH_PLAN_TODAY")
        .env_remove("BHXH_PLAN_CLOCK");
    command
}

/// The registry of `plans/` and the generated plans; each plan file with its bytes.
fn generate(plans: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    std::fs::create_dir_all(plans)?;
    let units = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/units.toml");
    std::fs::copy(units, plans.join("units.toml"))?;
    let deadlines = [
        "Quý I/2024",
        "Tháng 5/2024",
        "30/6/2024",
        "6 tháng đầu năm 2024",
    ];
    let others = ["VP", "TST", "CSXH", "PC"];
    let mut files = Vec::new();
    for p in 1..=PLANS {
        let mut text = format!(
            "[plan]\nnumber = \"{p}/KH-BHXH\"\nkind = \"Kế hoạch\"\ntitle = \"Kế hoạch thử số {p} năm 2024\"\nissued = 2024-01-0{}\n",
            1 + p % 9
        );
        for t in 1..=TASKS {
            let lead = if t <= LED {
                "CNTT"
            } else {
                others[t % others.len()]
            };
            // A comment per task, as transcribed files have, which the edits must keep.
            write!(
                text,
                "\n# Nhiệm vụ {t}\n[[task]]\nid = \"{t}\"\ncontent = \"Xây dựng, hoàn thiện phần mềm nghiệp vụ số {t} của kế hoạch {p}, bảo đảm kết nối, chia sẻ dữ liệu\"\nlead = [\"{lead}\"]\nsupport = [\"VP\", \"TST\"]\ndeadline = \"{}\"\n",
                deadlines[t % deadlines.len()]
            )?;
        }
        let path = plans.join(format!("{p}-KH-BHXH.toml"));
        std::fs::write(&path, &text)?;
        files.push((path, text.into_bytes()));
    }
    Ok(files)
}

/// The form with a status on its first 100 rows, a date and notes on every third: read
/// back with calamine and written again, as the tests do.
fn fill(form: &Path, to: &Path) -> Result<()> {
    let mut workbook: Xlsx<_> = calamine::open_workbook(form)?;
    let range = workbook.worksheet_range_at(0).ok_or("no sheet")??;
    let mut out = Workbook::new();
    let sheet = out.add_worksheet();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (r, row) in range.rows().enumerate() {
        for (c, data) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match data {
                Data::String(s) => {
                    sheet.write_string(r, c, s)?;
                }
                Data::DateTime(d) => {
                    sheet.write_number_with_format(r, c, d.as_f64(), &date)?;
                }
                _ => {}
            }
        }
    }
    let first = 4u32;
    let rows = range.rows().count() as u32 - first;
    if (rows as usize) < ROWS {
        return Err(format!("the form has {rows} rows, fewer than {ROWS}").into());
    }
    for i in 0..ROWS as u32 {
        let r = first + i;
        if i % 3 == 0 {
            sheet.write_string(r, 7, "đã hoàn thành")?;
            let day = rust_xlsxwriter::ExcelDateTime::from_ymd(2024, 6, 1 + (i % 28) as u8)?;
            sheet.write_date_with_format(r, 8, &day, &date)?;
            sheet.write_string(r, 9, "Đã hoàn thành, đưa vào sử dụng")?;
        } else {
            sheet.write_string(r, 7, "đang thực hiện")?;
            sheet.write_string(r, 10, "Chờ kinh phí")?;
            sheet.write_string(r, 11, "Gia hạn đến Quý IV/2024")?;
        }
    }
    out.save(to)?;
    Ok(())
}
