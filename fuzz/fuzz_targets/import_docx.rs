//! A .docx appendix of arbitrary bytes through `import`: read, the task table found, its
//! rows converted against the real registry, the draft written. Never panics; the draft
//! always reads as TOML.
//!
//! Input starting with `PK` is the file itself (zip handling, entry sizes, refusals);
//! anything else is `word/document.xml`, packed into a zip first so that it gets past the
//! zip's checksums to the XML reader and the conversion.
#![no_main]

#[path = "import_common.rs"]
mod import_common;

use bhxh_plan::import::SourceKind;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        import_common::import_bytes("fuzz.docx", data, SourceKind::Docx);
    } else {
        let file = import_common::zip_of(&[("word/document.xml", data)]);
        import_common::import_bytes("fuzz.docx", &file, SourceKind::Docx);
    }
});
