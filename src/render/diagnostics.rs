//! Diagnostics as rustc-style snippets, JSON objects, or GitHub Actions annotations.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io::{self, Write};
use std::ops::Range;
use std::rc::Rc;

use codespan_reporting::diagnostic::{
    Diagnostic as Snippet, Label as SnippetLabel, Severity as SnippetSeverity,
};
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor::Ansi};
use serde::Serialize;

use super::rows::{markdown_cell, terminal_safe};
use crate::diag::{Diagnostic, Severity};
use crate::source::{FileId, Sources};

/// The ways `check` can print its diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiagnosticFormat {
    Human { color: bool },
    Json,
    Github,
}

/// Writes every diagnostic in `format`.
pub fn write_diagnostics(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    format: DiagnosticFormat,
    out: &mut dyn Write,
) -> io::Result<()> {
    match format {
        DiagnosticFormat::Human { color } => {
            let lay_out = |diagnostics: &[Diagnostic]| {
                let files = SourceFiles::new(sources);
                let mut text = Vec::new();
                for d in diagnostics {
                    human(d, &files, color, &mut text)?;
                }
                Ok(text)
            };
            super::write_laid_out(diagnostics, SNIPPETS, lay_out, out)
        }
        DiagnosticFormat::Json => {
            // Streamed: a national tree has tens of thousands of diagnostics.
            let rows = diagnostics.iter().map(|d| JsonDiagnostic::new(d, sources));
            let mut json = serde_json::Serializer::pretty(&mut *out);
            serde::Serializer::collect_seq(&mut json, rows)?;
            writeln!(out)
        }
        DiagnosticFormat::Github => {
            // GitHub shows at most ten error and ten warning annotations per step; the
            // rest would be dropped silently, so say how many there are.
            let errors = diagnostics.iter().filter(|d| d.is_error());
            let warnings = diagnostics.iter().filter(|d| !d.is_error());
            for d in errors.take(GITHUB_LIMIT).chain(warnings.take(GITHUB_LIMIT)) {
                writeln!(out, "{}", github(d, sources))?;
            }
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let shown = errors.min(GITHUB_LIMIT) + (diagnostics.len() - errors).min(GITHUB_LIMIT);
            if shown < diagnostics.len() {
                writeln!(
                    out,
                    "::notice title=bhxh-plan::{} more problems are not annotated; the job summary and `bhxh-plan check` list all {}",
                    diagnostics.len() - shown,
                    diagnostics.len()
                )?;
            }
            Ok(())
        }
    }
}

/// Snippets laid out together on one core.
const SNIPPETS: usize = 256;

/// Annotations GitHub shows per step, for errors and for warnings each.
pub const GITHUB_LIMIT: usize = 10;

/// Every diagnostic as a markdown table, for a CI job summary.
pub fn write_markdown_list(
    diagnostics: &[Diagnostic],
    sources: &Sources,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "### bhxh-plan check\n")?;
    if diagnostics.is_empty() {
        return writeln!(out, "No problems.");
    }
    writeln!(out, "| where | code | problem |")?;
    writeln!(out, "|---|---|---|")?;
    for d in diagnostics {
        let d = JsonDiagnostic::new(d, sources);
        let place = format!("{}:{}:{}", d.file, d.line, d.column);
        writeln!(
            out,
            "| `{}` | {} {} | {} |",
            place.replace('`', "'"),
            d.code,
            d.rule,
            markdown_cell(&d.message)
        )?;
    }
    Ok(())
}

