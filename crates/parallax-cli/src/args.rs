//! Command-line arguments as typed, before validation.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Parallax reads many news reports of the same events and tells you what is really known:
/// which outlets reprinted the same copy, who said what, which facts are backed by how many
/// independent sources, and where sources disagree.
#[derive(Parser, Debug)]
#[command(name = "parallax", version, propagate_version = true, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
    /// Brief a set of news reports: which outlets reprinted the same copy, who said what, the
    /// people, organisations and places named, a timeline, and the documents with what was
    /// removed from each as site chrome.
    #[command(after_help = BRIEF_EXAMPLES)]
    Brief(BriefArgs),
    /// Extract the articles of pages and texts: title, outlet, authors, date, and the body as
    /// blocks, with what was removed as chrome; no briefing.
    #[command(after_help = EXTRACT_EXAMPLES)]
    Extract(ExtractArgs),
    /// Add documents to the store (every input `brief` reads); each joins the running story
    /// it belongs to or starts one. Content already stored is skipped.
    #[command(after_help = INGEST_EXAMPLES)]
    Ingest(IngestArgs),
    /// List the stories in the store: id, headline, size, independent origins, outlets, first and last
    /// seen, and member document ids.
    Stories(StoriesArgs),
    /// Search the stored articles' titles and bodies: every word and "quoted phrase" given,
    /// best ranked first, each with its story and a passage around the first word found.
    #[command(after_help = SEARCH_EXAMPLES)]
    Search(SearchArgs),
    /// Poll feeds (URLs or files) at an interval and ingest what is new, until interrupted.
    Watch(WatchArgs),
    /// Serve the store over HTTP on this machine: the running stories and their briefings as
    /// pages, JSON (/api/v1, OpenAPI at /api/v1/openapi.json), Atom (/stories.atom) and
    /// Prometheus metrics (/metrics). Documents and feeds are added through the API with a
    /// token (`parallax token create`), and feeds are polled in the same process (--feeds);
    /// `ingest` and `watch` may write to the same store beside it.
    #[command(after_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
    /// Make, list and revoke the tokens that let a program add documents through `serve`
    /// (`Authorization: Bearer TOKEN`). A token is shown once, when it is made; the store keeps
    /// only its hash.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Look after the store: bring its schema up to date, see what it holds, check that it is
    /// sound.
    #[command(subcommand, after_help = DB_EXAMPLES)]
    Db(DbCommand),
    /// Measure a stage against evaluation data and print its metric next to the published
    /// anchors.
    #[command(subcommand)]
    Eval(EvalCommand),
}

const INGEST_EXAMPLES: &str = "\
The store is one SQLite file: --db PATH, else $PARALLAX_DB, else
$XDG_DATA_HOME/parallax/parallax.db (~/.local/share/parallax/parallax.db).
Documents are committed in batches (--batch); a crash or kill loses at most the batch in
flight, and re-running the same ingest adds only what is missing.

Examples:
  parallax ingest --db news.db reports/ wire.jsonl
  parallax stories --db news.db
  parallax brief --db news.db --story 12";

const SERVE_EXAMPLES: &str = "\
Stops on Ctrl-C or SIGTERM, after the requests in flight. Listens on loopback only.

Examples:
  parallax serve --db news.db                      # http://127.0.0.1:7878/
  curl -s 127.0.0.1:7878/api/v1/stories?limit=5
  curl -s 127.0.0.1:7878/api/v1/stories/12         # the briefing, parallax.brief/1";

