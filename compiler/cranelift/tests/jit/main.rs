//! The Cranelift back end on hand-written low-form modules: each test parses a module,
//! verifies it, compiles it and calls its functions through transmuted pointers.

mod common;

mod aggregates;
mod arith;
mod calls;
mod casts;
mod control;
mod floats;
mod memory;
mod narrow_floats;
