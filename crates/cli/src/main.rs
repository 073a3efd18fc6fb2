//! The `newsgraph` command: thin glue over the extract, store, query and dot libraries.

mod args;
mod commands;
mod input;
mod progress;
mod table;

use clap::Parser;
use std::io::ErrorKind;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    match commands::run(cli.command) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`newsgraph dot | head`) is the reader's choice, not an error.
            if err.chain().any(is_broken_pipe) {
                return ExitCode::SUCCESS;
            }
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

/// A closed pipe, however deep in library errors it is wrapped.
fn is_broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    use newsgraph_store::StoreError;
    // Transparent wrappers hide the io::Error from the chain: look inside them.
    let io = match e.downcast_ref::<StoreError>() {
        Some(StoreError::Io(io)) => Some(io),
        Some(StoreError::Serialize(newsgraph_store::SerializerError::Io(io))) => Some(io),
        _ => e.downcast_ref::<std::io::Error>(),
    };
    io.is_some_and(|io| io.kind() == ErrorKind::BrokenPipe)
}
