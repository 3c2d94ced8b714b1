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
mod tests {
    use super::*;
    use crate::model::Alias;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn unit(code: &str, name: &str, aliases: Vec<Alias>) -> Unit {
        Unit {
            code: code.into(),
            name: name.into(),
            aliases,
            kind: UnitKind::Province,
            successor: None,
            from: None,
            until: None,
        }
    }

    fn timed(name: &str, from: &str, until: &str) -> Alias {
        Alias {
            name: name.into(),
            from: Some(day(from)),
            until: Some(day(until)),
        }
    }

    /// "BHXH khu vực II" named the Hồ Chí Minh City office under QĐ 391/QĐ-BTC and the
    /// Sơn La one from QĐ 1733/QĐ-BTC (12/5/2025) until the rename to provincial offices.
    fn khu_vuc_ii() -> Registry {
        let units = vec![
            unit(
                "HCM",
                "Bảo hiểm xã hội Thành phố Hồ Chí Minh",
                vec![timed("BHXH khu vực II", "2025-04-01", "2025-05-11")],
            ),
            unit(
                "SONLA",
                "Bảo hiểm xã hội tỉnh Sơn La",
                vec![timed("BHXH khu vực II", "2025-05-12", "2025-06-30")],
            ),
        ];
        let (registry, clashes) = Registry::new(units);
        assert_eq!(clashes, []);
        registry
    }

    #[test]
    fn a_timed_alias_names_the_unit_of_the_day() {
        let r = khu_vuc_ii();
        let on = |name: &str, d: &str| r.resolve_on(name, day(d)).map(|u| u.code.as_str());
        assert_eq!(on("BHXH khu vực II", "2025-04-15"), Some("HCM"));
        assert_eq!(on("bhxh khu vuc ii", "2025-05-11"), Some("HCM"));
        assert_eq!(on("BHXH khu vực II", "2025-05-12"), Some("SONLA"));
        assert_eq!(on("BHXH Khu vực II", "2025-06-30"), Some("SONLA"));
        // Outside every window, the nearest: a plan keeps writing the name it knew.
        assert_eq!(on("BHXH khu vực II", "2026-03-01"), Some("SONLA"));
        assert_eq!(on("BHXH khu vực II", "2024-12-31"), Some("HCM"));
        // The units' own names are not bound by the alias's days.
        assert_eq!(
            on("Bảo hiểm xã hội Thành phố Hồ Chí Minh", "2026-03-01"),
            Some("HCM")
        );
    }

    #[test]
    fn a_timed_spelling_says_when_it_named_no_unit_on_the_day() {
        let r = khu_vuc_ii();
        let elsewhen = |name: &str, d: &str| {
            let named = r.named_on(name, day(d)).unwrap();
            let all = named
                .elsewhen
                .iter()
                .map(|(u, days)| (u.code.as_str(), *days));
            (named.unit.code.clone(), all.collect::<Vec<_>>())
        };
        // Inside a window, or a spelling of one unit only: no doubt.
        assert_eq!(
            elsewhen("BHXH khu vực II", "2025-04-15"),
            ("HCM".into(), vec![])
        );
        assert_eq!(elsewhen("SONLA", "2019-01-01"), ("SONLA".into(), vec![]));
        // Outside every window: the nearest, as a plan reads it, and every unit it named.
        let windows = vec![
            (
                "HCM",
                Window {
                    from: Some(day("2025-04-01")),
                    until: Some(day("2025-05-11")),
                },
            ),
            (
                "SONLA",
                Window {
                    from: Some(day("2025-05-12")),
                    until: Some(day("2025-06-30")),
                },
            ),
        ];
        assert_eq!(
            elsewhen("BHXH khu vực II", "2024-06-30"),
            ("HCM".into(), windows.clone())
        );
        assert_eq!(
            elsewhen("BHXH khu vực II", "2026-01-05"),
            ("SONLA".into(), windows)
        );
    }

    #[test]
    fn without_a_day_a_timed_spelling_names_its_latest_unit() {
        let r = khu_vuc_ii();
        assert_eq!(r.resolve("BHXH khu vực II").unwrap().code, "SONLA");
        assert_eq!(r.resolve("HCM").unwrap().code, "HCM");
    }

