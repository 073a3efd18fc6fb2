//! `newsgraph stats`.

use super::open_read_only;
use crate::args::StoreArgs;
use anyhow::Result;
use std::process::ExitCode;

pub fn run(args: StoreArgs) -> Result<ExitCode> {
    let store = open_read_only(&args)?;
    println!("Store {}", args.store.display());
    super::build::print_stats(&store.stats()?);
    Ok(ExitCode::SUCCESS)
}
