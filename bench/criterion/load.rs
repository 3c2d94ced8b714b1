//! Criterion benchmark (issue 7): one plan file's load — read into a tree, parse, check
//! every rule, resolve every deadline — on the largest plan of `plans/` (52 tasks).
//!
//! ```sh
//! cargo bench --bench load
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};

use bhxh_plan::check::check_tree;
use bhxh_plan::load::tree_from_files;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

fn load(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let read = |relative: &str| {
        let bytes = std::fs::read(root.join(relative)).expect("plans/ is in the repository");
        (PathBuf::from(relative), bytes)
    };
    let files = vec![read("units.toml"), read("2024/24-QD-BHXH.toml")];
    let today = NaiveDate::from_ymd_opt(2026, 11, 29).expect("a date");
    c.bench_function("load and check 24/QĐ-BHXH (52 tasks)", |b| {
        b.iter(|| {
            let tree = tree_from_files(&root, black_box(files.clone()));
            let checked = check_tree(&tree, today);
            assert_eq!(checked.plans.len(), 1);
            black_box(checked)
        })
    });
}

criterion_group!(benches, load);
criterion_main!(benches);