    #[test]
    fn a_units_own_days_bound_its_name_and_plain_aliases() {
        // The same official name for two bodies, one after the other.
        let mut old = unit(
            "KV391-II",
            "Bảo hiểm xã hội khu vực II",
            vec!["BHXH khu vực II".into()],
        );
        old.from = Some(day("2025-04-01"));
        old.until = Some(day("2025-05-11"));
        let mut new = unit(
            "KV1733-II",
            "Bảo hiểm xã hội khu vực II",
            vec!["BHXH khu vực II".into()],
        );
        new.from = Some(day("2025-05-12"));
        new.until = Some(day("2025-06-30"));
        let (r, clashes) = Registry::new(vec![old.clone(), new.clone()]);
        assert_eq!(clashes, []);
        let on = |name: &str, d: &str| r.resolve_on(name, day(d)).unwrap().code.clone();
        assert_eq!(on("Bảo hiểm xã hội khu vực II", "2025-04-01"), "KV391-II");
        assert_eq!(on("BHXH khu vực II", "2025-06-01"), "KV1733-II");
        // Codes stay codes on any day.
        assert_eq!(on("KV391-II", "2025-06-01"), "KV391-II");
        // One common day is enough to clash.
        new.from = Some(day("2025-05-11"));
        let (_, clashes) = Registry::new(vec![old, new]);
        let refused: Vec<&str> = clashes.iter().map(|c| c.spelling.as_str()).collect();
        assert_eq!(refused, ["Bảo hiểm xã hội khu vực II", "BHXH khu vực II"]);
    }

    #[test]
    fn a_name_without_its_type_word_names_the_unit_of_the_day() {
        let mut vu = unit("TCCB", "Vụ Tổ chức cán bộ", vec![]);
        vu.until = Some(day("2025-02-28"));
        let mut ban = unit("BTCCB", "Ban Tổ chức cán bộ", vec![]);
        ban.from = Some(day("2025-03-01"));
        let (r, _) = Registry::new(vec![vu, ban]);
        let on = |d: &str| r.resolve_on("Tổ chức cán bộ", day(d)).unwrap().code.clone();
        assert_eq!(on("2024-06-01"), "TCCB");
        assert_eq!(on("2025-06-01"), "BTCCB");
    }

    #[test]
    fn a_unit_becomes_its_successor_only_once_it_has_ceased() {
        let mut vu = unit("PC", "Vụ Pháp chế", vec![]);
        vu.until = Some(day("2025-02-28"));
        vu.successor = Some("BPC".into());
        let mut ban = unit("BPC", "Ban Pháp chế", vec![]);
        ban.from = Some(day("2025-03-01"));
        let mut thu = unit("THU", "Ban Thu", vec![]);
        thu.successor = Some("TST".into());
        let tst = unit("TST", "Ban Quản lý Thu - Sổ, thẻ", vec![]);
        let (r, _) = Registry::new(vec![vu, ban, thu, tst]);
        let on = |code: &str, d: &str| r.current_on(code, day(d)).to_string();
        // A report of 2024 counts Vụ Pháp chế as itself; one of March 2025 as Ban Pháp chế.
        assert_eq!(on("PC", "2024-12-31"), "PC");
        assert_eq!(on("PC", "2025-02-28"), "PC");
        assert_eq!(on("PC", "2025-03-01"), "BPC");
        assert_eq!(r.current("PC"), "BPC");
        // A merger the sources do not date is followed on any day, as before.
        assert_eq!(on("THU", "2017-02-28"), "TST");
    }

    /// The registry of plans/, checked clean.
    fn plans_registry() -> Registry {
        let mut found = Vec::new();
        let text = include_str!("../plans/units.toml");
        let registry = crate::check::read_registry(0, text, &mut found);
        assert_eq!(found, [], "plans/units.toml is clean");
        registry
    }

