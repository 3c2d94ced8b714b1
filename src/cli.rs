//! The command line, as clap derive types. No logic: `app` acts on what is parsed here.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::model::Status;
use crate::query::{Cutoff, Period, Role, Within};
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
        value_name = "YYYY-MM-DD",
        value_parser = parse_day
    )]
    pub today: Option<NaiveDate>,
    /// Output format; each command prints some of them (see its help) [default: the
    /// command's first]
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// Language of report labels (diagnostics are English)
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// Do not read or write the on-disk cache of checked files
    #[arg(long, global = true, env = "BHXH_PLAN_NO_CACHE")]
    pub no_cache: bool,
    /// Colour terminal output (NO_COLOR is honoured by `auto`)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Start CSV output with a UTF-8 byte-order mark, so that Excel on Windows reads the
    /// Vietnamese (with `--format csv` only)
    #[arg(long, global = true)]
    pub bom: bool,
}

impl Cli {
    /// Parses the command line, exiting with clap's message on an error. A `--format` the
    /// command does not print is refused like any other bad value (exit 2).
    pub fn parse_args() -> Cli {
        Cli::try_parse_args(std::env::args_os()).unwrap_or_else(|error| error.exit())
    }

    /// [`Cli::parse_args`] of the given words.
    pub fn try_parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let matches = Cli::command().try_get_matches_from(args)?;
        let cli = Cli::from_arg_matches(&matches)?;
        let formats = cli.command.formats();
        match cli.global.format {
            Some(format) if !formats.contains(&format) => {
                let name = |f: &Format| f.to_possible_value().map(|v| v.get_name().to_string());
                let valid: Vec<String> = formats.iter().filter_map(name).collect();
                let message = format!(
                    "`{}` does not print `--format {}`; it prints {}",
                    matches.subcommand_name().unwrap_or_default(),
                    name(&format).unwrap_or_default(),
                    valid.join(", ")
                );
                Err(Cli::command().error(clap::error::ErrorKind::InvalidValue, message))
            }
            _ => {
                let format = cli.format();
                cli.check_companions(format)
            }
        }
    }

    /// Options that only make sense with one format are refused with any other.
    fn check_companions(self, format: Format) -> Result<Cli, clap::Error> {
        let events = matches!(&self.command, Command::Export(args) if args.events);
        let refused = if self.global.bom && format != Format::Csv {
            Some("`--bom` goes with `--format csv`")
        } else if events && format != Format::Ics {
            Some("`--events` goes with `--format ics`")
        } else {
            None
        };
        match refused {
            Some(message) => {
                Err(Cli::command().error(clap::error::ErrorKind::ArgumentConflict, message))
            }
            None => Ok(self),
        }
    }

    /// The output format: the one asked for, else the command's default.
    pub fn format(&self) -> Format {
        self.global.format.unwrap_or(self.command.formats()[0])
    }
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files against the rules of the format; exit 1 on errors
    Check(CheckArgs),
    /// List the plans with their task counts
    Plans,
    /// List tasks, one row each, with the filters below
    Tasks(QueryArgs),
    /// Tasks and stages past their due date and not done
    Overdue(QueryArgs),
    /// Tasks and stages due from today to --within later
    Upcoming {
        #[command(flatten)]
        query: QueryArgs,
        /// How far ahead: 14d, 6w, 3m
        #[arg(long, default_value = "30d", value_parser = parse_within)]
        within: Within,
    },
    /// Per unit: tasks led and supported, open, in progress, overdue, due soon, done
    Workload {
        #[command(flatten)]
        query: QueryArgs,
        /// Split by the quarter tasks fall due in
        #[arg(long, value_enum)]
        by: Option<By>,
    },
    /// Explain what a deadline phrase means in days
    Deadline(DeadlineArgs),
    /// A markdown summary per plan: progress, overdue by lead unit, due soon, workload, timeline
    Summary {
        #[command(flatten)]
        query: QueryArgs,
        /// Write the summary to this file (atomically) instead of stdout
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Every task and stage with its dates resolved (json, csv, ics), or the official
    /// appendix (phu-luc as markdown, docx, xlsx)
    Export(ExportArgs),
    /// Turn a plan's appendix (.docx, .xlsx, .csv, .tsv or .txt, .md) into a plan file
    Import(ImportArgs),
    /// The progress report of a period: the four categories per plan and per lead unit,
    /// what is overdue, extensions granted, what falls due next (markdown, json, docx, xlsx)
    Report(ReportArgs),
    /// Write a static HTML site of the plans and units on the day, for a browser
    Site {
        #[command(flatten)]
        query: QueryArgs,
        /// The folder to write the site into: new, empty, or a site written before
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// What changed in the plans between two revisions: markdown for a pull request
    Diff {
        /// The revision to compare from, such as `origin/main` or `HEAD~1`
        from: String,
        /// The revision to compare to [default: the working tree]
        to: Option<String>,
    },
    /// Print the JSON Schema of plan files or units.toml, or write both
    Schema {
        /// Which schema to print
        #[arg(value_enum, default_value_t = SchemaKind::Plan)]
        which: SchemaKind,
        /// Write plan.schema.json and units.schema.json into this folder instead
        #[arg(long, value_name = "DIR")]
        write: Option<PathBuf>,
    },
    /// Record progress on a task or milestone: edits its plan file in place
    Progress(ProgressArgs),
    /// Record that a task's or milestone's deadline was extended: edits its plan file in place
    Extend(ExtendArgs),
    /// Write a unit's progress form: its open tasks, one row each, to fill in (xlsx)
    Form(FormArgs),
    /// Record a filled-in progress form (xlsx or CSV) in the plan files: every row or none
    Apply(ApplyArgs),
    /// List the units registry, or resolve a spelling of a unit
    Units {
        #[command(subcommand)]
        action: Option<UnitsAction>,
    },
}

impl Command {
    /// The output formats the command prints, its default first.
    pub fn formats(&self) -> &'static [Format] {
        use Format::*;
        match self {
            Command::Check(_) => &[Human, Json, Github],
            Command::Plans
            | Command::Tasks(_)
            | Command::Overdue(_)
            | Command::Upcoming { .. }
            | Command::Workload { .. }
            | Command::Units { .. } => &[Human, Markdown, Json, Csv],
            Command::Deadline(_) => &[Human, Json],
            Command::Summary { .. } => &[Markdown],
            Command::Export { .. } => &[Json, Csv, Ics, PhuLuc, Docx, Xlsx],
            Command::Import(_) => &[Human],
            Command::Report(_) => &[Markdown, Json, Docx, Xlsx],
            Command::Site { .. } => &[Human],
            Command::Diff { .. } => &[Markdown, Json],
            Command::Schema { .. } => &[Json],
            Command::Progress(_) | Command::Extend(_) => &[Human],
            Command::Form(_) | Command::Apply(_) => &[Human],
        }
    }
}

