//! The checker itself: each directive passing and failing, variables, whitespace, options,
//! malformed check files, and the shape of the failure messages.

use mlc_tests::filecheck::{check, Options};

const PATH: &str = "test.ir";

/// Checks `input` against `checks` (a check file) with the default options.
fn run(checks: &str, input: &str) -> Result<(), String> {
    check(PATH, checks, input, &Options::default())
}

fn run_with(args: &[&str], checks: &str, input: &str) -> Result<(), String> {
    let args: Vec<String> = args.iter().map(|arg| arg.to_string()).collect();
    let (options, positional) = Options::from_args(&args)?;
    assert!(positional.is_empty(), "test arguments name no file");
    check(PATH, checks, input, &options)
}

#[track_caller]
fn passes(checks: &str, input: &str) {
    if let Err(message) = run(checks, input) {
        panic!("expected the checks to pass, got:\n{message}");
    }
}

/// Fails, and the message contains every one of `parts`.
#[track_caller]
fn fails(checks: &str, input: &str, parts: &[&str]) -> String {
    match run(checks, input) {
        Ok(()) => panic!("expected the checks to fail:\n{checks}\non input:\n{input}"),
        Err(message) => {
            for part in parts {
                assert!(message.contains(part), "the message lacks {part:?}:\n{message}");
            }
            message
        }
    }
}

const FUNCTIONS: &str = "\
func.func @first() {
  %0 = arith.constant 1 : i64
  %1 = arith.addi %0, %0 : i64
  func.return %1 : i64
}
func.func @second() {
  %0 = arith.constant 2 : i64
  func.return %0 : i64
}
";

// ---- CHECK ----

#[test]
fn check_finds_substrings_in_order() {
    passes("// CHECK: arith.constant 1\n// CHECK: func.return %1", FUNCTIONS);
    passes("// CHECK: @first\n// CHECK: @second", FUNCTIONS);
}

#[test]
fn check_fails_when_absent_or_out_of_order() {
    fails(
        "// CHECK: arith.muli",
        FUNCTIONS,
        &["test.ir:1:11: error: CHECK: expected string not found in input", "scanning from here"],
    );
    fails("// CHECK: @second\n// CHECK: @first", FUNCTIONS, &["test.ir:2:11", "@first"]);
}

#[test]
fn a_check_searches_after_the_previous_match_not_the_same_line_again() {
    // Two CHECKs for the same text need two occurrences.
    passes("// CHECK: arith.constant\n// CHECK: arith.constant", FUNCTIONS);
    fails("// CHECK: arith.addi\n// CHECK: arith.addi", FUNCTIONS, &["test.ir:2:"]);
}

#[test]
fn the_failure_shows_the_check_line_and_the_input_near_the_search_start() {
    let message = fails(
        "// CHECK: @second\n// CHECK: arith.constant 3",
        FUNCTIONS,
        &[
            "test.ir:2:11: error: CHECK: expected string not found in input",
            "// CHECK: arith.constant 3",
            // The search starts right after `@second` on line 6 of the input.
            "<stdin>:6:18: note: scanning from here",
            "6 | func.func @second() {",
            "7 |  %0 = arith.constant 2 : i64",
            // The closest line is suggested.
            "<stdin>:7:2: note: possible intended match here",
        ],
    );
    // The caret line sits under the pattern.
    assert!(message.contains("// CHECK: arith.constant 3\n          ^"), "{message}");
}

// ---- CHECK-NEXT ----

#[test]
fn next_must_be_on_the_following_line() {
    passes("// CHECK: %0 = arith.constant 1\n// CHECK-NEXT: arith.addi", FUNCTIONS);
    fails(
        "// CHECK: arith.constant 1\n// CHECK-NEXT: func.return",
        FUNCTIONS,
        &["CHECK-NEXT: is not on the line after the previous match", "'next' match was here"],
    );
    fails(
        "// CHECK: %1 =\n// CHECK-NEXT: arith.addi",
        FUNCTIONS,
        &["CHECK-NEXT: is on the same line as previous match"],
    );
}

// ---- CHECK-SAME ----

#[test]
fn same_must_be_on_the_same_line() {
    passes("// CHECK: %1 =\n// CHECK-SAME: arith.addi\n// CHECK-SAME: : i64", FUNCTIONS);
    fails(
        "// CHECK: %1 = arith.addi\n// CHECK-SAME: func.return",
        FUNCTIONS,
        &["CHECK-SAME: is not on the same line as the previous match"],
    );
}

