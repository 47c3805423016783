//! `a @ b`: the matrix product.
//!
//! Shapes as numpy's `matmul` for 1-d and 2-d operands: `[m, k] @ [k, n] -> [m, n]`,
//! `[k] @ [k, n] -> [n]`, `[m, k] @ [k] -> [m]`, `[k] @ [k] -> []`.
//!
//! `f32` and `f64` use a blocked kernel in the style of BLIS/GotoBLAS: `b` is packed in
//! panels of `NR` columns per block of `KC` rows, `a` in panels of `MR` rows, and a
//! register-tiled micro-kernel accumulates an `MR x NR` tile of `c` over a `KC` block with
//! the innermost loop over contiguous columns, which LLVM vectorizes. The kernel is
//! compiled twice on x86-64, for the baseline and for AVX2 with FMA, chosen at run time.
//! Each element of `c` is the sum over `k` in order (`c = a[i,0]*b[0,j] + ...`, starting from
//! zero), so results do not depend on the blocking or the number of threads; with FMA each
//! step is one fused multiply-add (as BLAS libraries do), so the last bits may differ
//! between a machine with FMA and one without. Large products split the rows of `c` among
//! a few threads (`std::thread::scope`).
//!
//! Integer and `bool` products use a plain `i-k-j` loop with wrapping arithmetic; `f16` and
//! `bf16` multiply in `f32` and round each result once.

use std::ffi::c_char;

use crate::abi::exports;
use crate::object::{self, Handle};
use crate::panic::{panic_at, Loc};

use super::dtype::{dispatch, DType, Element, BF16, F16};
use super::{get, new_tensor, shape_text, TensorObj};

/// Rows of `b` (columns of `a`) per packed block.
const KC: usize = 256;
/// Below this many multiply-adds, one thread.
const PARALLEL_WORK: usize = 1 << 21;
/// At most this many threads.
const MAX_THREADS: usize = 16;

/// A float type the blocked kernel handles.
pub trait GemmFloat: Copy + Send + Sync + 'static {
    const ZERO: Self;
    fn mul_add_plain(a: Self, b: Self, c: Self) -> Self;
    fn mul_add_fused(a: Self, b: Self, c: Self) -> Self;
    /// The AVX2 micro-kernel for a full `MR x NR` tile (`c += a_panel * b_panel` over `kc`
    /// steps), when this type has one for that tile size.
    ///
    /// # Safety
    ///
    /// The CPU has AVX2 and FMA; the panels hold `kc` steps; `c` (row stride `ldc`) holds
    /// the tile.
    #[cfg(target_arch = "x86_64")]
    unsafe fn avx2_tile(
        _kc: usize,
        _a: *const Self,
        _b: *const Self,
        _c: *mut Self,
        _ldc: usize,
        _mr: usize,
        _nr: usize,
    ) -> bool {
        false
    }
}

impl GemmFloat for f32 {
    const ZERO: f32 = 0.0;
    #[inline(always)]
    fn mul_add_plain(a: f32, b: f32, c: f32) -> f32 {
        c + a * b
    }
    #[inline(always)]
    fn mul_add_fused(a: f32, b: f32, c: f32) -> f32 {
        a.mul_add(b, c)
    }
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn avx2_tile(
        kc: usize,
        a: *const f32,
        b: *const f32,
        c: *mut f32,
        ldc: usize,
        mr: usize,
        nr: usize,
    ) -> bool {
        if (mr, nr) != (6, 16) {
            return false;
        }
        // SAFETY: per the trait's contract.
        unsafe { avx2::tile_f32_6x16(kc, a, b, c, ldc) };
        true
    }
}

