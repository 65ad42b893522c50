//! Stories over time: which running story a new article belongs to.
//!
//! Each article becomes a [`Profile`]: the content words of its title and body (function words
//! dropped, stem keys so inflections meet), counted with the title and the lead weighing more,
//! plus the names of the people, organisations and places the facts stage found, which weigh
//! most: two reports of one event share its actors and places more surely than its wording.
//! Weighted by rarity in the store ([`Idf`]) and scaled to unit length, profiles are compared by
//! cosine.
//!
//! A story is the running sum of its members' vectors, cut to its [`CENTROID_TERMS`] heaviest
//! terms. [`decide`] takes a new article and the stories that share its heaviest terms (the
//! store finds those through an index, so the cost per article does not grow with the store)
//! and returns the story to join, or none (a new story), and the other stories that the article
//! shows to be the same story (to merge). Stories whose dates lie more than
//! [`Config::window_days`] from the article's are not joined.
//!
//! Pure functions: the store keeps the vectors, the index and the document frequencies.

use std::collections::BTreeMap;

use parallax_model::Article;
use xxhash_rust::xxh3::xxh3_64;

use crate::text::{Analyzer, TokenKind, is_function_key};

/// Terms kept in an article's vector.
pub const PROFILE_TERMS: usize = 48;
/// Terms kept in a story's centroid.
pub const CENTROID_TERMS: usize = 96;
/// Terms of an article used to look up candidate stories.
pub const LOOKUP_TERMS: usize = 10;

/// Terms from which an article's vector counts as full length for [`Config::join`].
pub const FULL_LENGTH: f32 = 24.0;

/// How stories are formed.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// Cosine from which an article of at least [`FULL_LENGTH`] terms joins a story (lower
    /// for shorter ones).
    pub join: f32,
    /// Cosine between two stories' centroids from which, when one article joins the one and
    /// reaches the other, they are merged.
    pub merge: f32,
    /// How many days away from a story's first and last dates an article may still join it.
    pub window_days: i32,
}

impl Default for Config {
    fn default() -> Config {
        Config { join: 0.30, merge: 0.42, window_days: 7 }
    }
}

/// An article's terms with their raw weights, before rarity is known.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// Term keys and weights, sorted by key.
    pub terms: Vec<(u64, f32)>,
    /// The publication date as days since 1970-01-01, when known.
    pub day: Option<i32>,
}

/// The profile of an article: its words (title ×3, the first two paragraphs ×2, the rest ×1,
/// capitalised words inside a sentence ×2), and `names` (people, organisations, places) ×4.
pub fn profile(article: &Article, analyzer: &mut Analyzer, names: &[String]) -> Profile {
    let mut weights: BTreeMap<u64, f32> = BTreeMap::new();
    let mut tokens = Vec::new();
    for (n, block) in article.blocks.iter().enumerate() {
        tokens.clear();
        let text = block.own_text();
        analyzer.tokenize_into(text, 0, &mut tokens);
        let position = if n < 2 { 2.0 } else { 1.0 };
        let mut previous_end = 0;
        for token in &tokens {
            let word = text.get(token.span.range()).unwrap_or("");
            let gap = text.get(previous_end..token.span.start as usize).unwrap_or("");
            let starts_sentence = previous_end == 0 || gap.contains(['.', '!', '?', ':', '"', '“']);
            previous_end = token.span.end as usize;
            if token.kind != TokenKind::Word || is_function_key(token.key) || word.chars().count() < 2 {
                continue;
            }
            let capital = !starts_sentence && word.chars().next().is_some_and(char::is_uppercase);
            *weights.entry(token.key).or_default() += position * if capital { 2.0 } else { 1.0 };
        }
    }
    if let Some(title) = &article.title {
        tokens.clear();
        analyzer.tokenize_into(title, 0, &mut tokens);
        for token in &tokens {
            if token.kind == TokenKind::Word && !is_function_key(token.key) && token.span.len() >= 2 {
                *weights.entry(token.key).or_default() += 3.0;
            }
        }
    }
    for name in names {
        *weights.entry(name_term(name)).or_default() += 4.0;
    }
    let epoch = jiff::civil::date(1970, 1, 1);
    let day = article.published.map(|d| (d - epoch).get_days());
    Profile { terms: weights.into_iter().collect(), day }
}

/// The term that stands for a named person, organisation or place.
pub fn name_term(name: &str) -> u64 {
    let folded: String = crate::text::fold(name).to_lowercase();
    xxh3_64(format!("name:{folded}").as_bytes())
}

/// How rare each term is: document frequencies over the articles seen so far.
pub trait Idf {
    /// Articles seen.
    fn articles(&self) -> u64;
    /// Articles that hold `term`.
    fn df(&self, term: u64) -> u64;
    /// `ln((N + 1) / (df + 1)) + 1`, the smoothed inverse document frequency.
    fn idf(&self, term: u64) -> f32 {
        (((self.articles() + 1) as f32) / ((self.df(term) + 1) as f32)).ln() + 1.0
    }
}

