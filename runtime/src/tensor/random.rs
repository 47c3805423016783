//! `rand` and `randn`: tensors of random floats, reproducible for a seed.
//!
//! The generator is splitmix64 (Steele, Lea and Flood; the seeding generator of the
//! xoshiro family): the state advances by a constant and each output is the state mixed.
//! It is small, fast, passes BigCrush, and every seed (0 included) is a good one. Values
//! fill the tensor in row-major order.
//!
//! Uniform values in `[0, 1)` take as many random bits as the type has significand bits
//! (`k * 2^-bits`), so they are exact and never round up to 1. Normal values use the
//! Box-Muller transform on two uniform `f64`s (`1 - u` as the logarithm's argument, so it is
//! never 0), both outputs used, then rounded to the element type.

use std::ffi::c_char;

use crate::abi::exports;
use crate::desc;
use crate::object::Handle;
use crate::panic::{panic_at, Loc};

use super::dtype::{DType, Element, Scalar, BF16, F16};
use super::{get, new_tensor, shape_from_list};

/// The splitmix64 generator.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        crate::value::mix(self.state)
    }

    /// Uniform in `[0, 1)` with `bits` random bits (at most 53).
    pub fn uniform_bits(&mut self, bits: u32) -> f64 {
        (self.next_u64() >> (64 - bits)) as f64 * (-f64::from(bits)).exp2()
    }

    /// A pair of independent standard normal values.
    pub fn normal_pair(&mut self) -> (f64, f64) {
        let u1 = 1.0 - self.uniform_bits(53);
        let u2 = self.uniform_bits(53);
        let radius = (-2.0 * u1.ln()).sqrt();
        let angle = std::f64::consts::TAU * u2;
        (radius * angle.cos(), radius * angle.sin())
    }
}

/// Significand bits of a float type (what a uniform value in `[0, 1)` can hold exactly).
fn significand_bits(dtype: DType) -> u32 {
    match dtype {
        DType::F16 => 11,
        DType::BF16 => 8,
        DType::F32 => 24,
        _ => 53,
    }
}

fn fill<T: Element>(data: *mut u8, count: usize, seed: i64, normal: bool) {
    let mut rng = SplitMix64::new(seed as u64);
    let bits = significand_bits(T::DTYPE);
    let out = data.cast::<T>();
    let mut i = 0;
    while i < count {
        if normal {
            let (first, second) = rng.normal_pair();
            // SAFETY: `i < count` elements of `T`.
            unsafe { *out.add(i) = T::from_scalar(Scalar::Float(first)) };
            if i + 1 < count {
                // SAFETY: as above.
                unsafe { *out.add(i + 1) = T::from_scalar(Scalar::Float(second)) };
            }
            i += 2;
        } else {
            // SAFETY: `i < count` elements of `T`; the value is exact in `T`.
            unsafe { *out.add(i) = T::from_scalar(Scalar::Float(rng.uniform_bits(bits))) };
            i += 1;
        }
    }
}

exports! {
    /// `rand[T](shape, seed)` (`normal` false: uniform in `[0, 1)`) or `randn[T](shape,
    /// seed)` (`normal` true: standard normal). Float element types only.
    fn mlc_tensor_random(shape: Handle, seed: i64, elem: *const c_char, normal: bool, file: *const c_char, line: i32, col: i32) -> Handle {
        let loc = Loc::new(file, line, col);
        // SAFETY: a descriptor string and a live `List[i64]`.
        let (dtype, shape) = unsafe { (super::dtype_of(desc::from_cstr(elem)), shape_from_list(shape, loc)) };
        let handle = new_tensor(dtype, shape, Some(loc));
        // SAFETY: the tensor we just made: contiguous, `numel` elements of `dtype`.
        let tensor = unsafe { get(handle) };
        let (data, count) = (tensor.data(), tensor.numel());
        match dtype {
            DType::F16 => fill::<F16>(data, count, seed, normal),
            DType::BF16 => fill::<BF16>(data, count, seed, normal),
            DType::F32 => fill::<f32>(data, count, seed, normal),
            DType::F64 => fill::<f64>(data, count, seed, normal),
            other => panic_at(
                &format!("random tensors need a float element type, not {}", other.name()),
                loc,
            ),
        }
        handle
    }
}

#[cfg(test)]
mod tests {
    use super::SplitMix64;

    #[test]
    fn splitmix64_reference_values() {
        // The reference sequence for seed 1234567 (Vigna's splitmix64.c).
        let mut rng = SplitMix64::new(1234567);
        assert_eq!(rng.next_u64(), 6457827717110365317);
        assert_eq!(rng.next_u64(), 3203168211198807973);
        assert_eq!(rng.next_u64(), 9817491932198370423);
    }

    #[test]
    fn uniform_stays_below_one() {
        let mut rng = SplitMix64::new(0);
        for bits in [8, 11, 24, 53] {
            for _ in 0..10_000 {
                let x = rng.uniform_bits(bits);
                assert!((0.0..1.0).contains(&x));
            }
        }
    }
}
