//! cvmatch: batch CV shortlisting against a structured job profile.
//!
//! Data flows one way through small stages, each a module with a typed interface:
//! ingest → extract → lang → index → score → rank → report. The orchestration (worker
//! processes, threads, progress) lives in [`app`], never inside a stage.
#![deny(missing_docs)]

pub mod analysis;
pub mod app;
pub mod atomic;
pub mod cli;
pub mod commands;
pub mod config;
pub mod content_hash;
pub mod error;
pub mod eval;
pub mod extract;
pub mod facts;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod profile;
pub mod rank;
pub mod report;
pub mod score;
pub mod status;
pub mod store;
mod text;
mod text_map;
