//! Synthetic plan corpus for benchmarks (issue 7).
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --files 30000 --seed 1 --out DIR
//! ```
//!
//! Writes `DIR/units.toml` (the registry of `bench/corpus/units.toml`: `plans/units.toml` as
//! it was when the benchmarks of bench/RESULTS.md were first run, kept so that the corpus
//! stays the same as the real registry grows) and `--files` plan files
//! shaped like the real ones: `DIR/<year>/trung-uong/<number>.toml` for BHXH Việt Nam and
//! `DIR/<year>/<province-slug>/<number>.toml` for the 63 provincial offices; 5–80 tasks per
//! file in `[[section]]`s, real unit codes, names and aliases, the deadline phrasings of the
//! real plans with their variants, some `[[task.milestone]]` stages, statuses (mostly open,
//! some in progress, some done with a `done` date between the plan's `issued` day and
//! 2026-11-29), and about `--defects` (default 1 %) of the tasks carrying one deliberate error
//! each: a misspelt unit, a missing deadline, an unknown key, an impossible deadline, or a
//! duplicate task id. Everything else must pass `bhxh-plan check` (warnings aside: events
//! without `due` are W002, as in the real plans).
//!
//! The output depends only on `--seed`, `--files`, `--defects` and the two embedded texts
//! (`bench/corpus/units.toml`, `bench/corpus/sentences.txt`): every file draws from its own PRNG
//! stream, so the worker threads do not change a byte. All content is invented from
//! sentences of the real plans; these are not real documents.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Datelike, Days, NaiveDate};

const UNITS_TOML: &str = include_str!("corpus/units.toml");
const SENTENCES: &str = include_str!("corpus/sentences.txt");

/// No generated `done` date is later than this day (the day the corpus was designed).
const LAST_DONE: (i32, u32, u32) = (2026, 11, 29);
const FIRST_YEAR: i32 = 2017;
const LAST_YEAR: i32 = 2026;

const USAGE: &str = "usage: gen_corpus --out DIR [--files N (30000)] [--seed S (1)] \
                     [--defects RATE (0.01)] [--threads N]";

// ------------------------------------------------------------------------------------------
// PRNG: splitmix64, one stream per file.

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        let mut r = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        r.next_u64();
        r
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }

    fn text(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len())]
    }

    /// Index drawn with the given weights.
    fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut x = self.below(total as usize) as u32;
        for (i, w) in weights.iter().enumerate() {
            if x < *w {
                return i;
            }
            x -= w;
        }
        weights.len() - 1
    }
}

// ------------------------------------------------------------------------------------------
// Fixed vocabularies.

/// The 63 provinces and centrally-run cities (before the 2025 merger): name, folder slug,
/// and whether the issuer is "BHXH thành phố …" rather than "BHXH tỉnh …".
const PROVINCES: &[(&str, &str, bool)] = &[
    ("Hà Nội", "ha-noi", true),
    ("Hồ Chí Minh", "ho-chi-minh", true),
    ("Hải Phòng", "hai-phong", true),
    ("Đà Nẵng", "da-nang", true),
    ("Cần Thơ", "can-tho", true),
    ("An Giang", "an-giang", false),
    ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau", false),
    ("Bắc Giang", "bac-giang", false),
    ("Bắc Kạn", "bac-kan", false),
    ("Bạc Liêu", "bac-lieu", false),
    ("Bắc Ninh", "bac-ninh", false),
    ("Bến Tre", "ben-tre", false),
    ("Bình Định", "binh-dinh", false),
    ("Bình Dương", "binh-duong", false),
    ("Bình Phước", "binh-phuoc", false),
    ("Bình Thuận", "binh-thuan", false),
    ("Cà Mau", "ca-mau", false),
    ("Cao Bằng", "cao-bang", false),
    ("Đắk Lắk", "dak-lak", false),
    ("Đắk Nông", "dak-nong", false),
    ("Điện Biên", "dien-bien", false),
    ("Đồng Nai", "dong-nai", false),
    ("Đồng Tháp", "dong-thap", false),
    ("Gia Lai", "gia-lai", false),
    ("Hà Giang", "ha-giang", false),
    ("Hà Nam", "ha-nam", false),
    ("Hà Tĩnh", "ha-tinh", false),
    ("Hải Dương", "hai-duong", false),
    ("Hậu Giang", "hau-giang", false),
    ("Hòa Bình", "hoa-binh", false),
    ("Hưng Yên", "hung-yen", false),
    ("Khánh Hòa", "khanh-hoa", false),
    ("Kiên Giang", "kien-giang", false),
    ("Kon Tum", "kon-tum", false),
    ("Lai Châu", "lai-chau", false),
    ("Lâm Đồng", "lam-dong", false),
    ("Lạng Sơn", "lang-son", false),
    ("Lào Cai", "lao-cai", false),
    ("Long An", "long-an", false),
    ("Nam Định", "nam-dinh", false),
    ("Nghệ An", "nghe-an", false),
    ("Ninh Bình", "ninh-binh", false),
    ("Ninh Thuận", "ninh-thuan", false),
    ("Phú Thọ", "phu-tho", false),
    ("Phú Yên", "phu-yen", false),
    ("Quảng Bình", "quang-binh", false),
    ("Quảng Nam", "quang-nam", false),
    ("Quảng Ngãi", "quang-ngai", false),
    ("Quảng Ninh", "quang-ninh", false),
    ("Quảng Trị", "quang-tri", false),
    ("Sóc Trăng", "soc-trang", false),
    ("Sơn La", "son-la", false),
    ("Tây Ninh", "tay-ninh", false),
    ("Thái Bình", "thai-binh", false),
    ("Thái Nguyên", "thai-nguyen", false),
    ("Thanh Hóa", "thanh-hoa", false),
    ("Thừa Thiên Huế", "thua-thien-hue", false),
    ("Tiền Giang", "tien-giang", false),
    ("Trà Vinh", "tra-vinh", false),
    ("Tuyên Quang", "tuyen-quang", false),
    ("Vĩnh Long", "vinh-long", false),
    ("Vĩnh Phúc", "vinh-phuc", false),
    ("Yên Bái", "yen-bai", false),
];

