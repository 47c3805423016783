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
fn unclosed_bracket_closed_before_an_arrow() {
    check(
        "fn f(x: List[i64 -> i64:\n    pass\n",
        expect![[r#"
            Fn 0..2
            Name 3..4 "f"
            LParen 4..5
            Name 5..6 "x"
            Colon 6..7
            Name 8..12 "List"
            LBracket 12..13
            Name 13..16 "i64"
            RBracket 17..17
            RParen 17..17
            Arrow 17..19
            Name 20..23 "i64"
            Colon 23..24
            Newline 24..24
            Indent 25..29
            Pass 29..33
            Newline 33..34
            Dedent 34..34
            error[E0010] 12..13: unclosed delimiter `[`
              label: this `[` is never closed
              note: 2 delimiters are open at this point
              hint: add the matching `]` before `->`
        "#]],
    );
}

#[test]
fn unclosed_bracket_closed_before_the_colon_of_a_header() {
    check(
        "if f(x > 0:\n    pass\nfn g(x: i64:\n    pass\n",
        expect![[r#"
        If 0..2
        Name 3..4 "f"
        LParen 4..5
        Name 5..6 "x"
        Greater 7..8
        Int 9..10 0
        RParen 10..10
        Colon 10..11
        Newline 11..11
        Indent 12..16
        Pass 16..20
        Newline 20..21
        Dedent 21..21
        Fn 21..23
        Name 24..25 "g"
        LParen 25..26
        Name 26..27 "x"
        Colon 27..28
        Name 29..32 "i64"
        RParen 32..32
        Colon 32..33
        Newline 33..33
        Indent 34..38
        Pass 38..42
        Newline 42..43
        Dedent 43..43
        error[E0010] 4..5: unclosed delimiter `(`
          label: this `(` is never closed
          hint: add the matching `)` before the `:` that ends the line
        error[E0010] 25..26: unclosed delimiter `(`
          label: this `(` is never closed
          hint: add the matching `)` before the `:` that ends the line
    "#]],
    );
}

#[test]
fn a_parameter_type_on_the_next_line_is_not_a_header_end() {
    check(
        "fn f(x:\n        i64):\n    pass\n",
        expect![[r#"
        Fn 0..2
        Name 3..4 "f"
        LParen 4..5
        Name 5..6 "x"
        Colon 6..7
        Name 16..19 "i64"
        RParen 19..20
        Colon 20..21
        Newline 21..22
        Indent 22..26
        Pass 26..30
        Newline 30..31
        Dedent 31..31
    "#]],
    );
}

#[test]
fn brackets_open_at_an_arrow_and_after_it_close_at_each() {
    check(
        "fn f(x: i64 -> List[i64:\n    pass\n",
        expect![[r#"
        Fn 0..2
        Name 3..4 "f"
        LParen 4..5
        Name 5..6 "x"
        Colon 6..7
        Name 8..11 "i64"
        RParen 12..12
        Arrow 12..14
        Name 15..19 "List"
        LBracket 19..20
        Name 20..23 "i64"
        RBracket 23..23
        Colon 23..24
        Newline 24..24
        Indent 25..29
        Pass 29..33
        Newline 33..34
        Dedent 34..34
        error[E0010] 19..20: unclosed delimiter `[`
          label: this `[` is never closed
          note: 2 delimiters are open at this point
          hint: add the matching `]` before the `:` that ends the line
    "#]],
    );
}

#[test]
fn an_arrow_inside_brackets_that_close_is_left_to_the_parser() {
    check(
        "fn f(g: (i64) -> i64, x: i64) -> i64:\n    pass\nprint(a -> b)\n",
        expect![[r#"
        Fn 0..2
        Name 3..4 "f"
        LParen 4..5
        Name 5..6 "g"
        Colon 6..7
        LParen 8..9
        Name 9..12 "i64"
        RParen 12..13
        Arrow 14..16
        Name 17..20 "i64"
        Comma 20..21
        Name 22..23 "x"
        Colon 23..24
        Name 25..28 "i64"
        RParen 28..29
        Arrow 30..32
        Name 33..36 "i64"
        Colon 36..37
        Newline 37..38
        Indent 38..42
        Pass 42..46
        Newline 46..47
        Dedent 47..47
        Name 47..52 "print"
        LParen 52..53
        Name 53..54 "a"
        Arrow 55..57
        Name 58..59 "b"
        RParen 59..60
        Newline 60..61
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
