//! The longest common subsequence of two token sequences.

/// Length of the longest common subsequence of `a` and `b`, in one row of memory. Quadratic
/// time: callers bound the lengths they pass.
///
/// ```
/// use parallax_engine::text::lcs_len;
/// assert_eq!(lcs_len(&["a", "b", "c", "d"], &["a", "c", "d", "e"]), 3);
/// assert_eq!(lcs_len::<u64>(&[], &[1, 2]), 0);
/// ```
pub fn lcs_len<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { row[j + 1].max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}
