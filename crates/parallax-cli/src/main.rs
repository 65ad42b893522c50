//! The `parallax` command: reads news reports and briefs what is really known.
//!
//! `main` stays thin: [`run`] parses the arguments ([`args`]), validates them into a
//! configuration, and hands over to the command. Errors are printed as one line (with their
//! causes), never as a stack trace; exit codes are in [`exit`].

mod args;
mod brief;
mod eval;
mod eval_brief;
mod eval_claims;
mod eval_extract;
mod eval_quotes;
mod eval_stories;
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
            eprintln!("parallax: error: {e:#}");
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
        args::Command::Watch(raw) => store_cmd::watch(raw),
        args::Command::Eval(args::EvalCommand::Stories(raw)) => eval_stories::stories(&raw),
        args::Command::Eval(args::EvalCommand::Reuse(raw)) => eval::reuse(&raw),
        args::Command::Eval(args::EvalCommand::Quotes(raw)) => eval_quotes::quotes(&raw),
        args::Command::Eval(args::EvalCommand::Extract(raw)) => eval_extract::extract(&raw),
        args::Command::Eval(args::EvalCommand::Claims(raw)) => eval_claims::claims(&raw),
        args::Command::Eval(args::EvalCommand::Brief(raw)) => eval_brief::brief(&raw),
        args::Command::Eval(args::EvalCommand::Events(raw)) => eval_events(&raw),
    }
}

/// `parallax eval events`: the evaluation lives in `parallax-eval`; this prints its report.
fn eval_events(args: &args::EvalEventsArgs) -> anyhow::Result<ExitCode> {
    use anyhow::Context as _;
    let scores = parallax_eval::events::run(&args.bench)
        .with_context(|| format!("cannot evaluate the events in {}", args.bench.display()))?;
    if args.json {
        println!("{:#}", parallax_eval::events::report_json(&scores, args.errors));
    } else {
        print!("{}", parallax_eval::events::report(&scores, args.errors));
    }
    Ok(exit::SUCCESS)
}