impl GemmFloat for f64 {
    const ZERO: f64 = 0.0;
    #[inline(always)]
    fn mul_add_plain(a: f64, b: f64, c: f64) -> f64 {
        c + a * b
    }
    #[inline(always)]
    fn mul_add_fused(a: f64, b: f64, c: f64) -> f64 {
        a.mul_add(b, c)
    }
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn avx2_tile(
        kc: usize,
        a: *const f64,
        b: *const f64,
        c: *mut f64,
        ldc: usize,
        mr: usize,
        nr: usize,
    ) -> bool {
        if (mr, nr) != (6, 8) {
            return false;
        }
        // SAFETY: per the trait's contract.
        unsafe { avx2::tile_f64_6x8(kc, a, b, c, ldc) };
        true
    }
}

/// Micro-kernels written with AVX2/FMA intrinsics: twelve accumulator registers hold a
/// `6 x 16` (`f32`) or `6 x 8` (`f64`) tile of `c`; each step loads one row of the `b`
/// panel (two registers), broadcasts each of the six `a` values and adds the products.
#[cfg(target_arch = "x86_64")]
mod avx2 {
    use std::arch::x86_64::*;

    /// # Safety
    ///
    /// AVX2 and FMA are available; `a` holds `6 * kc`, `b` `16 * kc` values; `c` (row
    /// stride `ldc`) a `6 x 16` tile.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn tile_f32_6x16(kc: usize, a: *const f32, b: *const f32, c: *mut f32, ldc: usize) {
        // SAFETY: per the contract above; unaligned loads and stores.
        unsafe {
            let mut acc = [[_mm256_setzero_ps(); 2]; 6];
            for (i, row) in acc.iter_mut().enumerate() {
                row[0] = _mm256_loadu_ps(c.add(i * ldc));
                row[1] = _mm256_loadu_ps(c.add(i * ldc + 8));
            }
            for p in 0..kc {
                let b0 = _mm256_loadu_ps(b.add(p * 16));
                let b1 = _mm256_loadu_ps(b.add(p * 16 + 8));
                for (i, row) in acc.iter_mut().enumerate() {
                    let x = _mm256_broadcast_ss(&*a.add(p * 6 + i));
                    row[0] = _mm256_fmadd_ps(x, b0, row[0]);
                    row[1] = _mm256_fmadd_ps(x, b1, row[1]);
                }
            }
            for (i, row) in acc.iter().enumerate() {
                _mm256_storeu_ps(c.add(i * ldc), row[0]);
                _mm256_storeu_ps(c.add(i * ldc + 8), row[1]);
            }
        }
    }

    /// # Safety
    ///
    /// AVX2 and FMA are available; `a` holds `6 * kc`, `b` `8 * kc` values; `c` (row
    /// stride `ldc`) a `6 x 8` tile.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn tile_f64_6x8(kc: usize, a: *const f64, b: *const f64, c: *mut f64, ldc: usize) {
        // SAFETY: per the contract above; unaligned loads and stores.
        unsafe {
            let mut acc = [[_mm256_setzero_pd(); 2]; 6];
            for (i, row) in acc.iter_mut().enumerate() {
                row[0] = _mm256_loadu_pd(c.add(i * ldc));
                row[1] = _mm256_loadu_pd(c.add(i * ldc + 4));
            }
            for p in 0..kc {
                let b0 = _mm256_loadu_pd(b.add(p * 8));
                let b1 = _mm256_loadu_pd(b.add(p * 8 + 4));
                for (i, row) in acc.iter_mut().enumerate() {
                    let x = _mm256_broadcast_sd(&*a.add(p * 6 + i));
                    row[0] = _mm256_fmadd_pd(x, b0, row[0]);
                    row[1] = _mm256_fmadd_pd(x, b1, row[1]);
                }
            }
            for (i, row) in acc.iter().enumerate() {
                _mm256_storeu_pd(c.add(i * ldc), row[0]);
                _mm256_storeu_pd(c.add(i * ldc + 4), row[1]);
            }
        }
    }
}

