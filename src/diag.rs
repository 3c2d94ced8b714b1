//! The diagnostic type every rule produces, and the stable codes users and CI match on.
//!
//! A diagnostic is data: severity, code, message, where, and an optional hint. Turning it
//! into text (human, JSON, GitHub annotations) is `render`'s job.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::source::FileId;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $name:literal, $what:literal;)*) => {
        /// A stable identifier per rule. The README lists them; never renumber one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Code { $(#[doc = $what] $variant),* }

        impl Code {
            /// Every code, in order, for documentation and tests.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable code, such as `E003`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),* }
            }

            /// A short kebab-case name, such as `unknown-key`.
            pub fn name(self) -> &'static str {
                match self { $(Code::$variant => $name),* }
            }
        }
    };
}

// The cache stores a code by its place in this list: inserting one moves the codes after it,
// so `cache::FORMAT` goes up with it.
codes! {
    Unreadable = "E001", "unreadable", "a file or folder of the tree cannot be read";
    Encoding = "E002", "encoding", "the file is not valid UTF-8";
    Syntax = "E003", "toml-syntax", "the file is not valid TOML";
    UnknownKey = "E004", "unknown-key", "a key the format does not define";
    WrongType = "E005", "wrong-type", "a value of the wrong type or outside its allowed set";
    MissingField = "E006", "missing-field", "a required field is absent or empty";
    DuplicatePlan = "E007", "duplicate-plan", "two plans share an issuer and a number";
    DuplicateId = "E008", "duplicate-id", "two tasks, or two sections, of one plan share an id";
    MissingLead = "E009", "missing-lead", "a task has no lead unit";
    MissingDeadline = "E010", "missing-deadline", "a task has no deadline of its own, in its milestones or in the plan's defaults";
    UnknownUnit = "E011", "unknown-unit", "a unit that the registry does not know";
    BadDeadline = "E012", "bad-deadline", "a deadline the deadline language cannot read";
    DoneWithoutDate = "E013", "done-without-date", "status is done but no `done` date is given, or a `done` date with another status";
    DoneOutOfRange = "E014", "date-out-of-range", "a date of what happened (`done`, a progress entry, an extension, `closed`) before the plan was issued or after the real date";
    Ditto = "E015", "ditto-mark", "a value that is only the ditto mark `nt` (như trên)";
    UnknownSection = "E016", "unknown-section", "a task names a section the plan does not define";
    Registry = "E017", "bad-registry", "the units registry is missing or inconsistent";
    OutOfOrder = "E018", "out-of-order", "progress entries or extensions not in the order they happened";
    StatusDisagrees = "E019", "status-disagrees", "`status` or `done` disagrees with the last progress entry";
    ExtensionChain = "E020", "extension-chain", "an extension's `from` is not the previous `to`, or the deadline is not the last `to`";
    UnknownOccurrence = "E021", "unknown-occurrence", "a progress entry names an occurrence the task's deadline does not have";
    Glossary = "E022", "bad-glossary", "`glossary.toml` does not read";
    VagueLead = "W001", "vague-lead", "a lead that is a vague pseudo-unit (\"Các đơn vị liên quan\")";
    EventWithoutDue = "W002", "event-without-due", "an event deadline with no `due` date yet";
    NextYear = "W003", "next-year", "a deadline with no year read in the year after the plan's, since the plan's had passed when it was issued";
    EarlierExtension = "W004", "earlier-extension", "an extension whose new deadline falls due before the one it replaces, or before the day it was granted";
    StageReopened = "W005", "stage-reopened", "a milestone reported open or in progress after its task was recorded done or cancelled";
}

impl Code {
    /// Errors start with `E`, warnings with `W`.
    pub fn severity(self) -> Severity {
        if self.as_str().starts_with('W') {
            Severity::Warning
        } else {
            Severity::Error
        }
    }
}

/// A problem found in a file, located by a byte span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    /// One line, lowercase, names in backticks.
    pub message: String,
    pub file: FileId,
    /// Byte range of the offending value; empty when the whole file is meant.
    pub span: Range<usize>,
    /// Text under the caret, such as "did you mean `CNTT`?".
    pub label: Option<String>,
    /// A longer hint printed after the snippet, such as the values that would be valid.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A diagnostic whose severity follows from its code.
    pub fn new(code: Code, file: FileId, span: Range<usize>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: code.severity(),
            code,
            message: message.into(),
            file,
            span,
            label: None,
            help: None,
        }
    }

    /// Adds the text shown under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Adds a hint shown after the snippet.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// True for errors, false for warnings.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file and position so every output is deterministic.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.file, a.span.start, a.code, &a.message).cmp(&(b.file, b.span.start, b.code, &b.message))
    });
}

/// The known name closest to `word`, if any is close enough to be a plausible typo.
pub fn nearest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let score = |c: &str| strsim::normalized_damerau_levenshtein(&word, &c.to_lowercase());
    candidates
        .into_iter()
        .map(|c| (score(c), c))
        .filter(|(score, _)| *score >= 0.5)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// Names in backticks, joined by commas: "`open`, `done`".
pub fn backticked(names: &[impl AsRef<str>]) -> String {
    let names: Vec<String> = names.iter().map(|n| format!("`{}`", n.as_ref())).collect();
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_severity_follows_the_letter() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
        }
        assert_eq!(Code::VagueLead.severity(), Severity::Warning);
        assert_eq!(Code::UnknownUnit.severity(), Severity::Error);
    }

    #[test]
    fn nearest_finds_typos_and_rejects_strangers() {
        let keys = ["deadline", "lead", "support", "content"];
        assert_eq!(nearest("dealine", keys), Some("deadline"));
        assert_eq!(nearest("Suport", keys), Some("support"));
        assert_eq!(nearest("zzz", keys), None);
    }
}
