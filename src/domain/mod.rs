//! Domain knowledge as data: tables embedded from TOML files beside this module.

pub mod body;
pub mod laws;
pub mod post;
pub mod profile;
