//! What the reuse stage reads of a document: its sentences as stem keys with a quote mask, its
//! shingles, and the wire credits it carries.

use jiff::civil::Date;
use parallax_model::{Article, DocId, RemovedKind};

use crate::text::{Analysis, quoted_spans};

/// A document prepared for reuse detection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doc {
    /// Its id.
    pub id: DocId,
    /// Its publication date, when known.
    pub published: Option<Date>,
    /// Its sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Wire or agency credits it carries, strongest first (see [`credits`]).
    pub credits: Vec<String>,
    /// How many of `credits`, from the first, credit the copy rather than a photo.
    pub strong_credits: usize,
    /// The address of the page it was read from, as `page_address` writes it, when known.
    pub page: Option<String>,
}

/// One sentence: its text and the stem keys of its tokens, each marked when it stands inside
/// quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence as written.
    pub text: String,
    /// Stem keys of its tokens, in order.
    pub keys: Vec<u64>,
    /// For each key, whether its token is inside a quotation.
    pub quoted: Vec<bool>,
}

impl Doc {
    /// The document's reuse view, from its article and text analysis.
    pub fn new(article: &Article, analysis: &Analysis) -> Doc {
        let mut sentences = Vec::with_capacity(analysis.sentences.len());
        let mut tokens = analysis.tokens.iter().peekable();
        let mut quotes_of_block: Option<(u32, Vec<parallax_model::Span>)> = None;
        for s in &analysis.sentences {
            let Some(block) = article.blocks.get(s.block as usize) else { continue };
            let base = block.span.start;
            let text =
                block.text.get((s.span.start - base) as usize..(s.span.end - base) as usize).unwrap_or("");
            if quotes_of_block.as_ref().is_none_or(|(b, _)| *b != s.block) {
                let spans = quoted_spans(&block.text).into_iter().map(|q| q.shift(base as usize)).collect();
                quotes_of_block = Some((s.block, spans));
            }
            let quotes = quotes_of_block.as_ref().map(|(_, q)| q.as_slice()).unwrap_or(&[]);
            let mut keys = Vec::new();
            let mut quoted = Vec::new();
            while let Some(t) = tokens.peek() {
                if t.span.start >= s.span.end {
                    break;
                }
                if t.span.start >= s.span.start {
                    keys.push(t.key);
                    // Quoted spans are sorted and disjoint: the last one starting at or before
                    // the token is the only one that can hold it.
                    let i = quotes.partition_point(|q| q.start <= t.span.start);
                    quoted.push(i > 0 && t.span.start < quotes[i - 1].end);
                }
                tokens.next();
            }
            sentences.push(Sentence { text: text.to_string(), keys, quoted });
        }
        let (credits, strong_credits) = credits(article);
        Doc {
            id: article.id.clone(),
            published: article.published,
            sentences,
            credits,
            strong_credits,
            page: article.url.as_ref().and_then(page_address),
        }
    }

    /// The wire its copy credits, when it credits one ("LOS ANGELES (Reuters) –").
    pub fn wire(&self) -> Option<&str> {
        if self.strong_credits > 0 { self.credits.first().map(String::as_str) } else { None }
    }

    /// Total length of its sentences in bytes.
    pub fn len(&self) -> usize {
        self.sentences.iter().map(|s| s.text.len()).sum()
    }

    /// Whether it has no sentence.
    pub fn is_empty(&self) -> bool {
        self.sentences.is_empty()
    }

    /// Its document shingles: hashes of every run of `k` consecutive stem keys.
    pub fn shingles(&self, k: usize) -> Vec<u64> {
        let keys: Vec<u64> = self.sentences.iter().flat_map(|s| s.keys.iter().copied()).collect();
        shingles_of(&keys, k)
    }
}

/// A page's address as one page, whatever the fetch: host without `www.` and lower-cased,
/// path without a trailing slash, query without tracking parameters (`utm_…`), no scheme, no
/// fragment. Two documents read from one address are versions of one page (a later update,
/// a re-fetch), never independent reports. `None` for an address without a host.
pub fn page_address(url: &url::Url) -> Option<String> {
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let mut address = format!("{host}{}", url.path().trim_end_matches('/'));
    let query: Vec<String> = url
        .query_pairs()
        .filter(|(k, _)| !k.starts_with("utm_"))
        .map(|(k, v)| if v.is_empty() { k.into_owned() } else { format!("{k}={v}") })
        .collect();
    if !query.is_empty() {
        address.push('?');
        address.push_str(&query.join("&"));
    }
    Some(address)
}

