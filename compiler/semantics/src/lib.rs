//! The salsa database (being written).