/// Options of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Check only these plan files (rules across the tree still see every plan)
    pub files: Vec<PathBuf>,
    /// Exit 1 on warnings too
    #[arg(long)]
    pub deny_warnings: bool,
    /// Check only plan files changed since the merge-base of REV and HEAD (working tree
    /// and untracked files included)
    #[arg(long, value_name = "REV", conflicts_with = "files")]
    pub changed_since: Option<String>,
}

/// The schemas `bhxh-plan schema` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// Plan files
    Plan,
    /// The units registry
    Units,
}

/// Filters every query shares.
#[derive(Debug, Args, Clone, Default)]
pub struct QueryArgs {
    /// Only tasks of this unit (code, name or alias, typed any way), its predecessors included
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Which of the unit's tasks count: those it leads, supports, or either
    #[arg(long, value_enum, default_value_t = Role::Lead)]
    pub role: Role,
    /// Only this plan: a number, or ISSUER:NUMBER where numbers clash
    #[arg(long, value_name = "NUMBER")]
    pub plan: Option<String>,
    /// Only tasks falling due in this year
    #[arg(long)]
    pub year: Option<i32>,
    /// Only tasks with this status: open, in-progress, done, cancelled (or in Vietnamese:
    /// chưa thực hiện, đang thực hiện, đã hoàn thành, dừng thực hiện)
    #[arg(long, value_parser = parse_status_word)]
    pub status: Option<Status>,
    /// Only tasks whose content, product or note contain these words, whole (case,
    /// diacritics and the abbreviations of glossary.toml folded: DVC finds "dịch vụ công")
    #[arg(long, value_name = "TEXT")]
    pub grep: Option<String>,
}

