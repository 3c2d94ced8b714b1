//! `bhxh-plan`: check and query the work plans of Vietnam Social Security (BHXH).
//!
//! Data flows one way: files → [`load`] (read the tree) → [`raw`] (TOML with spans) →
//! [`check`] (rules, model and diagnostics) → [`query`] (plain rows) → [`render`] (every
//! output format). [`app`] wires one subcommand through that pipeline; only it prints.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod app;
pub mod atomic;
pub mod cache;
pub mod check;
pub mod cli;
pub mod deadline;
pub mod diag;
pub mod diff;
pub mod git;
pub mod load;
pub mod model;
pub mod query;
pub mod raw;
pub mod render;
pub mod schema;
pub mod source;
pub mod units;
