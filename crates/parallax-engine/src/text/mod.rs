//! Text primitives shared by every stage: character classes and folding, sentence
//! segmentation, tokens and stems, all with byte spans into the original text.
//!
//! Nothing here knows about a stage. Stages call [`analyze()`] on an article, or the finer
//! functions ([`split_sentences`], [`tokenize`], [`fold()`]) on a block of text.

mod analyze;
mod calendar;
mod chars;
mod dates;
mod fold;
mod function_words;
mod lcs;
mod quotes;
mod sentences;
mod tables;
mod tokens;

pub use analyze::{Analysis, Analyzer, analyze};
pub use calendar::{calendar_names, is_month_name, month_number, weekday, weekday_name};
pub use chars::{is_closing_quote, is_dash, is_opening_quote, is_space};
pub(crate) use dates::{day_number, year};
pub use dates::{parse_date, url_date, written_date};
pub use fold::{fold, name_key, stem_key};
pub use function_words::is_function_key;
pub(crate) use function_words::is_function_word;
pub use lcs::lcs_len;
pub use quotes::quoted_spans;
pub use sentences::{is_number_sign, split_sentences};
pub(crate) use tables::{Sections, table_lines};
pub use tokens::{Token, TokenKind, tokenize};
pub(crate) use tokens::{age_number, is_possessive_form, without_possessive};
