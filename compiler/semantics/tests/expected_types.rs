//! Checking is bidirectional: wherever the type a value must have is known (a place, a
//! parameter, a return type, an element), a literal takes that type. Each test covers one
//! kind of place; `ok` or the binding types mean no diagnostic was reported.

mod support;

use expect_test::expect;
use support::check;

#[test]
fn literals_take_the_element_type_of_indexed_places() {
    check(
        "
from tensor import zeros

fn f(xs: List[f32], t: Tensor[f32], m: Tensor[f16], d: Dict[str, f32]):
    var z = zeros[f32]([3])
    z[1] = 5.0
    z[1] = -5.0
    z[2] = 1
    t[0] = 2.5
    m[0, 1] = 0.5
    xs[0] = 2.5
    d['a'] = 1.0
    z[1] += 1.0
    xs[0] += 1.0
    xs[0] -= 2
    d['a'] *= 0.5
    m[0, 0] /= 2.0
",
        expect![[r#"
            f: z: Tensor[f32]
        "#]],
    );
}

#[test]
fn literals_take_the_type_of_fields_and_variables() {
    check(
        "
struct P:
    x: f32
    n: u8

fn f(ps: List[P]):
    var p = P(1.0, 2)
    p.x = 2.0
    p.x += 1.0
    p.n = 255
    ps[0].x = 0.5
    ps[0].x *= 2.0
    var a: f32 = 0.0
    var b: f32 = 0.0
    a = 1.5
    a, b = 1.0, -2.0
    b += 1
",
        expect![[r#"
            f: p: P, a: f32, b: f32
        "#]],
    );
}

#[test]
fn literals_take_the_element_type_inside_kernels() {
    check(
        "
from gpu import thread_idx, atomic_add

@kernel
fn fill(out: Tensor[f32], total: Tensor[f32]):
    let i = thread_idx.x
    out[i] = 0.0
    out[i] += 1.0
    out[i] = out[i] * 0.5 + 1.0
    let old = atomic_add(total, 0, 1.0)
",
        expect![[r#"
            fill: i: i64, old: f32
        "#]],
    );
}

#[test]
fn literals_take_the_type_of_parameters_and_returns() {
    check(
        "
struct V:
    x: f32

    fn scaled(self, k: f32) -> V:
        return V(self.x * k)

    fn __mul__(self, k: f32) -> V:
        return V(self.x * k)

fn half(x: f32 = 0.5) -> f32:
    return 0.5

fn pair() -> (f32, i32):
    return 1.0, 2

fn maybe(flag: bool) -> f32:
    return 1.0 if flag else -1.0

fn f(xs: List[f32], d: Dict[str, f32]):
    let a = half(2.0)
    let v = V(x=1.0).scaled(2.0) * 3.0
    xs.append(1.0)
    xs.insert(0, 2.5)
    let g = d.get('a', 0.0)
    let h: f32 = abs(-1.0)
    let m: f32 = max(1.0, 2.0)
",
        expect![[r#"
            f: a: f32, v: V, g: f32, h: f32, m: f32
        "#]],
    );
}

#[test]
fn literals_take_the_element_type_of_containers_and_tuples() {
    check(
        "
const SCALE: f32 = 2.0 * 0.5

fn f():
    let t: (f32, i8) = (1.0, -1)
    let (a, b): (f32, f32) = (1.0, 2.0)
    let xs: List[f32] = [1.0, 2.0, -3]
    let d: Dict[str, f32] = {'a': 1.0}
    let nested: List[(f32, List[f32])] = [(1.0, [2.0])]
    let s = SCALE
",
        expect![[r#"
            f: t: (f32, i8), a: f32, b: f32, xs: List[f32], d: Dict[str, f32], nested: List[(f32, List[f32])], s: f32
        "#]],
    );
}

#[test]
fn literal_expressions_take_the_type_of_the_other_side() {
    check(
        "
fn f(x: f32, xs: List[f32], flag: bool):
    let a = (2.0 * 3.0) * x
    let b = 1.0 if flag else x
    let c = x if flag else 2.0
    let d = 1.0 in xs
    let e = [1.0] + xs
    var ys = xs
    ys += [1.0]
    let g = -(1.0 + 2.0) < x
    let h = 0 <= x < 10
    let k = (2 ** 3) * x
    let n = (1 << 3) + 1
",
        expect![[r#"
            f: a: f32, b: f32, c: f32, d: bool, e: List[f32], ys: List[f32], g: bool, h: bool, k: f32, n: i64
        "#]],
    );
}

#[test]
fn literals_alone_are_f64_when_any_is_a_float() {
    check(
        "
fn f(flag: bool):
    let a = 1 + 2.5
    let b = 2 ** 0.5
    let c = [1, 2.5]
    let d = max(1, 2.5)
    let e = 1 if flag else 2.5
    let g = 1 < 2.5
    let h = i64(2.5)
    let k = 7 // 2
",
        expect![[r#"
            f: a: f64, b: f64, c: List[f64], d: f64, e: f64, g: bool, h: i64, k: i64
        "#]],
    );
}

#[test]
fn a_literal_that_cannot_take_the_type_is_still_an_error() {
    check(
        "
fn f(t: Tensor[i64], xs: List[i32]):
    t[0] = 1.5
    xs[0] += 0.5
    let n: u8 = 256
",
        expect![[r#"
            E0201 3:12..3:15 expected `i64`, found `f64`
                hint: convert it: `i64(1.5)`
            E0201 4:5..4:17 `i32` and `f64` cannot be combined with `+`
                hint: convert one side explicitly: `f64(xs[0]) + 0.5`
            E0226 5:17..5:20 the literal `256` does not fit in `u8`
                hint: use a wider type such as `u16` (0 to 65535), or a value within the range of `u8`
        "#]],
    );
}

#[test]
fn literals_take_the_parameter_types_of_operator_methods() {
    check(
        "
struct Meters:
    value: f32

    fn __add__(self, k: f32) -> Meters:
        return Meters(self.value + k)

    fn __lt__(self, k: f32) -> bool:
        return self.value < k

    fn __le__(self, k: f32) -> bool:
        return self.value <= k

    fn __eq__(self, k: f32) -> bool:
        return self.value == k

    fn __getitem__(self, i: u8) -> f32:
        return self.value

    fn __setitem__(mut self, i: u8, x: f32):
        self.value = x

fn f():
    var m = Meters(1.0)
    let a = m + 2.5
    let b = m < 2.5
    let c = m <= 2.5
    let d = m == 2.5
    let e = m[0]
    m[1] = 0.5
    m += 1.0
",
        expect![[r#"
            f: m: Meters, a: Meters, b: bool, c: bool, d: bool, e: f32
        "#]],
    );
}