#[test]
fn same_searches_after_the_previous_match_on_its_line() {
    fails("// CHECK: arith.addi\n// CHECK-SAME: %1 =", FUNCTIONS, &["CHECK-SAME"]);
}

// ---- CHECK-EMPTY ----

#[test]
fn empty_needs_an_empty_next_line() {
    let input = "one\n\ntwo\nthree\n";
    passes("// CHECK: one\n// CHECK-EMPTY:\n// CHECK-NEXT: two", input);
    fails(
        "// CHECK: two\n// CHECK-EMPTY:",
        "two\nthree",
        &["CHECK-EMPTY: expected string not found in input"],
    );
    // As in FileCheck, the end of the input after a final newline counts as an empty line.
    fails("// CHECK: two\n// CHECK-EMPTY:", input, &["CHECK-EMPTY: is not on the line after"]);
    passes("// CHECK: three\n// CHECK-EMPTY:", input);
}

#[test]
fn empty_takes_no_pattern() {
    fails(
        "// CHECK: one\n// CHECK-EMPTY: x",
        "one\n\n",
        &["found non-empty check string for empty check"],
    );
}

// ---- CHECK-NOT ----

#[test]
fn not_between_two_checks_only_looks_between_their_matches() {
    // `arith.constant` occurs before `@first`'s body and after `func.return %1`, but not
    // between the two matches.
    passes(
        "// CHECK: arith.addi\n// CHECK-NOT: arith.constant\n// CHECK: func.return %1",
        FUNCTIONS,
    );
    passes("// CHECK: @second\n// CHECK-NOT: arith.addi\n// CHECK: func.return", FUNCTIONS);
    fails(
        "// CHECK: @first\n// CHECK-NOT: arith.addi\n// CHECK: func.return",
        FUNCTIONS,
        &[
            "test.ir:2:15: error: CHECK-NOT: excluded string found in input",
            // (The input's indentation is one space once canonicalized.)
            "<stdin>:3:7: note: found here",
            "the excluded range starts here",
        ],
    );
}

#[test]
fn not_at_the_start_or_end_looks_to_the_start_or_end_of_the_input() {
    passes("// CHECK-NOT: arith.muli\n// CHECK: @first", FUNCTIONS);
    fails("// CHECK-NOT: arith.constant\n// CHECK: @second", FUNCTIONS, &["CHECK-NOT"]);
    passes("// CHECK: @second\n// CHECK-NOT: arith.addi", FUNCTIONS);
    fails("// CHECK: @first\n// CHECK-NOT: @second", FUNCTIONS, &["excluded string found"]);
    // A file of only CHECK-NOTs checks the whole input.
    passes("// CHECK-NOT: tensor.empty", FUNCTIONS);
    fails("// CHECK-NOT: arith.addi", FUNCTIONS, &["test.ir:1:15"]);
}

// ---- CHECK-DAG ----

#[test]
fn dag_matches_in_any_order() {
    let input = "a = 1\nb = 2\nc = 3\nuse a b\n";
    passes("// CHECK-DAG: b = 2\n// CHECK-DAG: a = 1\n// CHECK: use a b", input);
    passes("// CHECK-DAG: c = 3\n// CHECK-DAG: a = 1\n// CHECK-DAG: b = 2", input);
    fails(
        "// CHECK-DAG: b = 2\n// CHECK-DAG: d = 4",
        input,
        &["CHECK-DAG: expected string not found"],
    );
}

#[test]
fn dag_matches_do_not_overlap() {
    passes("// CHECK-DAG: x\n// CHECK-DAG: x", "x\nx\n");
    fails("// CHECK-DAG: x\n// CHECK-DAG: x", "x\ny\n", &["test.ir:2:", "CHECK-DAG"]);
}

#[test]
fn the_check_after_a_dag_group_searches_after_its_last_match() {
    let input = "a\nb\nc\n";
    passes("// CHECK-DAG: b\n// CHECK-DAG: a\n// CHECK: c", input);
    fails("// CHECK-DAG: b\n// CHECK-DAG: c\n// CHECK: a", input, &["test.ir:3:"]);
}

#[test]
fn not_between_dag_groups_looks_between_the_groups() {
    let input = "one\ntwo\nforbidden\nthree\nfour\n";
    passes(
        "// CHECK-DAG: two\n// CHECK-DAG: one\n// CHECK-NOT: forbidden\n// CHECK: three",
        "one\ntwo\nthree\nforbidden\n",
    );
    fails(
        "// CHECK-DAG: two\n// CHECK-DAG: one\n// CHECK-NOT: forbidden\n// CHECK-DAG: four\n// CHECK-DAG: three",
        input,
        &["test.ir:3:15: error: CHECK-NOT: excluded string found in input"],
    );
    // The NOT looks between the groups only: from the end of `two` to the start of `three`.
    passes("// CHECK-DAG: one\n// CHECK-NOT: forbidden\n// CHECK-DAG: two", input);
    passes("// CHECK-DAG: three\n// CHECK-NOT: forbidden\n// CHECK-DAG: four", input);
}

