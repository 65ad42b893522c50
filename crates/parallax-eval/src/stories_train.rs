//! `parallax eval stories --train`: learns the weights of [`stories::Bar`] from the visible
//! benchmarks.
//!
//! Each benchmark's documents are profiled as the store profiles them and replayed as a
//! stream (dated ones in date order): each document is compared with every gold story that
//! already has members and shares one of its lookup terms within the window, as placement
//! compares an article with the stories the store finds. Each comparison is a sample: the
//! cosine with the story's centroid, how short the shorter side is, whether both are dated and
//! the days between them; the label says whether the document belongs to that story. A
//! logistic model over those samples (every benchmark weighing the same, fitted by Newton's
//! method with a little ridge) gives the weights, read as changes of the cosine needed.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_engine::{extract, facts, stories, text::Analyzer};
use rayon::prelude::*;

use super::{Item, item_doc};

/// One document against one story it could join.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Sample {
    /// Features: cosine, shortness, both dated, `ln(1 + days apart)` when both dated.
    x: [f64; 4],
    /// Whether the document belongs to the story.
    pub(crate) same: bool,
    /// The sample's weight in the fit.
    weight: f64,
    /// Which benchmark it comes from (each has its own intercept).
    set: usize,
}

/// A gold story as the replay has seen it so far.
#[derive(Default)]
struct Seen {
    centroid: Vec<(u64, f32)>,
    days: Option<(i32, i32)>,
}

/// Document frequencies of one benchmark, as a store holding all of it would count them.
struct Frequencies {
    df: HashMap<u64, u64>,
    articles: u64,
}

impl stories::Idf for Frequencies {
    fn articles(&self) -> u64 {
        self.articles
    }
    fn df(&self, term: u64) -> u64 {
        self.df.get(&term).copied().unwrap_or(0)
    }
}

/// The profile the store would give an item's first article (`None` when it has no text).
fn profile(item: &Item) -> Option<stories::Profile> {
    let doc = item_doc(item)?;
    let found = extract::extract(&doc, &extract::Config::default());
    let article = found.articles.into_iter().find(|a| !a.blocks.is_empty())?;
    let found_facts = facts::facts(&[&article], &facts::Config { dates: false });
    let names = stories::names(&found_facts, 0);
    Some(stories::profile(&article, &mut Analyzer::new(), &names))
}

/// The samples of one benchmark's items whose split is `split`, weighing 1 in all, marked as
/// coming from benchmark `set`.
pub(crate) fn samples(items: &[Item], split: &str, window_days: i32, set: usize) -> Vec<Sample> {
    let chosen: Vec<&Item> = items.iter().filter(|i| i.split == split).collect();
    let profiles: Vec<Option<stories::Profile>> = chosen.par_iter().map(|i| profile(i)).collect();
    let mut freq = Frequencies { df: HashMap::new(), articles: 0 };
    for p in profiles.iter().flatten() {
        freq.articles += 1;
        for (t, _) in &p.terms {
            *freq.df.entry(*t).or_default() += 1;
        }
    }
    let mut order: Vec<usize> = (0..chosen.len()).filter(|&i| profiles[i].is_some()).collect();
    order.sort_by_key(|&i| (chosen[i].published, i));
    // Gold stories seen so far: centroid and dates; and which stories hold each term.
    let mut centroids: BTreeMap<&str, Seen> = BTreeMap::new();
    let mut by_term: HashMap<u64, BTreeSet<&str>> = HashMap::new();
    let mut out = Vec::new();
    for i in order {
        let Some(profile) = &profiles[i] else { continue };
        let vector = stories::vector(profile, &freq);
        let lookup = stories::lookup_terms(&vector, &freq);
        let day = profile.day.map(|d| (d, d));
        let candidates: BTreeSet<&str> =
            lookup.iter().filter_map(|t| by_term.get(t)).flatten().copied().collect();
        for story in candidates {
            let Seen { centroid, days } = &centroids[story];
            let apart = stories::days_apart(day, *days);
            if apart.is_some_and(|d| d > window_days) {
                continue;
            }
            let norm = stories::norm(centroid);
            let cos = if norm > 0.0 { stories::dot(&vector, centroid) / norm } else { 0.0 };
            let [short, dated, gap] = stories::Bar::features(vector.len().min(centroid.len()), apart);
            out.push(Sample {
                x: [f64::from(cos), f64::from(short), f64::from(dated), f64::from(gap)],
                same: story == chosen[i].gold,
                weight: 1.0,
                set,
            });
        }
        let gold = chosen[i].gold.as_str();
        let entry = centroids.entry(gold).or_default();
        entry.centroid = stories::add(&entry.centroid, &vector);
        entry.days = stories::widen(entry.days, day);
        for (t, _) in &entry.centroid {
            by_term.entry(*t).or_default().insert(gold);
        }
    }
    let n = out.len() as f64;
    for s in &mut out {
        s.weight = 1.0 / n.max(1.0);
    }
    out
}

