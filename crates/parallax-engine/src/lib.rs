//! placeholder
pub mod ingest;
pub mod text;