/// Plan kinds with the symbol their number carries and a weight.
const KINDS: &[(&str, &str, u32)] = &[
    ("Kế hoạch", "KH-BHXH", 70),
    ("Quyết định", "QĐ-BHXH", 15),
    ("Chương trình hành động", "QĐ-BHXH", 10),
    ("Kế hoạch", "KH-BHXH-VP", 5),
];

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Thế", "Minh", "Quang", "Hữu", "Thanh", "Ngọc", "Xuân",
];
const GIVEN: &[&str] = &[
    "Mạnh", "Sơn", "Hùng", "Lan", "Hương", "Tuấn", "Dũng", "Hải", "Long", "Phương", "Thảo", "Bình",
    "Chiến", "Tú", "Hà", "Kiên",
];

const EVENTS: &[&str] = &[
    "Khi phương án đơn giản hóa TTHC được phê duyệt",
    "Sau khi Quyết định công bố TTHC được ký, ban hành",
    "khi phát sinh",
    "Khi có văn bản hướng dẫn của Bộ Y tế",
    "Sau khi Nghị định sửa đổi được ban hành",
    "Khi Luật BHXH (sửa đổi) có hiệu lực",
];

/// Spellings the registry does not know (the "misspelt unit" defect); checked by hand
/// with `bhxh-plan units resolve`.
const MISSPELT: &[&str] = &[
    "CNNT",
    "TCTK",
    "Vụ Pháp chếe",
    "Trung tâm Truyền thong tinn",
    "BHXH-TIHN",
    "Ban Thực hiện chính sach BHXHH",
    "Trung tâm CNTTT",
    "Vụ Tài chánh - Kế toán",
    "Văn phòngg",
    "Ban CSHY",
];

/// Keys the format does not define (the "unknown key" defect).
const UNKNOWN_KEYS: &[(&str, &str)] = &[
    ("priority", "\"cao\""),
    ("notes", "\"Đã báo cáo Lãnh đạo Ngành\""),
    ("owner", "\"CNTT\""),
    ("deadine_note", "\"theo Công văn hướng dẫn\""),
    ("statu", "\"open\""),
];

/// Spellings without diacritics that people type and the registry resolves by folding.
const ASCII_SPELLINGS: &[(&str, &str)] = &[
    ("CNTT", "Trung tam CNTT"),
    ("CNTT", "cong nghe thong tin"),
    ("KHĐT", "KHDT"),
    ("QLĐTQ", "QLDTQ"),
    ("GĐTT", "GDTT"),
    ("TCCB", "Vu To chuc can bo"),
    ("BLĐTBXH", "BLDTBXH"),
];

