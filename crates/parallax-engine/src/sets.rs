//! Disjoint sets (union-find) over `0..n`, for every place that groups items by links:
//! reprints into origins, a page's entries into one voice, near-copies in a story, clusters.
//! The smaller index always stands for its set, so results never depend on link order. And
//! the walk over two sorted key lists that sentence comparisons share ([`for_each_common`]).

/// Calls `f` with every key two sorted, deduplicated lists both hold, in order.
pub fn for_each_common(a: &[u64], b: &[u64], mut f: impl FnMut(u64)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Disjoint sets over `0..n`.
#[derive(Clone, Debug)]
pub struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    /// `n` sets of one item each.
    pub fn new(n: usize) -> DisjointSets {
        DisjointSets { parent: (0..n).collect() }
    }

    /// The item that stands for `x`'s set: the smallest in it.
    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.parent[ra.max(rb)] = ra.min(rb);
    }

    /// How many sets there are.
    pub fn count(&mut self) -> usize {
        (0..self.parent.len()).filter(|&x| self.find(x) == x).count()
    }
}

#[cfg(test)]
mod tests {
    use super::DisjointSets;

    #[test]
    fn smallest_stands_for_its_set() {
        let mut s = DisjointSets::new(5);
        s.union(4, 2);
        s.union(2, 3);
        assert_eq!((s.find(4), s.find(3), s.find(0)), (2, 2, 0));
        assert_eq!(s.count(), 3);
    }
}