/// A profile weighted by rarity, cut to its [`PROFILE_TERMS`] heaviest terms and scaled to
/// unit length; sorted by term.
pub fn vector(profile: &Profile, idf: &impl Idf) -> Vec<(u64, f32)> {
    let mut weighted: Vec<(u64, f32)> =
        profile.terms.iter().map(|&(t, w)| (t, (1.0 + w.ln()) * idf.idf(t))).collect();
    weighted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    weighted.truncate(PROFILE_TERMS);
    normalise(&mut weighted);
    weighted.sort_by_key(|&(t, _)| t);
    weighted
}

/// The terms to look up candidate stories by: the heaviest of a vector that some other article
/// holds too (a word only this article has finds nothing).
pub fn lookup_terms(vector: &[(u64, f32)], idf: &impl Idf) -> Vec<u64> {
    let mut by_weight: Vec<(u64, f32)> = vector.iter().copied().filter(|&(t, _)| idf.df(t) >= 2).collect();
    by_weight.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    by_weight.into_iter().take(LOOKUP_TERMS).map(|(t, _)| t).collect()
}

fn normalise(v: &mut [(u64, f32)]) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
}

/// Cosine of two sparse vectors sorted by term.
pub fn cosine(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    let na = a.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    let nb = b.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 { 0.0 } else { dot / (na * nb) }
}

/// `centroid` with `vector` added, cut to its [`CENTROID_TERMS`] heaviest terms; sorted by term.
pub fn add(centroid: &[(u64, f32)], vector: &[(u64, f32)]) -> Vec<(u64, f32)> {
    let mut sum: BTreeMap<u64, f32> = centroid.iter().copied().collect();
    for &(t, w) in vector {
        *sum.entry(t).or_default() += w;
    }
    let mut out: Vec<(u64, f32)> = sum.into_iter().collect();
    if out.len() > CENTROID_TERMS {
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out.truncate(CENTROID_TERMS);
        out.sort_by_key(|&(t, _)| t);
    }
    out
}

/// A story that shares terms with a new article.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The story's id in the store.
    pub story: i64,
    /// The sum of its members' vectors, sorted by term.
    pub centroid: Vec<(u64, f32)>,
    /// Its members' earliest and latest dates, when any is dated.
    pub days: Option<(i32, i32)>,
}

/// What to do with a new article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Decision {
    /// The story it joins; `None` starts a new one.
    pub join: Option<i64>,
    /// Other stories it shows to be the same story as the one it joins, to merge into it.
    pub merge: Vec<i64>,
}

/// The story `vector` (dated `day`) belongs to among `candidates`, and the stories to merge.
/// Ties go to the older story (the smaller id), so the decision does not depend on the order
/// candidates are given in.
pub fn decide(
    vector: &[(u64, f32)],
    day: Option<i32>,
    candidates: &[Candidate],
    config: &Config,
) -> Decision {
    let in_window = |c: &Candidate| match (day, c.days) {
        (Some(d), Some((first, last))) => d >= first - config.window_days && d <= last + config.window_days,
        _ => true,
    };
    // A short text (a headline) shares few words with anything, so its cosine runs low even
    // with its own story's: the bar is lowered with the square root of its length.
    let bar = config.join * (vector.len() as f32 / FULL_LENGTH).sqrt().min(1.0);
    let mut scored: Vec<(f32, &Candidate)> = candidates
        .iter()
        .filter(|c| in_window(c))
        .map(|c| (cosine(vector, &c.centroid), c))
        .filter(|(s, _)| *s >= bar)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.story.cmp(&b.1.story)));
    let Some(&(_, best)) = scored.first() else { return Decision::default() };
    let mut merge: Vec<i64> = scored[1..]
        .iter()
        .filter(|(_, c)| cosine(&best.centroid, &c.centroid) >= config.merge)
        .map(|(_, c)| c.story)
        .collect();
    // The oldest story of a merge keeps its id.
    let mut join = best.story;
    if let Some(&oldest) = merge.iter().min()
        && oldest < join
    {
        merge.retain(|&s| s != oldest);
        merge.push(join);
        join = oldest;
    }
    merge.sort_unstable();
    Decision { join: Some(join), merge }
}

#[cfg(test)]
mod tests {
    use super::{Candidate, Config, add, cosine, decide};

    #[test]
    fn join_new_and_merge() {
        let a = vec![(1, 0.8), (2, 0.6)];
        let b = vec![(3, 1.0)];
        let config = Config::default();
        let story =
            |id, centroid: &Vec<(u64, f32)>, days| Candidate { story: id, centroid: centroid.clone(), days };
        assert_eq!(decide(&a, None, &[], &config).join, None);
        assert_eq!(decide(&a, None, &[story(7, &a, None), story(3, &b, None)], &config).join, Some(7));
        // Out of the time window: a new story.
        assert_eq!(decide(&a, Some(100), &[story(7, &a, Some((10, 20)))], &config).join, None);
        // Two stories that the article and each other match are merged into the older.
        let a2 = vec![(1, 0.7), (2, 0.7)];
        let d = decide(&a, None, &[story(9, &a, None), story(4, &a2, None)], &config);
        assert_eq!((d.join, d.merge), (Some(4), vec![9]));
        assert!((cosine(&a, &add(&a, &a)) - 1.0).abs() < 1e-6);
    }
}