/// Packs `kc` rows and `nc` columns of `b` (row stride `ldb`) into panels of `NR`
/// columns: element `(p, j)` of panel `jp` at `jp * NR * kc + p * NR + j % NR`, zero
/// padded.
///
/// # Safety
///
/// `b` holds the block; `packed` has room for `nc` rounded up to `NR`, times `kc`.
#[inline(always)]
unsafe fn pack_b<T: GemmFloat, const NR: usize>(
    kc: usize,
    nc: usize,
    b: *const T,
    ldb: usize,
    packed: &mut [T],
) {
    let out = packed.as_mut_ptr();
    for jp in (0..nc).step_by(NR) {
        let width = NR.min(nc - jp);
        let panel = jp * kc;
        for p in 0..kc {
            // SAFETY: within the block and the packed buffer.
            unsafe {
                let row = b.add(p * ldb + jp);
                let dst = out.add(panel + p * NR);
                for j in 0..width {
                    *dst.add(j) = *row.add(j);
                }
                for j in width..NR {
                    *dst.add(j) = T::ZERO;
                }
            }
        }
    }
}

/// Packs `mc` rows and `kc` columns of `a` (row stride `lda`) into panels of `MR` rows:
/// element `(i, p)` of panel `ip` at `ip * kc + p * MR + i % MR`, zero padded.
///
/// # Safety
///
/// `a` holds the block; `packed` has room for `mc` rounded up to `MR`, times `kc`.
#[inline(always)]
unsafe fn pack_a<T: GemmFloat, const MR: usize>(
    mc: usize,
    kc: usize,
    a: *const T,
    lda: usize,
    packed: &mut [T],
) {
    let out = packed.as_mut_ptr();
    for ip in (0..mc).step_by(MR) {
        let height = MR.min(mc - ip);
        let panel = ip * kc;
        for p in 0..kc {
            // SAFETY: within the block and the packed buffer.
            unsafe {
                let dst = out.add(panel + p * MR);
                for i in 0..height {
                    *dst.add(i) = *a.add((ip + i) * lda + p);
                }
                for i in height..MR {
                    *dst.add(i) = T::ZERO;
                }
            }
        }
    }
}

/// `c[0..mr, 0..nr] += a_panel * b_panel` over `kc` steps, in registers.
///
/// # Safety
///
/// The panels hold `kc` steps; `c` (row stride `ldc`) holds the `mr x nr` tile.
#[inline(always)]
unsafe fn micro_kernel<T: GemmFloat, const MR: usize, const NR: usize, const FMA: bool>(
    kc: usize,
    a: *const T,
    b: *const T,
    c: *mut T,
    ldc: usize,
    mr: usize,
    nr: usize,
) {
    #[cfg(target_arch = "x86_64")]
    if FMA {
        // The AVX2 build: full tiles in registers; edge tiles through a padded copy.
        // SAFETY: `FMA` is only set in the AVX2 + FMA build on x86-64; per the contract.
        unsafe {
            if mr == MR && nr == NR {
                if T::avx2_tile(kc, a, b, c, ldc, MR, NR) {
                    return;
                }
            } else {
                let mut tile = [[T::ZERO; NR]; MR];
                for (i, row) in tile.iter_mut().enumerate().take(mr) {
                    for (j, slot) in row.iter_mut().enumerate().take(nr) {
                        *slot = *c.add(i * ldc + j);
                    }
                }
                let padded = tile.as_mut_ptr().cast::<T>();
                if T::avx2_tile(kc, a, b, padded, NR, MR, NR) {
                    for (i, row) in tile.iter().enumerate().take(mr) {
                        for (j, value) in row.iter().enumerate().take(nr) {
                            *c.add(i * ldc + j) = *value;
                        }
                    }
                    return;
                }
            }
        }
    }
    let mut acc = [[T::ZERO; NR]; MR];
    // SAFETY: per the contract above.
    unsafe {
        if mr == MR && nr == NR {
            for (i, row) in acc.iter_mut().enumerate() {
                for (j, slot) in row.iter_mut().enumerate() {
                    *slot = *c.add(i * ldc + j);
                }
            }
        } else {
            for (i, row) in acc.iter_mut().enumerate().take(mr) {
                for (j, slot) in row.iter_mut().enumerate().take(nr) {
                    *slot = *c.add(i * ldc + j);
                }
            }
        }
        for p in 0..kc {
            let bp = &*b.add(p * NR).cast::<[T; NR]>();
            let ap = &*a.add(p * MR).cast::<[T; MR]>();
            for i in 0..MR {
                let x = ap[i];
                for j in 0..NR {
                    acc[i][j] = if FMA {
                        T::mul_add_fused(x, bp[j], acc[i][j])
                    } else {
                        T::mul_add_plain(x, bp[j], acc[i][j])
                    };
                }
            }
        }
        if mr == MR && nr == NR {
            for (i, row) in acc.iter().enumerate() {
                for (j, value) in row.iter().enumerate() {
                    *c.add(i * ldc + j) = *value;
                }
            }
        } else {
            for (i, row) in acc.iter().enumerate().take(mr) {
                for (j, value) in row.iter().enumerate().take(nr) {
                    *c.add(i * ldc + j) = *value;
                }
            }
        }
    }
}

