//! Domain knowledge as data: tables embedded from TOML files beside this module.

pub mod body;
pub mod laws;
pub mod post;
pub mod profile;
pub mod tables;

/// The embedded tables, parsed at build time and written out as Rust (build.rs).
pub(crate) mod embedded {
    use super::tables::*;
    include!(concat!(env!("OUT_DIR"), "/tables.rs"));
}
