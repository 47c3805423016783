//! Shared machinery of the data-driven test suites that live in this folder.
pub mod expect;
pub mod filecheck;
pub mod fuzz;
pub mod lit;
pub mod parser;
pub mod ui;
