//! Tensors through their C functions: the expectations of `tests/run/tensor_*.out`,
//! broadcasting (against a naive reference), matmul (against a naive triple loop, with
//! threads), reductions, views, casts, random tensors, the loop-level functions, text, and
//! no leaked objects.

mod common;

use common::*;
use mlc_runtime::live_objects;
use mlc_runtime::object::Handle;
use mlc_runtime::tensor::elementwise::*;
use mlc_runtime::tensor::matmul::mlc_tensor_matmul;
use mlc_runtime::tensor::random::mlc_tensor_random;
use mlc_runtime::tensor::reduce::mlc_tensor_reduce;
use mlc_runtime::tensor::view::mlc_tensor_slice;
use mlc_runtime::tensor::*;

fn shape_list(shape: &[i64]) -> Handle {
    list_of::<i64>("i64", shape)
}

/// A new contiguous tensor of `elem` with `values` (row-major) and `shape`.
fn tensor<T: Copy>(elem: &str, values: &[T], shape: &[i64]) -> Handle {
    let list = shape_list(shape);
    // SAFETY: a descriptor and a shape list; the tensor is contiguous with `numel` slots.
    unsafe {
        let t = mlc_tensor_zeros(list, c(elem), FILE, LINE, COL);
        assert_eq!(mlc_tensor_numel(t) as usize, values.len());
        let data = mlc_tensor_data(t).cast::<T>();
        for (i, value) in values.iter().enumerate() {
            *data.add(i) = *value;
        }
        release(list);
        t
    }
}

/// The elements of a tensor in row-major order.
fn values<T: Copy>(t: Handle) -> Vec<T> {
    // SAFETY: a live tensor of `T`; the copy is contiguous.
    unsafe {
        let copy = mlc_tensor_copy(t);
        let n = mlc_tensor_numel(copy) as usize;
        let data = mlc_tensor_data(copy).cast::<T>();
        let result = (0..n).map(|i| *data.add(i)).collect();
        release(copy);
        result
    }
}

fn shape_of(t: Handle) -> Vec<i64> {
    // SAFETY: a live tensor.
    let list = unsafe { mlc_tensor_shape(t) };
    let shape = list_values::<i64>(list);
    release(list);
    shape
}

fn reduce<T: Copy + Default>(t: Handle, kind: &str) -> T {
    let mut out = T::default();
    // SAFETY: a live tensor of `T` and room for one.
    unsafe { mlc_tensor_reduce(t, c(kind), (&raw mut out).cast(), FILE, LINE, COL) };
    out
}

fn load<T: Copy + Default>(t: Handle, indices: &[i64]) -> T {
    let mut out = T::default();
    // SAFETY: a live tensor of `T`.
    unsafe {
        mlc_tensor_load(
            t,
            indices.as_ptr(),
            indices.len() as i64,
            (&raw mut out).cast(),
            FILE,
            LINE,
            COL,
        )
    };
    out
}

fn store<T: Copy>(t: Handle, indices: &[i64], value: T) {
    // SAFETY: a live tensor of `T`.
    unsafe {
        mlc_tensor_store(
            t,
            indices.as_ptr(),
            indices.len() as i64,
            (&value as *const T).cast(),
            FILE,
            LINE,
            COL,
        )
    };
}

fn binary(a: Handle, b: Handle, kind: &str) -> Handle {
    // SAFETY: live tensors.
    unsafe { mlc_tensor_binary(a, b, c(kind), FILE, LINE, COL) }
}

fn scalar<T>(a: Handle, s: T, left: bool, kind: &str) -> Handle {
    // SAFETY: a live tensor and an element of its type.
    unsafe { mlc_tensor_binary_scalar(a, (&s as *const T).cast(), left, c(kind), FILE, LINE, COL) }
}

fn reshape(t: Handle, shape: &[i64]) -> Handle {
    let list = shape_list(shape);
    // SAFETY: a live tensor and a shape list.
    let result = unsafe { mlc_tensor_reshape(t, list, FILE, LINE, COL) };
    release(list);
    result
}

fn arange<T>(stop: T, elem: &str) -> Handle {
    // SAFETY: an element of the type.
    unsafe { mlc_tensor_arange((&stop as *const T).cast(), c(elem), FILE, LINE, COL) }
}

