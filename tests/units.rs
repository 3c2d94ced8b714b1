//! The units registry: every spelling of a unit finds it, near misses are suggested, and
//! successor links and clashing spellings are followed and reported.

use bhxh_plan::model::{Unit, UnitKind};
use bhxh_plan::units::Registry;
use unicode_normalization::UnicodeNormalization;

fn unit(code: &str, name: &str, aliases: &[&str]) -> Unit {
    Unit {
        code: code.into(),
        name: name.into(),
        aliases: aliases.iter().map(|&a| a.into()).collect(),
        kind: UnitKind::Central,
        successor: None,
        from: None,
        until: None,
    }
}

fn registry() -> Registry {
    let mut thu = unit("THU", "Ban Thu", &["Thu"]);
    thu.successor = Some("TST".into());
    let units = vec![
        unit("CNTT", "Trung tâm Công nghệ thông tin", &["Trung tâm CNTT"]),
        unit("KHĐT", "Vụ Kế hoạch và Đầu tư", &[]),
        unit("TST", "Ban Quản lý Thu - Sổ, thẻ", &[]),
        thu,
    ];
    let (registry, clashes) = Registry::new(units);
    assert!(clashes.is_empty());
    registry
}

#[test]
fn spellings_resolve_whatever_their_case_diacritics_spaces_hyphens_and_dots() {
    let r = registry();
    let nfd: String = "Trung tâm Công nghệ thông tin".nfd().collect();
    assert_ne!(nfd, "Trung tâm Công nghệ thông tin");
    let spellings = [
        // A code in lower case.
        ("cntt", "CNTT"),
        // Text typed without diacritics.
        ("trung tam cong nghe thong tin", "CNTT"),
        ("Vu ke hoach va dau tu", "KHĐT"),
        // `đ` folds to `d`, in both cases.
        ("KHDT", "KHĐT"),
        ("khđt", "KHĐT"),
        ("VỤ KẾ HOẠCH VÀ ĐẦU TƯ", "KHĐT"),
        // NFD input matches the NFC registry.
        (&nfd, "CNTT"),
        // Spaces, hyphens and dots fold away.
        ("Ban Quản lý Thu-Sổ, thẻ", "TST"),
        ("Trung-tâm.  CNTT", "CNTT"),
    ];
    for (spelling, code) in spellings {
        let found = r.resolve(spelling).map(|u| u.code.as_str());
        assert_eq!(found, Some(code), "{spelling}");
    }
}

#[test]
fn a_misspelt_name_finds_its_nearest_unit_but_does_not_resolve() {
    let r = registry();
    assert!(r.resolve("CNNT").is_none());
    assert_eq!(r.nearest("CNNT", 3)[0].code, "CNTT");
}

#[test]
fn predecessors_follow_successor_links() {
    let r = registry();
    let codes: Vec<_> = r
        .predecessors("TST")
        .iter()
        .map(|u| u.code.as_str())
        .collect();
    assert_eq!(codes, ["THU"]);
    assert!(r.predecessors("CNTT").is_empty());
    assert_eq!(r.current("THU"), "TST");
    assert_eq!(r.current("TST"), "TST");
}

#[test]
fn a_spelling_claimed_twice_is_a_clash() {
    let units = vec![unit("A", "Alpha", &["x"]), unit("B", "Beta", &["X"])];
    let (_, clashes) = Registry::new(units);
    assert_eq!(clashes.len(), 1);
    assert_eq!((clashes[0].unit, clashes[0].holder), (1, 0));
}

#[test]
fn a_type_word_and_a_code_or_a_name_without_its_type_word_resolve() {
    let units = vec![
        unit("KHĐT", "Vụ Kế hoạch và Đầu tư", &[]),
        unit("TCCB", "Vụ Tổ chức cán bộ", &[]),
        unit("TCKT", "Vụ Tài chính - Kế toán", &[]),
        unit("CNTT", "Trung tâm Công nghệ thông tin", &[]),
    ];
    let (r, clashes) = Registry::new(units);
    assert!(clashes.is_empty());
    let spellings = [
        ("Vụ KHĐT", "KHĐT"),
        ("vu khdt", "KHĐT"),
        ("Vụ TCCB", "TCCB"),
        ("Kế hoạch và Đầu tư", "KHĐT"),
        ("Tổ chức cán bộ", "TCCB"),
        ("Trung tâm CNTT", "CNTT"),
        ("Công nghệ thông tin", "CNTT"),
    ];
    for (spelling, code) in spellings {
        let found = r.resolve(spelling).map(|u| u.code.as_str());
        assert_eq!(found, Some(code), "{spelling}");
    }
    // A type word alone, or before a word that is no unit, names nothing.
    assert!(r.resolve("Vụ").is_none());
    assert!(r.resolve("Vụ Ngân sách").is_none());
}
