//! Benchmark floor (issue 7): the time to find and read every `*.toml` file of a tree, and
//! nothing else. `bench/compare.sh` runs it next to `bhxh-plan check`.
//!
//! ```sh
//! cargo run --release --example read_floor -- DIR [--threads N]
//! ```
//!
//! Prints `files, bytes` so the reads cannot be optimised away.

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

fn main() -> ExitCode {
    let mut dir = None;
    let mut threads = 1usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) if n > 0 => threads = n,
                _ => {
                    eprintln!("read_floor: --threads takes a positive number");
                    return ExitCode::from(2);
                }
            },
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            _ => {
                eprintln!("usage: read_floor DIR [--threads N]");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir else {
        eprintln!("usage: read_floor DIR [--threads N]");
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    if let Err(e) = toml_files(&dir, &mut files) {
        eprintln!("read_floor: {}: {e}", dir.display());
        return ExitCode::from(2);
    }
    let next = AtomicUsize::new(0);
    let bytes: u64 = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut bytes = 0u64;
                    while let Some(f) = files.get(next.fetch_add(1, Ordering::Relaxed)) {
                        match std::fs::read(f) {
                            Ok(b) => bytes += b.len() as u64,
                            Err(e) => eprintln!("read_floor: {}: {e}", f.display()),
                        }
                    }
                    bytes
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap_or(0)).sum()
    });
    println!("read_floor: {} files, {bytes} bytes", files.len());
    ExitCode::SUCCESS
}