#[test]
fn tensor_creation_out() {
    let before = live_objects();
    // SAFETY: live tensors and lists.
    unsafe {
        let shape = shape_list(&[2, 3]);
        let z = mlc_tensor_zeros(shape, c("f64"), FILE, LINE, COL);
        assert_eq!(
            (
                shape_of(z),
                mlc_tensor_rank(z),
                mlc_tensor_dim(z, 0, FILE, LINE, COL),
                mlc_tensor_dim(z, -1, FILE, LINE, COL)
            ),
            (vec![2, 3], 2, 2, 3)
        );
        assert_eq!(
            (mlc_tensor_numel(z), reduce::<f64>(z, "sum"), load::<f64>(z, &[1, 2])),
            (6, 0.0, 0.0)
        );
        let four = shape_list(&[4]);
        let o = mlc_tensor_ones(four, c("f32"), FILE, LINE, COL);
        assert_eq!((reduce::<f32>(o, "sum"), load::<f32>(o, &[3])), (4.0, 1.0));
        assert_eq!(printed(&reduce::<f32>(o, "sum"), "f32"), "4.0");
        let two = shape_list(&[2, 2]);
        let f = mlc_tensor_full(two, (&7i64 as *const i64).cast(), c("i64"), FILE, LINE, COL);
        assert_eq!((reduce::<i64>(f, "sum"), load::<i64>(f, &[0, 1])), (28, 7));
        let r = arange(5i64, "i64");
        assert_eq!(
            (shape_of(r), reduce::<i64>(r, "sum"), load::<i64>(r, &[0]), load::<i64>(r, &[4])),
            (vec![5], 10, 0, 4)
        );
        let rf = arange(4.0f64, "f64");
        assert_eq!((reduce::<f64>(rf, "sum"), load::<f64>(rf, &[3])), (6.0, 3.0));
        let partial = arange(3.5f64, "f64");
        assert_eq!(values::<f64>(partial).len(), 4);
        release(partial);
        let cube_shape = shape_list(&[2, 3, 4]);
        let cube = mlc_tensor_ones(cube_shape, c("i32"), FILE, LINE, COL);
        assert_eq!((mlc_tensor_numel(cube), reduce::<i32>(cube, "sum")), (24, 24));
        let three = shape_list(&[3]);
        let half =
            mlc_tensor_full(three, (&0.5f64 as *const f64).cast(), c("f64"), FILE, LINE, COL);
        let stats: [f64; 4] =
            [reduce(half, "sum"), reduce(half, "max"), reduce(half, "min"), reduce(half, "mean")];
        assert_eq!(stats, [1.5, 0.5, 0.5, 0.5]);
        for handle in [shape, z, four, o, two, f, r, rf, cube_shape, cube, three, half] {
            release(handle);
        }
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn tensor_elementwise_out() {
    let before = live_objects();
    let a0 = arange(6.0f64, "f64");
    let a = reshape(a0, &[2, 3]);
    let b = tensor::<f64>("f64", &[2.0; 6], &[2, 3]);
    let (sum, diff, prod, quot) =
        (binary(a, b, "add"), binary(a, b, "sub"), binary(a, b, "mul"), binary(a, b, "div"));
    assert_eq!(
        (
            load::<f64>(sum, &[1, 2]),
            load::<f64>(diff, &[0, 0]),
            load::<f64>(prod, &[1, 1]),
            load::<f64>(quot, &[0, 1])
        ),
        (7.0, -2.0, 8.0, 0.5)
    );
    let sums: Vec<f64> = [sum, diff, prod, quot].iter().map(|&t| reduce(t, "sum")).collect();
    assert_eq!(sums, [27.0, 3.0, 30.0, 7.5]);
    let doubled = scalar(a, 2.0f64, false, "mul");
    let scaled = scalar(doubled, 1.0f64, false, "add");
    assert_eq!(
        (load::<f64>(scaled, &[0, 0]), load::<f64>(scaled, &[1, 2]), reduce::<f64>(scaled, "sum")),
        (1.0, 11.0, 36.0)
    );
    let row = arange(3.0f64, "f64");
    let broadcast = binary(a, row, "add");
    assert_eq!(
        (
            shape_of(broadcast),
            load::<f64>(broadcast, &[0, 2]),
            load::<f64>(broadcast, &[1, 2]),
            reduce::<f64>(broadcast, "sum")
        ),
        (vec![2, 3], 4.0, 7.0, 21.0)
    );
    let negatives = scalar(a, 3.0f64, false, "sub");
    // SAFETY: a live tensor.
    let absolute = unsafe { mlc_tensor_unary(negatives, c("abs"), FILE, LINE, COL) };
    assert_eq!(
        (
            reduce::<f64>(absolute, "sum"),
            reduce::<f64>(negatives, "min"),
            reduce::<f64>(negatives, "max")
        ),
        (9.0, -3.0, 2.0)
    );
    let ints = arange(4i64, "i64");
    let tripled = scalar(ints, 3i64, false, "mul");
    let twos = tensor::<i64>("i64", &[2; 4], &[4]);
    let ratios = binary(ints, twos, "div");
    assert_eq!(
        (
            load::<i64>(tripled, &[3]),
            reduce::<i64>(tripled, "sum"),
            load::<f64>(ratios, &[3]),
            reduce::<f64>(ratios, "sum")
        ),
        (9, 18, 1.5, 3.0)
    );
    let from_left = scalar(ints, 10i64, true, "sub");
    assert_eq!(values::<i64>(from_left), [10, 9, 8, 7]);
    let dividends = tensor::<i64>("i64", &[-7, 7, -8], &[3]);
    let floored = scalar(dividends, 2i64, false, "floordiv");
    assert_eq!(values::<i64>(floored), [-4, 3, -4]);
    let halves = tensor::<f64>("f64", &[-7.5, 7.5], &[2]);
    let modded = scalar(halves, -2.0f64, false, "mod");
    assert_eq!(values::<f64>(modded), [-1.5, -0.5]);
    let powers = scalar(ints, 2i64, true, "pow");
    assert_eq!(values::<i64>(powers), [1, 2, 4, 8]);
    for handle in [
        a0, a, b, sum, diff, prod, quot, doubled, scaled, row, broadcast, negatives, absolute,
        ints, tripled, twos, ratios, from_left, dividends, floored, halves, modded, powers,
    ] {
        release(handle);
    }
    assert_eq!(live_objects(), before);
}

/// numpy broadcasting, naively: every output position maps to each input's position.
fn naive_broadcast(
    a: &[f64],
    sa: &[i64],
    b: &[f64],
    sb: &[i64],
    f: impl Fn(f64, f64) -> f64,
) -> (Vec<i64>, Vec<f64>) {
    let rank = sa.len().max(sb.len());
    let pad = |s: &[i64]| -> Vec<i64> {
        std::iter::repeat_n(1, rank - s.len()).chain(s.iter().copied()).collect()
    };
    let (pa, pb) = (pad(sa), pad(sb));
    let shape: Vec<i64> = (0..rank).map(|d| if pa[d] == 1 { pb[d] } else { pa[d] }).collect();
    let total: i64 = shape.iter().product();
    let mut out = Vec::new();
    for linear in 0..total {
        let mut rest = linear;
        let mut index = vec![0; rank];
        for d in (0..rank).rev() {
            index[d] = rest % shape[d];
            rest /= shape[d];
        }
        let flat = |p: &[i64]| {
            (0..rank).fold(0, |acc, d| acc * p[d] + if p[d] == 1 { 0 } else { index[d] })
        };
        out.push(f(a[flat(&pa) as usize], b[flat(&pb) as usize]));
    }
    (shape, out)
}

#[test]
fn broadcasting_matches_a_naive_reference() {
    let before = live_objects();
    let cases: &[(&[i64], &[i64])] = &[
        (&[2, 3], &[3]),
        (&[3, 1], &[1, 4]),
        (&[4], &[2, 1, 1]),
        (&[2, 1, 3], &[4, 1]),
        (&[1], &[5]),
        (&[], &[2, 2]),
        (&[0, 3], &[3]),
    ];
    for (sa, sb) in cases {
        let na: i64 = sa.iter().product();
        let nb: i64 = sb.iter().product();
        let va: Vec<f64> = (0..na).map(|i| i as f64 * 1.5 - 2.0).collect();
        let vb: Vec<f64> = (0..nb).map(|i| 10.0 - i as f64).collect();
        let (a, b) = (tensor::<f64>("f64", &va, sa), tensor::<f64>("f64", &vb, sb));
        for (kind, f) in [
            ("sub", (|x, y| x - y) as fn(f64, f64) -> f64),
            ("max", f64::max),
            ("mul", |x, y| x * y),
        ] {
            let result = binary(a, b, kind);
            let (shape, expected) = naive_broadcast(&va, sa, &vb, sb, f);
            assert_eq!(shape_of(result), shape, "{sa:?} {kind} {sb:?}");
            assert_eq!(values::<f64>(result), expected, "{sa:?} {kind} {sb:?}");
            release(result);
        }
        // A transposed (strided) operand goes the general way.
        if sa.len() == 2 {
            let spec = c("s000,s001");
            let operands = [-1i64];
            // SAFETY: a live tensor; one operand for the one step written.
            let flipped =
                unsafe { mlc_tensor_slice(a, spec, operands.as_ptr(), 1, FILE, LINE, COL) };
            let flipped_values = values::<f64>(flipped);
            let result = binary(flipped, b, "sub");
            let (_, expected) = naive_broadcast(&flipped_values, sa, &vb, sb, |x, y| x - y);
            assert_eq!(values::<f64>(result), expected);
            release(flipped);
            release(result);
        }
        release(a);
        release(b);
    }
    assert_eq!(live_objects(), before);
}

fn naive_matmul(a: &[f64], b: &[f64], m: usize, k: usize, n: usize) -> Vec<f64> {
    let mut c = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            c[i * n + j] = (0..k).map(|p| a[i * k + p] * b[p * n + j]).sum();
        }
    }
    c
}

