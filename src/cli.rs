//! The command line, as clap derive types. No logic: `app` acts on what is parsed here.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::render::{ColorChoice, Format, Lang};

/// Check and query the work plans of Vietnam Social Security (BHXH) kept as TOML files.
#[derive(Debug, Parser)]
#[command(name = "bhxh-plan", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts, before or after the subcommand.
#[derive(Debug, Args)]
pub struct Global {
    /// The plans tree to read
    #[arg(
        long,
        global = true,
        env = "BHXH_PLAN_DIR",
        default_value = "plans",
        value_name = "DIR"
    )]
    pub plans: PathBuf,
    /// The reference day for overdue and done dates [default: the system date]
    #[arg(
        long,
        global = true,
        env = "BHXH_PLAN_TODAY",
        value_name = "YYYY-MM-DD"
    )]
    pub today: Option<NaiveDate>,
    /// Output format
    #[arg(long, global = true, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of report labels (diagnostics are English)
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// Colour terminal output (NO_COLOR is honoured by `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files against the rules of the format; exit 1 on errors
    Check(CheckArgs),
    /// List the plans with their task counts
    Plans,
    /// Explain what a deadline phrase means in days
    Deadline(DeadlineArgs),
    /// List the units registry, or resolve a spelling of a unit
    Units {
        #[command(subcommand)]
        action: Option<UnitsAction>,
    },
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Check only these plan files (rules across the tree still see every plan)
    pub files: Vec<PathBuf>,
    /// Exit 1 on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Options of `deadline`.
#[derive(Debug, Args)]
pub struct DeadlineArgs {
    /// The phrase as a document writes it, such as "Quý II, III/2024"
    pub phrase: String,
    /// The year a phrase without one refers to [default: the year of --today]
    #[arg(long, conflicts_with = "issued")]
    pub year: Option<i32>,
    /// The plan's issue date, whose year a phrase without one refers to
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub issued: Option<NaiveDate>,
}

/// Subcommands of `units`.
#[derive(Debug, Subcommand)]
pub enum UnitsAction {
    /// Show the unit a spelling names, or the nearest candidates (exit 1 when none matches)
    Resolve {
        /// A code, name or alias, typed any way ("cntt", "Trung tam CNTT")
        name: String,
    },
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn global_options_are_accepted_after_the_subcommand() {
        let cli = Cli::try_parse_from(["bhxh-plan", "check", "--plans", "x", "--format", "json"])
            .unwrap();
        assert_eq!(cli.global.plans, PathBuf::from("x"));
        assert_eq!(cli.global.format, Format::Json);
    }
}
