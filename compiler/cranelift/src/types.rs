//! IR types as Cranelift values and as bytes in memory.
//!
//! Every IR value becomes a list of *leaves*, one Cranelift value per scalar, in field order
//! (aggregates are flattened, `tuple<>` has none). The same walk gives the C layout of
//! `docs/runtime.md` ("Layout"): each leaf at the next offset aligned to its alignment, an
//! aggregate's size rounded up to its largest alignment, so memory ops, return areas and
//! `mem.alloca` share one computation.

use std::collections::HashMap;

use cranelift_codegen::ir::types;
use mlc_ir::dialect::agg;
use mlc_ir::{FloatKind, Module, Type};

/// One leaf: what a scalar IR type is in registers and in memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Scalar {
    /// `iN`/`uN` of 8 to 64 bits, and `index` (signed, 64 bits).
    Int {
        bits: u8,
        signed: bool,
    },
    /// `i1`: an `i8` holding 0 or 1, one byte in memory.
    Bool,
    /// f16/bf16: an `f32` holding a value of the narrow type; 2 bytes in memory.
    F16,
    BF16,
    F32,
    F64,
    /// Handles, `!mem.ref`, `!ll.ptr`: a pointer.
    Ptr,
}

impl Scalar {
    /// The Cranelift type of the value in registers.
    pub(crate) fn clif(self, pointer: types::Type) -> types::Type {
        match self {
            Scalar::Int { bits: 8, .. } | Scalar::Bool => types::I8,
            Scalar::Int { bits: 16, .. } => types::I16,
            Scalar::Int { bits: 32, .. } => types::I32,
            Scalar::Int { .. } => types::I64,
            Scalar::F16 | Scalar::BF16 | Scalar::F32 => types::F32,
            Scalar::F64 => types::F64,
            Scalar::Ptr => pointer,
        }
    }

    /// Bytes in memory, which is also the alignment (scalars are aligned to their size).
    pub(crate) fn size(self, pointer_bytes: u32) -> u32 {
        match self {
            Scalar::Int { bits, .. } => u32::from(bits) / 8,
            Scalar::Bool => 1,
            Scalar::F16 | Scalar::BF16 => 2,
            Scalar::F32 => 4,
            Scalar::F64 => 8,
            Scalar::Ptr => pointer_bytes,
        }
    }

    /// Whether the value lives in a float register (for the register budget of returns).
    pub(crate) fn is_float(self) -> bool {
        matches!(self, Scalar::F16 | Scalar::BF16 | Scalar::F32 | Scalar::F64)
    }

    /// The scalar of a non-aggregate type, `None` for tuples, structs and `none`.
    pub(crate) fn of(ty: &Type) -> Result<Option<Scalar>, String> {
        let integer = |bits: u32, signed: bool| match bits {
            1 => Ok(Some(Scalar::Bool)),
            8 | 16 | 32 | 64 => Ok(Some(Scalar::Int { bits: bits as u8, signed })),
            _ => Err(format!("integers of {bits} bits are not supported")),
        };
        match ty {
            Type::Int(bits) => integer(*bits, true),
            Type::UInt(bits) => integer(*bits, false),
            Type::Index => Ok(Some(Scalar::Int { bits: 64, signed: true })),
            Type::Float(FloatKind::F16) => Ok(Some(Scalar::F16)),
            Type::Float(FloatKind::BF16) => Ok(Some(Scalar::BF16)),
            Type::Float(FloatKind::F32) => Ok(Some(Scalar::F32)),
            Type::Float(FloatKind::F64) => Ok(Some(Scalar::F64)),
            Type::Ptr | Type::MemRef { .. } => Ok(Some(Scalar::Ptr)),
            other if other.is_handle() => Ok(Some(Scalar::Ptr)),
            Type::Tuple(_) | Type::Struct(_) | Type::None => Ok(None),
            other => Err(format!("values of type {other} are not in the low form")),
        }
    }
}

/// Where the leaves of a type sit in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Layout {
    pub size: u32,
    pub align: u32,
    /// `(offset, scalar)` per leaf, in leaf order.
    pub leaves: Vec<(u32, Scalar)>,
}

impl Layout {
    pub(crate) fn scalars(&self) -> Vec<Scalar> {
        self.leaves.iter().map(|&(_, scalar)| scalar).collect()
    }
}

/// Deeper nesting than this is a struct that contains itself by value (no finite layout).
const MAX_NESTING: usize = 64;

