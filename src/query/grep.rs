//! `--grep`: tasks whose content, product or note contain some words, case and diacritics
//! folded, an abbreviation found by its words and the words by their abbreviation
//! (`plans/glossary.toml`: DVC ↔ dịch vụ công).

use crate::glossary::{Glossary, words};
use crate::model::Task;

/// What `--grep` looks for.
#[derive(Debug, Clone)]
pub struct Grep {
    plain: String,
    abbreviated: String,
    glossary: Glossary,
}

impl Grep {
    pub fn new(text: &str, glossary: Glossary) -> Self {
        let plain = words(text);
        Grep {
            abbreviated: glossary.abbreviated(&plain),
            plain,
            glossary,
        }
    }

    /// True when the task's content, product or note holds the words, as written or
    /// with abbreviations and their words taken for each other.
    pub fn matches(&self, task: &Task) -> bool {
        let texts = [
            Some(&task.content),
            task.product.as_ref(),
            task.note.as_ref(),
        ];
        texts.into_iter().flatten().any(|text| {
            let plain = words(text);
            holds(&plain, &self.plain)
                || holds(&self.glossary.abbreviated(&plain), &self.abbreviated)
        })
    }
}

/// True when `text` holds `wanted` as whole words (both as [`words`] gives them): "thu"
/// finds "thu bhxh", not "thuc hien".
fn holds(text: &str, wanted: &str) -> bool {
    format!(" {text} ").contains(&format!(" {wanted} "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        Glossary::parse(
            "[[term]]\nshort = \"DVC\"\nlong = [\"dịch vụ công\"]\n\n\
             [[term]]\nshort = \"TTHC\"\nlong = [\"thủ tục hành chính\"]\n",
        )
        .unwrap()
    }

    fn task(content: &str) -> Task {
        Task {
            id: "1".into(),
            section: None,
            content: content.into(),
            lead: Vec::new(),
            support: Vec::new(),
            deadline: None,
            due: None,
            schedule: None,
            product: None,
            note: None,
            status: Default::default(),
            done: None,
            progress: Vec::new(),
            extensions: Vec::new(),
            milestones: Vec::new(),
        }
    }

    #[test]
    fn words_are_found_folded_and_abbreviations_stand_for_their_words() {
        let written = [
            "Cung cấp dịch vụ công trực tuyến",
            "Tích hợp DVC lên Cổng DVC quốc gia",
            "Rà soát TTHC, DVC",
            "Cải cách thủ tục hành chính",
        ];
        let found = |query: &str| -> Vec<usize> {
            let grep = Grep::new(query, glossary());
            (0..written.len())
                .filter(|&i| grep.matches(&task(written[i])))
                .collect()
        };
        assert_eq!(found("dịch vụ công"), [0, 1, 2]);
        assert_eq!(found("DICH VU CONG"), [0, 1, 2]);
        assert_eq!(found("dvc"), [0, 1, 2]);
        assert_eq!(found("thu tuc hanh chinh"), [2, 3]);
        assert_eq!(found("dịch vụ"), [0]);
        // Whole words only: a syllable does not find the longer words it begins.
        assert!(found("dich vu co").is_empty());
        assert_eq!(found("tích"), [1]);
        assert!(found("tic").is_empty());
        assert_eq!(found("cổng dịch vụ công quốc gia"), [1]);
        assert!(found("bảo hiểm").is_empty());
    }
}