const ROMAN: &[&str] = &[
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];
const QUARTERS: &[&str] = &["I", "II", "III", "IV"];
const LETTERS: &[&str] = &["a", "b", "c", "d", "đ", "e"];

// ------------------------------------------------------------------------------------------
// Embedded texts.

struct Unit {
    code: String,
    /// Every spelling a plan may use for the unit: code, name, aliases, lowercase code,
    /// folded spellings.
    spellings: Vec<String>,
    kind: String,
}

struct Texts {
    titles: Vec<&'static str>,
    sections: Vec<&'static str>,
    contents: Vec<&'static str>,
    products: Vec<&'static str>,
    milestones: Vec<&'static str>,
}

fn load_texts() -> Texts {
    let mut t = Texts {
        titles: vec![],
        sections: vec![],
        contents: vec![],
        products: vec![],
        milestones: vec![],
    };
    let mut group = "";
    for line in SENTENCES.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            group = name;
            continue;
        }
        match group {
            "title" => t.titles.push(line),
            "section" => t.sections.push(line),
            "content" => t.contents.push(line),
            "product" => t.products.push(line),
            "milestone" => t.milestones.push(line),
            _ => {}
        }
    }
    assert!(
        !t.titles.is_empty() && !t.sections.is_empty() && !t.contents.is_empty(),
        "bench/corpus/sentences.txt lacks a group"
    );
    t
}

fn load_units() -> Vec<Unit> {
    let table: toml::Table = toml::from_str(UNITS_TOML).expect("bench/corpus/units.toml is TOML");
    let mut units = Vec::new();
    for u in table["unit"].as_array().expect("[[unit]] array") {
        let s = |k: &str| u.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let code = s("code");
        let mut spellings = vec![code.clone(), s("name")];
        if let Some(aliases) = u.get("aliases").and_then(|a| a.as_array()) {
            spellings.extend(aliases.iter().filter_map(|a| a.as_str()).map(String::from));
        }
        spellings.push(code.to_lowercase());
        for (c, spelling) in ASCII_SPELLINGS {
            if *c == code {
                spellings.push((*spelling).to_string());
            }
        }
        units.push(Unit {
            code,
            spellings,
            kind: s("kind"),
        });
    }
    units
}

// ------------------------------------------------------------------------------------------
// Plans.

/// What is decided for every file up front, in order, from the master stream.
struct PlanHead {
    year: i32,
    /// `None` = BHXH Việt Nam; otherwise an index into PROVINCES.
    province: Option<usize>,
    number: u32,
    kind: usize,
}

#[derive(Default, Clone, Copy)]
struct Stats {
    files: u64,
    tasks: u64,
    bytes: u64,
    misspelt_unit: u64,
    missing_deadline: u64,
    unknown_key: u64,
    bad_deadline: u64,
    duplicate_id: u64,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.files += o.files;
        self.tasks += o.tasks;
        self.bytes += o.bytes;
        self.misspelt_unit += o.misspelt_unit;
        self.missing_deadline += o.missing_deadline;
        self.unknown_key += o.unknown_key;
        self.bad_deadline += o.bad_deadline;
        self.duplicate_id += o.duplicate_id;
    }

    fn defects(&self) -> u64 {
        self.misspelt_unit
            + self.missing_deadline
            + self.unknown_key
            + self.bad_deadline
            + self.duplicate_id
    }
}

struct Ctx<'a> {
    units: &'a [Unit],
    /// Indices into `units` by role.
    leads: Vec<usize>,
    lead_weights: Vec<u32>,
    supports: Vec<usize>,
    texts: &'a Texts,
    defect_rate: f64,
    last_done: NaiveDate,
}

fn plan_heads(seed: u64, files: usize) -> Vec<PlanHead> {
    let mut rng = Rng::new(seed, u64::MAX);
    let kind_weights: Vec<u32> = KINDS.iter().map(|k| k.2).collect();
    // Per issuer: numbers already used, across all years ((issuer, number) is unique).
    let mut used: Vec<HashSet<u32>> = vec![HashSet::new(); PROVINCES.len() + 1];
    let mut heads = Vec::with_capacity(files);
    for _ in 0..files {
        let province = if rng.chance(0.12) {
            None
        } else {
            Some(rng.below(PROVINCES.len()))
        };
        let year = rng.range(i64::from(FIRST_YEAR), i64::from(LAST_YEAR)) as i32;
        let slot = province.map_or(0, |p| p + 1);
        let pool = if province.is_none() { 6000 } else { 3000 };
        // Grow the pool when an issuer has used half of it, so any --files terminates.
        let pool = pool.max(used[slot].len() as u32 * 2 + 10);
        let number = loop {
            let n = 1 + rng.below(pool as usize) as u32;
            if used[slot].insert(n) {
                break n;
            }
        };
        let kind = rng.weighted(&kind_weights);
        heads.push(PlanHead {
            year,
            province,
            number,
            kind,
        });
    }
    heads
}

