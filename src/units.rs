//! The units registry and forgiving name matching.
//!
//! People write "Trung tâm CNTT", "cntt", "Công nghệ thông tin" or "KHDT" for "KHĐT";
//! every spelling should find the same unit. A name is folded (NFC, case, Vietnamese
//! diacritics and `đ`, spaces, hyphens and dots removed) before it is looked up, so the
//! registry only needs the spellings that differ in their letters.

use rustc_hash::FxHashMap as HashMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::{Unit, UnitKind};

/// Folds a unit name for matching: "Trung tâm Công-nghệ  thông tin." → "trungtamcongnghethongtin".
pub fn fold(name: &str) -> String {
    unaccented(name).filter(|c| c.is_alphanumeric()).collect()
}

/// The characters of `text` in lower case, without diacritics, `đ` as `d`: "ĐẦU" → "dau".
pub fn unaccented(text: &str) -> impl Iterator<Item = char> + '_ {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
}

/// Two registry entries that claim the same folded spelling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// Index of the unit whose spelling was refused.
    pub unit: usize,
    /// The spelling as written.
    pub spelling: String,
    /// Index of the unit that already holds it.
    pub holder: usize,
}

/// The units of `plans/units.toml`, with an index of every folded spelling.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Registry {
    units: Vec<Unit>,
    /// Folded spelling → unit.
    #[serde(skip)]
    index: HashMap<String, usize>,
    /// Spelling exactly as the registry writes it → unit: most references are codes as
    /// written, and this spares folding them.
    #[serde(skip)]
    exact: HashMap<String, usize>,
    /// Code → unit: queries ask for a unit by code once per row.
    #[serde(skip)]
    codes: HashMap<String, usize>,
    /// A name without its type word ("Kế hoạch và Đầu tư" for "Vụ Kế hoạch và Đầu tư"),
    /// folded → unit, where no other unit's spelling folds the same.
    #[serde(skip)]
    bare: HashMap<String, usize>,
}

/// The words that say what kind of body a unit is, folded, longest first: documents write
/// "Vụ KHĐT" for a code and "Kế hoạch và Đầu tư" for a name without them.
const TYPE_WORDS: &[&str] = &[
    "trung tam",
    "van phong",
    "tap chi",
    "vu",
    "ban",
    "bao",
    "bo",
    "cuc",
    "vien",
];

/// `name` without the type word it starts with, if it starts with one.
fn without_type_word(name: &str) -> Option<String> {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| unaccented(w).collect())
        .collect();
    TYPE_WORDS.iter().find_map(|kind| {
        let n = kind.split(' ').count();
        let starts = words.len() > n && words[..n].join(" ") == *kind;
        starts.then(|| fold(&words[n..].join(" ")))
    })
}

impl Registry {
    /// Builds the index; spellings claimed by two units are reported, first one wins.
    pub fn new(units: Vec<Unit>) -> (Registry, Vec<Clash>) {
        let mut index = HashMap::default();
        let mut exact = HashMap::default();
        let mut clashes = Vec::new();
        for (i, unit) in units.iter().enumerate() {
            for spelling in unit.spellings() {
                exact.entry(spelling.to_string()).or_insert(i);
                let key = fold(spelling);
                if key.is_empty() {
                    continue;
                }
                let holder = *index.entry(key).or_insert(i);
                if holder != i {
                    clashes.push(Clash {
                        unit: i,
                        spelling: spelling.to_string(),
                        holder,
                    });
                }
            }
        }
        // A spelling that clashed must resolve as the folded index says.
        exact.retain(|spelling, unit| index.get(&fold(spelling)) == Some(unit));
        let mut bare: HashMap<String, usize> = HashMap::default();
        let mut ambiguous = Vec::new();
        for (i, unit) in units.iter().enumerate() {
            let Some(key) = without_type_word(&unit.name) else {
                continue;
            };
            if index.contains_key(&key) || bare.get(&key).is_some_and(|&j| j != i) {
                ambiguous.push(key);
            } else {
                bare.insert(key, i);
            }
        }
        for key in ambiguous {
            bare.remove(&key);
        }
        let mut codes = HashMap::default();
        for (i, unit) in units.iter().enumerate() {
            codes.entry(unit.code.clone()).or_insert(i);
        }
        (
            Registry {
                units,
                index,
                exact,
                codes,
                bare,
            },
            clashes,
        )
    }

    /// Every unit, in registry order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The unit a spelling names, if any: a code, name or alias however typed; a type
    /// word and a code or alias ("Vụ KHĐT"); a name without its type word ("Kế hoạch và
    /// Đầu tư").
    pub fn resolve(&self, name: &str) -> Option<&Unit> {
        let found = match self.exact.get(name) {
            Some(&i) => Some(i),
            None => {
                let folded = fold(name);
                let typed = || without_type_word(name).and_then(|rest| self.index.get(&rest));
                (self.index.get(&folded).or_else(typed))
                    .or_else(|| self.bare.get(&folded))
                    .copied()
            }
        };
        found.map(|i| &self.units[i])
    }

    /// The unit closest to a spelling that names none, for "did you mean".
    pub fn suggestion(&self, name: &str) -> Option<&Unit> {
        self.nearest(name, 1).pop()
    }

    /// The unit with exactly this code.
    pub fn get(&self, code: &str) -> Option<&Unit> {
        self.codes.get(code).map(|&i| &self.units[i])
    }

    /// Up to `limit` units whose spellings are close to `name`, best first, each once.
    pub fn nearest(&self, name: &str, limit: usize) -> Vec<&Unit> {
        let folded = fold(name);
        let mut scored: Vec<(f64, usize)> = self
            .index
            .iter()
            .map(|(key, &i)| (strsim::normalized_damerau_levenshtein(&folded, key), i))
            .filter(|(score, _)| *score >= 0.4)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut best: Vec<usize> = Vec::new();
        for (_, i) in scored {
            if !best.contains(&i) {
                best.push(i);
            }
        }
        best.iter().take(limit).map(|&i| &self.units[i]).collect()
    }

    /// The units that were merged or renamed into `code`, directly or through others.
    pub fn predecessors(&self, code: &str) -> Vec<&Unit> {
        let mut found: Vec<&Unit> = Vec::new();
        let mut frontier = vec![code.to_string()];
        while let Some(current) = frontier.pop() {
            for unit in &self.units {
                let succeeds = unit.successor.as_deref() == Some(current.as_str());
                if succeeds && unit.code != code && !found.iter().any(|f| f.code == unit.code) {
                    found.push(unit);
                    frontier.push(unit.code.clone());
                }
            }
        }
        found
    }

    /// The unit `code` became: its successor's successor and so on (itself when it has
    /// none). A chain that loops stops where it would.
    pub fn current<'a>(&'a self, code: &'a str) -> &'a str {
        let mut current = code;
        for _ in 0..self.units.len() {
            match self.get(current).and_then(|u| u.successor.as_deref()) {
                Some(next) if next != code => current = next,
                _ => break,
            }
        }
        current
    }

    /// True when the code names a vague pseudo-unit ("Các đơn vị liên quan").
    pub fn is_vague(&self, code: &str) -> bool {
        self.get(code).is_some_and(|u| u.kind == UnitKind::Vague)
    }
}
