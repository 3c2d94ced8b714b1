//! `bhxh-plan`: check and query the work plans of Vietnam Social Security (BHXH).
//!
//! Data flows one way: files → [`load`] (read the tree) → [`raw`] (TOML with spans) →
//! [`check`] (rules, model and diagnostics) → [`query`] (plain rows) → [`render`] (every
//! output format). [`app`] wires one subcommand through that pipeline; only it prints.
//! Beside load → check, `cache` gives back what checking an unchanged file gave last time.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub(crate) mod atomic;
pub(crate) mod cache;
pub mod check;
pub mod cli;
pub mod deadline;
pub mod diag;
pub mod diff;
pub mod edit;
pub mod forms;
pub(crate) mod git;
pub mod glossary;
pub mod import;
pub mod load;
pub mod model;
pub mod progress;
pub mod query;
pub mod raw;
pub mod render;
pub mod schema;
pub mod site;
pub mod source;
pub mod units;