/// Layouts of the module's types, cached (struct fields come from its `builtin.struct`s).
pub(crate) struct Types<'m> {
    module: &'m Module,
    pointer_bytes: u32,
    cache: HashMap<Type, Layout>,
}

impl<'m> Types<'m> {
    pub(crate) fn new(module: &'m Module, pointer_bytes: u32) -> Types<'m> {
        Types { module, pointer_bytes, cache: HashMap::new() }
    }

    /// The C layout of `ty` (a scalar is one leaf at offset 0).
    pub(crate) fn layout(&mut self, ty: &Type) -> Result<Layout, String> {
        if let Some(layout) = self.cache.get(ty) {
            return Ok(layout.clone());
        }
        let layout = self.compute(ty, 0)?;
        self.cache.insert(ty.clone(), layout.clone());
        Ok(layout)
    }

    fn compute(&self, ty: &Type, depth: usize) -> Result<Layout, String> {
        if depth > MAX_NESTING {
            return Err(format!("{ty} is nested too deeply (a struct containing itself?)"));
        }
        if let Some(scalar) = Scalar::of(ty)? {
            let size = scalar.size(self.pointer_bytes);
            return Ok(Layout { size, align: size, leaves: vec![(0, scalar)] });
        }
        let elements = match ty {
            Type::None => Vec::new(),
            _ => agg::element_types(self.module, ty)?,
        };
        let fields: Vec<Layout> =
            elements.iter().map(|e| self.compute(e, depth + 1)).collect::<Result<_, _>>()?;
        Ok(concatenate(&fields))
    }

    /// The leaves of `ty`, in order.
    pub(crate) fn leaves(&mut self, ty: &Type) -> Result<Vec<Scalar>, String> {
        Ok(self.layout(ty)?.scalars())
    }

    /// The leaves of several values, concatenated (parameters, block arguments).
    pub(crate) fn leaves_of_all(&mut self, tys: &[Type]) -> Result<Vec<Scalar>, String> {
        let mut all = Vec::new();
        for ty in tys {
            all.extend(self.leaves(ty)?);
        }
        Ok(all)
    }

    /// For each element of a tuple or struct, the range of its leaves in the aggregate's.
    pub(crate) fn element_ranges(
        &mut self,
        aggregate: &Type,
    ) -> Result<Vec<std::ops::Range<usize>>, String> {
        let mut ranges = Vec::new();
        let mut start = 0;
        for element in agg::element_types(self.module, aggregate)? {
            let count = self.leaves(&element)?.len();
            ranges.push(start..start + count);
            start += count;
        }
        Ok(ranges)
    }
}

/// The layout of a C struct whose fields have these layouts, in order.
pub(crate) fn concatenate(fields: &[Layout]) -> Layout {
    let mut offset = 0u32;
    let mut align = 1u32;
    let mut leaves = Vec::new();
    for field in fields {
        offset = offset.next_multiple_of(field.align);
        leaves.extend(field.leaves.iter().map(|&(o, scalar)| (offset + o, scalar)));
        offset += field.size;
        align = align.max(field.align);
    }
    Layout { size: offset.next_multiple_of(align), align, leaves }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c_layout_of_nested_tuples() {
        let module = Module::new();
        let mut types = Types::new(&module, 8);
        // (f64, i1, i64, (i8, f32)): 0, 8, 16, then the inner tuple at 24 (i8) and 28 (f32).
        let ty = Type::Tuple(vec![
            Type::F64,
            Type::I1,
            Type::I64,
            Type::Tuple(vec![Type::Int(8), Type::Float(FloatKind::F32)]),
        ]);
        let layout = types.layout(&ty).unwrap();
        let offsets: Vec<u32> = layout.leaves.iter().map(|&(o, _)| o).collect();
        assert_eq!(offsets, [0, 8, 16, 24, 28]);
        assert_eq!((layout.size, layout.align), (32, 8));
        let empty = types.layout(&Type::Tuple(vec![])).unwrap();
        assert_eq!((empty.size, empty.align, empty.leaves.len()), (0, 1, 0));
        let half = types.layout(&Type::Tuple(vec![Type::Int(8), Type::Float(FloatKind::F16)]));
        assert_eq!(
            half.unwrap().leaves,
            [(0, Scalar::Int { bits: 8, signed: true }), (2, Scalar::F16)]
        );
    }
}
