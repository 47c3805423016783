//! One mistake, one diagnostic: after a syntax or declaration error, the checker goes on
//! with what it can tell (an error-typed binding, field or parameter) and reports nothing
//! that follows from the first error.

mod support;

use expect_test::expect;
use support::check;

#[test]
fn a_let_whose_value_fails_to_parse_still_declares_its_name() {
    check(
        "
fn f() -> i64:
    let x = 1 + * 2
    var total: i64 = )
    total += x
    let (a, b) = (1,
    print(x, total, a, b)
    return x
",
        expect![[r#"
            E0001 3:17..3:18 expected an expression, found `*`
                hint: remove or fix this token; the rest of the line is skipped
            E0011 4:22..4:23 unmatched closing delimiter `)`
                hint: remove the `)`, or add the opening delimiter it closes
            E0010 6:18..6:19 unclosed delimiter `(`
                hint: add the matching `)`
        "#]],
    );
}

#[test]
fn a_constant_or_field_whose_value_fails_to_parse_is_still_declared() {
    check(
        "
const LIMIT: i64 = 10 *

struct Config:
    name: str
    retries: i64 = ]

fn f() -> i64:
    let c = Config('x', 3)
    let d = Config('y')
    return LIMIT + c.retries + d.retries
",
        expect![[r#"
            E0001 2:24..2:24 expected an expression, found end of line
                hint: the line ends too early: complete the expression
            E0011 6:20..6:21 unmatched closing delimiter `]`
                hint: remove the `]`, or add the opening delimiter it closes
        "#]],
    );
}

#[test]
fn a_body_that_fails_to_parse_is_not_also_missing_a_return() {
    check(
        "
fn missing_body() -> i64:

fn broken_statement(x: i64) -> i64:
    if x > 0:
        return 1
    print(x +)
",
        expect![[r#"
            E0020 2:26..2:26 expected an indented block after the `fn` line
                hint: indent the body by 4 spaces more than this line, or write `pass` for an empty block
            E0001 7:14..7:15 expected an expression, found `)`
                hint: remove or fix this token; the rest of the line is skipped
        "#]],
    );
}

#[test]
fn a_function_whose_parameters_fail_to_parse_is_declared_and_its_calls_not_counted() {
    check(
        "
fn scale(x: f64 factor: f64) -> f64:
    return x * factor

fn shift(x: f64, by: f64 +) -> f64:
    return x + by

fn f() -> f64:
    let a = scale(1.0, 2.0)
    let b = scale(factor=2.0)
    let c = shift(1.0, 2.0, 3.0)
    let d = shift(by='not a float')
    return a + b + c + d
",
        expect![[r#"
            E0001 2:17..2:23 unexpected name `factor`
                hint: a parameter is written `name: Type` or `name: Type = default`; the rest of this one is skipped
            E0001 5:26..5:27 unexpected `+`
                hint: a parameter is written `name: Type` or `name: Type = default`; the rest of this one is skipped
            E0200 12:22..12:35 expected `f64`, found `str`
        "#]],
    );
}

#[test]
fn a_header_broken_after_its_parameters_returns_the_error_type() {
    check(
        "
fn half(x: i64) -> i64 +:
    return x // 2

fn twice(x: i64) i64:
    return 2 * x

fn f() -> str:
    let a: str = half(4)
    return twice(a) + 'x'
",
        expect![[r#"
            E0001 2:24..2:25 unexpected `+`
                hint: a line that opens a block ends with `:`; a field or parameter is written `name: Type`
            E0001 5:18..5:21 unexpected name `i64`
                hint: a line that opens a block ends with `:`; a field or parameter is written `name: Type`
            E0200 10:18..10:19 expected `i64`, found `str`
        "#]],
    );
}

#[test]
fn a_generic_parameter_whose_bounds_fail_to_parse_allows_everything() {
    check(
        "
fn total[T: Numeric +](xs: List[T]) -> T:
    var sum = xs[0]
    for x in xs:
        sum = sum + x
    if sum < xs[0]:
        return xs[0]
    return sum

fn f():
    print(total([1, 2]), total(['a']))
",
        expect![[r#"
            E0001 2:22..2:23 expected a name, found `]`
                hint: a generic parameter is written `T` or `T: Bound`, such as `T: Numeric + Comparable`
        "#]],
    );
}

#[test]
fn a_struct_whose_body_fails_to_parse_takes_any_constructor_arguments() {
    check(
        "
struct Particle:
    x: f64
    mass = 1.0
    velocity: f64 +

    fn __add__(self, other: Particle +) -> Particle:
        return self

    fn __getitem__(self, index: i64 index2: i64) -> f64:
        return self.x

fn f() -> f64:
    let p = Particle(1.0, 2.0, 3.0)
    let q = Particle(x=0.0)
    let r = p + q
    return r.mass * r.velocity + r[0] + q.x + 'x'
",
        expect![[r#"
            E0001 4:10..4:11 expected `:`, found `=`
                hint: a line that opens a block ends with `:`; a field or parameter is written `name: Type`
            E0001 5:19..5:20 unexpected `+`
                hint: remove or fix this token; the rest of the line is skipped
            E0001 7:38..7:39 unexpected `+`
                hint: a parameter is written `name: Type` or `name: Type = default`; the rest of this one is skipped
            E0001 10:37..10:43 unexpected name `index2`
                hint: a parameter is written `name: Type` or `name: Type = default`; the rest of this one is skipped
        "#]],
    );
}

#[test]
fn an_unknown_bound_allows_everything() {
    check(
        "
fn total[T: Summable](xs: List[T]) -> T:
    var sum = xs[0]
    for x in xs:
        sum = sum + x
    print(sum, f'{sum}')
    if sum < xs[0]:
        return 0
    return sum

fn f():
    let a = total([1, 2])
    let b = total(['a'])
",
        expect![[r#"
            E0107 2:13..2:21 unknown bound `Summable`
        "#]],
    );
}

#[test]
fn an_unknown_bound_suggests_the_bound_other_languages_name_differently() {
    check(
        "
fn biggest[T: Ord](a: T, b: T) -> T:
    return a if a > b else b
",
        expect![[r#"
            E0107 2:15..2:18 unknown bound `Ord`
                hint: did you mean `Comparable`?
        "#]],
    );
}

#[test]
fn a_generic_struct_is_reported_once() {
    check(
        "
struct Pair[T]:
    first: T
    second: List[T]

fn f():
    let p = Pair(1, [2.5])
    let q = Pair(first='a', second=[])
    print(p.first, q.second, p)
",
        expect![[r#"
            E0112 2:13..2:14 generic structs are not supported
                hint: write the struct for the concrete types it holds, or use generic functions over it
        "#]],
    );
}

#[test]
fn a_duplicate_field_is_ignored_by_constructors() {
    check(
        "
struct Point:
    x: f64
    y: f64
    x: i64

fn f() -> f64:
    let p = Point(1.0, 2.0)
    let q = Point(x=1.0, y=2.0)
    return p.x + q.y
",
        expect![[r#"
            E0103 5:5..5:6 the field `x` is defined more than once
                hint: rename one of the two `x`s, or remove this field if it repeats the first
        "#]],
    );
}

#[test]
fn a_misspelled_keyword_is_the_missing_argument() {
    check(
        "
struct Vec3:
    x: f64
    y: f64
    z: f64

fn f():
    let a = Vec3(x=1.0, y=2.0, w=3.0)
    let b = Vec3(1.0, 2.0, zz=3.0)
    let c = Vec3(x=1.0, q=2.0)
",
        expect![[r#"
            E0203 8:32..8:33 `Vec3` has no parameter named `w`
                hint: did you mean `z=`?
            E0203 9:28..9:30 `Vec3` has no parameter named `zz`
                hint: did you mean `z=`?
            E0205 10:13..10:31 missing arguments `y`, `z` in the call of `Vec3`
                hint: add `y=...` (an `f64`), `z=...` (an `f64`) to the call
            E0203 10:25..10:26 `Vec3` has no parameter named `q`
                hint: did you mean `y=`?
        "#]],
    );
}
