//! `GET /metrics`: requests and their durations by route, and the store's size, in the
//! Prometheus text format.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::{Shared, with_store};

/// Upper bounds of the duration histogram's buckets, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0];

/// What the server has answered so far.
#[derive(Debug, Default)]
pub(crate) struct Metrics {
    /// Requests by route (the route's pattern, not the path asked) and status.
    requests: BTreeMap<(String, u16), u64>,
    /// Per route: how many requests fell at or under each bucket, the sum and the count.
    durations: BTreeMap<String, ([u64; BUCKETS.len()], f64, u64)>,
    /// Documents added to the store, by writes and feed polls.
    ingested: u64,
    /// Feed polls, by whether the feed could be read.
    polls: BTreeMap<&'static str, u64>,
}

impl Metrics {
    /// Counts one answer.
    pub(crate) fn record(&mut self, route: &str, status: u16, took: Duration) {
        *self.requests.entry((route.to_string(), status)).or_default() += 1;
        let seconds = took.as_secs_f64();
        let (buckets, sum, count) = self.durations.entry(route.to_string()).or_default();
        for (b, bound) in buckets.iter_mut().zip(BUCKETS) {
            if seconds <= bound {
                *b += 1;
            }
        }
        *sum += seconds;
        *count += 1;
    }

    /// Counts documents added to the store.
    pub(crate) fn ingested(&mut self, documents: usize) {
        self.ingested += documents as u64;
    }

    /// Counts one poll of a feed: `read` when the feed could be read.
    pub(crate) fn polled(&mut self, read: bool) {
        *self.polls.entry(if read { "read" } else { "failed" }).or_default() += 1;
    }

    /// The Prometheus text of these counts.
    fn text(&self) -> String {
        let mut s = String::new();
        s.push_str("# HELP parallax_ingested_documents_total Documents added to the store by writes and feed polls.\n");
        s.push_str("# TYPE parallax_ingested_documents_total counter\n");
        let _ = writeln!(s, "parallax_ingested_documents_total {}", self.ingested);
        s.push_str("# HELP parallax_feed_polls_total Feed polls, by whether the feed could be read.\n");
        s.push_str("# TYPE parallax_feed_polls_total counter\n");
        for outcome in ["read", "failed"] {
            let n = self.polls.get(outcome).copied().unwrap_or(0);
            let _ = writeln!(s, "parallax_feed_polls_total{{outcome=\"{outcome}\"}} {n}");
        }
        s.push_str("# HELP parallax_http_requests_total Requests answered, by route and status.\n");
        s.push_str("# TYPE parallax_http_requests_total counter\n");
        for ((route, status), n) in &self.requests {
            let _ = writeln!(
                s,
                "parallax_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                label(route)
            );
        }
        s.push_str("# HELP parallax_http_request_duration_seconds Time to answer, by route.\n");
        s.push_str("# TYPE parallax_http_request_duration_seconds histogram\n");
        for (route, (buckets, sum, count)) in &self.durations {
            let route = label(route);
            for (n, bound) in buckets.iter().zip(BUCKETS) {
                let _ = writeln!(
                    s,
                    "parallax_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                s,
                "parallax_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {count}"
            );
            let _ = writeln!(s, "parallax_http_request_duration_seconds_sum{{route=\"{route}\"}} {sum}");
            let _ = writeln!(s, "parallax_http_request_duration_seconds_count{{route=\"{route}\"}} {count}");
        }
        s
    }
}

/// A label value as the text format escapes it.
fn label(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n")
}

/// `GET /metrics`.
pub(crate) async fn render(State(shared): State<Arc<Shared>>) -> Response {
    let mut text = shared.metrics.lock().map(|m| m.text()).unwrap_or_default();
    if let Ok(stats) = with_store(&shared, |s| s.stats()).await {
        for (name, help, value) in [
            ("parallax_store_documents", "Documents in the store.", stats.documents),
            ("parallax_store_articles", "Articles in the store.", stats.articles),
            ("parallax_store_stories", "Stories in the store.", stats.stories),
            ("parallax_store_bytes", "Size of the store's files.", stats.bytes),
        ] {
            let _ = writeln!(text, "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}");
        }
    }
    (StatusCode::OK, [(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text).into_response()
}

#[cfg(test)]
mod tests {
    use super::Metrics;
    use std::time::Duration;

    #[test]
    fn counts_and_buckets_add_up() {
        let mut m = Metrics::default();
        m.record("/api/v1/stories", 200, Duration::from_millis(3));
        m.record("/api/v1/stories", 200, Duration::from_millis(300));
        m.record("/api/v1/stories", 400, Duration::from_millis(1));
        let text = m.text();
        assert!(
            text.contains("parallax_http_requests_total{route=\"/api/v1/stories\",status=\"200\"} 2"),
            "{text}"
        );
        assert!(text.contains("_bucket{route=\"/api/v1/stories\",le=\"0.005\"} 2"), "{text}");
        assert!(text.contains("_bucket{route=\"/api/v1/stories\",le=\"+Inf\"} 3"), "{text}");
        assert!(text.contains("_count{route=\"/api/v1/stories\"} 3"), "{text}");
        m.ingested(3);
        m.ingested(2);
        m.polled(true);
        m.polled(false);
        m.polled(true);
        let text = m.text();
        assert!(text.contains("parallax_ingested_documents_total 5\n"), "{text}");
        assert!(text.contains("parallax_feed_polls_total{outcome=\"read\"} 2\n"), "{text}");
        assert!(text.contains("parallax_feed_polls_total{outcome=\"failed\"} 1\n"), "{text}");
    }
}
