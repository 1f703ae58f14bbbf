//! gazette: a language and validator for Chinese people's-congress standing-committee notices.
//!
//! The data flows one way: bytes → [`source`] (decoded, line index) → [`syntax`] (pest parse,
//! lowering) → [`ast`] → [`model`] (what the notices mean) → [`check`] (rules) → [`diagnostic`] → [`render`].

// The parser pest_generator writes without its "std" feature (build.rs) uses `::alloc::…` paths.
extern crate alloc;

pub mod ast;
pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod docs;
pub mod docx;
pub mod domain;
pub mod files;
pub mod fix;
pub mod hash;
pub mod model;
pub mod render;
pub mod report;
pub mod roster;
pub mod server;
pub mod source;
pub mod syntax;
#[cfg(test)]
mod testing;
