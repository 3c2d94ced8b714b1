//! The units registry, `units.toml`: each unit has a `code` and a `name` and a known
//! `kind`; a `successor` is a code of the registry, and no chain of successors comes back
//! to a unit it left; no spelling names two units on a
//! common day (a unit's spellings name it from its `from` to its `until`, an alias table
//! `{ name, from, until }` on its own days); no `from` comes after its `until`.

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use crate::diag::{self, Code, Diagnostic};
use crate::model::{Alias, Unit, UnitKind};
use crate::raw::{self, RawUnit, Sp};
use crate::source::FileId;
use crate::units::Registry;

use super::fields::{missing, not_one_of};

/// Reads and checks `units.toml`.
pub fn read_registry(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Registry {
    let Some(raw_units) = raw::parse_units(file, text, diags) else {
        return Registry::default();
    };
    let mut units: Vec<Unit> = Vec::new();
    let mut spans = Vec::new();
    for raw in &raw_units {
        if let Some(unit) = unit(file, raw, diags) {
            spans.push(raw);
            units.push(unit);
        }
    }
    // A successor is a code of the registry; the nearest is named. A unit that does not
    // read (a bad `kind`) still has its code: its own error is the one mistake to report.
    let codes: Vec<&str> = (raw_units.iter())
        .filter_map(|raw| raw.code.as_ref().map(|code| code.get_ref().trim()))
        .filter(|code| !code.is_empty())
        .collect();
    for (unit, raw) in units.iter().zip(&spans) {
        if let (Some(successor), Some(span)) = (&unit.successor, &raw.successor)
            && !codes.contains(&successor.as_str())
        {
            let message = format!("successor `{successor}` is not a unit code of the registry");
            let d = Diagnostic::new(Code::Registry, file, span.span(), message);
            diags.push(match diag::nearest(successor, codes.iter().copied()) {
                Some(near) => d.with_label(format!("did you mean `{near}`?")),
                None => d,
            });
        }
    }
    // A unit cannot succeed itself, directly or through others: a query for it would
    // name its successor as its predecessor. Each cycle is reported once, at the
    // successor of its first unit; its units lose their successors, so that queries over
    // the registry (which answer despite its errors) follow no chain rather than a wrong one.
    for cycle in cycles(&units) {
        let first = cycle[0];
        let path: Vec<String> = (cycle.iter().chain([&first]))
            .map(|&i| format!("`{}`", units[i].code))
            .collect();
        if let Some(span) = &spans[first].successor {
            let message = format!(
                "successor `{}` makes a cycle: {}",
                span.get_ref(),
                path.join(" → ")
            );
            diags.push(
                Diagnostic::new(Code::Registry, file, span.span(), message)
                    .with_label("a unit cannot succeed itself, directly or through others")
                    .with_help("remove the `successor` that leads back, or correct it"),
            );
        }
        for i in cycle {
            units[i].successor = None;
        }
    }
    let (registry, clashes) = Registry::new(units);
    for clash in clashes {
        let raw = spans[clash.unit];
        let span = raw
            .aliases
            .iter()
            .filter_map(|a| a.name.as_ref())
            .chain(raw.name.iter())
            .chain(raw.code.iter())
            .find(|s| s.get_ref() == &clash.spelling)
            .map(Sp::span)
            .unwrap_or(raw.span.clone());
        let holder = &registry.units()[clash.holder].code;
        diags.push(
            Diagnostic::new(
                Code::Registry,
                file,
                span,
                format!("`{}` already names unit `{holder}`", clash.spelling),
            )
            .with_help(
                "two units may share a spelling only on days that do not overlap: write it \
                 `{ name = \"…\", from = …, until = … }`, or give the units `from` and `until`",
            ),
        );
    }
    registry
}

/// The cycles of successors among `units`, each once, as indices in the order the chain
/// goes, starting from the unit that comes first in the registry.
fn cycles(units: &[Unit]) -> Vec<Vec<usize>> {
    let mut index: HashMap<&str, usize> = HashMap::default();
    for (i, unit) in units.iter().enumerate() {
        index.entry(unit.code.as_str()).or_insert(i);
    }
    let next = |i: usize| {
        units[i]
            .successor
            .as_deref()
            .and_then(|s| index.get(s).copied())
    };
    let mut seen = vec![false; units.len()];
    let mut found = Vec::new();
    for start in 0..units.len() {
        // Walk the chain from `start` until it ends, reaches a unit already walked, or
        // comes back into itself.
        let mut path = Vec::new();
        let mut current = Some(start);
        while let Some(i) = current.filter(|&i| !seen[i]) {
            seen[i] = true;
            path.push(i);
            current = next(i);
        }
        if let Some(back) = current.and_then(|i| path.iter().position(|&p| p == i)) {
            let mut cycle = path.split_off(back);
            let first = (0..cycle.len()).min_by_key(|&k| cycle[k]).unwrap_or(0);
            cycle.rotate_left(first);
            found.push(cycle);
        }
    }
    found
}

/// One `[[unit]]`: its `code` and `name` are written, its `kind` is a known one.
fn unit(file: FileId, raw: &RawUnit, diags: &mut Vec<Diagnostic>) -> Option<Unit> {
    let mut required = |field: &Option<Sp<String>>, key: &str| match field {
        Some(v) if !v.get_ref().trim().is_empty() => Some(v.get_ref().trim().to_string()),
        _ => {
            diags.push(missing(
                file,
                field.as_ref().map_or(raw.span.clone(), Sp::span),
                key,
                "a `[[unit]]`",
            ));
            None
        }
    };
    let code = required(&raw.code, "code");
    let name = required(&raw.name, "name");
    let mut aliases = Vec::new();
    for alias in &raw.aliases {
        match &alias.name {
            Some(n) if !n.get_ref().trim().is_empty() => aliases.push(Alias {
                name: n.get_ref().trim().to_string(),
                from: alias.from.as_ref().map(|d| *d.get_ref()),
                until: alias.until.as_ref().map(|d| *d.get_ref()),
            }),
            Some(n) => diags.push(missing(file, n.span(), "name", "an alias")),
            None if alias.wrong_type.contains("name") => {}
            None => diags.push(missing(file, alias.span.clone(), "name", "an alias")),
        }
        ordered(file, &alias.from, &alias.until, diags);
    }
    ordered(file, &raw.from, &raw.until, diags);
    let kind = match &raw.kind {
        None => Some(UnitKind::Central),
        Some(k) => {
            let kind = UnitKind::parse(k.get_ref());
            if kind.is_none() {
                diags.push(not_one_of(file, k, "kind", UnitKind::NAMES));
            }
            kind
        }
    };
    Some(Unit {
        code: code?,
        name: name?,
        aliases,
        kind: kind?,
        successor: raw.successor.as_ref().map(|s| s.get_ref().clone()),
        from: raw.from.as_ref().map(|d| *d.get_ref()),
        until: raw.until.as_ref().map(|d| *d.get_ref()),
    })
}

/// A `from` after its `until` is an error: such days would name nothing, and would let
/// two units share a spelling unnoticed.
fn ordered(
    file: FileId,
    from: &Option<Sp<NaiveDate>>,
    until: &Option<Sp<NaiveDate>>,
    diags: &mut Vec<Diagnostic>,
) {
    if let (Some(from), Some(until)) = (from, until)
        && from.get_ref() > until.get_ref()
    {
        diags.push(
            Diagnostic::new(
                Code::Registry,
                file,
                until.span(),
                format!(
                    "`until` {} is before `from` {}",
                    until.get_ref(),
                    from.get_ref()
                ),
            )
            .with_label("the last day comes before the first"),
        );
    }
}

#[cfg(test)]
mod tests {
    use insta::assert_snapshot;

    use super::*;
    use crate::check::testing::{cases, render};

    /// Reads `text` as `units.toml` and renders its diagnostics.
    fn rendered(text: &str) -> String {
        let mut found = Vec::new();
        read_registry(0, text, &mut found);
        render(&[("units.toml", text)], found)
    }

    #[test]
    fn units_of_the_registry() {
        let shown = cases(
            r#"
=== a unit needs a code and a name: absent at its header, empty on itself
[[unit]]
name = "Không mã"

[[unit]]
code = "PC"
name = " "

=== a kind is a known one and a successor a code of the registry
[[unit]]
code = "THU"
name = "Ban Thu"
kind = "centrl"

[[unit]]
code = "ST"
name = "Ban Sổ - Thẻ"
successor = "TTS"

[[unit]]
code = "TST"
name = "Ban Quản lý Thu - Sổ, thẻ"

=== no spelling names two units
[[unit]]
code = "A"
name = "Alpha"
aliases = ["Ban chung"]

[[unit]]
code = "B"
name = "Beta"
aliases = ["Ban Chung"]

=== a spelling may name two units on days that do not overlap, but not on a common day
[[unit]]
code = "KV391-II"
name = "Bảo hiểm xã hội khu vực II"
aliases = ["BHXH khu vực II"]
from = 2025-04-01
until = 2025-05-11

[[unit]]
code = "KV1733-II"
name = "Bảo hiểm xã hội khu vực II"
aliases = [{ name = "BHXH khu vực II", from = 2025-05-11 }]
from = 2025-05-12
until = 2025-06-30

=== an alias table needs a name and known keys, and no window ends before it starts
[[unit]]
code = "A"
name = "Alpha"
aliases = [{ from = 2025-01-01 }, { name = "A cũ", untill = 2025-01-01 }, { name = " " }]
from = 2025-03-01
until = 2025-02-28

[[unit]]
code = "B"
name = "Beta"
aliases = [{ name = "Bê", from = 2025-07-01, until = 2025-06-30 }, 7]
"#,
            rendered,
        );
        assert_snapshot!(shown);
    }

    #[test]
    fn successors_make_no_cycle() {
        let shown = cases(
            r#"
=== two units that succeed each other are one cycle, reported at the first
[[unit]]
code = "AAA"
name = "Ban A"
successor = "BBB"

[[unit]]
code = "BBB"
name = "Ban B"
successor = "AAA"

=== a unit that succeeds itself, and a chain that runs into a cycle
[[unit]]
code = "C"
name = "Ban C"
successor = "D"

[[unit]]
code = "D"
name = "Ban D"
successor = "E"

[[unit]]
code = "E"
name = "Ban E"
successor = "D"

[[unit]]
code = "F"
name = "Ban F"
successor = "F"

=== a unit of a bad kind is still a code a successor may name: one mistake, one error
[[unit]]
code = "AAA"
name = "Ban A"
kind = "centrall"

[[unit]]
code = "BBB"
name = "Ban B"
successor = "AAA"
"#,
            rendered,
        );
        assert_snapshot!(shown);
    }

    #[test]
    fn a_cycle_leaves_its_units_without_successors() {
        let text = "[[unit]]\ncode = \"A\"\nname = \"Ban A\"\nsuccessor = \"B\"\n\n\
                    [[unit]]\ncode = \"B\"\nname = \"Ban B\"\nsuccessor = \"A\"\n\n\
                    [[unit]]\ncode = \"C\"\nname = \"Ban C\"\nsuccessor = \"A\"\n";
        let mut found = Vec::new();
        let registry = read_registry(0, text, &mut found);
        assert_eq!(found.len(), 1);
        let codes = |units: Vec<&Unit>| units.iter().map(|u| u.code.clone()).collect::<Vec<_>>();
        assert_eq!(codes(registry.predecessors("A")), ["C"]);
        assert!(registry.predecessors("B").is_empty());
        assert_eq!(registry.current("C"), "A");
    }
}
