//! MinHash signatures by one-permutation hashing with optimal densification.
//!
//! Classic MinHash hashes every shingle once per permutation: 128 permutations cost 128 hash
//! evaluations per shingle. One-permutation hashing (Li, Owen and Zhang, 2012) hashes each
//! shingle once, uses the top bits to pick one of `K` bins and keeps the smallest low bits per
//! bin; optimal densification (Shrivastava, 2017) fills an empty bin from another bin chosen by
//! a fixed pseudo-random probe sequence, so that two sets agree in a bin with probability equal
//! to their Jaccard similarity, as with `K` independent permutations. The cost per document is
//! one pass over its shingles plus `K`.

use xxhash_rust::xxh3::xxh3_64_with_seed;

/// Number of bins (the "permutations" of classic MinHash).
pub const BINS: usize = 128;

/// A MinHash signature: one 32-bit value per bin.
pub type Signature = [u32; BINS];

/// The signature of a set of 64-bit shingle hashes, or `None` for an empty set. Duplicate
/// shingles do not change it, nor does their order.
pub fn signature(shingles: &[u64]) -> Option<Signature> {
    if shingles.is_empty() {
        return None;
    }
    let mut sig = [u32::MAX; BINS];
    let mut filled = [false; BINS];
    for &h in shingles {
        // Top 7 bits pick the bin, the low 32 bits are the value: independent parts of a
        // well-mixed 64-bit hash.
        let bin = (h >> (64 - BINS.trailing_zeros())) as usize;
        let value = h as u32;
        if value <= sig[bin] {
            sig[bin] = value;
            filled[bin] = true;
        }
    }
    let donor = sig;
    for bin in 0..BINS {
        if filled[bin] {
            continue;
        }
        // Probe bins in a fixed pseudo-random order that depends only on this bin, until a
        // filled one is found; at least one bin is filled.
        for attempt in 0u64.. {
            let probe = xxh3_64_with_seed(&(bin as u64).to_le_bytes(), attempt) as usize % BINS;
            if filled[probe] {
                sig[bin] = donor[probe];
                break;
            }
        }
    }
    Some(sig)
}

/// The share of bins in which two signatures agree: an estimate of the Jaccard similarity of
/// their sets.
pub fn similarity(a: &Signature, b: &Signature) -> f64 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f64 / BINS as f64
}

#[cfg(test)]
mod tests {
    use super::{signature, similarity};
    use xxhash_rust::xxh3::xxh3_64;

    fn set(range: std::ops::Range<u64>) -> Vec<u64> {
        range.map(|i| xxh3_64(&i.to_le_bytes())).collect()
    }

    #[test]
    fn estimates_jaccard() {
        let a = signature(&set(0..1000)).unwrap_or([0; 128]);
        let b = signature(&set(500..1500)).unwrap_or([1; 128]);
        // True Jaccard 1/3.
        let s = similarity(&a, &b);
        assert!((0.2..0.47).contains(&s), "{s}");
        assert_eq!(similarity(&a, &a), 1.0);
        let c = signature(&set(5000..6000)).unwrap_or([2; 128]);
        assert!(similarity(&a, &c) < 0.05);
    }

    #[test]
    fn small_and_empty_sets() {
        assert_eq!(signature(&[]), None);
        let one = signature(&set(0..1));
        assert!(one.is_some_and(|s| s.iter().all(|&v| v == s[0])));
        let mut shuffled = set(0..50);
        shuffled.reverse();
        shuffled.extend(set(0..10));
        assert_eq!(signature(&shuffled), signature(&set(0..50)));
    }
}