/// Options of `export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub query: QueryArgs,
    /// With `--format ics`: all-day events (VEVENT) on each due day instead of to-dos
    /// (VTODO), which many calendar programs do not show
    #[arg(long)]
    pub events: bool,
    /// Write to this file (atomically) instead of stdout; docx and xlsx go to stdout only
    /// when it is not a terminal
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// Options of `report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The period: 2024 (a year), 2024-H1 (a half year), 2024-Q2 (a quarter), 2024-06 (a month)
    #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
    pub period: Period,
    /// How the period's days are cut: nd09 (NĐ 09/2019/NĐ-CP Art. 12: a quarter from the
    /// 15th of the month before it to the 14th of its last month) or calendar
    #[arg(long, value_enum, default_value_t = Cutoff::Nd09)]
    pub cutoff: Cutoff,
    /// Only tasks this unit leads (code, name or alias), its predecessors included
    #[arg(long, value_name = "UNIT")]
    pub unit: Option<String>,
    /// Only this plan: a number, or ISSUER:NUMBER where numbers clash
    #[arg(long, value_name = "NUMBER")]
    pub plan: Option<String>,
    /// Write the report to this file (atomically) instead of stdout; docx and xlsx go to
    /// stdout only when it is not a terminal
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// A day on the command line: YYYY-MM-DD, the year in four digits. chrono alone reads
/// `24-06-30` as the year 24, which every date then silently belongs to.
fn parse_day(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err("write the day as YYYY-MM-DD, the year in four digits (2024-06-30)".into());
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{text} is not a day of the calendar"))
}

fn parse_period(text: &str) -> Result<Period, String> {
    text.parse()
}

/// How `workload` splits its counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum By {
    Quarter,
}

fn parse_within(text: &str) -> Result<Within, String> {
    text.parse()
}

/// Options of `import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The appendix: .docx, .xlsx, .csv, .tsv or .txt (tab-separated), .md (`export
    /// --format phu-luc`)
    pub source: PathBuf,
    /// Write the plan file here (atomically) instead of printing it
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// The plan's number (số hiệu), over what the source says
    #[arg(long, value_name = "N")]
    pub number: Option<String>,
    /// The day the plan was issued, over what the source says
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub issued: Option<NaiveDate>,
    /// The plan's title (trích yếu), over what the source says
    #[arg(long, value_name = "T")]
    pub title: Option<String>,
    /// Kế hoạch, Quyết định, Chương trình hành động, …, over what the source says
    #[arg(long, value_name = "K")]
    pub kind: Option<String>,
    /// The issuing body [default: BHXH Việt Nam]
    #[arg(long, value_name = "I")]
    pub issuer: Option<String>,
    /// Which table of the source is the appendix (1 = the first) [default: the first whose
    /// header row is an appendix's]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub table: Option<u16>,
    /// Overwrite the --out file if it exists; refused if it records what an appendix
    /// cannot carry (progress, extensions, statuses, comments, …)
    #[arg(long)]
    pub force: bool,
    /// With --force: overwrite the --out file even though its progress entries,
    /// extensions, statuses, comments and other recorded data will be lost
    #[arg(long, requires = "force")]
    pub discard_recorded: bool,
}