// ---- CHECK-LABEL ----

#[test]
fn labels_cut_the_input_into_blocks() {
    passes(
        "// CHECK-LABEL: @first\n// CHECK: arith.addi\n// CHECK-LABEL: @second\n// CHECK: arith.constant 2",
        FUNCTIONS,
    );
    // The `arith.addi` of @first's block cannot be found in @second's.
    fails(
        "// CHECK-LABEL: @first\n// CHECK-LABEL: @second\n// CHECK: arith.addi",
        FUNCTIONS,
        &["test.ir:3:11: error: CHECK: expected string not found in input"],
    );
    // Nor can a check before a label look past it.
    fails(
        "// CHECK-LABEL: @first\n// CHECK: arith.constant 2\n// CHECK-LABEL: @second",
        FUNCTIONS,
        &["test.ir:2:11"],
    );
    fails("// CHECK-LABEL: @third", FUNCTIONS, &["CHECK-LABEL: expected string not found"]);
}

#[test]
fn a_failure_in_one_label_block_does_not_hide_the_next_ones() {
    let message = run(
        "// CHECK-LABEL: @first\n// CHECK: arith.muli\n// CHECK-LABEL: @second\n// CHECK: arith.divsi",
        FUNCTIONS,
    )
    .unwrap_err();
    assert!(message.contains("test.ir:2:11") && message.contains("test.ir:4:11"), "{message}");
}

#[test]
fn not_before_a_label_looks_up_to_the_label() {
    passes(
        "// CHECK-LABEL: @first\n// CHECK-NOT: arith.constant 2\n// CHECK-LABEL: @second",
        FUNCTIONS,
    );
    fails(
        "// CHECK-LABEL: @first\n// CHECK-NOT: arith.addi\n// CHECK-LABEL: @second",
        FUNCTIONS,
        &["CHECK-NOT: excluded string found"],
    );
}

// ---- CHECK-COUNT ----

#[test]
fn count_needs_that_many_matches() {
    passes("// CHECK-COUNT-2: arith.constant\n// CHECK-NOT: arith.constant", FUNCTIONS);
    fails("// CHECK-COUNT-3: arith.constant", FUNCTIONS, &["(2 of 3 found)"]);
}

// ---- patterns: regexes, variables, whitespace ----

#[test]
fn regex_blocks() {
    passes("// CHECK: %{{[0-9]+}} = arith.addi", FUNCTIONS);
    passes("// CHECK: arith.{{addi|subi}} %0", FUNCTIONS);
    fails("// CHECK: %{{[a-z]+}} = arith.addi", FUNCTIONS, &["expected string not found"]);
    // `.` does not cross lines.
    fails("// CHECK: addi{{.*}}func.return", FUNCTIONS, &["expected string not found"]);
    // Text outside the braces is literal.
    passes("// CHECK: (){{ }}{", FUNCTIONS);
}

#[test]
fn variables_capture_and_are_used() {
    passes(
        "// CHECK: %[[C:[0-9]+]] = arith.constant 1\n// CHECK: arith.addi %[[C]], %[[C]]",
        FUNCTIONS,
    );
    let message = fails(
        "// CHECK: %[[C:[0-9]+]] = arith.constant 1\n// CHECK: %[[SUM:[0-9]+]] = arith.addi\n// CHECK-NEXT: func.return %[[C]]",
        FUNCTIONS,
        &["test.ir:3:16: error: CHECK-NEXT", "with \"C\" equal to \"0\""],
    );
    assert!(!message.contains("SUM"), "only the variables the failing line uses: {message}");
}

#[test]
fn a_variable_keeps_its_latest_value() {
    passes(
        "// CHECK: %[[V:.*]] = arith.constant 1\n// CHECK: %[[V:.*]] = arith.addi\n// CHECK: func.return %[[V]]",
        FUNCTIONS,
    );
}

