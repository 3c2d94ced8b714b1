//! `glossary.toml`: the abbreviations plans use and the words they stand for (DVC ↔ dịch
//! vụ công), which `--grep` takes for each other. `check` reports a glossary that does not
//! read; queries then go on without it.

use serde::Deserialize;

use crate::units::unaccented;

/// Abbreviations and the words they stand for, folded.
#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// (abbreviation, the words it stands for), each as [`words`] folds it.
    terms: Vec<(String, Vec<String>)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    #[serde(default)]
    term: Vec<Term>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Term {
    short: String,
    long: Vec<String>,
}

impl Glossary {
    /// Reads `glossary.toml`; the error is toml's, with its line and column.
    pub fn parse(text: &str) -> Result<Glossary, toml::de::Error> {
        let file: GlossaryFile = toml::from_str(text)?;
        let terms = file
            .term
            .into_iter()
            .map(|t| (words(&t.short), t.long.iter().map(|l| words(l)).collect()))
            .filter(|(short, _)| !short.is_empty())
            .collect();
        Ok(Glossary { terms })
    }

    /// `text` (already folded) with every long form written as its abbreviation.
    pub(crate) fn abbreviated(&self, folded: &str) -> String {
        let mut text = format!(" {folded} ");
        for (short, longs) in &self.terms {
            for long in longs.iter().filter(|l| !l.is_empty()) {
                text = text.replace(&format!(" {long} "), &format!(" {short} "));
            }
        }
        text.trim().to_string()
    }
}

/// The words of `text` in lower case without diacritics, one space between them:
/// "Dịch vụ  công," → "dich vu cong".
pub(crate) fn words(text: &str) -> String {
    let folded: String = unaccented(text)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glossary_with_an_unknown_key_is_refused_with_its_place() {
        let error = Glossary::parse("[[term]]\nshort = \"DVC\"\nlng = [\"x\"]\n").unwrap_err();
        assert!(error.to_string().contains("line 3"), "{error}");
    }
}
