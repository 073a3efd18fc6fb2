//! End-to-end tests of the `newsgraph` binary: what a user types, what they see.

mod bad_input;
mod build;
mod dot;
mod queries;
mod repl;
mod serve;
mod sparql;
mod support;
