//! Two versions of a plan file: both loaded and checked like `plan_load`, read as `diff`
//! reads them (files with errors too), then diffed and the diff rendered. Never panics.
//!
//! Input: the old file and the new file, split at the first NUL byte (TOML text never
//! contains one); without a NUL, split at the middle.
#![no_main]

#[path = "common.rs"]
mod common;

use bhxh_plan::diff::{PlanFile, diff};
use bhxh_plan::render::{Format, Lang, Style, write_diff};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (old, new) = match data.iter().position(|&b| b == 0) {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => data.split_at(data.len() / 2),
    };
    let old_tree = common::one_plan_tree(old);
    let new_tree = common::one_plan_tree(new);
    let a = common::check_and_render(&old_tree);
    let b = common::check_and_render(&new_tree);
    let read =
        |bytes: &[u8], registry| vec![PlanFile::read("plans/a.toml".into(), bytes, registry, None)];
    let old_files = read(old, &a.registry);
    let new_files = read(new, &b.registry);
    let changes = diff(&old_files, &new_files);
    assert!(
        diff(&old_files, &old_files).is_empty(),
        "a tree differs from itself"
    );
    for format in [Format::Human, Format::Markdown, Format::Json] {
        for lang in [Lang::Vi, Lang::En] {
            let style = Style {
                format,
                lang,
                color: false,
                bom: false,
            };
            let mut out = Vec::new();
            write_diff(&changes, "old", "new", style, &mut out)
                .expect("writing a diff into a Vec cannot fail");
        }
    }
});
