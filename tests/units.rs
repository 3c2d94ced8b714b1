//! The units registry: every spelling of a unit finds it, near misses are suggested, and
//! successor links and clashing spellings are followed and reported.

mod common;

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

/// The two "BHXH khu vực II" of [`common::KHU_VUC_II`], and CNTT.
fn khu_vuc_ii() -> String {
    let kv = common::KHU_VUC_II;
    format!(
        "{kv}\n[[unit]]\ncode = \"CNTT\"\nname = \"Trung tâm Công nghệ thông tin\"\nkind = \"central\"\n"
    )
}

/// `units resolve NAME --today DAY --format json`: exit code, codes printed, stderr.
fn resolve_on(name: &str, today: &str) -> (i32, Vec<String>, String) {
    let tree = common::Tree::bare();
    tree.file("units.toml", &khu_vuc_ii());
    let output = tree
        .cmd(&[
            "units", "resolve", name, "--today", today, "--format", "json",
        ])
        .output()
        .unwrap();
    let rows: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes = rows.as_array().unwrap().iter();
    let codes = codes
        .map(|r| r["code"].as_str().unwrap().to_string())
        .collect();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.code().unwrap(), codes, stderr)
}

#[test]
fn units_resolve_reads_a_spelling_as_of_today() {
    let (code, units, _) = resolve_on("BHXH khu vực II", "2025-04-15");
    assert_eq!((code, units), (0, vec!["KV391-II".to_string()]));
    let (code, units, _) = resolve_on("bhxh khu vuc ii", "2025-05-11");
    assert_eq!((code, units), (0, vec!["KV391-II".to_string()]));
    let (code, units, _) = resolve_on("BHXH khu vực II", "2025-05-12");
    assert_eq!((code, units), (0, vec!["KV1733-II".to_string()]));
    // A code names its unit on any day, and so does a spelling only one unit ever had.
    let (code, units, _) = resolve_on("KV391-II", "2026-01-05");
    assert_eq!((code, units), (0, vec!["KV391-II".to_string()]));
    let (code, units, _) = resolve_on("Trung tâm Công nghệ thông tin", "2024-06-30");
    assert_eq!((code, units), (0, vec!["CNTT".to_string()]));
}

#[test]
fn a_spelling_that_named_no_unit_on_the_day_says_which_it_named_and_when() {
    for today in ["2024-06-30", "2026-01-05"] {
        let (code, units, stderr) = resolve_on("BHXH khu vực II", today);
        assert_eq!(code, 1, "{today}: {stderr}");
        assert_eq!(units, ["KV391-II", "KV1733-II"], "{today}");
        assert!(
            stderr.contains(&format!("`BHXH khu vực II` named no unit on {today}"))
                && stderr.contains(
                    "`KV391-II` (Bảo hiểm xã hội khu vực II) from 2025-04-01 until 2025-05-11"
                )
                && stderr.contains(
                    "`KV1733-II` (Bảo hiểm xã hội khu vực II) from 2025-05-12 until 2025-06-30"
                ),
            "{today}: {stderr}"
        );
    }
}
