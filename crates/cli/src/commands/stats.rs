//! `newsgraph stats`.

use super::open_read_only;
use crate::args::StoreArgs;
use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: StoreArgs) -> Result<ExitCode> {
    let store = open_read_only(&args)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "Store {}", args.store.display())?;
    super::build::print_stats(&store.stats()?, &mut out)?;
    Ok(ExitCode::SUCCESS)
}
