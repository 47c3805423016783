//! Entity ids and typed arenas, after Cranelift's `cranelift-entity`.
//!
//! Every IR object (op, block, region, value) lives in an [`Arena`] owned by the
//! [`Module`](crate::Module) and is named by a `u32` newtype id. Ids are stable: erasing an
//! op marks it erased but never reuses or moves its slot, so an id held by a pass stays valid.

use std::fmt;
use std::marker::PhantomData;

/// A `u32` newtype usable as an arena index.
pub trait EntityId: Copy + Eq {
    fn new(index: usize) -> Self;
    fn index(self) -> usize;
}

macro_rules! entity_id {
    ($(#[$doc:meta])* $name:ident, $debug_prefix:literal) => {
        $(#[$doc])*
        #[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u32);

        impl EntityId for $name {
            fn new(index: usize) -> Self {
                $name(u32::try_from(index).expect("more than u32::MAX entities"))
            }
            fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($debug_prefix, "{}"), self.0)
            }
        }
    };
}

entity_id!(
    /// An operation. Displays as `op3` (ops have no textual name of their own).
    OpId,
    "op"
);
entity_id!(
    /// A block. Displays as `^bb3`, its spelling in the text when printed on its own.
    BlockId,
    "^bb"
);
entity_id!(
    /// A region. Displays as `region3`.
    RegionId,
    "region"
);
entity_id!(
    /// An SSA value: an op result or a block argument. Displays as `%3`.
    ValueId,
    "%"
);

macro_rules! display_as_debug {
    ($($name:ident),*) => {$(
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self, f)
            }
        }
    )*};
}
display_as_debug!(OpId, BlockId, RegionId, ValueId);

/// A vector indexed by a typed id; entries are never removed.
#[derive(Clone, Debug)]
pub struct Arena<I, T> {
    items: Vec<T>,
    _id: PhantomData<I>,
}

impl<I: EntityId, T> Default for Arena<I, T> {
    fn default() -> Self {
        Arena { items: Vec::new(), _id: PhantomData }
    }
}

impl<I: EntityId, T> Arena<I, T> {
    pub fn push(&mut self, item: T) -> I {
        self.items.push(item);
        I::new(self.items.len() - 1)
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn ids(&self) -> impl Iterator<Item = I> {
        (0..self.items.len()).map(I::new)
    }
}

impl<I: EntityId, T> std::ops::Index<I> for Arena<I, T> {
    type Output = T;
    fn index(&self, id: I) -> &T {
        &self.items[id.index()]
    }
}

impl<I: EntityId, T> std::ops::IndexMut<I> for Arena<I, T> {
    fn index_mut(&mut self, id: I) -> &mut T {
        &mut self.items[id.index()]
    }
}