/// Fits `P(same) = σ(b_set + w·x)` by Newton's method, with one intercept per benchmark (so
/// what differs between whole sets, their share of matches or their texts' length, is not
/// read as a weight) and ridge `lambda` on `w`; returns `w`.
pub(crate) fn fit(samples: &[Sample], lambda: f64) -> [f64; 4] {
    let sets = samples.iter().map(|s| s.set + 1).max().unwrap_or(0);
    let dims = sets + 4;
    let row = |s: &Sample| {
        let mut x = vec![0.0; dims];
        x[s.set] = 1.0;
        x[sets..].copy_from_slice(&s.x);
        x
    };
    let mut beta = vec![0.0f64; dims];
    for _ in 0..100 {
        let mut grad = vec![0.0f64; dims];
        let mut hess = vec![vec![0.0f64; dims]; dims];
        for s in samples {
            let x = row(s);
            let z: f64 = beta.iter().zip(&x).map(|(b, x)| b * x).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let y = if s.same { 1.0 } else { 0.0 };
            for j in 0..dims {
                grad[j] += s.weight * (p - y) * x[j];
                for k in 0..dims {
                    hess[j][k] += s.weight * p * (1.0 - p) * x[j] * x[k];
                }
            }
        }
        for j in 0..dims {
            let ridge = if j < sets { 1e-9 } else { lambda };
            grad[j] += ridge * beta[j];
            hess[j][j] += ridge;
        }
        let Some(step) = solve(hess, grad) else { break };
        let moved = step.iter().fold(0.0f64, |m, d| m.max(d.abs()));
        for (b, d) in beta.iter_mut().zip(&step) {
            *b -= d;
        }
        if moved < 1e-10 {
            break;
        }
    }
    let mut w = [0.0; 4];
    w.copy_from_slice(&beta[sets..]);
    w
}

/// Solves `a·x = b` by Gaussian elimination with partial pivoting (`None` when singular).
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&i, &j| a[i][col].abs().total_cmp(&a[j][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        let (above, below) = a.split_at_mut(col + 1);
        let pivot_row = &above[col];
        for (offset, row) in below.iter_mut().enumerate() {
            let f = row[col] / pivot_row[col];
            for (x, p) in row[col..].iter_mut().zip(&pivot_row[col..]) {
                *x -= f * p;
            }
            b[col + 1 + offset] -= f * b[col];
        }
    }
    let mut x = vec![0.0f64; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}

/// The fitted weights read as changes of the cosine needed.
pub(crate) fn as_bar(w: [f64; 4]) -> stories::Bar {
    let wc = w[0];
    stories::Bar { short: (w[1] / wc) as f32, dated: (-w[2] / wc) as f32, gap: (-w[3] / wc) as f32 }
}

#[cfg(test)]
mod tests {
    use super::{Sample, as_bar, fit};

    #[test]
    fn the_fit_finds_how_far_dated_pairs_shift_the_cosine_needed() {
        // Undated pairs are the same story from a cosine of 0.4; dated ones from 0.2.
        let mut samples = Vec::new();
        for k in 0..=100 {
            let cos = f64::from(k) / 100.0;
            samples.push(Sample { x: [cos, 0.0, 0.0, 0.0], same: cos >= 0.4, weight: 1.0, set: 0 });
            samples.push(Sample { x: [cos, 0.0, 1.0, 0.0], same: cos >= 0.2, weight: 1.0, set: 0 });
            // Another set, all matches from 0.6: its own intercept takes that, not the weights.
            samples.push(Sample { x: [cos, 0.0, 0.0, 0.0], same: cos >= 0.6, weight: 1.0, set: 1 });
        }
        let bar = as_bar(fit(&samples, 1e-6));
        assert!((f64::from(bar.dated) + 0.2).abs() < 0.03, "{bar:?}");
    }
}
