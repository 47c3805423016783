//! Token dumps of the raw lexer (before the layout pass), with the diagnostics it reports.

use super::lex;
use crate::{dump_diagnostics, dump_tokens};
use expect_test::{expect, Expect};

fn check(input: &str, expect: Expect) {
    let mut diagnostics = Vec::new();
    let tokens = lex(input, &mut diagnostics);
    let mut actual = dump_tokens(input, &tokens);
    actual.push_str(&dump_diagnostics(&diagnostics));
    expect.assert_eq(&actual);
}

#[test]
fn keywords_names_and_punctuation() {
    check(
        "fn let var python self mut x_1 _ -> ** //= >>= != @",
        expect![[r#"
            Fn 0..2
            Let 3..6
            Var 7..10
            Name 11..17 "python"
            Name 18..22 "self"
            Name 23..26 "mut"
            Name 27..30 "x_1"
            Name 31..32 "_"
            Arrow 33..35
            DoubleStar 36..38
            DoubleSlashEq 39..42
            RightShiftEq 43..46
            NotEq 47..49
            At 50..51
        "#]],
    );
}

#[test]
fn integers() {
    check(
        "42 1_000_000 0xff 0XFF 0b1010 0o17 0",
        expect![[r#"
        Int 0..2 42
        Int 3..12 1000000
        Int 13..17 255
        Int 18..22 255
        Int 23..29 10
        Int 30..34 15
        Int 35..36 0
    "#]],
    );
}

#[test]
fn floats() {
    check(
        "3.14 1e-9 2.5e3 1. .5 1E5 1_0.5",
        expect![[r#"
        Float 0..4 3.14
        Float 5..9 1e-9
        Float 10..15 2500.0
        Float 16..18 1.0
        Float 19..21 0.5
        Float 22..25 100000.0
        Float 26..31 10.5
    "#]],
    );
}

#[test]
fn invalid_numbers() {
    check(
        "0x 0b102 123abc 99999999999999999999999 1_ 1e999",
        expect![[r#"
        Error 0..2 "0x"
        Error 3..8 "0b102"
        Error 9..15 "123abc"
        Error 16..39 "99999999999999999999999"
        Error 40..42 "1_"
        Error 43..48 "1e999"
        error[E0007] 0..2: invalid number literal `0x`
          label: digits are missing after the prefix
          hint: write integers like `42`, `1_000`, `0xff`, `0o17`, `0b1010` and floats like `3.14` or `1e-9`
        error[E0007] 3..8: invalid number literal `0b102`
          label: not a binary digit
          hint: write integers like `42`, `1_000`, `0xff`, `0o17`, `0b1010` and floats like `3.14` or `1e-9`
        error[E0007] 9..15: invalid number literal `123abc`
          label: not a number
          hint: a name cannot start with a digit; numbers are written like `42`, `0xff`, `3.14` or `1e-9`
        error[E0007] 16..39: invalid number literal `99999999999999999999999`
          label: this number does not fit in 64 bits
          hint: write integers like `42`, `1_000`, `0xff`, `0o17`, `0b1010` and floats like `3.14` or `1e-9`
        error[E0007] 40..42: invalid number literal `1_`
          label: a number cannot end with `_`
          hint: write integers like `42`, `1_000`, `0xff`, `0o17`, `0b1010` and floats like `3.14` or `1e-9`
        error[E0007] 43..48: invalid number literal `1e999`
          label: this float is too large for `f64`
          hint: write integers like `42`, `1_000`, `0xff`, `0o17`, `0b1010` and floats like `3.14` or `1e-9`
    "#]],
    );
}

#[test]
fn strings_and_escapes() {
    check(
        r#""text" 'single' "a\nb\t\"q\" \'s\' \\ \0 \r \{ \}" "\u{1F600}" """tri
ple""""#,
        expect![[r#"
            Str 0..6 "text"
            Str 7..15 "single"
            Str 16..50 "a\nb\t\"q\" 's' \\ \0 \r { }"
            Str 51..62 "😀"
            Str 63..76 "tri\nple"
        "#]],
    );
}

#[test]
fn invalid_escapes() {
    check(
        r#""\q" "\u1234" "\u{110000}" "\u{}" "\u{12""#,
        expect![[r#"
        Str 0..4 "q"
        Str 5..13 "1234"
        Str 14..26 ""
        Str 27..33 ""
        Str 34..41 ""
        error[E0008] 1..3: invalid escape sequence in string
          label: unknown escape
          hint: the escapes are `\n \t \r \0 \\ \" \' \{ \}` and `\u{1F600}`; write `\\` for a backslash
        error[E0008] 6..8: invalid escape sequence in string
          label: `\u` must be followed by `{hex digits}`
          hint: the escapes are `\n \t \r \0 \\ \" \' \{ \}` and `\u{1F600}`; write `\\` for a backslash
        error[E0008] 15..25: invalid escape sequence in string
          label: not a Unicode scalar value
          hint: the escapes are `\n \t \r \0 \\ \" \' \{ \}` and `\u{1F600}`; write `\\` for a backslash
        error[E0008] 28..32: invalid escape sequence in string
          label: `\u{...}` takes 1 to 6 hexadecimal digits
          hint: the escapes are `\n \t \r \0 \\ \" \' \{ \}` and `\u{1F600}`; write `\\` for a backslash
        error[E0008] 35..40: invalid escape sequence in string
          label: unclosed `\u{`
          hint: the escapes are `\n \t \r \0 \\ \" \' \{ \}` and `\u{1F600}`; write `\\` for a backslash
    "#]],
    );
}

#[test]
fn unterminated_strings() {
    check(
        "\"open\nx 'also\ny \"\"\"never",
        expect![[r#"
        Error 0..5 "\"open"
        Newline 5..6
        Name 6..7 "x"
        Error 8..13 "'also"
        Newline 13..14
        Name 14..15 "y"
        Error 16..24 "\"\"\"never"
        error[E0003] 0..5: unterminated string literal
          label: this string is never closed
          hint: close the string with the same quote it opens with, on the same line
        error[E0003] 8..13: unterminated string literal
          label: this string is never closed
          hint: close the string with the same quote it opens with, on the same line
        error[E0003] 16..24: unterminated triple-quoted string literal
          label: this string is never closed
          hint: close the string with the same three quotes it opens with
    "#]],
    );
}

#[test]
fn fstrings() {
    check(
        r#"f"x={x} y={y:.3f}" f'{{a}} {d["k"]}' f"{a + b:>8}!""#,
        expect![[r#"
            FString 0..18 [Literal { text: "x=", span: 2..4 }, Field { expr: 5..6, spec: None, span: 4..7 }, Literal { text: " y=", span: 7..10 }, Field { expr: 11..12, spec: Some(".3f"), span: 10..17 }]
            FString 19..36 [Literal { text: "{a} ", span: 21..27 }, Field { expr: 28..34, spec: None, span: 27..35 }]
            FString 37..51 [Field { expr: 40..45, spec: Some(">8"), span: 39..49 }, Literal { text: "!", span: 49..50 }]
        "#]],
    );
}

#[test]
fn invalid_fstrings() {
    check(
        r#"f"{x" f"{}" f"}" f"{x!r}" f"{x:{w}}""#,
        expect![[r#"
        FString 0..5 []
        FString 6..11 []
        FString 12..16 [Literal { text: "}", span: 14..15 }]
        FString 17..25 []
        FString 26..36 []
        error[E0009] 2..4: invalid f-string field: the field is never closed
          label: the field is never closed
          hint: close the replacement field with `}`, or write `{{` for a literal `{`
        error[E0009] 8..10: empty replacement field in f-string
          label: expected an expression between the braces
          hint: write an expression such as `{x}`, or `{{` for a literal `{`
        error[E0009] 14..15: single `}` in f-string
          label: this `}` closes no replacement field
          hint: write `}}` for a literal `}`
        error[E0009] 19..24: invalid f-string field: conversions such as `!r` are not supported
          label: conversions such as `!r` are not supported
          hint: call `str(x)` inside the field instead
        error[E0009] 28..35: invalid f-string field: nested fields in a format spec are not supported
          label: nested fields in a format spec are not supported
          hint: write the spec literally, such as `{x:.3f}`
    "#]],
    );
}

#[test]
fn comments_newlines_and_continuations() {
    check(
        "a # note\r\nb \\\n c\n",
        expect![[r#"
        Name 0..1 "a"
        Comment 2..8
        Newline 8..10
        Name 10..11 "b"
        Name 15..16 "c"
        Newline 16..17
    "#]],
    );
}

#[test]
fn unexpected_characters() {
    check(
        "a $ b ?? é !",
        expect![[r#"
        Name 0..1 "a"
        Error 2..3 "$"
        Name 4..5 "b"
        Error 6..8 "??"
        Error 9..11 "é"
        Error 12..13 "!"
        error[E0002] 2..3: unexpected character `$`
          label: not part of any token
          hint: remove this character
        error[E0002] 6..8: unexpected characters `??`
          label: not part of any token
          hint: remove this character
        error[E0002] 9..11: unexpected character `é`
          label: not part of any token
          hint: names and operators are ASCII; non-ASCII text belongs in strings or comments
        error[E0002] 12..13: unexpected character `!`
          label: not part of any token
          hint: negation is written `not x`; inequality is `!=`
    "#]],
    );
}

#[test]
fn byte_order_mark_is_skipped() {
    check(
        "\u{FEFF}fn",
        expect![[r#"
        Fn 3..5
    "#]],
    );
}
