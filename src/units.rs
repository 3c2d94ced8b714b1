//! The units registry and forgiving name matching.
//!
//! People write "Trung tâm CNTT", "cntt", "Công nghệ thông tin" or "KHDT" for "KHĐT";
//! every spelling should find the same unit. A name is folded (NFC, case, Vietnamese
//! diacritics and `đ`, spaces, hyphens and dots removed) before it is looked up, so the
//! registry only needs the spellings that differ in their letters.

use rustc_hash::FxHashMap as HashMap;

use chrono::NaiveDate;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::{Unit, UnitKind, Window};

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

/// Two registry entries that claim the same folded spelling on a common day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clash {
    /// Index of the unit whose spelling was refused.
    pub unit: usize,
    /// The spelling as written.
    pub spelling: String,
    /// Index of the unit that already holds it.
    pub holder: usize,
}

/// The units a folded spelling names, each with the days it names it.
type Holders = Vec<(usize, Window)>;

/// What a spelling names, before a day picks among several.
enum Found<'a> {
    One(usize),
    Many(&'a [(usize, Window)]),
}

/// The unit a spelling names on a day ([`Registry::named_on`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named<'a> {
    /// The unit whose days hold the day, or else the one whose days are nearest.
    pub unit: &'a Unit,
    /// Empty when the day chose `unit`: the spelling names one unit only, or `unit`'s days
    /// hold the day. Else the spelling named several units, none of them on that day, and
    /// here they are, each with the days it was so named, in registry order.
    pub elsewhen: Vec<(&'a Unit, Window)>,
}

