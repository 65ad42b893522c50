//! placeholder
pub mod extract;
pub mod ingest;
pub mod pipeline;
pub mod render;
pub mod text;