fn plan_path(out: &Path, h: &PlanHead) -> PathBuf {
    let folder = h.province.map_or("trung-uong", |p| PROVINCES[p].1);
    let file = format!("{}-{}.toml", h.number, KINDS[h.kind].1.replace('Đ', "D"));
    out.join(h.year.to_string()).join(folder).join(file)
}

fn quote(s: &str) -> String {
    let mut q = String::with_capacity(s.len() + 2);
    q.push('"');
    for c in s.chars() {
        match c {
            '"' => q.push_str("\\\""),
            '\\' => q.push_str("\\\\"),
            '\n' => q.push_str("\\n"),
            '\t' => q.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(q, "\\u{:04X}", c as u32);
            }
            c => q.push(c),
        }
    }
    q.push('"');
    q
}

fn quote_list(items: &[String]) -> String {
    let inner: Vec<String> = items.iter().map(|s| quote(s)).collect();
    format!("[{}]", inner.join(", "))
}

fn month_end(y: i32, m: u32) -> u32 {
    let next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).map_or(28, |d| d.day())
}

/// Replaces the years of the real plans by the plan's year.
fn with_year(s: &str, year: i32) -> String {
    let y = year.to_string();
    s.replace("2017", &y).replace("2024", &y)
}

fn lower_first(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => String::new(),
    }
}

/// A content value: a real sentence, sometimes joined to another or given a place or year.
fn content(rng: &mut Rng, ctx: &Ctx, year: i32, place: Option<&str>) -> String {
    let texts = ctx.texts;
    let base = with_year(rng.text(&texts.contents), year);
    let s = match rng.below(10) {
        0..=5 => base,
        6 => {
            let second = with_year(rng.text(&texts.contents), year);
            let base = base.trim_end_matches('.').to_string();
            format!("{base}; {}", lower_first(&second))
        }
        7 => format!("Tiếp tục {}", lower_first(&base)),
        8 => format!("Triển khai {}", lower_first(&base)),
        _ => format!("{} trong năm {year}", base.trim_end_matches('.')),
    };
    match place {
        Some(p) if rng.chance(0.3) => format!("{} trên địa bàn {p}", s.trim_end_matches('.')),
        _ => s,
    }
}

fn roman_quarters(rng: &mut Rng) -> String {
    let a = rng.below(3);
    let b = a + 1 + rng.below(3 - a);
    format!("{}, {}", QUARTERS[a], QUARTERS[b])
}

