//! `glossary.toml` reads (E022): `--grep` folds its abbreviations, so a glossary that does
//! not read fails `check`, pointed at its fault, rather than the first query that uses it.

use crate::diag::{Code, Diagnostic};
use crate::glossary::Glossary;
use crate::load::Tree;

/// The tree's glossary (an empty one when there is none or it does not read) and its
/// problems.
pub fn glossary_of(tree: &Tree) -> (Glossary, Vec<Diagnostic>) {
    let Some(file) = tree.glossary_file else {
        return (Glossary::default(), Vec::new());
    };
    let text = match tree.text(file) {
        Ok(text) => text,
        Err(problem) => return (Glossary::default(), vec![problem]),
    };
    match Glossary::parse(&text) {
        Ok(glossary) => (glossary, Vec::new()),
        Err(error) => {
            tree.sources.get(file).keep(&text);
            let span = error.span().unwrap_or(0..0);
            let problem = Diagnostic::new(Code::Glossary, file, span, error.message().trim())
                .with_help(
                    "`glossary.toml` holds `[[term]]` tables, each `short = \"DVC\"` and \
                     `long = [\"dịch vụ công\"]`; until it reads, `--grep` leaves \
                     abbreviations as written",
                );
            (Glossary::default(), vec![problem])
        }
    }
}
