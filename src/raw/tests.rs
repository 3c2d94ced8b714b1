//! The reader on small files: every structural problem found in one run, spans on values.

use unicode_normalization::UnicodeNormalization;

use super::*;

fn parse(text: &str) -> (Option<RawPlan>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let plan = parse_plan(0, text, &mut diags);
    (plan, diags)
}

#[test]
fn every_structural_problem_of_a_file_is_reported() {
    let text = "[plan]\nnumbr = \"1\"\nissued = \"2017-02-28\"\n\n[[task]]\nid = 1\nlead = [\"CNTT\", 3]\n";
    let (plan, diags) = parse(text);
    let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        [
            Code::UnknownKey,
            Code::WrongType,
            Code::WrongType,
            Code::WrongType
        ]
    );
    assert_eq!(diags[0].label.as_deref(), Some("did you mean `number`?"));
    assert!(
        diags[1]
            .help
            .as_deref()
            .unwrap()
            .contains("issued = 2017-02-28")
    );
    let plan = plan.unwrap();
    assert_eq!(plan.tasks[0].lead.as_ref().unwrap().get_ref().len(), 1);
}

#[test]
fn spans_point_at_values() {
    let text = "[[task]]\nid = \"1\"\ndeadline = \"Quý I/2024\"\nlead = [ ]\nsupport = \"PC\"\n";
    let (plan, _) = parse(text);
    let task = &plan.unwrap().tasks[0];
    let deadline = task.deadline.as_ref().unwrap();
    assert_eq!(&text[deadline.span()], "\"Quý I/2024\"");
    // A list's own span, whether written as a list or as one string.
    assert_eq!(&text[task.lead.as_ref().unwrap().span()], "[ ]");
    assert_eq!(&text[task.support.as_ref().unwrap().span()], "\"PC\"");
}

#[test]
fn nfd_text_is_read_as_nfc() {
    let nfd: String = "Thường xuyên".nfd().collect();
    let text = format!("[[task]]\ndeadline = \"{nfd}\"\n");
    let (plan, _) = parse(&text);
    assert_eq!(
        plan.unwrap().tasks[0].deadline.as_ref().unwrap().get_ref(),
        "Thường xuyên"
    );
}

#[test]
fn a_syntax_error_is_one_located_diagnostic() {
    let (plan, diags) = parse("[plan]\nnumber = \"1\nx = 2\n");
    assert!(plan.is_none());
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0].code, Code::Syntax);
}

#[test]
fn keys_of_the_wrong_type_are_noted_on_their_own_table() {
    let text = "[plan]\nnumber = 1\ntitle = \"T\"\nissued = \"2017-02-28\"\n\n[[task]]\nid = \"1\"\ncontent = 2\nmilestone = [{ what = 3 }, 4, { what = \"x\" }]\n\n[[task]]\nid = 5\n";
    let (plan, diags) = parse(text);
    assert_eq!(diags.len(), 6, "{diags:?}");
    let plan = plan.unwrap();
    assert_eq!(plan.header.unwrap().wrong_type.0, ["number", "issued"]);
    let (first, second) = (&plan.tasks[0], &plan.tasks[1]);
    // The task's fields are read after its milestones.
    assert_eq!(first.wrong_type.0, ["milestone", "content"]);
    assert_eq!(first.milestones[0].wrong_type.0, ["what"]);
    assert_eq!(first.milestones[1].wrong_type, WrongTypes::default());
    assert_eq!(second.wrong_type.0, ["id"]);
    assert!(second.wrong_type.contains("id") && !second.wrong_type.contains("content"));
}
