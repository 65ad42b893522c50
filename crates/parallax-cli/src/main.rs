//! The `parallax` command: reads news reports and briefs what is really known.
//!
//! `main` stays thin: [`run`] parses the arguments ([`args`]), validates them into a
//! configuration, and hands over to the command. Errors are printed as one line (with their
//! causes), never as a stack trace; exit codes are in [`exit`].

mod args;
mod brief;
mod eval;
mod exit;
mod extract;
mod inputs;
mod output;
mod store_cmd;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("parallax: error: {}", parallax_engine::render::visible(&format!("{e:#}")));
            exit::failure()
        }
    }
}

fn run() -> anyhow::Result<ExitCode> {
    let cli = args::Cli::parse();
    match cli.command {
        args::Command::Brief(raw) => brief::run(brief::Options::validate(raw)?),
        args::Command::Extract(raw) => extract::run(raw),
        args::Command::Ingest(raw) => store_cmd::ingest(raw),
        args::Command::Stories(raw) => store_cmd::stories(raw),
        args::Command::Search(raw) => store_cmd::search(raw),
        args::Command::Watch(raw) => store_cmd::watch(raw),
        args::Command::Serve(raw) => store_cmd::serve(raw),
        args::Command::Token(command) => store_cmd::token(command),
        args::Command::Db(command) => store_cmd::db(command),
        args::Command::Eval(command) => eval::run(command),
    }
}
