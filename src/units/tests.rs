//! The registry's spellings, days and successors, on small registries and on plans/units.toml.

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
    let text = include_str!("../../plans/units.toml");
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

#[test]
fn a_word_of_a_unit_name_is_suggested_before_a_code_a_letter_away() {
    let (r, _) = Registry::new(vec![
        unit("THU", "Ban Thu", vec![]),
        unit("ST", "Ban Sổ - Thẻ", vec![]),
        unit("TCCB", "Vụ Tổ chức cán bộ", vec![]),
    ]);
    let codes =
        |name: &str| -> Vec<String> { r.nearest(name, 3).iter().map(|u| u.code.clone()).collect() };
    assert_eq!(r.suggestion("thẻ").map(|u| u.code.as_str()), Some("ST"));
    assert_eq!(codes("the")[0], "ST");
    assert_eq!(codes("Ban thẻ")[0], "ST");
    // A type word alone says no more than "a body": a slip for "Ban Thu" stays the nearest.
    assert_eq!(
        r.suggestion("Ban Thuu").map(|u| u.code.as_str()),
        Some("THU")
    );
    assert_eq!(r.suggestion("ban").map(|u| u.code.as_str()), Some("THU"));
}