/// `parallax serve`.
#[derive(Args, Debug)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub(crate) db: DbArgs,

    /// Address and port to listen on: a loopback address (127.0.0.1 or ::1), unless --public.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:7878")]
    pub(crate) listen: std::net::SocketAddr,

    /// Allow listening beyond this machine (--listen 0.0.0.0:7878). Reads then need a token
    /// too (`Authorization: Bearer TOKEN` or `X-Auth-Token`), except /healthz.
    #[arg(long)]
    pub(crate) public: bool,

    /// With --public, let anyone read; writes still need a token.
    #[arg(long, requires = "public")]
    pub(crate) public_read: bool,

    /// Let pages from ORIGIN (`https://desk.example.org`, or `*` for any) call the API from a
    /// browser; repeat for several. None by default.
    #[arg(long, value_name = "ORIGIN")]
    pub(crate) cors_origin: Vec<String>,

    /// Seconds one request may take before it is answered 503.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub(crate) timeout: u64,

    /// Requests served at once; more are answered 503 with Retry-After.
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub(crate) concurrency: usize,

    /// Let `POST /api/v1/documents {"url": ...}` fetch pages on loopback, private, link-local
    /// and reserved addresses (refused by default: a request must not make the server reach
    /// what only this machine can).
    #[arg(long)]
    pub(crate) allow_private_urls: bool,

    /// Poll the feeds listed in FILE (one URL per line; blank lines and lines starting with
    /// `#` are skipped), beside those added by `POST /api/v1/feeds`. The list is kept in the
    /// store: a restart polls them all.
    #[arg(long, value_name = "FILE")]
    pub(crate) feeds: Option<PathBuf>,

    /// Seconds between two polls of every feed (0: keep the feeds, poll none).
    #[arg(long, value_name = "SECONDS", default_value_t = 300)]
    pub(crate) poll_interval: u64,

    /// Items read from one feed per poll, at most.
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub(crate) max_items: usize,
}

/// Where the store is.
#[derive(Args, Debug)]
pub(crate) struct DbArgs {
    /// The store's file (default: $PARALLAX_DB, else the user's data folder).
    #[arg(long, value_name = "PATH")]
    pub(crate) db: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub(crate) struct IngestArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    #[command(flatten)]
    pub(crate) db: DbArgs,

    /// Documents committed per transaction.
    #[arg(long, value_name = "N", default_value_t = 1024)]
    pub(crate) batch: usize,
}

#[derive(Args, Debug)]
pub(crate) struct StoriesArgs {
    #[command(flatten)]
    pub(crate) db: DbArgs,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Terminal)]
    pub(crate) format: ListFormat,

    /// Show only stories with at least this many articles.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub(crate) min_size: usize,

    /// Show the N stories active last (0: all of them).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub(crate) limit: usize,

    /// Show only stories whose latest dated article was published on DAY or later
    /// (YYYY-MM-DD); stories with no dated article are left out.
    #[arg(long, value_name = "DAY")]
    pub(crate) since: Option<jiff::civil::Date>,

    /// Show only stories with an article that holds every one of these words and "quoted
    /// phrases" (as `parallax search` reads them).
    #[arg(long, value_name = "WORDS")]
    pub(crate) search: Option<String>,
}

const SEARCH_EXAMPLES: &str = "\
A hit holds every word and phrase; a word ending in * is a prefix (councill* finds
councillor and councillors); case and accents do not matter. Titles weigh more than bodies.

Examples:
  parallax search --db news.db ferry fog
  parallax search '\"cycle lanes\"' parking --limit 5
  parallax search -f json 'evacuat*' | jq '.[].story'";

#[derive(Args, Debug)]
pub(crate) struct SearchArgs {
    /// The words and "quoted phrases" searched.
    #[arg(value_name = "WORDS", required = true)]
    pub(crate) words: Vec<String>,

    #[command(flatten)]
    pub(crate) db: DbArgs,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Terminal)]
    pub(crate) format: ListFormat,

    /// Show at most N hits (1 to 100).
    #[arg(long, value_name = "N", default_value_t = 20, value_parser = clap::value_parser!(u16).range(1..=100))]
    pub(crate) limit: u16,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// One story per line.
    Terminal,
    /// A JSON array of stories.
    Json,
}

#[derive(Args, Debug)]
pub(crate) struct WatchArgs {
    /// Feeds to poll: URLs or files.
    #[arg(value_name = "FEED", required = true)]
    pub(crate) feeds: Vec<PathBuf>,