/// A deadline phrase the deadline language reads, in the plan's year `y`.
fn deadline(rng: &mut Rng, y: i32) -> String {
    const W: &[u32] = &[
        30, 10, 8, 2, 6, 2, 1, 1, 5, 1, 2, 1, 1, 1, 1, 2, 1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2, 1, 1,
        1, 1, 3, 1, 2, 1,
    ];
    let m = rng.range(1, 12) as u32;
    let q = rng.below(4);
    let d = if rng.chance(0.3) {
        month_end(y, m)
    } else {
        rng.range(1, 28) as u32
    };
    let k = rng.range(1, 4) as i32;
    match rng.weighted(W) {
        0 => format!("Năm {y}"),
        1 => "Thường xuyên".into(),
        2 => format!("Tháng {m}/{y}"),
        3 => format!("Tháng {m:02}/{y}"),
        4 => format!("Quý {}/{y}", QUARTERS[q]),
        5 => format!("Quý {}, năm {y}", QUARTERS[q]),
        6 => format!("Quý {} năm {y}", QUARTERS[q]),
        7 => format!("quý {}/{y}", q + 1),
        8 => format!("{d}/{m}/{y}"),
        9 => format!("{d:02}.{m:02}.{y}"),
        10 => format!("trước ngày {d}/{m}/{y}"),
        11 => format!("Trước ngày {d}/{m}/{y}"),
        12 => format!("chậm nhất ngày {d:02}/{m:02}/{y}"),
        13 => format!("ngày {d}/{m}/{y}"),
        14 => format!("{y}-{m:02}-{d:02}"),
        15 => format!("Tháng {m} năm {y}"),
        16 => format!("trong tháng {m:02} năm {y}"),
        17 => format!("Quý {}/{y}", roman_quarters(rng)),
        18 => {
            let m1 = rng.range(1, 6);
            format!("Tháng {m1}, {}/{y}", m1 + rng.range(1, 6))
        }
        19 => format!("Tháng 6/{y}; Tháng 12/{y}"),
        20 => format!("Giai đoạn {y}-{}", y + k),
        21 => format!("{y}-{}", y + k),
        22 => format!("từ năm {y} đến năm {}", y + k),
        23 => format!("Năm {y} và các năm tiếp theo"),
        24 => format!("Quý IV, năm {y} và các năm tiếp theo"),
        25 => format!("6 tháng đầu năm {y}"),
        26 => format!("6 tháng cuối năm {y}"),
        27 => "Hàng năm".into(),
        28 => format!("Định kỳ hàng quý năm {y}"),
        29 => "trước ngày 15 hàng tháng".into(),
        30 => format!(
            "{}Báo cáo quý: trước ngày 19 của tháng cuối quý I, II, III; - Báo cáo năm: trước ngày 19/12/{y}.",
            if rng.chance(0.5) { "- " } else { "" }
        ),
        31 => "Thường xuyên; Sau khi Quyết định công bố TTHC được ký, ban hành".into(),
        32 => rng.pick(EVENTS).to_string(),
        33 => "Liên tục".into(),
        34 => format!("Năm {}", y + 1),
        _ => format!("Quý II/{y} (sơ kết); Quý IV/{y} (tổng kết)"),
    }
}

fn bad_deadline(rng: &mut Rng, y: i32) -> String {
    match rng.below(4) {
        0 => format!("Tháng 13/{y}"),
        1 => format!("Quý V/{y}"),
        2 => format!("31/2/{y}"),
        _ => format!("Quý I/{}", y % 100),
    }
}

fn spelling(rng: &mut Rng, u: &Unit) -> String {
    // Codes most of the time, as the real plans; names and aliases otherwise.
    if rng.chance(0.6) {
        u.code.clone()
    } else {
        rng.pick(&u.spellings).clone()
    }
}

/// Distinct units (by code) drawn by index.
fn draw_units(
    rng: &mut Rng,
    ctx: &Ctx,
    pool: &[usize],
    weights: Option<&[u32]>,
    n: usize,
) -> Vec<String> {
    let mut codes: Vec<usize> = Vec::with_capacity(n);
    for _ in 0..n * 3 {
        if codes.len() == n {
            break;
        }
        let i = match weights {
            Some(w) => pool[rng.weighted(w)],
            None => *rng.pick(pool),
        };
        if !codes.contains(&i) {
            codes.push(i);
        }
    }
    codes
        .iter()
        .map(|&i| spelling(rng, &ctx.units[i]))
        .collect()
}

fn date_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0);
    from + Days::new(rng.range(0, span) as u64)
}

enum Defect {
    None,
    MisspeltUnit,
    MissingDeadline,
    UnknownKey,
    BadDeadline,
    DuplicateId,
}

