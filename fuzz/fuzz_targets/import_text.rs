//! A text appendix of arbitrary bytes through `import`: the first byte chooses the kind
//! (0 csv, 1 tsv/txt, 2 md, by its value modulo 3), the rest is the file. Read, the task
//! table found, its rows converted against the real registry, the draft written. Never
//! panics; the draft always reads as TOML.
#![no_main]

#[path = "import_common.rs"]
mod import_common;

use bhxh_plan::import::SourceKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, file)) = data.split_first() else {
        return;
    };
    let (name, kind) = match first % 3 {
        0 => ("fuzz.csv", SourceKind::Csv),
        1 => ("fuzz.tsv", SourceKind::Tsv),
        _ => ("fuzz.md", SourceKind::Markdown),
    };
    import_common::import_bytes(name, file, kind);
});