/// `c += a @ b` for row-major `a` (`m x k`), `b` (`k x n`), `c` (`m x n`).
///
/// # Safety
///
/// The pointers hold matrices of those shapes; `c` does not overlap them.
#[inline(always)]
unsafe fn gemm_blocked<T: GemmFloat, const MR: usize, const NR: usize, const FMA: bool>(
    m: usize,
    n: usize,
    k: usize,
    a: *const T,
    b: *const T,
    c: *mut T,
) {
    let mc_max = MR * 16;
    let nc_max = NR * 128;
    let nc_alloc = n.min(nc_max).div_ceil(NR) * NR;
    let mut packed_b = vec![T::ZERO; KC.min(k.max(1)) * nc_alloc];
    let mut packed_a = vec![T::ZERO; mc_max.min(m.div_ceil(MR) * MR) * KC.min(k.max(1))];
    for jc in (0..n).step_by(nc_max) {
        let nc = nc_max.min(n - jc);
        for pc in (0..k).step_by(KC) {
            let kc = KC.min(k - pc);
            // SAFETY: the block is within `b`; the buffer is large enough.
            unsafe { pack_b::<T, NR>(kc, nc, b.add(pc * n + jc), n, &mut packed_b) };
            for ic in (0..m).step_by(mc_max) {
                let mc = mc_max.min(m - ic);
                // SAFETY: the block is within `a`; the buffer is large enough.
                unsafe { pack_a::<T, MR>(mc, kc, a.add(ic * k + pc), k, &mut packed_a) };
                for jr in (0..nc).step_by(NR) {
                    let nr = NR.min(nc - jr);
                    for ir in (0..mc).step_by(MR) {
                        let mr = MR.min(mc - ir);
                        // SAFETY: panels within the packed buffers; the tile within `c`.
                        unsafe {
                            micro_kernel::<T, MR, NR, FMA>(
                                kc,
                                packed_a.as_ptr().add(ir * kc),
                                packed_b.as_ptr().add(jr * kc),
                                c.add((ic + ir) * n + jc + jr),
                                n,
                                mr,
                                nr,
                            )
                        };
                    }
                }
            }
        }
    }
}

/// The AVX2 + FMA build of the kernel.
///
/// # Safety
///
/// As [`gemm_blocked`]; the CPU supports AVX2 and FMA.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn gemm_avx2<T: GemmFloat, const MR: usize, const NR: usize>(
    m: usize,
    n: usize,
    k: usize,
    a: *const T,
    b: *const T,
    c: *mut T,
) {
    // SAFETY: per the contract above.
    unsafe { gemm_blocked::<T, MR, NR, true>(m, n, k, a, b, c) }
}