/// Renders one plan file.
fn render_plan(
    rng: &mut Rng,
    ctx: &Ctx,
    h: &PlanHead,
    index: usize,
    seed: u64,
    st: &mut Stats,
) -> String {
    let texts = ctx.texts;
    let y = h.year;
    let (kind, symbol, _) = KINDS[h.kind];
    let number = format!("{}/{}", h.number, symbol);
    let (issuer, place) = match h.province {
        None => ("BHXH Việt Nam".to_string(), None),
        Some(p) => {
            let (name, _, city) = PROVINCES[p];
            let level = if city { "thành phố" } else { "tỉnh" };
            (
                format!("BHXH {level} {name}"),
                Some(format!("{level} {name}")),
            )
        }
    };
    // Issued in the year, at least two months before LAST_DONE so `done` dates fit.
    let year_start = NaiveDate::from_ymd_opt(y, 1, 2).expect("valid");
    let latest = NaiveDate::from_ymd_opt(y, 12, 28)
        .expect("valid")
        .min(ctx.last_done - Days::new(60));
    let issued = date_between(rng, year_start, latest);

    let mut f = String::with_capacity(16 * 1024);
    let _ = writeln!(
        f,
        "# Synthetic plan, invented by bench/gen_corpus.rs (seed {seed}, file {index}); not a real document."
    );
    f.push_str("\n[plan]\n");
    let _ = writeln!(f, "number = {}", quote(&number));
    let _ = writeln!(f, "kind = {}", quote(kind));
    let mut title = with_year(
        if rng.chance(0.5) {
            rng.text(&texts.titles)
        } else {
            rng.text(&texts.sections)
        },
        y,
    );
    if let Some(p) = &place {
        title = format!("{} trên địa bàn {p}", title.trim_end_matches('.'));
    }
    let _ = writeln!(f, "title = {}", quote(&title));
    if h.province.is_some() || rng.chance(0.6) {
        let _ = writeln!(f, "issuer = {}", quote(&issuer));
    }
    let _ = writeln!(f, "issued = {issued}");
    let signer = format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    );
    let _ = writeln!(f, "signer = {}", quote(&signer));
    if rng.chance(0.6) {
        let implements = if rng.chance(0.5) {
            format!("{:02}/NQ-CP", rng.range(1, 150))
        } else {
            format!("{}-{y}/NQ-CP", rng.range(1, 40))
        };
        let _ = writeln!(f, "implements = [{}]", quote(&implements));
    }
    let monitor = &ctx.units[ctx.leads[rng.weighted(&ctx.lead_weights)]].code;
    let _ = writeln!(f, "monitor = {}", quote(monitor));
    let _ = writeln!(
        f,
        "source = {}",
        quote(&format!(
            "{kind} số {number} ngày {}/{}/{y} của {issuer}",
            issued.day(),
            issued.month()
        ))
    );

    let defaults_deadline = rng.chance(0.1);
    if defaults_deadline {
        f.push_str("\n[defaults]\n");
        let _ = writeln!(f, "deadline = {}", quote(&format!("Năm {y}")));
        if rng.chance(0.5) {
            let _ = writeln!(f, "support = [\"BHXH-TINH\"]");
        }
    }

    // Task count: 5–80, skewed towards small plans.
    let n_tasks = 5 + (76.0 * rng.unit().powf(2.7)) as usize;
    let n_tasks = n_tasks.min(80);
    let sectioned = rng.chance(0.8);
    let n_sections = if sectioned {
        1 + rng.below((n_tasks / 5).clamp(1, 9))
    } else {
        0
    };
    let n_sections = n_sections.min(ROMAN.len());
    // Split the tasks into sections (each section at least one task).
    let mut cuts: Vec<usize> = (0..n_sections.saturating_sub(1))
        .map(|_| 1 + rng.below(n_tasks - 1))
        .collect();
    cuts.sort_unstable();
    cuts.dedup();

    let mut section_no = 0usize; // 1-based index of the current section
    let mut in_section = 0usize; // tasks written in the current section
    let mut sub: Option<String> = None;
    let mut sub_no = 0usize;
    let mut last_id = String::new();
    for t in 0..n_tasks {
        // Open a new section at the start and at every cut.
        if sectioned && (t == 0 || cuts.contains(&t)) {
            section_no += 1;
            in_section = 0;
            sub = None;
            sub_no = 0;
            let _ = write!(
                f,
                "\n[[section]]\nid = {}\ntitle = {}\n",
                quote(ROMAN[section_no - 1]),
                quote(&with_year(rng.text(&texts.sections), y))
            );
        }
        // Lettered sub-sections now and then, as in 24/QĐ-BHXH.
        if sectioned && sub_no < LETTERS.len() && rng.chance(0.04) {
            let id = format!("{}.{}", ROMAN[section_no - 1], LETTERS[sub_no]);
            sub_no += 1;
            let _ = write!(
                f,
                "\n[[section]]\nid = {}\ntitle = {}\n",
                quote(&id),
                quote(&with_year(rng.text(&texts.sections), y))
            );
            sub = Some(id);
        }
        in_section += 1;
        st.tasks += 1;

        let defect = if rng.chance(ctx.defect_rate) {
            match rng.below(5) {
                0 => Defect::MisspeltUnit,
                1 if !defaults_deadline => Defect::MissingDeadline,
                1 => Defect::BadDeadline,
                2 => Defect::UnknownKey,
                3 => Defect::BadDeadline,
                _ if t > 0 => Defect::DuplicateId,
                _ => Defect::UnknownKey,
            }
        } else {
            Defect::None
        };

        let id = if sectioned {
            format!("{}.{in_section}", ROMAN[section_no - 1])
        } else {
            (t + 1).to_string()
        };
        let id = if matches!(defect, Defect::DuplicateId) {
            st.duplicate_id += 1;
            last_id.clone()
        } else {
            id
        };
        f.push_str("\n[[task]]\n");
        let _ = writeln!(f, "id = {}", quote(&id));
        last_id = id;
        if sectioned {
            let s = sub
                .clone()
                .unwrap_or_else(|| ROMAN[section_no - 1].to_string());
            let _ = writeln!(f, "section = {}", quote(&s));
        }
        let _ = writeln!(
            f,
            "content = {}",
            quote(&content(rng, ctx, y, place.as_deref()))
        );

        let n_lead = 1 + usize::from(rng.chance(0.25)) + usize::from(rng.chance(0.08));
        let mut lead = draw_units(rng, ctx, &ctx.leads, Some(&ctx.lead_weights), n_lead);
        if matches!(defect, Defect::MisspeltUnit) {
            st.misspelt_unit += 1;
            let i = rng.below(lead.len());
            lead[i] = rng.pick(MISSPELT).to_string();
        }
        if lead.len() == 1 && rng.chance(0.1) {
            let _ = writeln!(f, "lead = {}", quote(&lead[0]));
        } else {
            let _ = writeln!(f, "lead = {}", quote_list(&lead));
        }
        let n_support = rng.below(5);
        if n_support > 0 {
            let support = draw_units(rng, ctx, &ctx.supports, None, n_support);
            let _ = writeln!(f, "support = {}", quote_list(&support));
        }

        let with_milestones = !matches!(defect, Defect::MissingDeadline) && rng.chance(0.06);
        let own_deadline = match defect {
            Defect::MissingDeadline => {
                st.missing_deadline += 1;
                None
            }
            Defect::BadDeadline => {
                st.bad_deadline += 1;
                Some(bad_deadline(rng, y))
            }
            _ if with_milestones && rng.chance(0.5) => None,
            _ if defaults_deadline && rng.chance(0.5) => None,
            _ => Some(deadline(rng, y)),
        };
        if let Some(dl) = &own_deadline {
            let _ = writeln!(f, "deadline = {}", quote(dl));
            let event = dl.starts_with("Khi") || dl.starts_with("Sau khi") || dl.starts_with("khi");
            if event && rng.chance(0.5) {
                let due = date_between(rng, issued, issued + Days::new(540));
                let _ = writeln!(f, "due = {due}");
            }
        }
        if rng.chance(0.15) {
            let _ = writeln!(
                f,
                "product = {}",
                quote(&with_year(rng.text(&texts.products), y))
            );
        }
        if rng.chance(0.05) {
            let note = format!(
                "Nội dung cắt giảm: \"{}\"",
                with_year(rng.text(&texts.contents), y).trim_end_matches('.')
            );
            let _ = writeln!(f, "note = {}", quote(&note));
        }
        let status = match rng.below(100) {
            0..=79 => "open",
            80..=91 => "in-progress",
            _ => "done",
        };
        let done_by = ctx.last_done.min(issued + Days::new(600));
        match status {
            "done" => {
                let _ = writeln!(f, "status = \"done\"");
                let _ = writeln!(
                    f,
                    "done = {}",
                    date_between(rng, issued + Days::new(1), done_by)
                );
            }
            "in-progress" => {
                let _ = writeln!(f, "status = \"in-progress\"");
            }
            _ => {
                if rng.chance(0.1) {
                    let _ = writeln!(f, "status = \"open\"");
                }
            }
        }
        if matches!(defect, Defect::UnknownKey) {
            st.unknown_key += 1;
            let (k, v) = rng.pick(UNKNOWN_KEYS);
            let _ = writeln!(f, "{k} = {v}");
        }
        if with_milestones {
            let n = 2 + rng.below(2);
            for m in 0..n {
                f.push_str("\n[[task.milestone]]\n");
                let what = with_year(rng.text(&texts.milestones), y);
                let _ = writeln!(f, "what = {}", quote(&what));
                let _ = writeln!(f, "deadline = {}", quote(&format!("Năm {}", y + m as i32)));
                let stage_done = status == "done" || (status == "in-progress" && m == 0);
                if stage_done {
                    let _ = writeln!(f, "status = \"done\"");
                    let _ = writeln!(
                        f,
                        "done = {}",
                        date_between(rng, issued + Days::new(1), done_by)
                    );
                }
            }
        }
    }
    f
}

