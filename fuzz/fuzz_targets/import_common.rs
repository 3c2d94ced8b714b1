//! Shared by the import targets: the real registry, and one import of arbitrary bytes as
//! `bhxh-plan import` runs it (read, find the table, convert, write the draft).

use std::path::Path;
use std::sync::LazyLock;

use bhxh_plan::check::registry_of;
use bhxh_plan::import::{Options, SourceKind, import};
use bhxh_plan::load::tree_from_files;
use bhxh_plan::units::Registry;

/// The repository's own registry, so unit cells resolve as they do for real.
static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let tree = tree_from_files(
        Path::new("plans"),
        vec![(
            "units.toml".into(),
            include_bytes!("../../plans/units.toml").to_vec(),
        )],
    );
    registry_of(&tree).0
});

/// Reads and converts `bytes` as a `kind` file; a draft, when there is one, reads as TOML
/// and every problem is rendered. A refusal is a fine answer; a panic is not.
pub fn import_bytes(name: &str, bytes: &[u8], kind: SourceKind) {
    let options = Options {
        fallback_year: 2024,
        ..Options::default()
    };
    if let Ok(imported) = import(name, bytes, kind, &options, &REGISTRY) {
        if let Err(error) = toml::from_str::<toml::Table>(&imported.toml) {
            panic!("the draft is not TOML: {error}\n{}", imported.toml);
        }
    }
}

/// A zip of `parts`, stored uncompressed with their right checksums: libFuzzer's changes
/// to a real file's compressed entries mostly break their CRC, so the targets also take
/// the XML itself and pack it, to reach the XML readers behind the zip.
#[allow(dead_code)] // import_text packs nothing
pub fn zip_of(parts: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    use zip::write::{SimpleFileOptions, ZipWriter};

    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in parts {
        zip.start_file(*name, options)
            .expect("a zip entry in memory");
        zip.write_all(bytes).expect("a zip entry in memory");
    }
    zip.finish().expect("a zip in memory").into_inner()
}
