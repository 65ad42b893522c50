//! What several evaluations share: the F1 of a precision and a recall, figures rounded for
//! JSON output, and reading a gzip'd benchmark file.

use std::io::Read;
use std::path::Path;

use anyhow::Context;

/// A figure rounded to four decimals, for JSON output.
pub(crate) fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The harmonic mean of a precision and a recall (0 when both are 0).
pub(crate) fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
}

/// Reads a gzip'd file whole.
pub(crate) fn gunzip(path: &Path) -> anyhow::Result<Vec<u8>> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut out)
        .with_context(|| format!("cannot decompress {}", path.display()))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{f1, round};

    #[test]
    fn f1_and_rounding() {
        assert_eq!(f1(0.0, 0.0), 0.0);
        assert_eq!(f1(1.0, 1.0), 1.0);
        assert!((f1(0.5, 1.0) - 2.0 / 3.0).abs() < 1e-12);
        assert_eq!(round(0.123_456), 0.1235);
        assert_eq!(round(2.0 / 3.0), 0.6667);
    }
}