    #[test]
    fn every_2025_chain_of_the_registry_ends_at_the_unit_of_today() {
        let r = plans_registry();
        // Each unit the 2025 reorganisation gave a successor, and where its work is now.
        let chains = [
            // QĐ 391/QĐ-BTC: central units renamed from 01/03/2025.
            ("TCKT", "BTCKT"),
            ("PC", "BPC"),
            ("CNTT", "CNTT-CĐS"),
            ("TCCB", "BTCCB"),
            ("KTNB", "BKTNB"),
            ("QLĐTQ", "BQLĐTQ"),
            // Khu vực that kept their number and area until 30/06/2025.
            ("KV391-I", "BHXH-HANOI"),
            ("KV391-VI", "BHXH-THANHHOA"),
            ("KV391-VII", "BHXH-NGHEAN"),
            ("KV391-X", "BHXH-THAINGUYEN"),
            ("KV391-XI", "BHXH-BACNINH"),
            ("KV391-XVII", "BHXH-LAOCAI"),
            ("KV391-XIX", "BHXH-TUYENQUANG"),
            ("KV391-XXII", "BHXH-DANANG"),
            ("KV391-XXXII", "BHXH-CAMAU"),
            // Khu vực of QĐ 391 wholly inside one khu vực of QĐ 1733, then its office.
            ("KV391-II", "BHXH-HCM"),
            ("KV391-III", "BHXH-CANTHO"),
            ("KV391-IV", "BHXH-HCM"),
            ("KV391-V", "BHXH-DONGNAI"),
            ("KV391-XIII", "BHXH-NINHBINH"),
            ("KV391-XVIII", "BHXH-PHUTHO"),
            ("KV391-XXXV", "BHXH-VINHLONG"),
            // Khu vực of QĐ 1733 renamed to provincial offices (QĐ 2286/QĐ-BTC).
            ("KV1733-II", "BHXH-SONLA"),
            ("KV1733-III", "BHXH-DIENBIEN"),
            ("KV1733-IV", "BHXH-LAICHAU"),
            ("KV1733-V", "BHXH-LANGSON"),
            ("KV1733-VIII", "BHXH-QUANGNINH"),
            ("KV1733-IX", "BHXH-CAOBANG"),
            ("KV1733-XII", "BHXH-HUNGYEN"),
            ("KV1733-XIII", "BHXH-HAIPHONG"),
            ("KV1733-XIV", "BHXH-NINHBINH"),
            ("KV1733-XV", "BHXH-HATINH"),
            ("KV1733-XVI", "BHXH-QUANGTRI"),
            ("KV1733-XVIII", "BHXH-PHUTHO"),
            ("KV1733-XX", "BHXH-HUE"),
            ("KV1733-XXI", "BHXH-QUANGNGAI"),
            ("KV1733-XXIII", "BHXH-GIALAI"),
            ("KV1733-XXIV", "BHXH-KHANHHOA"),
            ("KV1733-XXV", "BHXH-LAMDONG"),
            ("KV1733-XXVI", "BHXH-DAKLAK"),
            ("KV1733-XXVII", "BHXH-HCM"),
            ("KV1733-XXVIII", "BHXH-DONGNAI"),
            ("KV1733-XXIX", "BHXH-TAYNINH"),
            ("KV1733-XXX", "BHXH-CANTHO"),
            ("KV1733-XXXI", "BHXH-VINHLONG"),
            ("KV1733-XXXIII", "BHXH-DONGTHAP"),
            ("KV1733-XXXIV", "BHXH-ANGIANG"),
        ];
        for (old, new) in chains {
            assert_eq!(r.current(old), new, "{old}");
            let before: Vec<&str> = r
                .predecessors(new)
                .iter()
                .map(|u| u.code.as_str())
                .collect();
            assert!(
                before.contains(&old),
                "{new} does not reach {old}: {before:?}"
            );
        }
        // Every successor the registry gives is among the chains above or older than 2025.
        let older = ["THU", "ST"];
        for unit in r.units().iter().filter(|u| u.successor.is_some()) {
            let listed = chains.iter().any(|(old, _)| *old == unit.code);
            assert!(
                listed || older.contains(&unit.code.as_str()),
                "{}",
                unit.code
            );
        }
        // A query for today's Hồ Chí Minh City office reaches all it was made of.
        let mut before: Vec<&str> = (r.predecessors("BHXH-HCM").iter())
            .map(|u| u.code.as_str())
            .collect();
        before.sort_unstable();
        assert_eq!(before, ["KV1733-XXVII", "KV391-II", "KV391-IV"]);
        // So does one for Cần Thơ City's, whose khu vực XXX of QĐ 1733 took khu vực III of
        // QĐ 391 whole.
        let mut before: Vec<&str> = (r.predecessors("BHXH-CANTHO").iter())
            .map(|u| u.code.as_str())
            .collect();
        before.sort_unstable();
        assert_eq!(before, ["KV1733-XXX", "KV391-III"]);
        // A khu vực split by QĐ 1733 has no single successor: it stays itself.
        for split in ["KV391-VIII", "KV391-XII", "KV391-XV", "KV391-XXVIII"] {
            assert_eq!(r.current(split), split);
        }
        // Units QĐ 391 did not keep, with no successor found, end where they are.
        for gone in ["TST", "TTTT", "CSKH", "KHĐT", "HTQT", "TTKT", "GĐTT"] {
            assert_eq!(r.current(gone), gone);
            assert_eq!(r.get(gone).unwrap().until, Some(day("2025-02-28")));
        }
    }