/// Hashes of every run of `k` consecutive keys; one hash of all keys when there are fewer.
pub(crate) fn shingles_of(keys: &[u64], k: usize) -> Vec<u64> {
    if keys.is_empty() {
        return Vec::new();
    }
    let k = k.clamp(1, keys.len());
    keys.windows(k).map(mix).collect()
}

/// A 64-bit hash of a short sequence of keys that are already well-mixed hashes: a
/// multiply-rotate fold and a final avalanche (MurmurHash3's finaliser), a few multiplications
/// where a byte-oriented hash would cost many more.
pub(crate) fn mix(keys: &[u64]) -> u64 {
    let mut h: u64 = 0x9E37_79B9_7F4A_7C15 ^ keys.len() as u64;
    for &k in keys {
        h = (h ^ k).wrapping_mul(0xBF58_476D_1CE4_E5B9).rotate_left(29);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

/// Names of wires and agencies an article credits, strongest first: a copy credit in the body
/// ("The PA news agency understands", "The Coastal Wire Service understands", a dateline
/// "HALVIK (CWS) —") before a photo credit in a caption ("(Jane Roe/PA)"); and how many are
/// copy credits.
pub fn credits(article: &Article) -> (Vec<String>, usize) {
    let mut strong = Vec::new();
    for block in &article.blocks {
        let t = block.text.as_str();
        // "The X news agency understands", "The X understands".
        if let Some(rest) = t.strip_prefix("The ")
            && let Some(at) = rest.find(" understands")
        {
            let name = rest[..at].trim_end_matches(" news agency").trim();
            if is_name(name) {
                strong.push(name.to_string());
            }
        }
        // A dateline: "HALVIK (CWS) — ...", "SEOUL, South Korea (AP) — ...", "SEOUL
        // (Bloomberg): ...": a place in capitals, perhaps its region after a comma, the credit
        // in brackets, then a dash or a colon.
        if let Some(open) = t.find(" (")
            && open < 40
            && is_dateline_place(&t[..open])
            && let Some(close) = t[open..].find(')')
            && t[open + close + 1..].trim_start().starts_with(|c: char| crate::text::is_dash(c) || c == ':')
        {
            let name = &t[open + 2..open + close];
            if is_name(name) {
                strong.push(name.to_string());
            }
        }
    }
    let mut weak = Vec::new();
    for r in article.removed.iter().filter(|r| r.kind == RemovedKind::Caption) {
        let t = r.text.trim_end().trim_end_matches('.');
        if let Some(inner) = t.strip_suffix(')').and_then(|t| t.rsplit_once('(').map(|(_, i)| i))
            && let Some((_, after)) = inner.rsplit_once('/')
        {
            // "(Jane Roe/PA)" names the photographer first; "(AP Photo/Jane Roe/File)" and
            // "(AFP PHOTO/JANE ROE)" the agency.
            let first = inner.split_once('/').map_or(inner, |(f, _)| f).trim();
            let photo = first.len() > 6 && first[first.len() - 6..].eq_ignore_ascii_case(" photo");
            let agency = if photo { &first[..first.len() - 6] } else { after.trim() };
            if is_name(agency) && agency.chars().filter(|c| c.is_uppercase()).count() >= 2 {
                weak.push(agency.to_string());
            }
        }
    }
    let strong_count = strong.len();
    strong.extend(weak);
    (strong, strong_count)
}

/// Whether the text before a dateline's credit is a place as datelines write it: a first part
/// in capitals ("HALVIK", "LOS ANGELES"), then perhaps a region after a comma, each of its
/// words capitalised ("SEOUL, South Korea", "NORWOOD, Mass.").
pub(crate) fn is_dateline_place(s: &str) -> bool {
    let (place, region) = s.split_once(',').unwrap_or((s, ""));
    let place = place.trim();
    !place.is_empty()
        && place.chars().any(char::is_alphabetic)
        && place.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        && region.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
}

fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && s.len() <= 40
}
