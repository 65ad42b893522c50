//! English function words: words that carry no content of their own.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::stem_key;

/// Whether a stem key (see [`stem_key`]) is an English function word ("the", "of", "said").
///
/// ```
/// use parallax_engine::text::{is_function_key, stem_key};
/// assert!(is_function_key(stem_key("The")));
/// assert!(!is_function_key(stem_key("ferry")));
/// ```
pub fn is_function_key(key: u64) -> bool {
    FUNCTION_WORDS.contains(&key)
}

/// The endings of a function word's contractions ("I’ve", "I'm", "We'd", "they'll", "you're").
const CONTRACTED: [&str; 5] = ["ve", "m", "d", "ll", "re"];

/// Whether a word as written is an English function word or a contraction of one ("It",
/// "I’ve", "We'd").
pub(crate) fn is_function_word(word: &str) -> bool {
    let head = match word.split_once(['\'', '’']) {
        Some((head, end)) if CONTRACTED.contains(&end) => head,
        _ => word,
    };
    is_function_key(stem_key(head))
}

/// English function words, as stem keys: they carry no content of their own.
static FUNCTION_WORDS: LazyLock<HashSet<u64>> = LazyLock::new(|| {
    "a an the and or but if then than so as of at by for from in into on onto to with within \
     about above after against along among around before behind below beneath beside between \
     beyond during except inside near off out outside over past since through throughout till \
     toward towards under until up upon via i me my mine myself we us our ours ourselves you your \
     yours yourself he him his himself she her hers herself it its itself they them their theirs \
     themselves this that these those who whom whose which what whatever whichever whoever when \
     where why how is am are was were be been being have has had having do does did doing will \
     would shall should can could may might must ought also just only very too quite rather \
     really even still yet already again ever there here now then all any both each either every \
     few many more most much other others some such own same another one's s t said says say \
     told tells according mr mrs ms dr sir"
        .split_whitespace()
        .map(stem_key)
        .collect()
});
