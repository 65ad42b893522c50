//! `parallax eval`: each subcommand's arguments made into the options of its `parallax-eval`
//! module, which measures and prints. The only evaluation code here is what belongs to the
//! command line: reading the reuse corpus with the CLI's own input reader and progress bar.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Context as _;
use parallax_eval::{brief, claims, events, extract, quotes, reuse, stories};
use parallax_model::RawDoc;

use crate::args::{EvalCommand, EvalEventsArgs};
use crate::{exit, inputs, output};

/// Runs `parallax eval <command>`.
pub(crate) fn run(command: EvalCommand) -> anyhow::Result<ExitCode> {
    match command {
        EvalCommand::Events(args) => print_events(&args)?,
        EvalCommand::Reuse(args) => reuse::run(
            &reuse::Options { dir: args.dir, shingles_out: args.shingles_out, json: args.json },
            read_corpus,
        )?,
        EvalCommand::Quotes(args) => quotes::run(&quotes::Options {
            bench: args.bench,
            splits: splits(&args.splits),
            json: args.json,
            errors: args.errors,
        })?,
        EvalCommand::Extract(args) => {
            extract::run(&extract::Options {
                bench: args.bench,
                json: args.json,
                errors: args.errors,
                folds: args.folds,
            })?;
        }
        EvalCommand::Claims(args) => {
            claims::run(&claims::Options { bench: args.bench, json: args.json, sweep: args.sweep })?;
        }
        EvalCommand::Brief(args) => brief::run(&brief::Options { bench: args.bench, json: args.json })?,
        EvalCommand::Stories(args) if args.train.is_some() => {
            let out = args.train.unwrap_or_default();
            stories::train(&args.train_benches, &out)?;
        }
        EvalCommand::Stories(args) => {
            stories::run(&stories::Options {
                bench: args.bench,
                json: args.json,
                sweep: args.sweep,
                feeds: args.feeds,
                folds: args.folds,
            })?;
        }
    }
    Ok(exit::SUCCESS)
}

/// `parallax eval events`: prints the report of what `parallax_eval::events` returns.
fn print_events(args: &EvalEventsArgs) -> anyhow::Result<()> {
    let scores = events::run(&args.bench)
        .with_context(|| format!("cannot evaluate the events in {}", args.bench.display()))?;
    if args.json {
        println!("{:#}", events::report_json(&scores, args.errors));
    } else {
        print!("{}", events::report(&scores, args.errors));
    }
    Ok(())
}

/// The reuse corpus, read as `parallax brief` reads a JSON Lines file (default limits, no
/// `--date`), with a progress bar while it is read.
fn read_corpus(corpus: &Path) -> Vec<RawDoc> {
    let progress = output::progress(1);
    let read = inputs::read_all(&inputs::Reading::defaults(vec![corpus.to_path_buf()]), &progress);
    progress.finish_and_clear();
    read.docs
}

/// `--splits dev,train` as the list of splits, blanks left out.
fn splits(raw: &str) -> Vec<String> {
    raw.split(',').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
}

#[cfg(test)]
mod tests {
    use super::splits;

    #[test]
    fn splits_are_comma_separated() {
        assert_eq!(splits("dev,train"), ["dev", "train"]);
        assert_eq!(splits(" dev , ,train,"), ["dev", "train"]);
        assert!(splits("").is_empty());
    }
}
