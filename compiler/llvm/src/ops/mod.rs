//! The translation of each dialect's ops, as `impl FunctionTranslator` blocks.
//!
//! - `arith`: constants, integer and float arithmetic, comparisons, `select`, casts;
//! - `narrow`: f16 and bf16, computed in f32 and rounded back after each operation;
//! - `math`: LLVM intrinsics or the C library;
//! - `aggregates`: `agg.make/extract/insert` on literal structs;
//! - `memory`: `mem.alloca/load/store` and the register/memory forms of values;
//! - `calls`: `func.call`, `ll.call` and the C ABI;
//! - `ll`: the rest of the `ll` dialect.

mod aggregates;
mod arith;
pub(crate) mod calls;
mod ll;
mod math;
mod memory;
mod narrow;