fn close(x: f64, y: f64, scale: f64) -> bool {
    (x - y).abs() <= 1e-12 * scale.max(1.0)
}

#[test]
fn matmul_matches_a_naive_reference() {
    let before = live_objects();
    let mut state = 7u64;
    let mut random = || {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1);
        ((state >> 40) as f64 / (1u64 << 24) as f64) - 0.5
    };
    for &(m, k, n) in &[
        (1, 1, 1),
        (2, 3, 2),
        (7, 5, 9),
        (6, 16, 16),
        (13, 257, 17),
        (64, 64, 64),
        (33, 300, 70),
        (130, 70, 530),
    ] {
        let va: Vec<f64> = (0..m * k).map(|_| random()).collect();
        let vb: Vec<f64> = (0..k * n).map(|_| random()).collect();
        let expected = naive_matmul(&va, &vb, m, k, n);
        let (a, b) = (
            tensor::<f64>("f64", &va, &[m as i64, k as i64]),
            tensor::<f64>("f64", &vb, &[k as i64, n as i64]),
        );
        // SAFETY: live tensors.
        let product = unsafe { mlc_tensor_matmul(a, b, FILE, LINE, COL) };
        assert_eq!(shape_of(product), [m as i64, n as i64]);
        for (x, y) in values::<f64>(product).iter().zip(&expected) {
            assert!(close(*x, *y, k as f64), "{m}x{k}x{n}: {x} vs {y}");
        }
        let fa: Vec<f32> = va.iter().map(|&x| x as f32).collect();
        let fb: Vec<f32> = vb.iter().map(|&x| x as f32).collect();
        let (a32, b32) = (
            tensor::<f32>("f32", &fa, &[m as i64, k as i64]),
            tensor::<f32>("f32", &fb, &[k as i64, n as i64]),
        );
        // SAFETY: live tensors.
        let product32 = unsafe { mlc_tensor_matmul(a32, b32, FILE, LINE, COL) };
        let expected32 = naive_matmul(
            &fa.iter().map(|&x| x as f64).collect::<Vec<_>>(),
            &fb.iter().map(|&x| x as f64).collect::<Vec<_>>(),
            m,
            k,
            n,
        );
        for (x, y) in values::<f32>(product32).iter().zip(&expected32) {
            assert!(
                ((*x as f64) - y).abs() <= 1e-5 * (k as f64).max(1.0),
                "f32 {m}x{k}x{n}: {x} vs {y}"
            );
        }
        for handle in [a, b, product, a32, b32, product32] {
            release(handle);
        }
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn matmul_is_exact_on_integers_and_follows_tensor_matmul_out() {
    let before = live_objects();
    // Integer-valued floats: every partial sum is exact, so any order gives the same.
    let (m, k, n) = (150, 260, 140);
    let va: Vec<f64> = (0..m * k).map(|i| ((i * 7) % 11) as f64 - 5.0).collect();
    let vb: Vec<f64> = (0..k * n).map(|i| ((i * 5) % 13) as f64 - 6.0).collect();
    let expected = naive_matmul(&va, &vb, m, k, n);
    let (a, b) = (
        tensor::<f64>("f64", &va, &[m as i64, k as i64]),
        tensor::<f64>("f64", &vb, &[k as i64, n as i64]),
    );
    // SAFETY: live tensors.
    let product = unsafe { mlc_tensor_matmul(a, b, FILE, LINE, COL) };
    assert_eq!(values::<f64>(product), expected);
    let ia: Vec<i64> = va.iter().map(|&x| x as i64).collect();
    let ib: Vec<i64> = vb.iter().map(|&x| x as i64).collect();
    let (ta, tb) = (
        tensor::<i64>("i64", &ia, &[m as i64, k as i64]),
        tensor::<i64>("i64", &ib, &[k as i64, n as i64]),
    );
    // SAFETY: live tensors.
    let iproduct = unsafe { mlc_tensor_matmul(ta, tb, FILE, LINE, COL) };
    assert_eq!(values::<i64>(iproduct), expected.iter().map(|&x| x as i64).collect::<Vec<_>>());
    // tensor_matmul.ml
    let (x0, y0) = (arange(6.0f64, "f64"), arange(6.0f64, "f64"));
    let (x, y) = (reshape(x0, &[2, 3]), reshape(y0, &[3, 2]));
    // SAFETY: live tensors.
    let xy = unsafe { mlc_tensor_matmul(x, y, FILE, LINE, COL) };
    assert_eq!((shape_of(xy), values::<f64>(xy)), (vec![2, 2], vec![10.0, 13.0, 28.0, 40.0]));
    let (column0, line0) = (arange(3.0f64, "f64"), arange(2.0f64, "f64"));
    let (column, line) = (reshape(column0, &[3, 1]), reshape(line0, &[1, 2]));
    // SAFETY: live tensors.
    let outer = unsafe { mlc_tensor_matmul(column, line, FILE, LINE, COL) };
    assert_eq!(
        (shape_of(outer), load::<f64>(outer, &[2, 1]), reduce::<f64>(outer, "sum")),
        (vec![3, 2], 2.0, 3.0)
    );
    // Vectors: [k] @ [k, n], [m, k] @ [k], [k] @ [k].
    let v = arange(3.0f64, "f64");
    // SAFETY: live tensors.
    unsafe {
        let vy = mlc_tensor_matmul(v, y, FILE, LINE, COL);
        assert_eq!((shape_of(vy), values::<f64>(vy)), (vec![2], vec![10.0, 13.0]));
        let xv = mlc_tensor_matmul(x, v, FILE, LINE, COL);
        assert_eq!((shape_of(xv), values::<f64>(xv)), (vec![2], vec![5.0, 14.0]));
        let vv = mlc_tensor_matmul(v, v, FILE, LINE, COL);
        assert_eq!((shape_of(vv), values::<f64>(vv)), (vec![], vec![5.0]));
        for handle in [vy, xv, vv] {
            release(handle);
        }
    }
    // f16: products in f32, rounded once.
    let h: Vec<u16> =
        [1.0f32, 2.0, 3.0, 4.0].iter().map(|&x| mlc_runtime::numbers::f32_to_f16_bits(x)).collect();
    let th = tensor::<u16>("f16", &h, &[2, 2]);
    // SAFETY: live tensors.
    let hh = unsafe { mlc_tensor_matmul(th, th, FILE, LINE, COL) };
    let hv: Vec<f32> =
        values::<u16>(hh).into_iter().map(mlc_runtime::numbers::f16_bits_to_f32).collect();
    assert_eq!(hv, [7.0, 10.0, 15.0, 22.0]);
    for handle in [
        a, b, product, ta, tb, iproduct, x0, y0, x, y, xy, column0, line0, column, line, outer, v,
        th, hh,
    ] {
        release(handle);
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn reductions() {
    let before = live_objects();
    let t = tensor::<f64>("f64", &[1.0, f64::NAN, 3.0], &[3]);
    assert!(reduce::<f64>(t, "max").is_nan());
    assert!(reduce::<f64>(t, "min").is_nan());
    let ints = tensor::<i64>("i64", &[1, 2, 4], &[3]);
    assert_eq!(reduce::<i64>(ints, "mean"), 2);
    let negative = tensor::<i64>("i64", &[-1, -2, -4], &[3]);
    assert_eq!(reduce::<i64>(negative, "mean"), -3);
    let empty = tensor::<f64>("f64", &[], &[0]);
    assert!(reduce::<f64>(empty, "mean").is_nan());
    assert_eq!(reduce::<f64>(empty, "sum"), 0.0);
    let bools = tensor::<u8>("b", &[0, 1, 0], &[3]);
    assert_eq!(
        (reduce::<u8>(bools, "max"), reduce::<u8>(bools, "min"), reduce::<u8>(bools, "sum")),
        (1, 0, 1)
    );
    for handle in [t, ints, negative, empty, bools] {
        release(handle);
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn views_share_their_buffer() {
    let before = live_objects();
    let base = arange(12i64, "i64");
    let grid = reshape(base, &[3, 4]);
    // Reshape of a contiguous tensor is a view: writes show through.
    store(grid, &[0, 0], 100i64);
    assert_eq!(load::<i64>(base, &[0]), 100);
    let slice = |t: Handle, spec: &str, operands: &[i64]| -> Handle {
        // SAFETY: a live tensor with the operands the spec accounts for.
        unsafe {
            mlc_tensor_slice(t, c(spec), operands.as_ptr(), operands.len() as i64, FILE, LINE, COL)
        }
    };
    let row = slice(grid, "i", &[1]);
    assert_eq!((shape_of(row), values::<i64>(row)), (vec![4], vec![4, 5, 6, 7]));
    let column = slice(grid, "s000,i", &[-1]);
    assert_eq!(values::<i64>(column), [3, 7, 11]);
    let block = slice(grid, "s110,s101", &[1, 3, 3, -2]);
    assert_eq!((shape_of(block), values::<i64>(block)), (vec![2, 2], vec![7, 5, 11, 9]));
    store(block, &[0, 0], -7i64);
    assert_eq!(load::<i64>(grid, &[1, 3]), -7);
    let empty = slice(grid, "s110", &[2, 1]);
    assert_eq!(shape_of(empty), [0, 4]);
    // A reshape of a non-contiguous view copies.
    let flat = reshape(column, &[-1]);
    assert_eq!(values::<i64>(flat), [3, -7, 11]);
    let copy = {
        // SAFETY: a live tensor.
        unsafe { mlc_tensor_copy(grid) }
    };
    store(copy, &[0, 0], 5i64);
    assert_eq!(load::<i64>(grid, &[0, 0]), 100);
    assert_eq!(load::<i64>(grid, &[-1, -1]), 11);
    for handle in [base, grid, row, column, block, empty, flat, copy] {
        release(handle);
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn casts_convert_like_scalar_casts() {
    let before = live_objects();
    let t = tensor::<f64>("f64", &[2.75, -2.75, 300.5, f64::NAN, 0.0], &[5]);
    let cast = |t: Handle, elem: &str| -> Handle {
        // SAFETY: a live tensor and a descriptor.
        unsafe { mlc_tensor_cast(t, c(elem), FILE, LINE, COL) }
    };
    let ints = cast(t, "i64");
    assert_eq!(values::<i64>(ints), [2, -2, 300, 0, 0]);
    let bytes = cast(t, "u8");
    assert_eq!(values::<u8>(bytes), [2, 0, 255, 0, 0]);
    let bools = cast(t, "b");
    assert_eq!(values::<u8>(bools), [1, 1, 1, 1, 0]);
    let back = cast(ints, "f32");
    assert_eq!(values::<f32>(back), [2.0, -2.0, 300.0, 0.0, 0.0]);
    let wide = tensor::<i64>("i64", &[300, -1], &[2]);
    let wrapped = cast(wide, "i8");
    assert_eq!(values::<i8>(wrapped), [44, -1]);
    for handle in [t, ints, bytes, bools, back, wide, wrapped] {
        release(handle);
    }
    assert_eq!(live_objects(), before);
}

fn random(shape: &[i64], seed: i64, elem: &str, normal: bool) -> Handle {
    let list = shape_list(shape);
    // SAFETY: a shape list and a descriptor.
    let t = unsafe { mlc_tensor_random(list, seed, c(elem), normal, FILE, LINE, COL) };
    release(list);
    t
}

#[test]
fn random_tensors_are_reproducible_and_in_range() {
    let before = live_objects();
    let (a, b, c2) = (
        random(&[64, 32], 1, "f32", false),
        random(&[64, 32], 1, "f32", false),
        random(&[64, 32], 2, "f32", false),
    );
    assert_eq!(values::<f32>(a), values::<f32>(b));
    assert_ne!(values::<f32>(a), values::<f32>(c2));
    assert!(values::<f32>(a).iter().all(|x| (0.0..1.0).contains(x)));
    let n = random(&[10000], 3, "f64", true);
    let normal = values::<f64>(n);
    let mean = normal.iter().sum::<f64>() / normal.len() as f64;
    let variance = normal.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / normal.len() as f64;
    assert!(mean.abs() < 0.05 && (variance - 1.0).abs() < 0.05, "{mean} {variance}");
    assert!(reduce::<f64>(n, "max") > 1.0 && reduce::<f64>(n, "min") < -1.0);
    let halves = random(&[1000], 9, "f16", false);
    assert!(values::<u16>(halves)
        .into_iter()
        .map(mlc_runtime::numbers::f16_bits_to_f32)
        .all(|x| (0.0..1.0).contains(&x)));
    for handle in [a, b, c2, n, halves] {
        release(handle);
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn loop_level_functions() {
    let before = live_objects();
    let a = tensor::<f64>("f64", &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0], &[2, 3]);
    let row = tensor::<f64>("f64", &[10.0, 20.0, 30.0], &[3]);
    let column = tensor::<f64>("f64", &[100.0, 200.0], &[2, 1]);
    let operands = [a, row, column];
    // SAFETY: live tensors and the space made from them.
    unsafe {
        let space = mlc_tensor_space(operands.as_ptr(), 3, FILE, LINE, COL);
        assert_eq!(mlc_space_size(space), 6);
        let out = mlc_tensor_empty(space, c("f64"));
        assert!(mlc_tensor_is_dense_like(a, space));
        assert!(!mlc_tensor_is_dense_like(row, space));
        for i in 0..6 {
            let mut sum = 0.0;
            for &t in &operands {
                let mut x = 0.0f64;
                mlc_tensor_load_linear(t, space, i, (&raw mut x).cast());
                sum += x;
            }
            mlc_tensor_store_linear(out, i, (&sum as *const f64).cast());
        }
        assert_eq!(values::<f64>(out), [111.0, 122.0, 133.0, 214.0, 225.0, 236.0]);
        assert_eq!(*mlc_tensor_data(a).cast::<f64>().add(4), 5.0);
        release(space);
        release(out);
    }
    for handle in operands {
        release(handle);
    }
    assert_eq!(live_objects(), before);
}

#[test]
fn tensors_print_their_elements() {
    let before = live_objects();
    let a0 = arange(6.0f64, "f64");
    let a = reshape(a0, &[2, 3]);
    assert_eq!(printed(&a, "T[f64]"), "Tensor[f64]([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])");
    let flags = tensor::<u8>("b", &[1, 0], &[2]);
    assert_eq!(printed(&flags, "T[b]"), "Tensor[bool]([True, False])");
    let big = random(&[1024, 1024], 0, "f32", false);
    assert_eq!(printed(&big, "T[f32]"), "Tensor[f32](shape=[1024, 1024])");
    let list = list_of("T[f64]", &[a]);
    assert_eq!(printed(&list, "L[T[f64]]"), "[Tensor[f64]([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])]");
    for handle in [a0, a, flags, big, list] {
        release(handle);
    }
    assert_eq!(live_objects(), before);
}
