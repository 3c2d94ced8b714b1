//! Benchmark floor (issue 7): find, read and parse every `*.toml` file of a tree with
//! `toml::from_str::<toml::Table>` (serde, no spans, no checks), and nothing else.
//! `bench/compare.sh` runs it next to `bhxh-plan check`: what the tool costs beyond parsing.
//!
//! ```sh
//! cargo run --release --example toml_floor -- DIR [--threads N]
//! ```
//!
//! Prints `files, tasks, bytes, parse errors` so the work cannot be optimised away.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every `*.toml` file under `dir`, sorted, as `bhxh-plan` walks the tree.
fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for e in entries {
        let path = e.path();
        if e.file_type()?.is_dir() {
            toml_files(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

#[derive(Default)]
struct Count {
    tasks: u64,
    bytes: u64,
    errors: u64,
}

fn main() -> ExitCode {
    let mut dir = None;
    let mut threads = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => threads = n,
                _ => {
                    eprintln!("toml_floor: --threads takes a positive number");
                    return ExitCode::from(2);
                }
            },
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => {
                eprintln!("usage: toml_floor DIR [--threads N]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: toml_floor DIR [--threads N]");
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    if let Err(e) = toml_files(&dir, &mut files) {
        eprintln!("toml_floor: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let next = AtomicUsize::new(0);
    let total = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut c = Count::default();
                    while let Some(f) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                        let text = match std::fs::read_to_string(f) {
                            Ok(t) => t,
                            Err(_) => {
                                c.errors += 1;
                                continue;
                            }
                        };
                        c.bytes += text.len() as u64;
                        match toml::from_str::<toml::Table>(&text) {
                            Ok(t) => {
                                let tasks = t.get("task").and_then(|v| v.as_array());
                                c.tasks += tasks.map_or(0, |a| a.len() as u64);
                            }
                            Err(_) => c.errors += 1,
                        }
                    }
                    c
                })
            })
            .collect();
        let mut total = Count::default();
        for w in workers {
            let c = w.join().unwrap_or_default();
            total.tasks += c.tasks;
            total.bytes += c.bytes;
            total.errors += c.errors;
        }
        total
    });
    println!(
        "toml_floor: {} files, {} tasks, {} bytes, {} parse errors, {threads} threads",
        files.len(),
        total.tasks,
        total.bytes,
        total.errors
    );
    ExitCode::SUCCESS
}
