//! The units registry, `units.toml`: each unit has a `code` and a `name` and a known
//! `kind`; a `successor` is a code of the registry; no spelling names two units.

use crate::diag::{self, Code, Diagnostic};
use crate::model::{Unit, UnitKind};
use crate::raw::{self, RawUnit, Sp};
use crate::source::FileId;
use crate::units::Registry;

use super::fields::{missing, not_one_of};

/// Reads and checks `units.toml`.
pub fn read_registry(file: FileId, text: &str, diags: &mut Vec<Diagnostic>) -> Registry {
    let Some(raw_units) = raw::parse_units(file, text, diags) else {
        return Registry::default();
    };
    let mut units = Vec::new();
    let mut spans = Vec::new();
    for raw in &raw_units {
        if let Some(unit) = unit(file, raw, diags) {
            spans.push(raw);
            units.push(unit);
        }
    }
    // A successor is a code of the registry; the nearest is named.
    let codes: Vec<&str> = units.iter().map(|u| u.code.as_str()).collect();
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
    let (registry, clashes) = Registry::new(units);
    for clash in clashes {
        let raw = spans[clash.unit];
        let span = raw
            .aliases
            .iter()
            .chain(raw.name.iter())
            .chain(raw.code.iter())
            .find(|s| s.get_ref() == &clash.spelling)
            .map(Sp::span)
            .unwrap_or(raw.span.clone());
        let holder = &registry.units()[clash.holder].code;
        diags.push(Diagnostic::new(
            Code::Registry,
            file,
            span,
            format!("`{}` already names unit `{holder}`", clash.spelling),
        ));
    }
    registry
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
        aliases: raw.aliases.iter().map(|a| a.get_ref().clone()).collect(),
        kind: kind?,
        successor: raw.successor.as_ref().map(|s| s.get_ref().clone()),
        until: raw.until.as_ref().map(|d| *d.get_ref()),
    })
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
"#,
            rendered,
        );
        assert_snapshot!(shown);
    }
}