    #[command(flatten)]
    pub(crate) db: DbArgs,

    /// Seconds between polls.
    #[arg(long, value_name = "SECONDS", default_value_t = 300.0)]
    pub(crate) interval: f64,

    /// Stop after this many polls (default: until interrupted).
    #[arg(long, value_name = "N")]
    pub(crate) polls: Option<u64>,

    /// Seconds allowed for fetching one URL.
    #[arg(long, value_name = "SECONDS", default_value_t = 20.0)]
    pub(crate) timeout: f64,

    /// Items read from one feed per poll, at most.
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub(crate) max_items: usize,

    /// Let redirects and feed links reach loopback, private, link-local and reserved
    /// addresses (see `parallax brief --help`).
    #[arg(long)]
    pub(crate) allow_private_urls: bool,
}

const EXTRACT_EXAMPLES: &str = "\
Inputs are read as for `parallax brief` (HTML, text, JSON Lines, URLs, RSS/Atom feeds,
WARC files, gzipped files, directories, `-`).

Dates: published from the container (JSON Lines, feed), the page's metadata (meta tags,
JSON-LD), the URL (/2026/03/04/), the first <time>, or a visible \"Published ...\" line;
updated from the metadata or an \"Updated ...\" line; a date after today is never taken.
A live page (a live blog) gives one article per dated entry, after the page's own intro.

Output:
  json      an array of articles: id, path, url, source, title, authors, published, updated,
            language, text, blocks (kind and text), removed (kind and text), segment_of
  text      each article's title and body, articles separated by a line of dashes
  markdown  each article as a Markdown section, headings and list items kept

Exit status: 0 all inputs read; 1 some could not be (each named on stderr); 2 nothing done.

Examples:
  parallax extract page.html
  parallax extract --format json saved-pages/ > articles.json";

#[derive(Args, Debug)]
pub(crate) struct ExtractArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ExtractFormat::Text)]
    pub(crate) format: ExtractFormat,

    /// Write to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// What to read, shared by the commands that read news inputs.
#[derive(Args, Debug)]
pub(crate) struct InputArgs {
    /// Files, directories, URLs, feeds, or `-` for stdin. With none, stdin is read when it is
    /// not a terminal.
    #[arg(value_name = "INPUT")]
    pub(crate) inputs: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) for inputs that carry none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub(crate) date: Option<String>,

    /// Largest document accepted (a file, or one JSON Lines record), e.g. 16MiB, 500k.
    #[arg(long, value_name = "SIZE", default_value = "16MiB")]
    pub(crate) max_size: String,

    /// Most words one document may have (all its articles together); a longer one is
    /// reported and skipped, so that no one document holds the run. A long live page has some
    /// 30,000.
    #[arg(long, value_name = "N", default_value_t = parallax_engine::extract::MAX_WORDS)]
    pub(crate) max_words: usize,

    /// Most decoded input held at once by a run that keeps what it reads (brief, extract),
    /// each document counted as its text and 4 KiB: an input that would pass it is reported
    /// and not read, the others are. `ingest` streams and is bounded by --batch instead. It
    /// also caps the bytes fetched from the network in one run.
    #[arg(long, value_name = "SIZE", default_value = "2GiB")]
    pub(crate) max_total: String,

    /// Seconds allowed for fetching one URL, connection to last byte.
    #[arg(long, value_name = "SECONDS", default_value_t = 20.0)]
    pub(crate) timeout: f64,

    /// URLs fetched at once (feed items and pages).
    #[arg(long, value_name = "N", default_value_t = 8)]
    pub(crate) concurrency: usize,

    /// Items read from one feed, at most; the rest are reported and not fetched.
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub(crate) max_items: usize,

    /// Let redirects and feed links reach loopback, private, link-local and reserved
    /// addresses. Without it, a URL you name may reach its own kind of address (a loopback
    /// URL stays on loopback), and links in a feed or page only what the feed's address could.
    #[arg(long)]
    pub(crate) allow_private_urls: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ExtractFormat {
    /// Title and body text.
    Text,
    /// Markdown, with headings and list items.
    Markdown,
    /// JSON: an array of articles with their metadata and blocks.
    Json,
}