#[test]
fn undefined_and_self_referencing_variables_are_errors() {
    fails("// CHECK: %[[NOPE]]", FUNCTIONS, &["uses undefined variable(s): 'NOPE'"]);
    fails(
        "// CHECK: %[[X:[0-9]]] = arith.addi %[[X]]",
        FUNCTIONS,
        &["used in the pattern that defines it"],
    );
    fails("// CHECK-NOT: %[[X:[0-9]]]", FUNCTIONS, &["cannot define variables"]);
    fails("// CHECK: [[#N]]", FUNCTIONS, &["numeric substitution blocks"]);
    fails("// CHECK: [[X:abc", FUNCTIONS, &["no ]] found"]);
    fails("// CHECK: {{abc", FUNCTIONS, &["no end '}}'"]);
    fails("// CHECK: {{(}}", FUNCTIONS, &["invalid regex"]);
}

#[test]
fn brackets_inside_a_definition_regex() {
    passes("// CHECK: %[[X:[0-9]]] = arith.addi\n// CHECK: func.return %[[X]]", FUNCTIONS);
}

#[test]
fn horizontal_whitespace_runs_are_one_space() {
    passes("// CHECK:    %1   =  arith.addi  %0,\t%0", FUNCTIONS);
    passes("// CHECK: a b c", "a  \t b\t\tc\n");
    // But a newline is not horizontal whitespace.
    fails("// CHECK: a b", "a\nb\n", &["expected string not found"]);
}

// ---- options and malformed check files ----

#[test]
fn custom_prefixes() {
    let checks = "// FOO: arith.addi\n// BAR: arith.constant 2\n// CHECK: nothing like this";
    run_with(&["--check-prefix=FOO"], checks, FUNCTIONS).unwrap();
    run_with(&["--check-prefix", "FOO", "--check-prefix=BAR"], checks, FUNCTIONS).unwrap();
    run_with(&["--check-prefixes=FOO,BAR"], checks, FUNCTIONS).unwrap();
    let message = run_with(&["--check-prefixes=FOO,CHECK"], checks, FUNCTIONS).unwrap_err();
    assert!(message.contains("test.ir:3:11: error: CHECK: expected string"), "{message}");
    // A prefix no line uses is an error, unless allowed.
    let message = run_with(&["--check-prefixes=FOO,BAZ"], checks, FUNCTIONS).unwrap_err();
    assert!(message.contains("no check strings found with prefix 'BAZ:'"), "{message}");
    run_with(&["--check-prefixes=FOO,BAZ", "--allow-unused-prefixes"], checks, FUNCTIONS).unwrap();
}

#[test]
fn prefixes_start_a_word() {
    // `XCHECK:` is not a CHECK directive, so the file has none.
    fails("// XCHECK: nothing", FUNCTIONS, &["no check strings found with prefix 'CHECK:'"]);
    passes("// X-CHECK: nothing\n// CHECK: @first", "@first\n");
}

#[test]
fn bad_options_are_errors() {
    assert!(Options::from_args(&["--strict-whitespace".to_string()]).is_err());
    assert!(Options::from_args(&["--check-prefix=1X".to_string()]).is_err());
    assert!(Options::from_args(&["--check-prefixes=A,A".to_string()]).is_err());
    assert!(Options::from_args(&["--check-prefix".to_string()]).is_err());
}

#[test]
fn malformed_directives_are_errors_not_ignored() {
    fails("// CHECK-NXT: x", "x\n", &["CHECK-NXT: unknown directive"]);
    fails("// CHECK: x\n// CHECK-NEXT y", "x\ny\n", &["CHECK-NEXT: directive without its ':'"]);
    fails("// CHECK:", "x\n", &["found empty check string with prefix 'CHECK:'"]);
    fails("// CHECK-NEXT: x", "x\n", &["found 'CHECK-NEXT' without previous 'CHECK: line'"]);
    fails("// CHECK-COUNT-0: x", "x\n", &["invalid count"]);
    fails("// nothing to check here", "x\n", &["no check strings found with prefix 'CHECK:'"]);
}

#[test]
fn run_and_com_lines_are_not_checks() {
    passes(
        "// RUN: mlc-opt %s | filecheck %s --check-prefix=CHECK\n// COM: CHECK: not a check\n// CHECK: x",
        "x\n",
    );
}

#[test]
fn empty_input_fails_unless_allowed() {
    fails("// CHECK-NOT: x", "", &["'<stdin>' is empty"]);
    run_with(&["--allow-empty"], "// CHECK-NOT: x", "").unwrap();
}

#[test]
fn comments_of_ml_files_work_the_same() {
    passes("# CHECK: tensor.map_reduce\n# CHECK-NOT: tensor.empty", "%0 = tensor.map_reduce\n");
}