/// The units of `plans/units.toml`, with an index of every folded spelling.
///
/// A spelling may name several units when the days it names each do not overlap
/// ("BHXH khu vực II", DESIGN §2); [`Registry::resolve_on`] picks by day.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Registry {
    units: Vec<Unit>,
    /// Folded spelling → the units it names, in registry order.
    #[serde(skip)]
    index: HashMap<String, Holders>,
    /// Spelling exactly as the registry writes it → unit, for spellings that name one
    /// unit only: most references are codes as written, and this spares folding them.
    #[serde(skip)]
    exact: HashMap<String, usize>,
    /// Code → unit: queries ask for a unit by code once per row.
    #[serde(skip)]
    codes: HashMap<String, usize>,
    /// A name without its type word ("Kế hoạch và Đầu tư" for "Vụ Kế hoạch và Đầu tư"),
    /// folded → the units it names, where no spelling folds the same.
    #[serde(skip)]
    bare: HashMap<String, Holders>,
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
    /// Builds the index. A spelling that another unit holds on a common day is reported
    /// and refused: the first unit keeps it.
    pub fn new(units: Vec<Unit>) -> (Registry, Vec<Clash>) {
        let mut index: HashMap<String, Holders> = HashMap::default();
        let mut exact = HashMap::default();
        let mut clashes = Vec::new();
        for (i, unit) in units.iter().enumerate() {
            for (spelling, days) in unit.spellings() {
                let key = fold(spelling);
                if key.is_empty() {
                    continue;
                }
                exact.entry(spelling.to_string()).or_insert(i);
                let holders = index.entry(key).or_default();
                let taken = holders
                    .iter()
                    .find(|&&(j, other)| j != i && other.overlaps(&days));
                if let Some(&(holder, _)) = taken {
                    clashes.push(Clash {
                        unit: i,
                        spelling: spelling.to_string(),
                        holder,
                    });
                } else if !holders.iter().any(|&(j, _)| j == i) {
                    holders.push((i, days));
                }
            }
        }
        // A spelling as written resolves without folding only where it names one unit.
        exact.retain(|spelling, unit| {
            index
                .get(&fold(spelling))
                .is_some_and(|holders| holders.len() == 1 && holders[0].0 == *unit)
        });
        // A name without its type word names its unit while the unit exists, unless a
        // spelling folds the same or another such name does on a common day.
        let mut bare: HashMap<String, Holders> = HashMap::default();
        let mut ambiguous = Vec::new();
        for (i, unit) in units.iter().enumerate() {
            let Some(key) = without_type_word(&unit.name) else {
                continue;
            };
            let days = unit.window();
            let holders = bare.entry(key.clone()).or_default();
            let shared = holders.iter().any(|(_, other)| other.overlaps(&days));
            if index.contains_key(&key) || shared {
                ambiguous.push(key);
            } else {
                holders.push((i, days));
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

    /// The units a spelling names: a code, name or alias however typed; a type word and
    /// a code or alias ("Vụ KHĐT"); a name without its type word ("Kế hoạch và Đầu tư").
    fn lookup(&self, name: &str) -> Option<Found<'_>> {
        if let Some(&i) = self.exact.get(name) {
            return Some(Found::One(i));
        }
        let folded = fold(name);
        let typed = || without_type_word(name).and_then(|rest| self.index.get(&rest));
        let holders =
            (self.index.get(&folded).or_else(typed)).or_else(|| self.bare.get(&folded))?;
        Some(Found::Many(holders))
    }

    /// The unit a spelling names on `day`: the one whose days hold it, or else the one
    /// whose days are nearest (a plan may still write a unit's old name after it ceased).
    /// Spellings match as for [`Registry::resolve`].
    pub fn resolve_on(&self, name: &str, day: NaiveDate) -> Option<&Unit> {
        self.named_on(name, day).map(|named| named.unit)
    }

    /// What a spelling names on `day`, as [`Registry::resolve_on`] reads it, and whether
    /// that was a guess: a plan keeps the nearest unit, a name typed for a day (`--unit`,
    /// `units resolve`) should rather say which units the spelling named and when.
    pub fn named_on(&self, name: &str, day: NaiveDate) -> Option<Named<'_>> {
        let (i, elsewhen) = match self.lookup(name)? {
            Found::One(i) => (i, Vec::new()),
            Found::Many(holders) => {
                let &(i, days) = holders.iter().min_by_key(|(_, days)| days.distance(day))?;
                let guessed = holders.len() > 1 && !days.contains(day);
                let all = holders.iter().map(|&(j, days)| (&self.units[j], days));
                (i, if guessed { all.collect() } else { Vec::new() })
            }
        };
        Some(Named {
            unit: &self.units[i],
            elsewhen,
        })
    }

    /// The unit a spelling names, if any: a code, name or alias however typed; a type
    /// word and a code or alias ("Vụ KHĐT"); a name without its type word ("Kế hoạch và
    /// Đầu tư"). A spelling that named different units at different times names the
    /// latest of them here (the one whose days end last, open-ended first), as a name
    /// typed without a date means today's unit; callers that know the day use
    /// [`Registry::resolve_on`].
    pub fn resolve(&self, name: &str) -> Option<&Unit> {
        let i = match self.lookup(name)? {
            Found::One(i) => i,
            Found::Many(holders) => {
                let last = |days: &Window| days.until.map_or((1, NaiveDate::MIN), |u| (0, u));
                // The first of equals: `max_by_key` keeps the last, so look from the end.
                holders.iter().rev().max_by_key(|(_, days)| last(days))?.0
            }
        };
        Some(&self.units[i])
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
            .flat_map(|(key, holders)| {
                let score = strsim::normalized_damerau_levenshtein(&folded, key);
                holders.iter().map(move |&(i, _)| (score, i))
            })
            .chain(self.holding_words(name).map(|i| (0.95, i)))
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

    /// The units with a spelling that holds every word of `name` but its type words ("ban",
    /// "vụ": alone they say only "a body"): "thẻ" is a word of "Ban Sổ - Thẻ", not a slip for
    /// "Thu", and comes before a spelling a letter away.
    fn holding_words(&self, name: &str) -> impl Iterator<Item = usize> + '_ {
        let words_of = |text: &str| -> Vec<String> {
            let folded: String = unaccented(text).collect();
            folded
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        };
        let words: Vec<String> = words_of(name)
            .into_iter()
            .filter(|w| !TYPE_WORDS.contains(&w.as_str()))
            .collect();
        self.units.iter().enumerate().filter_map(move |(i, unit)| {
            let mut spellings = std::iter::once(unit.name.as_str())
                .chain(unit.aliases.iter().map(|a| a.name.as_str()));
            let holds = spellings.any(|spelling| {
                let have = words_of(spelling);
                words.iter().all(|w| have.contains(w))
            });
            (!words.is_empty() && holds).then_some(i)
        })
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
        self.current_on(code, NaiveDate::MAX)
    }

    /// The unit `code` had become on `day`: the chain of [`Registry::current`], followed
    /// past each unit that had ceased by then (its `until` before `day`, or no `until`
    /// where the sources date no end, as for Ban Thu). A report of 2024 counts Vụ Pháp chế
    /// as Vụ Pháp chế, one of 2026 as Ban Pháp chế.
    pub fn current_on<'a>(&'a self, code: &'a str, day: NaiveDate) -> &'a str {
        let mut current = code;
        for _ in 0..self.units.len() {
            let Some(unit) = self.get(current) else { break };
            let ceased = unit.until.is_none_or(|until| until < day);
            match unit.successor.as_deref() {
                Some(next) if next != code && ceased => current = next,
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

#[cfg(test)]
mod tests;
