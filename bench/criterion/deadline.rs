//! Criterion benchmark (issue 7): the deadline resolver on the phrasings of the real plans,
//! read afresh and through the per-thread cache a national tree relies on.
//!
//! ```sh
//! cargo bench --bench deadline
//! ```

use std::hint::black_box;

use bhxh_plan::deadline::{Context, resolve, resolve_cached};
use criterion::{Criterion, criterion_group, criterion_main};

/// One phrase of each kind, as the seed documents write them.
const PHRASES: &[&str] = &[
    "30/6/2017",
    "Tháng 3/2017",
    "Quý I/2024",
    "Quý II, III/2024",
    "6 tháng đầu năm 2024",
    "Năm 2017",
    "2017-2020",
    "Năm 2017 và các năm tiếp theo",
    "Hàng năm",
    "Trước ngày 15 hàng tháng",
    "Thường xuyên",
    "Khi phương án được phê duyệt",
    "Quy IV nam 2017",
];

fn deadline(c: &mut Criterion) {
    let context = Context { year: 2024 };
    c.bench_function("resolve: 13 phrases, every kind", |b| {
        b.iter(|| {
            for phrase in PHRASES {
                let _ = black_box(resolve(black_box(phrase), context));
            }
        })
    });
    c.bench_function("resolve_cached: 13 phrases, every kind", |b| {
        b.iter(|| {
            for phrase in PHRASES {
                let _ = black_box(resolve_cached(black_box(phrase), context));
            }
        })
    });
}

criterion_group!(benches, deadline);
criterion_main!(benches);