/// "2 errors, 1 warning in 3 files checked" (or "no problems in …").
pub fn write_summary(
    diagnostics: &[Diagnostic],
    files_checked: usize,
    out: &mut dyn Write,
) -> io::Result<()> {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let files = plural(files_checked, "file");
    if diagnostics.is_empty() {
        return writeln!(out, "checked {files}: no problems");
    }
    writeln!(
        out,
        "checked {files}: {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    )
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn human(d: &Diagnostic, files: &SourceFiles, color: bool, out: &mut dyn Write) -> io::Result<()> {
    let severity = match d.severity {
        Severity::Error => SnippetSeverity::Error,
        Severity::Warning => SnippetSeverity::Warning,
    };
    // Messages quote plan text; none of it may drive the terminal.
    let mut label = SnippetLabel::primary(d.file, d.span.clone());
    if let Some(text) = &d.label {
        label = label.with_message(terminal_safe(text));
    }
    let mut snippet = Snippet::new(severity)
        .with_code(d.code.as_str())
        .with_message(format!("{} [{}]", terminal_safe(&d.message), d.code.name()))
        .with_labels(vec![label]);
    if let Some(help) = &d.help {
        snippet = snippet.with_notes(vec![format!("help: {}", terminal_safe(help))]);
    }
    let config = term::Config::default();
    let result = if color {
        term::emit_to_write_style(&mut Ansi::new(&mut *out), &config, files, &snippet)
    } else {
        term::emit_to_io_write(&mut *out, &config, files, &snippet)
    };
    result.map_err(|e| match e {
        FilesError::Io(io) => io,
        other => io::Error::other(other.to_string()),
    })
}

/// The JSON shape of a diagnostic; field names are stable.
#[derive(Debug, Serialize)]
struct JsonDiagnostic {
    file: String,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    severity: Severity,
    code: &'static str,
    rule: &'static str,
    message: String,
    help: Option<String>,
}

impl JsonDiagnostic {
    fn new(d: &Diagnostic, sources: &Sources) -> Self {
        let file = sources.get(d.file);
        let (line, column) = file.line_col(d.span.start);
        let (end_line, end_column) = file.line_col(d.span.end);
        JsonDiagnostic {
            file: file.path.display().to_string(),
            line,
            column,
            end_line,
            end_column,
            severity: d.severity,
            code: d.code.as_str(),
            rule: d.code.name(),
            message: message_with_label(d),
            help: d.help.clone(),
        }
    }
}

fn message_with_label(d: &Diagnostic) -> String {
    match &d.label {
        Some(label) if label.starts_with("did you mean") => format!("{}: {label}", d.message),
        _ => d.message.clone(),
    }
}

/// `::error file=…,line=…,col=…,title=…::message`, escaped so that plan text cannot
/// end the annotation early or forge another one.
fn github(d: &Diagnostic, sources: &Sources) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let d = JsonDiagnostic::new(d, sources);
    format!(
        "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
        escape_property(&d.file),
        d.line,
        d.column,
        d.end_line,
        d.end_column,
        escape_property(&format!("{} {}", d.code, d.rule)),
        escape_data(&d.message),
    )
}

fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Lets codespan read our sources. Codespan asks for a file's text several times per
/// diagnostic, and a file kept as lines is padded out to a whole text on each ask, so the
/// last file's text is kept: diagnostics come grouped by file.
struct SourceFiles<'s> {
    sources: &'s Sources,
    last: RefCell<Option<(FileId, Shown<'s>)>>,
}

impl<'s> SourceFiles<'s> {
    fn new(sources: &'s Sources) -> Self {
        SourceFiles {
            sources,
            last: RefCell::new(None),
        }
    }
}

/// A text as codespan reads it: the file's own, or one made for showing (padded out from
/// kept lines, or blanked). Shared, not copied: codespan takes it several times.
#[derive(Clone)]
struct Shown<'s>(Rc<Cow<'s, str>>);

impl AsRef<str> for Shown<'_> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The text with control characters blanked byte for byte, so that offsets still point
/// where they did and an escape sequence in a plan cannot reach the terminal.
fn blank_controls(text: &str) -> Cow<'_, str> {
    if !has_controls(text) {
        return Cow::Borrowed(text);
    }
    let blanked = text.chars().map(|c| match c {
        c if is_blanked(c) => "?".repeat(c.len_utf8()),
        c => c.to_string(),
    });
    Cow::Owned(blanked.collect())
}

fn has_controls(text: &str) -> bool {
    text.chars().any(is_blanked)
}

/// Control characters but line breaks and tabs.
fn is_blanked(c: char) -> bool {
    c.is_control() && !matches!(c, '\n' | '\r' | '\t')
}

impl<'a, 's: 'a> Files<'a> for SourceFiles<'s> {
    type FileId = FileId;
    type Name = String;
    type Source = Shown<'s>;

    fn name(&'a self, id: FileId) -> Result<String, FilesError> {
        Ok(self.sources.get(id).path.display().to_string())
    }

    fn source(&'a self, id: FileId) -> Result<Shown<'s>, FilesError> {
        let mut last = self.last.borrow_mut();
        if let Some((file, text)) = last.as_ref()
            && *file == id
        {
            return Ok(text.clone());
        }
        // Only the kept lines can hold control characters: the rest is padding.
        let text = self.sources.get(id).text_with(blank_controls);
        let text = Shown(Rc::new(text));
        *last = Some((id, text.clone()));
        Ok(text)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let file = self.sources.get(id);
        Ok(file.line_index(file.clamp(byte_index)))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        Ok(self.sources.get(id).line_range(line_index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_bytewise_as_char_is_control_finds_them() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}b");
            let expected = c.is_control() && !matches!(c, '\n' | '\r' | '\t');
            assert_eq!(has_controls(&text), expected, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn annotation_text_cannot_forge_a_second_annotation() {
        assert_eq!(escape_data("a\n::error::x 100%"), "a%0A::error::x 100%25");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
