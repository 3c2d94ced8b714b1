//! Real phrasings (issue 22): `phrasings.toml` holds deadline phrases read on public pages,
//! each with its context year, the reading a person gives it, and where it was read.
//! Every row must resolve to its reading; failures are printed all at once.

use super::*;

#[derive(serde::Deserialize)]
struct Table {
    phrase: Vec<Row>,
}

#[derive(serde::Deserialize)]
struct Row {
    text: String,
    year: i32,
    means: String,
    source: String,
    document: String,
    #[allow(dead_code)]
    note: Option<String>,
}

#[test]
#[allow(clippy::print_stderr)] // the pass rate, asked for with --nocapture
fn real_phrasings_read_as_a_reader_reads_them() {
    let table: Table = toml::from_str(include_str!("phrasings.toml")).expect("phrasings.toml");
    let mut failures = Vec::new();
    for row in &table.phrase {
        assert!(
            row.source.starts_with("http") && !row.document.is_empty(),
            "{:?}: every row names its source and document",
            row.text
        );
        let got = match resolve(&row.text, Context { year: row.year }) {
            Ok(r) => describe(&r),
            Err(e) => format!("error `{}`", e.message),
        };
        if got != row.means {
            failures.push(format!(
                "{:?} ({}): got `{got}`, want `{}`",
                row.text, row.year, row.means
            ));
        }
    }
    let total = table.phrase.len();
    let passed = total - failures.len();
    eprintln!(
        "real phrasings: {passed}/{total} read as a reader reads them ({:.0}%)",
        100.0 * passed as f64 / total as f64
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