/// The kernel for this CPU.
///
/// # Safety
///
/// As [`gemm_blocked`].
unsafe fn gemm_dispatch<T: GemmFloat, const MR: usize, const NR: usize>(
    m: usize,
    n: usize,
    k: usize,
    a: *const T,
    b: *const T,
    c: *mut T,
) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the features were detected; the rest per the contract.
            return unsafe { gemm_avx2::<T, MR, NR>(m, n, k, a, b, c) };
        }
        // SAFETY: per the contract above.
        unsafe { gemm_blocked::<T, MR, NR, false>(m, n, k, a, b, c) }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        // aarch64 and others: fused multiply-add is part of the base instruction set there
        // (`mul_add` would be a library call elsewhere, so only aarch64 uses it).
        // SAFETY: per the contract above.
        unsafe { gemm_blocked::<T, MR, NR, { cfg!(target_arch = "aarch64") }>(m, n, k, a, b, c) }
    }
}

/// A pointer that may cross to a worker thread (each thread writes disjoint rows).
#[derive(Clone, Copy)]
struct SendPtr<T>(*mut T);
// SAFETY: the threads of `gemm` read shared inputs and write disjoint rows of `c`.
unsafe impl<T> Send for SendPtr<T> {}
// SAFETY: as above.
unsafe impl<T> Sync for SendPtr<T> {}

fn thread_count(m: usize, n: usize, k: usize, mr: usize) -> usize {
    let work = m.saturating_mul(n).saturating_mul(k);
    if work < PARALLEL_WORK {
        return 1;
    }
    let available = std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS);
    available.min(work / PARALLEL_WORK).min(m.div_ceil(mr)).max(1)
}

/// `c += a @ b` (`c` zeroed by the caller for a plain product), on several threads when
/// large.
///
/// # Safety
///
/// As [`gemm_blocked`].
pub unsafe fn gemm<T: GemmFloat, const MR: usize, const NR: usize>(
    m: usize,
    n: usize,
    k: usize,
    a: *const T,
    b: *const T,
    c: *mut T,
) {
    let threads = thread_count(m, n, k, MR);
    if threads <= 1 {
        // SAFETY: per the contract above.
        unsafe { gemm_dispatch::<T, MR, NR>(m, n, k, a, b, c) };
        return;
    }
    let rows_per_thread = m.div_ceil(threads).div_ceil(MR) * MR;
    let (a, b, c) = (SendPtr(a.cast_mut()), SendPtr(b.cast_mut()), SendPtr(c));
    std::thread::scope(|scope| {
        for start in (0..m).step_by(rows_per_thread) {
            let rows = rows_per_thread.min(m - start);
            scope.spawn(move || {
                let (a, b, c) = (a, b, c);
                // SAFETY: rows `start..start + rows` of `a` and `c`; threads write
                // disjoint rows of `c`.
                unsafe {
                    gemm_dispatch::<T, MR, NR>(
                        rows,
                        n,
                        k,
                        a.0.add(start * k),
                        b.0,
                        c.0.add(start * n),
                    )
                };
            });
        }
    });
}

/// `c += a @ b` with the element type's own (wrapping) arithmetic, `i-k-j` order.
///
/// # Safety
///
/// As [`gemm_blocked`].
unsafe fn gemm_simple<T: Element>(
    m: usize,
    n: usize,
    k: usize,
    a: *const T,
    b: *const T,
    c: *mut T,
) {
    for i in 0..m {
        for p in 0..k {
            // SAFETY: indices within the matrices.
            unsafe {
                let x = *a.add(i * k + p);
                let row = b.add(p * n);
                let out = c.add(i * n);
                for j in 0..n {
                    *out.add(j) = (*out.add(j)).add(x.mul(*row.add(j)));
                }
            }
        }
    }
}

/// Contiguous data of a tensor: the tensor itself (retained) or a copy.
fn contiguous(tensor: &TensorObj, handle: Handle) -> Handle {
    if tensor.is_contiguous() {
        // SAFETY: a live tensor; the caller releases this reference.
        unsafe { object::retain(handle) };
        handle
    } else {
        tensor.copy()
    }
}

