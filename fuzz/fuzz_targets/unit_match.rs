//! Unit names typed any way against the real registry: `resolve` and `nearest` never
//! panic, and an exact match is also the best "did you mean" candidate.
#![no_main]

use std::sync::OnceLock;

use bhxh_plan::check::read_registry;
use bhxh_plan::units::Registry;
use libfuzzer_sys::fuzz_target;

const UNITS: &str = include_str!("../../plans/units.toml");

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut diags = Vec::new();
        let registry = read_registry(0, UNITS, &mut diags);
        assert!(
            !registry.units().is_empty() && !diags.iter().any(|d| d.is_error()),
            "plans/units.toml does not load: {diags:?}"
        );
        registry
    })
}

fuzz_target!(|text: &str| {
    let registry = registry();
    let exact = registry.resolve(text);
    let nearest = registry.nearest(text, 3);
    assert!(nearest.len() <= 3);
    if let Some(unit) = exact {
        assert_eq!(
            nearest.first().map(|u| &u.code),
            Some(&unit.code),
            "{text:?} resolves to {} but is not its nearest candidate",
            unit.code
        );
    }
});
