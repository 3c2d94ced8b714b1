//! What the benchmarks of one command share (`progress_cmd`, `apply_form`, `import_docx`):
//! their arguments, the binary they time, and how they report the times. Each includes
//! this file with `#[path]`, as examples are crates of their own.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// `[--runs N] [--bin PATH]`: how many timed runs, and the `bhxh-plan` to time (by default
/// the one built beside the example, in target/release).
pub struct Options {
    pub runs: usize,
    pub bin: PathBuf,
}

/// The options, or the message that says what is wrong with them.
pub fn options(name: &str, runs: usize) -> Result<Options, String> {
    let mut options = Options {
        runs,
        bin: PathBuf::new(),
    };
    let mut bin = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next()) {
            ("--runs", Some(n)) if n.parse::<usize>().is_ok_and(|n| n > 0) => {
                options.runs = n.parse().unwrap_or(runs)
            }
            ("--bin", Some(path)) => bin = Some(PathBuf::from(path)),
            _ => return Err(format!("usage: {name} [--runs N] [--bin PATH]")),
        }
    }
    // The example lives in target/release/examples; the binary one folder up.
    options.bin = bin.unwrap_or_else(|| {
        let exe = std::env::current_exe().unwrap_or_default();
        exe.parent()
            .and_then(Path::parent)
            .map(|d| d.join("bhxh-plan"))
            .unwrap_or_default()
    });
    if !options.bin.is_file() {
        return Err(format!(
            "{name}: no binary at `{}`: build it with `cargo build --release` or pass --bin",
            options.bin.display()
        ));
    }
    Ok(options)
}

/// "median 12.3 ms, min 11.0 ms, max 15.2 ms over 30 runs".
pub fn summary(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    format!(
        "median {:.1} ms, min {:.1} ms, max {:.1} ms over {} runs",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len()
    )
}