/// A half-precision product through `f32`.
///
/// # Safety
///
/// As [`gemm_blocked`].
unsafe fn gemm_half<T: Element>(m: usize, n: usize, k: usize, a: *const T, b: *const T, c: *mut T) {
    let widen = |p: *const T, count: usize| -> Vec<f32> {
        // SAFETY: `count` elements at `p`.
        (0..count).map(|i| unsafe { (*p.add(i)).to_f64() } as f32).collect()
    };
    let (x, y) = (widen(a, m * k), widen(b, k * n));
    let mut z = vec![0f32; m * n];
    // SAFETY: buffers of the right sizes.
    unsafe { gemm::<f32, 6, 16>(m, n, k, x.as_ptr(), y.as_ptr(), z.as_mut_ptr()) };
    for (i, value) in z.into_iter().enumerate() {
        // SAFETY: `i < m * n`.
        unsafe { *c.add(i) = T::from_f64(f64::from(value)) };
    }
}

/// `a @ b`.
///
/// # Safety
///
/// Both handles are live tensors.
pub unsafe fn matmul(a_handle: Handle, b_handle: Handle, loc: Loc) -> Handle {
    // SAFETY: live tensors.
    let (a, b) = unsafe { (get(a_handle), get(b_handle)) };
    if a.dtype() != b.dtype() {
        crate::panic::internal("matmul of tensors of different element types");
    }
    let (ra, rb) = (a.rank(), b.rank());
    if !(1..=2).contains(&ra) || !(1..=2).contains(&rb) {
        panic_at(
            &format!(
                "matmul needs 1-d or 2-d tensors, found shapes {} and {}",
                shape_text(a.shape()),
                shape_text(b.shape())
            ),
            loc,
        );
    }
    let (m, k) = if ra == 2 { (a.shape()[0], a.shape()[1]) } else { (1, a.shape()[0]) };
    let (k2, n) = if rb == 2 { (b.shape()[0], b.shape()[1]) } else { (b.shape()[0], 1) };
    if k != k2 {
        panic_at(
            &format!(
                "matmul shapes {} and {} do not match ({k} != {k2})",
                shape_text(a.shape()),
                shape_text(b.shape())
            ),
            loc,
        );
    }
    let mut shape = Vec::new();
    if ra == 2 {
        shape.push(m);
    }
    if rb == 2 {
        shape.push(n);
    }
    let result = new_tensor(a.dtype(), shape, Some(loc));
    let (x, y) = (contiguous(a, a_handle), contiguous(b, b_handle));
    let (m, n, k) = (m as usize, n as usize, k as usize);
    // SAFETY: contiguous inputs of the checked shapes and a fresh zeroed output.
    unsafe {
        let (pa, pb, pc) = (get(x).data(), get(y).data(), get(result).data());
        match a.dtype() {
            DType::F32 => gemm::<f32, 6, 16>(m, n, k, pa.cast(), pb.cast(), pc.cast()),
            DType::F64 => gemm::<f64, 6, 8>(m, n, k, pa.cast(), pb.cast(), pc.cast()),
            DType::F16 => gemm_half::<F16>(m, n, k, pa.cast(), pb.cast(), pc.cast()),
            DType::BF16 => gemm_half::<BF16>(m, n, k, pa.cast(), pb.cast(), pc.cast()),
            other => {
                dispatch!(other, T => gemm_simple::<T>(m, n, k, pa.cast(), pb.cast(), pc.cast()))
            }
        }
        object::release(x);
        object::release(y);
    }
    result
}

exports! {
    /// `a @ b`.
    fn mlc_tensor_matmul(a: Handle, b: Handle, file: *const c_char, line: i32, col: i32) -> Handle {
        // Long native work: Python's threads may run meanwhile.
        // SAFETY: live tensors.
        crate::python::without_gil(|| unsafe { matmul(a, b, Loc::new(file, line, col)) })
    }
}
