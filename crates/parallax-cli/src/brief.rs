//! `parallax brief`: validated options, then read → engine → render → write.

use std::path::PathBuf;
use std::process::ExitCode;

use parallax_engine::pipeline;
use parallax_engine::render::{self, Format};

use crate::args::{BriefArgs, ColorArg, FormatArg};
use crate::{exit, inputs, output};

/// `brief`'s options, validated.
pub(crate) struct Options {
    reading: inputs::Reading,
    /// `--story ID` with the store to read it from.
    story: Option<(crate::args::DbArgs, i64)>,
    format: Format,
    output: Option<PathBuf>,
    color: ColorArg,
    pipeline: pipeline::Config,
}

impl Options {
    /// Checks the raw arguments and fills in what they imply.
    pub(crate) fn validate(raw: BriefArgs) -> anyhow::Result<Options> {
        let story = raw.story;
        let reading = match story {
            // A story's documents come from the store, not from inputs.
            Some(_) => inputs::Reading::defaults(Vec::new()),
            None => inputs::Reading::validate(raw.input, "brief")?,
        };
        output::check_not_input(raw.output.as_deref(), &reading.inputs)?;
        let extract = reading.extract.clone();
        Ok(Options {
            story: story.map(|id| (raw.db, id)),
            reading,
            format: match raw.format {
                FormatArg::Terminal => Format::Terminal,
                FormatArg::Markdown => Format::Markdown,
                FormatArg::Json => Format::Json,
                FormatArg::Html => Format::Html,
            },
            output: raw.output,
            color: raw.color,
            pipeline: pipeline::Config { extract, ..pipeline::Config::default() },
        })
    }
}

/// Runs `brief`.
pub(crate) fn run(options: Options) -> anyhow::Result<ExitCode> {
    let (briefing, failed) = match &options.story {
        // A stored story is briefed from its own articles only.
        Some((db, id)) => {
            let story = crate::store_cmd::story_to_brief(db, *id)?;
            // Its documents were admitted at ingest, under that run's budget of words.
            let mut config = options.pipeline.clone();
            config.extract = config.extract.admitted();
            (pipeline::brief_articles(&story.docs, &story.places, Vec::new(), &config), false)
        }
        None => {
            let progress = output::progress(options.reading.inputs.len());
            let read = inputs::read_all(&options.reading, &progress);
            progress.finish_and_clear();
            let failed = !read.errors.is_empty();
            (pipeline::brief(&read.docs, read.errors, &options.pipeline), failed)
        }
    };
    let any_errors = failed || !briefing.errors.is_empty();
    let to_terminal = options.output.is_none() && output::stdout_is_terminal();
    let text = match options.format {
        Format::Json => render::json(&briefing),
        Format::Markdown => render::markdown(&briefing),
        Format::Html => render::html(&briefing),
        Format::Terminal => {
            let color = match options.color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => to_terminal && output::color_allowed(),
            };
            let width = if to_terminal { output::terminal_width() } else { 100 };
            render::terminal(&briefing, render::Style { width, color })
        }
    };
    output::write(options.output.as_deref(), &text)?;
    if any_errors {
        for e in &briefing.errors {
            output::warn(&e.input, &e.message);
        }
        return Ok(exit::input_errors());
    }
    Ok(exit::SUCCESS)
}