// ------------------------------------------------------------------------------------------

struct Args {
    files: usize,
    seed: u64,
    out: PathBuf,
    defects: f64,
    threads: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut files = 30_000usize;
    let mut seed = 1u64;
    let mut out = None;
    let mut defects = 0.01f64;
    let mut threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let (key, inline) = match a.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k.to_string(), Some(v.to_string())),
            _ => (a.clone(), None),
        };
        if key == "-h" || key == "--help" {
            return Err(String::new());
        }
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or(format!("{key} needs a value"))
        };
        match key.as_str() {
            "--files" => files = value()?.parse().map_err(|e| format!("--files: {e}"))?,
            "--seed" => seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--defects" => defects = value()?.parse().map_err(|e| format!("--defects: {e}"))?,
            "--threads" => threads = value()?.parse().map_err(|e| format!("--threads: {e}"))?,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    if !(0.0..=1.0).contains(&defects) {
        return Err("--defects takes a rate from 0 to 1".into());
    }
    Ok(Args {
        files,
        seed,
        out,
        defects,
        threads: threads.max(1),
    })
}

fn run(args: &Args) -> Result<Stats, String> {
    let out = &args.out;
    if out.exists() {
        let mut entries = std::fs::read_dir(out).map_err(|e| format!("{}: {e}", out.display()))?;
        if entries.next().is_some() {
            return Err(format!("{} exists and is not empty", out.display()));
        }
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    std::fs::write(out.join("units.toml"), UNITS_TOML).map_err(|e| e.to_string())?;

    let units = load_units();
    let texts = load_texts();
    // Leads: central units, the busiest boards most often; provinces now and then.
    let busy = [
        "TST", "CSXH", "CSYT", "CNTT", "TCKT", "PC", "VP", "GĐTT", "KHĐT", "TCCB",
    ];
    let mut leads = Vec::new();
    let mut lead_weights = Vec::new();
    let mut supports = Vec::new();
    for (i, u) in units.iter().enumerate() {
        match u.kind.as_str() {
            "central" => {
                leads.push(i);
                lead_weights.push(if busy.contains(&u.code.as_str()) {
                    10
                } else {
                    2
                });
                supports.push(i);
            }
            "province" => {
                leads.push(i);
                lead_weights.push(6);
                supports.extend([i, i, i]);
            }
            _ => supports.push(i),
        }
    }
    let (y, m, d) = LAST_DONE;
    let ctx = Ctx {
        units: &units,
        leads,
        lead_weights,
        supports,
        texts: &texts,
        defect_rate: args.defects,
        last_done: NaiveDate::from_ymd_opt(y, m, d).expect("valid"),
    };

    let heads = plan_heads(args.seed, args.files);
    let mut dirs: Vec<PathBuf> = heads
        .iter()
        .filter_map(|h| plan_path(out, h).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for dir in &dirs {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }

    let next = AtomicUsize::new(0);
    let results: Vec<Result<Stats, String>> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..args.threads)
            .map(|_| {
                s.spawn(|| {
                    let mut st = Stats::default();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(h) = heads.get(i) else { break };
                        let mut rng = Rng::new(args.seed, i as u64);
                        let text = render_plan(&mut rng, &ctx, h, i, args.seed, &mut st);
                        let path = plan_path(out, h);
                        std::fs::write(&path, &text)
                            .map_err(|e| format!("{}: {e}", path.display()))?;
                        st.files += 1;
                        st.bytes += text.len() as u64;
                    }
                    Ok(st)
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|_| Err("a worker panicked".into())))
            .collect()
    });
    let mut total = Stats::default();
    for r in results {
        total.add(&r?);
    }
    Ok(total)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gen_corpus: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(st) => {
            println!(
                "gen_corpus: {} files, {} tasks, {} bytes, {} defects (misspelt unit {}, missing deadline {}, \
                 unknown key {}, bad deadline {}, duplicate id {}), seed {}, out {}",
                st.files,
                st.tasks,
                st.bytes + UNITS_TOML.len() as u64,
                st.defects(),
                st.misspelt_unit,
                st.missing_deadline,
                st.unknown_key,
                st.bad_deadline,
                st.duplicate_id,
                args.seed,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::FAILURE
        }
    }
}