/// Options of `progress`.
#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// The plan: its number, or ISSUER:NUMBER where two issuers use it
    pub plan: String,
    /// The task's id (STT), or TASK/N for its N-th milestone
    pub task: String,
    /// open, in-progress, done, cancelled, or chưa thực hiện, đang thực hiện, đã hoàn
    /// thành, dừng thực hiện
    #[arg(long, value_parser = parse_status_word)]
    pub status: Status,
    /// The day it was reported [default: --today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub on: Option<NaiveDate>,
    /// What was done, difficulties (kết quả thực hiện, khó khăn, vướng mắc)
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// Of a recurring task: the due day of the occurrence reported (then `status` and
    /// `done` of the task stay as they are)
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub occurrence: Option<NaiveDate>,
}

/// Options of `extend`.
#[derive(Debug, Args)]
pub struct ExtendArgs {
    /// The plan: its number, or ISSUER:NUMBER where two issuers use it
    pub plan: String,
    /// The task's id (STT), or TASK/N for its N-th milestone
    pub task: String,
    /// The new deadline, in the words of the document that granted it ("30/9/2017")
    #[arg(long, value_name = "DEADLINE", allow_hyphen_values = true)]
    pub to: String,
    /// The document that granted it ("Công văn số 1234/BHXH-VP ngày 20/6/2017")
    #[arg(long, value_name = "DOCUMENT", allow_hyphen_values = true)]
    pub by: String,
    /// The day it was granted [default: --today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub on: Option<NaiveDate>,
}

/// Options of `form`.
#[derive(Debug, Args)]
pub struct FormArgs {
    /// The unit (code, name or alias, typed any way); its predecessors' tasks are included
    #[arg(long, value_name = "UNIT")]
    pub unit: String,
    /// Tasks due by the end of this calendar period: 2024, 2024-H1, 2024-Q2, 2024-06
    /// [default: the quarter of --today]
    #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
    pub period: Option<Period>,
    /// The file to write (.xlsx, or .csv for offices without Excel) [default:
    /// UNIT-PERIOD.xlsx in the current folder]
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

/// Options of `apply`.
#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The filled-in form: the .xlsx `form` wrote, or a .csv with the same header
    pub file: PathBuf,
    /// The day recorded for rows without a Ngày hoàn thành [default: --today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub on: Option<NaiveDate>,
    /// Check every row and print what would be recorded, writing nothing
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_status_word(text: &str) -> Result<Status, String> {
    crate::edit::parse_status(text)
}

/// Options of `deadline`.
#[derive(Debug, Args)]
pub struct DeadlineArgs {
    /// The phrase as a document writes it, such as "Quý II, III/2024" (it may start with
    /// a dash, as list items do)
    #[arg(allow_hyphen_values = true)]
    pub phrase: String,
    /// The year a phrase without one refers to [default: the year of --today]
    #[arg(long, conflicts_with = "issued", value_parser = clap::value_parser!(i32).range(1900..=2199))]
    pub year: Option<i32>,
    /// The plan's issue date, whose year a phrase without one refers to; one that had
    /// passed by then reads the next year, as in a plan
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
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
        assert_eq!(cli.format(), Format::Json);
    }

    #[test]
    fn a_format_the_command_does_not_print_is_refused() {
        let parse = |args: &[&str]| Cli::try_parse_args(["bhxh-plan"].iter().chain(args));
        let error = parse(&["summary", "--format", "json"]).unwrap_err();
        assert_eq!(error.kind(), clap::error::ErrorKind::InvalidValue);
        assert!(error.to_string().contains("it prints markdown"), "{error}");
        assert!(parse(&["--format", "github", "overdue"]).is_err());
        assert!(parse(&["export"]).is_ok_and(|cli| cli.format() == Format::Json));
        assert!(parse(&["check", "--format", "github"]).is_ok());
    }
}
