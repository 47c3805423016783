//! Token dumps after the layout pass: NEWLINE, INDENT, DEDENT, and its repairs.

use crate::{dump_diagnostics, dump_tokens, tokenize};
use expect_test::{expect, Expect};

fn check(input: &str, expect: Expect) {
    let (tokens, diagnostics) = tokenize(input);
    let mut actual = dump_tokens(input, &tokens);
    actual.push_str(&dump_diagnostics(&diagnostics));
    expect.assert_eq(&actual);
}

#[test]
fn blocks_open_and_close() {
    check(
        "if a:\n    b\n    if c:\n        d\ne\n",
        expect![[r#"
        If 0..2
        Name 3..4 "a"
        Colon 4..5
        Newline 5..6
        Indent 6..10
        Name 10..11 "b"
        Newline 11..12
        If 16..18
        Name 19..20 "c"
        Colon 20..21
        Newline 21..22
        Indent 22..30
        Name 30..31 "d"
        Newline 31..32
        Dedent 32..32
        Dedent 32..32
        Name 32..33 "e"
        Newline 33..34
    "#]],
    );
}

#[test]
fn eof_flushes_newline_and_dedents() {
    check(
        "if a:\n    if b:\n        c",
        expect![[r#"
        If 0..2
        Name 3..4 "a"
        Colon 4..5
        Newline 5..6
        Indent 6..10
        If 10..12
        Name 13..14 "b"
        Colon 14..15
        Newline 15..16
        Indent 16..24
        Name 24..25 "c"
        Newline 25..25
        Dedent 25..25
        Dedent 25..25
    "#]],
    );
}

#[test]
fn blank_and_comment_lines_are_ignored() {
    check(
        "a\n\n   \n# c\n        # deep comment\nb\n",
        expect![[r#"
        Name 0..1 "a"
        Newline 1..2
        Name 34..35 "b"
        Newline 35..36
    "#]],
    );
}

#[test]
fn newlines_inside_brackets_are_ignored() {
    check(
        "f(a,\n  b,\n[c,\n    {d: e}])\ng\n",
        expect![[r#"
        Name 0..1 "f"
        LParen 1..2
        Name 2..3 "a"
        Comma 3..4
        Name 7..8 "b"
        Comma 8..9
        LBracket 10..11
        Name 11..12 "c"
        Comma 12..13
        LBrace 18..19
        Name 19..20 "d"
        Colon 20..21
        Name 22..23 "e"
        RBrace 23..24
        RBracket 24..25
        RParen 25..26
        Newline 26..27
        Name 27..28 "g"
        Newline 28..29
    "#]],
    );
}

#[test]
fn tab_indentation_is_reported_once() {
    check(
        "if a:\n\tb\n\tc\n",
        expect![[r#"
        If 0..2
        Name 3..4 "a"
        Colon 4..5
        Newline 5..6
        Indent 6..7
        Name 7..8 "b"
        Newline 8..9
        Name 10..11 "c"
        Newline 11..12
        Dedent 12..12
        error[E0004] 6..7: tab used for indentation
          label: this is a tab
          note: blocks are indented with spaces only; tabs make the indentation ambiguous
          hint: replace the tabs with spaces (4 per level); most editors can convert them
    "#]],
    );
}

#[test]
fn unexpected_indent_keeps_the_block() {
    check(
        "a\n    b\n    c\nd\n",
        expect![[r#"
        Name 0..1 "a"
        Newline 1..2
        Name 6..7 "b"
        Newline 7..8
        Name 12..13 "c"
        Newline 13..14
        Name 14..15 "d"
        Newline 15..16
        error[E0006] 2..6: unexpected indentation
          label: this line is indented more than the block it is in
          note: only a line ending in `:` (`if`, `for`, `fn`, ...) opens an indented block
          hint: remove the extra indentation, or end the line before with `:` to open a block
    "#]],
    );
}

#[test]
fn dedent_to_unknown_level() {
    check(
        "if a:\n    b\n  c\n",
        expect![[r#"
        If 0..2
        Name 3..4 "a"
        Colon 4..5
        Newline 5..6
        Indent 6..10
        Name 10..11 "b"
        Newline 11..12
        Name 14..15 "c"
        Newline 15..16
        Dedent 16..16
        error[E0005] 12..14: dedent does not match any outer indentation level
          label: indented by 2 columns
          note: the surrounding blocks are indented by 0 and 4 columns; this line is read as part of the one at 4
          hint: line this up with the block it belongs to
    "#]],
    );
}

#[test]
fn missing_colon_is_inserted() {
    check(
        "while a\n    b\n",
        expect![[r#"
        While 0..5
        Name 6..7 "a"
        Colon 7..7
        Newline 7..8
        Indent 8..12
        Name 12..13 "b"
        Newline 13..14
        Dedent 14..14
        error[E0019] 7..7: expected `:` at the end of the `while` line
          label: a `:` is missing here
          note: a line that opens an indented block ends with `:`
          hint: add `:` at the end of the line
    "#]],
    );
}

#[test]
fn missing_block_is_filled() {
    check(
        "if a:\nb\n",
        expect![[r#"
        If 0..2
        Name 3..4 "a"
        Colon 4..5
        Newline 5..6
        Indent 5..5
        Error 5..5 ""
        Newline 5..5
        Dedent 5..5
        Name 6..7 "b"
        Newline 7..8
        error[E0020] 5..5: expected an indented block after the `if` line
          label: the block should start on the next line
          hint: indent the body by 4 spaces more than this line, or write `pass` for an empty block
    "#]],
    );
}

#[test]
fn unclosed_bracket_closed_at_next_statement() {
    check(
        "x = f(a\nlet y = 1\n",
        expect![[r#"
        Name 0..1 "x"
        Assign 2..3
        Name 4..5 "f"
        LParen 5..6
        Name 6..7 "a"
        Error 7..7 ""
        Newline 7..7
        Let 8..11
        Name 12..13 "y"
        Assign 14..15
        Int 16..17 1
        Newline 17..18
        error[E0010] 5..6: unclosed delimiter `(`
          label: this `(` is never closed
          hint: add the matching `)`
    "#]],
    );
}

#[test]
fn mismatched_closer() {
    check(
        "x = [a)\n",
        expect![[r#"
        Name 0..1 "x"
        Assign 2..3
        LBracket 4..5
        Name 5..6 "a"
        RBracket 6..7
        Newline 7..8
        error[E0011] 6..7: mismatched closing delimiter `)`
          label: expected `]` here
          also 4..5: to close this `[`
          hint: close with `]`, or remove the `)`
    "#]],
    );
}

#[test]
fn expression_depth_is_capped() {
    let input = format!("x = {}1{}\ny\n", "(".repeat(300), ")".repeat(300));
    let (tokens, diagnostics) = tokenize(&input);
    assert_eq!(diagnostics.len(), 1, "{}", dump_diagnostics(&diagnostics));
    assert_eq!(diagnostics[0].code, mlc_diagnostics::codes::NESTING_TOO_DEEP);
    // The rest of the line is one error token; the next line is intact.
    let tail = dump_tokens(&input, &tokens[tokens.len() - 5..]);
    expect![[r#"
        LParen 103..104
        Error 104..605 "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
        Newline 605..606
        Name 606..607 "y"
        Newline 607..608
    "#]].assert_eq(&tail);
}