const DB_EXAMPLES: &str = "\
Examples:
  parallax db stats --db news.db              what the store holds
  parallax db check --db news.db && echo ok   exit 0 when sound, 1 when problems were found
  parallax db migrate --db news.db            bring the schema up to date (ingest does too)";

#[derive(Subcommand, Debug)]
pub(crate) enum DbCommand {
    /// Bring the store's schema up to date, making the store if there is none (`ingest` and
    /// `watch` do this too; readers never do). A file that is not a Parallax store, or is one
    /// of a newer Parallax, is refused untouched.
    Migrate {
        #[command(flatten)]
        db: DbArgs,
    },
    /// What the store holds: documents, articles, stories, the largest story, the file's
    /// size, its schema version, the change log, tokens and feeds.
    Stats {
        #[command(flatten)]
        db: DbArgs,

        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Terminal)]
        format: ReportFormat,
    },
    /// Check that the store is sound: SQLite's integrity and foreign-key checks, the counts and
    /// story sizes the writer keeps against the rows, and each document's text against its
    /// content hash. Reads every row (about 7 s per 100,000 documents); exit code 1 when a
    /// problem is found, each one printed.
    Check {
        #[command(flatten)]
        db: DbArgs,

        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ReportFormat::Terminal)]
        format: ReportFormat,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ReportFormat {
    /// Lines for a person.
    Terminal,
    /// One JSON object.
    Json,
}