    #[test]
    fn the_registrys_khu_vuc_spellings_name_the_unit_of_the_day() {
        let r = plans_registry();
        let on = |name: &str, d: &str| r.resolve_on(name, day(d)).unwrap().code.clone();
        // DESIGN §2: Hồ Chí Minh City under QĐ 391, Sơn La after QĐ 1733 of 12/05/2025.
        assert_eq!(on("BHXH khu vực II", "2025-04-15"), "KV391-II");
        assert_eq!(on("Bảo hiểm xã hội khu vực II", "2025-05-11"), "KV391-II");
        assert_eq!(on("BHXH khu vực II", "2025-05-12"), "KV1733-II");
        assert_eq!(on("bhxh khu vuc XVIII", "2025-04-15"), "KV391-XVIII");
        assert_eq!(on("bhxh khu vuc XVIII", "2025-06-15"), "KV1733-XVIII");
        // A khu vực QĐ 1733 left as it was is one unit throughout.
        assert_eq!(on("BHXH khu vực VI", "2025-06-15"), "KV391-VI");
        // The khu vực together, in 2025, are the provincial level of BHXH.
        assert_eq!(on("BHXH khu vực", "2025-05-01"), "BHXH-TINH");
        assert_eq!(on("BHXH các tỉnh, thành phố", "2026-01-05"), "BHXH-TINH");
        // A name without its type word is read by day: Vụ before, Ban after 01/03/2025.
        assert_eq!(on("Tổ chức cán bộ", "2024-06-01"), "TCCB");
        assert_eq!(on("Tổ chức cán bộ", "2025-06-01"), "BTCCB");
        // Without a day, today's unit.
        assert_eq!(r.resolve("BHXH khu vực II").unwrap().code, "KV1733-II");
    }

    #[test]
    fn the_registrys_units_become_their_successors_by_day() {
        let r = plans_registry();
        let on = |code: &str, d: &str| r.current_on(code, day(d)).to_string();
        // A report of 2024 counts Vụ Pháp chế as itself; one of March 2025 as Ban Pháp chế.
        assert_eq!(on("PC", "2024-12-31"), "PC");
        assert_eq!(on("PC", "2025-02-28"), "PC");
        assert_eq!(on("PC", "2025-03-01"), "BPC");
        // Khu vực II of QĐ 391: itself, then khu vực XXVII, then the city's office.
        assert_eq!(on("KV391-II", "2025-04-15"), "KV391-II");
        assert_eq!(on("KV391-II", "2025-05-20"), "KV1733-XXVII");
        assert_eq!(on("KV391-II", "2025-07-01"), "BHXH-HCM");
        // A merger the sources do not date is followed on any day, as before.
        assert_eq!(on("THU", "2017-02-28"), "TST");
        assert_eq!(r.current("KV391-II"), "BHXH-HCM");
    }
}
