//! Shared machinery of the data-driven test suites that live in this folder.
pub mod expect;
pub mod fuzz;
pub mod parser;
pub mod ui;
