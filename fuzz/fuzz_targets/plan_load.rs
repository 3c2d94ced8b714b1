//! One plan file of arbitrary bytes, next to the real registry: load, check every rule,
//! render every diagnostic in every format. Never panics.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let tree = common::one_plan_tree(data);
    common::check_and_render(&tree);
});
