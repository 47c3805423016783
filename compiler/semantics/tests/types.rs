//! Type inference of well-typed programs: the inferred types of `let`/`var` bindings.

mod support;

use expect_test::expect;
use support::check;

#[test]
fn literals_default_and_take_the_expected_type() {
    check(
        "
fn f():
    let a = 1
    let b = 2.5
    let c: f32 = 1.5
    let d: f32 = 1
    let e: u8 = 255
    let g: i8 = -128
    let h = True
    let s = 'text'
    let n = None
    let t = (1, 2.0, \"x\")
",
        expect![[r#"
            f: a: i64, b: f64, c: f32, d: f32, e: u8, g: i8, h: bool, s: str, n: None, t: (i64, f64, str)
        "#]],
    );
}

#[test]
fn literal_operands_take_the_other_side() {
    check(
        "
fn f(a: f32, n: i32):
    let x = a * 2
    let y = 2 * a
    let z = a + 1.5
    let w = n // 2 + 1
    let q = n / 2
    let r = -a
    let c = a < 2
",
        expect![[r#"
            f: x: f32, y: f32, z: f32, w: i32, q: f64, r: f32, c: bool
        "#]],
    );
}

#[test]
fn containers() {
    check(
        "
fn f(x: f32):
    var xs = [1, 2, 3]
    let ys = [1, x]
    let empty: List[str] = []
    var d = {'a': 1, 'b': 2}
    let e: Dict[str, f64] = {}
    let made = List[f64]()
    let md = Dict[str, List[i64]]()
    let first = xs[0]
    let part = xs[1:]
    let v = d['a']
    let got = d.get('z', 0)
    let keys = d.keys()
    let items = d.items()
    xs.append(4)
    let popped = xs.pop()
    let n = len(xs)
    let has = 2 in xs
    let both = xs + [5]
    let none = xs == [] or d == {}
",
        expect![[r#"
            f: xs: List[i64], ys: List[f32], empty: List[str], d: Dict[str, i64], e: Dict[str, f64], made: List[f64], md: Dict[str, List[i64]], first: i64, part: List[i64], v: i64, got: i64, keys: List[str], items: List[(str, i64)], popped: i64, n: i64, has: bool, both: List[i64], none: bool
        "#]],
    );
}

#[test]
fn strings() {
    check(
        "
fn f(s: str, n: i64):
    let parts = s.split(',')
    let joined = '-'.join(parts)
    let upper = s.strip().upper()
    let c = s[0]
    let sub = s[1:3]
    let ok = s.startswith('a') and 'x' in s
    let total = s + '!' + str(n)
    let idx = s.find('z')
    let text = f\"{s:>10} {n:05d} {1.5:.2f}\"
    let cmp = s < 'b'
",
        expect![[r#"
            f: parts: List[str], joined: str, upper: str, c: str, sub: str, ok: bool, total: str, idx: i64, text: str, cmp: bool
        "#]],
    );
}

#[test]
fn tuples_and_destructuring() {
    check(
        "
fn pair() -> (i64, f64):
    return (1, 2.0)

fn f():
    let p = pair()
    let (a, b) = p
    let first = p[0]
    let last = p[-1]
    var (x, y) = (1, 'one')
    x, y = 2, 'two'
    let ((m, n), o) = ((1, 2), 3)
",
        expect![[r#"
            f: p: (i64, f64), a: i64, b: f64, first: i64, last: f64, x: i64, y: str, m: i64, n: i64, o: i64
        "#]],
    );
}

#[test]
fn loops_bind_element_types() {
    check(
        "
fn f(xs: List[f32], d: Dict[str, i64], s: str, t: Tensor[f64]):
    for i in range(3):
        let a = i
    for i in range(1, 10, 2):
        let b = i
    for x in xs:
        let c = x
    for k in d:
        let e = k
    for ch in s:
        let g = ch
    for i, x in enumerate(xs):
        let h = (i, x)
    for x, k in zip(xs, d.keys()):
        let j = (x, k)
    for v in t:
        let l = v
    var n: i32 = 0
    for i in range(n):
        let m = i
",
        expect![[r#"
            f: a: i64, b: i64, c: f32, e: str, g: str, h: (i64, f32), j: (f32, str), l: f64, n: i32, m: i32
        "#]],
    );
}

#[test]
fn structs_methods_and_operators() {
    check(
        "
struct Vec2:
    x: f64
    y: f64 = 0.0

    fn __add__(self, o: Vec2) -> Vec2:
        return Vec2(self.x + o.x, self.y + o.y)

    fn __mul__(self, k: f64) -> Vec2:
        return Vec2(self.x * k, self.y * k)

    fn __neg__(self) -> Vec2:
        return Vec2(-self.x, -self.y)

    fn __eq__(self, o: Vec2) -> bool:
        return self.x == o.x and self.y == o.y

    fn __lt__(self, o: Vec2) -> bool:
        return self.x < o.x

    fn __getitem__(self, i: i64) -> f64:
        return self.x if i == 0 else self.y

    fn __len__(self) -> i64:
        return 2

    fn norm(self) -> f64:
        return self.x * self.x + self.y * self.y

    fn scale(mut self, k: f64):
        self.x *= k
        self.y *= k

fn f():
    let a = Vec2(1.0)
    var b = Vec2(x=2.0, y=3.0)
    let c = a + b
    let d = a * 2
    let e = -a
    let same = a == b
    let differ = a != b
    let less = a < b
    let more = a > b
    let y = a[1]
    let n = len(a)
    let m = c.norm()
    b.scale(2.0)
    b.x = 4.0
    b.y += 1.0
    print(a, b)
",
        expect![[r#"
            f: a: Vec2, b: Vec2, c: Vec2, d: Vec2, e: Vec2, same: bool, differ: bool, less: bool, more: bool, y: f64, n: i64, m: f64
        "#]],
    );
}

#[test]
fn generics_are_inferred_and_explicit() {
    check(
        "
fn clamp[T: Numeric](x: T, lo: T, hi: T) -> T:
    if x < lo:
        return lo
    elif x > hi:
        return hi
    return x

fn first[T](xs: List[T]) -> T:
    return xs[0]

fn twice[T: Numeric](x: T) -> T:
    return x * 2 + x - 1

fn half[T: Float](x: T) -> T:
    return x / 2.0

fn f(a: f32, xs: List[str]):
    let i = clamp(15, 0, 10)
    let g = clamp(a, 0, 1)
    let h = clamp[i32](5, 0, 10)
    let s = first(xs)
    let t = twice(3)
    let u = half(a)
    let v = half(1)
",
        expect![[r#"
            f: i: i64, g: f32, h: i32, s: str, t: i64, u: f32, v: f64
        "#]],
    );
}

#[test]
fn python_values() {
    check(
        "
from python import numpy as np
from python import os.path

fn f():
    let a = np.array([1, 2, 3])
    let b = a * 2 + 1
    let c = a[0]
    let d = a[1:2]
    let e = np.sum(a, axis=0)
    let n = i64(e)
    let x = f64(np.pi)
    let t = Tensor[f64](a)
    let l = len(a)
    let truth = not a
    let cmp = a < 3
    let joined = path.join('a', 'b')
    for v in a:
        let w = v
    if a:
        print(a, f\"{a}\")
",
        expect![[r#"
            f: a: PyObject, b: PyObject, c: PyObject, d: PyObject, e: PyObject, n: i64, x: f64, t: Tensor[f64], l: i64, truth: bool, cmp: PyObject, joined: PyObject, w: PyObject
        "#]],
    );
}

#[test]
fn casts() {
    check(
        "
fn f(n: i64, x: f64, s: str, b: bool):
    let a = f64(n)
    let c = i32(x)
    let d = i64(s)
    let e = bool(n)
    let g = str(x)
    let h = u8(255)
    let k = f32(1)
    let m = str((1, [2.0]))
",
        expect![[r#"
            f: a: f64, c: i32, d: i64, e: bool, g: str, h: u8, k: f32, m: str
        "#]],
    );
}

#[test]
fn standard_library() {
    check(
        "
import math
import time
from math import sqrt, pi
from tensor import zeros, full, arange, randn
from gpu import Dim3

fn f(x: f32):
    let a = math.sqrt(2.0)
    let b = sqrt(x)
    let c = math.pow(x, 2)
    let d = pi * 2.0
    let e = math.floor(3)
    let z: Tensor[f64] = zeros([2, 2])
    let g = full([3], 1.5)
    let h = arange(10)
    let k = randn[f32]([4], seed=3)
    let t0 = time.perf_counter()
    let dim = Dim3(1, 2, 3)
    let nan = math.isnan(x)
",
        expect![[r#"
            f: a: f64, b: f32, c: f32, d: f64, e: f64, z: Tensor[f64], g: Tensor[f64], h: Tensor[i64], k: Tensor[f32], t0: f64, dim: Dim3, nan: bool
        "#]],
    );
}

#[test]
fn tensors() {
    check(
        "
from tensor import zeros

fn f(a: Tensor[f32], b: Tensor[f32]):
    let c = a * 2.0 + b
    let d = a @ b
    let e = 1.0 - a
    let s = a.sum()
    let m = a.mean()
    let shape = a.shape
    let dims = a.ndim
    let n = a.numel()
    let r = a.reshape([4, -1])
    let g = a.to_gpu()
    let x = a[1, 2]
    let row = a[0, :]
    var z = zeros[f64]([3])
    z[1] = 5.0
    z[0] += 1.0
    a[0] = 1
",
        expect![[r#"
            f: c: Tensor[f32], d: Tensor[f32], e: Tensor[f32], s: f32, m: f32, shape: List[i64], dims: i64, n: i64, r: Tensor[f32], g: Tensor[f32], x: f32, row: Tensor[f32], z: Tensor[f64]
        "#]],
    );
}

#[test]
fn errors_and_control_flow() {
    check(
        "
fn parse(s: str) -> i64:
    if s == '':
        raise Error('empty')
    return i64(s)

fn loop_forever() -> i64:
    while True:
        pass

fn f():
    try:
        let n = parse('12')
    except e:
        let m = e.message
        print('caught:', e)
    assert 1 < 2, 'math works'
    var i = 0
    while i < 10:
        i += 1
        if i == 5:
            break
        else:
            continue
",
        expect![[r#"
            f: n: i64, m: str, i: i64
        "#]],
    );
}

#[test]
fn print_keywords_and_defaults() {
    check(
        "
fn greet(name: str, punct: str = '!', times: i64 = 1) -> str:
    return f\"hello, {name}{punct}\" if times == 1 else name

fn f():
    print(1, 2.5, 'x', True, None, [1], {'a': 1}, (1, 2), sep=', ', end='')
    let a = greet('x')
    let b = greet('x', times=2)
    let c = greet(punct='?', name='y')
    let args = argv()
    let lo = min(3, 1, 2)
    let hi = max([1.5, 2.5])
    let mag = abs(-3)
",
        expect![[r#"
            f: a: str, b: str, c: str, args: List[str], lo: i64, hi: f64, mag: i64
        "#]],
    );
}

#[test]
fn print_takes_every_printable_kind() {
    check(
        "
from python import numpy as np
from tensor import zeros

struct P:
    x: f64
    tags: List[str]

fn f():
    let t = zeros[f32]([2])
    let o = np.zeros(2)
    let p = P(1.0, ['a'])
    print(p, (1, 'a', 2.5), [1, 2], {'a': [1.5]}, t, o, None, True, sep=', ', end='')
    print()
    print(sep='-')
    print(t, o, end='\\n', sep='')
    let s = str(p) + str((1, 2)) + str([None]) + str(t) + str(o) + str(None)
    let text = f'{p} {(1, 2)} {[1]} {t} {o} {None}'
",
        expect![[r#"
            f: t: Tensor[f32], o: PyObject, p: P, s: str, text: str
        "#]],
    );
}

#[test]
fn sum_adds_numbers_of_lists_iterators_and_tensors() {
    check(
        "
fn total[T: Numeric](xs: List[T]) -> T:
    return sum(xs)

fn f(xs: List[f32], t: Tensor[i32], n: i64, d: Dict[str, f64]):
    let a = sum(xs)
    let b = sum(range(10))
    let c = sum(range(n), 100)
    let e = sum(xs, 1.0)
    let g = sum(t)
    let h = sum([1, 2.5])
    let k: f32 = sum([1.0, 2.0])
    let m = sum(d.values())
    let u = total([1, 2])
",
        expect![[r#"
            f: a: f32, b: i64, c: i64, e: f32, g: i32, h: f64, k: f32, m: f64, u: i64
        "#]],
    );
}

#[test]
fn sum_of_what_is_not_numbers() {
    check(
        "
fn f(words: List[str], d: Dict[str, i64], xs: List[i64]):
    let a = sum(words)
    let b = sum(d)
    let c = sum(5)
    let e = sum(xs, 'zero')
    let g = sum()
",
        expect![[r#"
            E0209 3:17..3:22 `sum` adds numbers, and the values of `List[str]` are `str`
                hint: to join strings, write `"".join(words)`
            E0209 4:17..4:18 `sum` adds numbers, and the values of `Dict[str, i64]` are `str`
                hint: a `Dict` yields its keys; to add up its values, write `sum(d.values())`
            E0216 5:17..5:18 a value of type `i64` cannot be iterated
                hint: to count from 0 up to `5`, iterate over `range(5)`
            E0200 6:21..6:27 expected `i64`, found `str`
            E0205 7:13..7:18 missing argument `iterable` in the call of `sum`
                hint: add `iterable=...` to the call
        "#]],
    );
}
