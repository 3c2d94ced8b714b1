//! Benchmark (issue 20): the wall time of `bhxh-plan import` reading the appendix of
//! 24/QĐ-BHXH (52 rows) from .docx, against the target of 50 ms. The appendix is made once
//! with `bhxh-plan export --format docx` from `plans/2024/24-QD-BHXH.toml`; then each run
//! times the whole command: process start, reading `plans/` for the units registry,
//! unpacking the .docx, reading its XML, finding the table, converting the rows and
//! printing the plan file (to a pipe).
//!
//! ```sh
//! cargo build --release && cargo run --release --example import_docx -- [--runs N] [--bin PATH]
//! ```
//!
//! Prints the median, min and max over the runs (after one untimed run).

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Instant;

const PLAN: &str = "24/QĐ-BHXH";

#[path = "command_bench.rs"]
mod command_bench;

fn main() -> ExitCode {
    let (runs, bin) = match command_bench::options("import_docx", 30) {
        Ok(options) => (options.runs, options.bin),
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let plans = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let work = std::env::temp_dir().join(format!("bhxh-import-bench-{}", std::process::id()));
    let docx = work.join("24-QD-BHXH.docx");
    let result = (|| -> std::io::Result<()> {
        std::fs::create_dir_all(&work)?;
        let mut export = Command::new(&bin);
        export
            .arg("--plans")
            .arg(&plans)
            .args(["export", "--today", "2026-01-01", "--format", "docx"])
            .args(["--plan", PLAN, "--out"])
            .arg(&docx);
        succeed(export.env("BHXH_PLAN_NO_CACHE", "true"), "export")?;
        let mut times = Vec::with_capacity(runs);
        let mut summary = String::new();
        for round in 0..=runs {
            let mut import = Command::new(&bin);
            import
                .arg("--plans")
                .arg(&plans)
                .args(["import", "--today", "2026-01-01"])
                .arg(&docx)
                .env("BHXH_PLAN_NO_CACHE", "true");
            let start = Instant::now();
            let (_, stderr) = succeed(&mut import, "import")?;
            let elapsed = start.elapsed();
            if round > 0 {
                times.push(elapsed);
            } else {
                summary = stderr.lines().last().unwrap_or_default().to_string();
            }
        }
        println!("{summary}");
        println!(
            "import of {PLAN} from .docx ({} KB): {}",
            std::fs::metadata(&docx)?.len() / 1024,
            command_bench::summary(times)
        );
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&work);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("import_docx: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a command to the end; one that fails is an error. Its stdout and stderr.
fn succeed(command: &mut Command, what: &str) -> std::io::Result<(Vec<u8>, String)> {
    let command = command
        .env_remove("BHXH_PLAN_DIR")
        .env_remove("BHXH_PLAN_TODAY");
    let output = command.output()?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        return Err(std::io::Error::other(format!("`{what}` failed: {stderr}")));
    }
    Ok((output.stdout, stderr))
}
