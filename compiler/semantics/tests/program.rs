//! Program shape (E04xx), control flow (E05xx) and recovery from syntax errors.

mod support;

use expect_test::expect;
use support::{check, check_program};

#[test]
fn programs_need_main() {
    check_program(
        "
fn helper():
    pass
",
        expect![[r#"
            E0400 1:1..1:1 this program has no `main` function
                hint: add the entry point: `fn main():` followed by the program's statements
        "#]],
    );
}

#[test]
fn main_takes_no_parameters() {
    check_program(
        "
fn main(args: List[str]) -> str:
    return ''
",
        expect![[r#"
            E0401 2:9..2:24 `main` takes no parameters
                hint: read command-line arguments with `argv()`
            E0401 2:29..2:32 `main` returns nothing or an `i64` exit code
                hint: remove the return type, or return an `i64`
        "#]],
    );
}

#[test]
fn main_may_return_an_exit_code() {
    check_program(
        "
fn main() -> i64:
    return 0
",
        expect![[r#"
            ok
        "#]],
    );
}

#[test]
fn libraries_need_no_main() {
    check(
        "
fn helper():
    pass
",
        expect![[r#"
            ok
        "#]],
    );
}

#[test]
fn break_and_continue_outside_loops() {
    check(
        "
fn f():
    break
    for i in range(3):
        if i == 1:
            continue
    continue
",
        expect![[r#"
            E0500 3:5..3:10 `break` outside a loop
                hint: to leave the function early use `return`; otherwise move this into a `for` or `while` body
            E0500 7:5..7:13 `continue` outside a loop
                hint: to skip the rest of the function use `return`; otherwise move this into a `for` or `while` body
        "#]],
    );
}

#[test]
fn unreachable_code_is_a_warning() {
    check(
        "
fn f() -> i64:
    return 1
    print('never')
",
        expect![[r#"
            W0502 4:5..4:19 unreachable code
                hint: delete it, or move it before the code that leaves
        "#]],
    );
}

#[test]
fn syntax_errors_leave_other_items_checked() {
    check(
        "
fn broken(:
    pass

fn fine() -> i64:
    return 'not an int'

fn also_broken():
    let x = (1 +
",
        expect![[r#"
            E0010 2:10..2:11 unclosed delimiter `(`
                hint: add the matching `)` before the `:` that ends the line
            E0200 6:12..6:24 expected `i64`, found `str`
            E0010 9:13..9:14 unclosed delimiter `(`
                hint: add the matching `)`
        "#]],
    );
}