#[derive(Subcommand, Debug)]
pub(crate) enum TokenCommand {
    /// Make a token named NAME and print it (only now: keep it).
    Create {
        /// 1 to 64 letters, digits, '-', '_' or '.'; names are not reused.
        name: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Revoke the token named NAME: its next request is refused.
    Revoke {
        /// The token's name.
        name: String,
        #[command(flatten)]
        db: DbArgs,
    },
    /// List the tokens: name, when made, when revoked.
    List {
        #[command(flatten)]
        db: DbArgs,

        /// Output format.
        #[arg(long, short = 'f', value_enum, default_value_t = ListFormat::Terminal)]
        format: ListFormat,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum EvalCommand {
    /// Reuse detection on a synthetic corpus with planted reprints (made by
    /// bench/reuse/generate.py): recall and precision of planted pairs, throughput, index
    /// memory per document.
    Reuse(EvalReuseArgs),
    /// Direct quotes and their speakers against PolNeAR's attribution annotations: precision,
    /// recall and F1 of quote spans (overlap), and speaker accuracy.
    Quotes(EvalQuotesArgs),
    /// Article-body extraction from HTML pages: the Zyte article-extraction benchmark (4-gram
    /// shingle precision, recall, F1) or the trafilatura corpus (must-have / must-not-have
    /// snippets), with the other extractors' included outputs scored by the same code.
    Extract(EvalExtractArgs),
    /// The same-statement decision of the claims stage on the Microsoft Research Paraphrase
    /// Corpus: accuracy and F1 of paraphrase pairs, next to the published anchors.
    Claims(EvalClaimsArgs),
    /// The briefing's headline and summary on NeuS/AllSides roundups: ROUGE-1/2/L against the
    /// editors' roundups, next to a LexRank baseline on the same sentences.
    Brief(EvalBriefArgs),
    /// Story clustering through the store on ECB+ (gold events and topics) or the UCI News
    /// Aggregator sample (gold stories): B-cubed P/R/F1 and ARI, next to a TF-IDF +
    /// agglomerative baseline scored by the same code.
    Stories(EvalStoriesArgs),
    /// Real coverage of news events by many outlets, against hand-made gold: origins, facts
    /// found and their corroboration counts, divergences, merged conflicts, citations, summary
    /// repeats, quotes and speakers, the timeline, and page chrome in the output; per event
    /// and in total, beside the targets.
    Events(EvalEventsArgs),
}

#[derive(Args, Debug)]
pub(crate) struct EvalEventsArgs {
    /// The real-events folder: each EVENT.jsonl beside its EVENT.gold.json.
    #[arg(long, value_name = "DIR", default_value = "../shared/bench/real-events")]
    pub(crate) bench: PathBuf,

    /// Also list every miss: missed and false divergences, merged conflicts, facts not found
    /// or miscounted, citations that do not hold, summary repeats, wrong speakers, missed
    /// timeline entries, origins joined or split, and outputs that are page chrome.
    #[arg(long)]
    pub(crate) errors: bool,

    /// Print the figures as JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Args, Debug)]
pub(crate) struct EvalStoriesArgs {
    /// The ecbplus folder (ECB+/TOPIC/*.xml.gz) or the uci-news-aggregator-sample folder.
    #[arg(long, value_name = "DIR", default_value = "../shared/bench/ecbplus")]
    pub(crate) bench: PathBuf,

    /// Print the figures as JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,

    /// Also print B-cubed F1 at join thresholds from 0.05 to 0.50.
    #[arg(long)]
    pub(crate) sweep: bool,

    /// Also ingest the documents all in one batch, one at a time and in three other shuffled
    /// orders, and print B-cubed F1 for each: stories must not depend on how documents arrive.
    #[arg(long)]
    pub(crate) feeds: bool,

    /// Cross-validate the join threshold over K folds of topics: chosen on K-1 folds, scored
    /// on the last; prints each fold, the mean and the worst.
    #[arg(long, value_name = "K", default_value_t = 0)]
    pub(crate) folds: usize,

    /// Instead of scoring: learn the weights of the story bar (how the cosine a story needs
    /// moves with a text's length and the days between the sides) from the training part of
    /// every --train-bench, print them and write them to FILE as JSON (the committed ones are
    /// crates/parallax-engine/weights/story-bar.json).
    #[arg(long, value_name = "FILE")]
    pub(crate) train: Option<PathBuf>,

    /// A benchmark folder to learn from with --train (ECB+, UCI or real events); repeatable.
    #[arg(
        long = "train-bench",
        value_name = "DIR",
        default_values = ["../shared/bench/ecbplus", "../shared/bench/uci-news-aggregator-sample", "../shared/bench/real-events"]
    )]
    pub(crate) train_benches: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub(crate) struct EvalBriefArgs {
    /// The neus-allsides folder (holding naacl2022_lrc_roundup_random_order_probe/val.*).
    #[arg(long, value_name = "DIR", default_value = "../shared/bench/neus-allsides")]
    pub(crate) bench: PathBuf,

    /// Print the figures as JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Args, Debug)]
pub(crate) struct EvalClaimsArgs {
    /// The MSRP folder (msr_paraphrase_train.txt, and msr_paraphrase_test.txt if present).
    #[arg(long, value_name = "DIR", default_value = "../shared/bench/msrp")]
    pub(crate) bench: PathBuf,

    /// Print the figures as JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,

    /// Also print accuracy and F1 at thresholds from 0.40 to 0.80.
    #[arg(long)]
    pub(crate) sweep: bool,
}

#[derive(Args, Debug)]
pub(crate) struct EvalExtractArgs {
    /// The benchmark folder: scrapinghub-aeb (ground-truth.json, html/, output/) or
    /// trafilatura-eval (evaldata.json, cache/, eval/).
    #[arg(long, value_name = "DIR", default_value = "../shared/bench/scrapinghub-aeb")]
    pub(crate) bench: PathBuf,

    /// Print the figures as JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,

    /// Print, for each page, Parallax's F1 (or its missed and leaked snippets), worst first.
    #[arg(long)]
    pub(crate) errors: bool,

    /// Zyte set: also deal the pages into K folds and print every system's F1 on each, the
    /// mean and the worst fold, and on how many folds Parallax scores at least as well as each
    /// peer (a table; not with --json).
    #[arg(long, value_name = "K", default_value_t = 0, conflicts_with = "json")]
    pub(crate) folds: usize,
}

#[derive(Args, Debug)]
pub(crate) struct EvalQuotesArgs {
    /// The PolNeAR folder (holding `data/<split>/text` and `data/<split>/attributions`).
    #[arg(long, value_name = "DIR", default_value = "../shared/bench/polnear")]
    pub(crate) bench: PathBuf,

    /// Splits to score, comma-separated.
    #[arg(long, default_value = "dev,train")]
    pub(crate) splits: String,

    /// Print the figures as JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,

    /// Print each missed or spurious quote (for looking at errors).
    #[arg(long)]
    pub(crate) errors: bool,
}

#[derive(Args, Debug)]
pub(crate) struct EvalReuseArgs {
    /// A folder holding corpus.jsonl and truth.tsv.
    #[arg(value_name = "DIR")]
    pub(crate) dir: PathBuf,

    /// Write each document's shingle hashes here (little-endian: a u32 count, then u64s), so
    /// that a peer tool can index the same shingles.
    #[arg(long, value_name = "FILE")]
    pub(crate) shingles_out: Option<PathBuf>,

    /// Print the figures as JSON instead of a table.
    #[arg(long)]
    pub(crate) json: bool,
}

const BRIEF_EXAMPLES: &str = "\
Inputs:
  Plain text (.txt, .md): one document per file; a first line that reads as a headline is
  its title. A page carrying several articles (an aggregator page with appended items) is
  split into one document per article.
  HTML (.html): the page's article, its title, outlet, date and authors from its metadata.
  JSON Lines (.jsonl): one document per line, with `text` (or `html`) and optional `id`,
  `url`, `source`, `title`, `published`. An `id` given is kept in every output.
  URLs (http:// or https://): fetched, a few at a time, with a timeout and the size limit;
  a page's charset comes from its headers or its <meta>. A URL that fails is an error line.
  RSS and Atom feeds (.rss, .atom, .xml, or a feed URL): one document per item, read from
  the feed when it carries the article, else fetched from the item's link.
  WARC files (.warc, .warc.gz) of pages fetched elsewhere: one document per successful HTML
  or text response, named FILE#N, with its URL.
  Any of these gzipped (.html.gz, .jsonl.gz, ...) is read through the compression.
  Directories are read recursively in sorted order; `-` (or no input with a pipe) is stdin.

Exit status:
  0 all inputs read; 1 some inputs could not be read (the briefing covers the others and
  lists them under errors); 2 nothing done (bad arguments, unwritable output).

Examples:
  parallax brief examples/ferry
  parallax brief --date 2025-08-19 --format json reports/ > briefing.json
  parallax brief --format html -o briefing.html reports/
  cat story.txt | parallax brief --format markdown";

#[derive(Args, Debug)]
pub(crate) struct BriefArgs {
    #[command(flatten)]
    pub(crate) input: InputArgs,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = FormatArg::Terminal)]
    pub(crate) format: FormatArg,

    /// Write the briefing to FILE instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,

    /// When to colour the terminal view.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub(crate) color: ColorArg,

    /// Brief a story from the store (see `parallax stories`) instead of inputs.
    #[arg(long, value_name = "ID", conflicts_with = "inputs")]
    pub(crate) story: Option<i64>,

    #[command(flatten)]
    pub(crate) db: DbArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    /// Wrapped text for reading in a terminal.
    Terminal,
    /// A Markdown document.
    Markdown,
    /// The JSON contract `parallax.brief/1`.
    Json,
    /// One self-contained HTML page (no external assets): citations open the cited passage, and
    /// a coverage matrix shows which sources carry which facts.
    Html,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorArg {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}
