//! Benchmark (issue 18): the wall time of `bhxh-plan progress` recording one entry on a
//! copy of `plans/`, against the target of 20 ms. Each round puts the plan file back as it
//! was (untimed), then times the whole command: process start, finding the plan among the
//! tree's files, checking the file before and after, the edit, the atomic write.
//!
//! ```sh
//! cargo build --release && cargo run --release --example progress_cmd -- [--runs N] [--bin PATH]
//! ```
//!
//! Prints the median, min and max over the runs, with the cache (warm after the first
//! run) and with `--no-cache`.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

const PLAN_FILE: &str = "2017/2449-KH-BHXH.toml";

#[path = "command_bench.rs"]
mod command_bench;

fn main() -> ExitCode {
    let (runs, bin) = match command_bench::options("progress_cmd", 30) {
        Ok(options) => (options.runs, options.bin),
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let work = std::env::temp_dir().join(format!("bhxh-progress-bench-{}", std::process::id()));
    let plans = work.join("plans");
    let result = (|| -> std::io::Result<()> {
        copy_dir(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("plans")
                .as_path(),
            &plans,
        )?;
        let original = std::fs::read(plans.join(PLAN_FILE))?;
        for (label, no_cache) in [("with the cache", false), ("--no-cache", true)] {
            let mut times = Vec::with_capacity(runs);
            // One untimed run first: it fills the cache and the disk's caches.
            for round in 0..=runs {
                std::fs::write(plans.join(PLAN_FILE), &original)?;
                let elapsed = run(&bin, &plans, &work.join("cache"), no_cache)?;
                if round > 0 {
                    times.push(elapsed);
                }
            }
            println!(
                "progress on plans/ ({label}): {}",
                command_bench::summary(times)
            );
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&work);
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("progress_cmd: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Times one `progress` command; a failed command is an error.
fn run(bin: &Path, plans: &Path, cache: &Path, no_cache: bool) -> std::io::Result<Duration> {
    let mut command = Command::new(bin);
    command
        .args(["--plans"])
        .arg(plans)
        .args(["progress", "2449/KH-BHXH", "1.3", "--status", "done"])
        .args(["--on", "2017-07-10", "--note", "Đã triển khai tại 63 tỉnh"])
        .env("BHXH_PLAN_CACHE_DIR", cache)
        .env_remove("BHXH_PLAN_DIR")
        .env_remove("BHXH_PLAN_TODAY");
    if no_cache {
        command.arg("--no-cache");
    }
    let start = Instant::now();
    let output = command.output()?;
    let elapsed = start.elapsed();
    if !output.status.success() {
        return Err(std::io::Error::other(format!(
            "`progress` failed: {}",
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    Ok(elapsed)
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
