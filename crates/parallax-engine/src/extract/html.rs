//! HTML → units and page metadata, so that web pages go through the same rules as text.
//!
//! The DOM is walked once, without recursion (a page nested 100,000 levels deep costs no
//! stack): every block element (`p`, `h1`–`h6`, `li`, `figcaption`, `blockquote`, `div`, ...)
//! becomes one unit, its inline text joined with white space collapsed; headings, list items
//! and captions keep that role as a [`Marker`]. Elements that never hold article text
//! (`script`, `style`, `nav`, `aside`, `footer`, `form`, ...) are skipped. What remains goes
//! through the plain-text rules for chrome, captions, page splitting and layout.
//!
//! From the same walk come the page's metadata: the title (`og:title`, the first `h1`, or
//! `<title>`), the outlet (`og:site_name`), the publication date (`article:published_time`,
//! JSON-LD `datePublished`, a `<time datetime>`), and authors (`<meta name="author">`).

use jiff::civil::Date;
use parallax_html::{Document, Edge, Element, NodeId, NodeRef};

use super::units::{Marker, Unit};
use crate::text::parse_date;
use parallax_model::Span;

/// What a page's HTML gives: its text rendering (one unit per line), the units, metadata.
pub(crate) struct Page {
    /// The units joined by newlines; the units' spans point into it.
    pub(crate) text: String,
    pub(crate) units: Vec<Unit>,
    pub(crate) title: Option<String>,
    pub(crate) site: Option<String>,
    pub(crate) published: Option<Date>,
    pub(crate) updated: Option<Date>,
    /// The first `<time datetime>`: after the URL's date, the publication date.
    pub(crate) time_published: Option<Date>,
    /// The `lang` of `<html>`, or the language its metadata declares.
    pub(crate) language: Option<String>,
    /// The page's canonical URL (`<link rel=canonical>`, `og:url`).
    pub(crate) url: Option<String>,
    pub(crate) authors: Vec<String>,
    /// For a live page, where each dated entry starts (a unit index) and its date.
    pub(crate) entries: Vec<(usize, Date)>,
}

/// Elements the page hides (`hidden`, or an inline style of `display: none` or `visibility:
/// hidden`): schema.org data repeated for machines, menus shown on a click. Their attributes
/// are still read for the page's metadata; their text is never the article's.
pub(super) fn hidden(e: &Element<'_>) -> bool {
    if e.attr("hidden").is_some() {
        return true;
    }
    e.attr("style").is_some_and(|style| {
        style.split(';').any(|declaration| {
            let Some((property, value)) = declaration.split_once(':') else { return false };
            // "none !important" is still none.
            let value = value.split('!').next().unwrap_or_default().trim();
            let property = property.trim();
            (property.eq_ignore_ascii_case("display") && value.eq_ignore_ascii_case("none"))
                || (property.eq_ignore_ascii_case("visibility") && value.eq_ignore_ascii_case("hidden"))
        })
    })
}

/// Elements whose content is never article text.
pub(super) fn skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "canvas"
            | "iframe"
            | "nav"
            | "aside"
            | "footer"
            | "button"
            | "select"
            | "textarea"
            | "input"
            | "object"
            | "video"
            | "audio"
            | "map"
            | "title"
            | "dialog"
            | "menu"
            // Ruby annotations: the reading of the text they sit beside, not more text.
            | "rt"
            | "rp"
    )
}

/// Elements that start and end a block of text.
fn block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "figure"
            | "figcaption"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "address"
            | "hr"
            | "br"
            | "body"
            | "html"
            | "caption"
            | "summary"
            | "details"
    )
}

fn marker_of(name: &str) -> Marker {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Marker::Heading,
        "li" | "dt" | "dd" => Marker::Bullet,
        "figcaption" | "caption" => Marker::Caption,
        _ => Marker::None,
    }
}

/// Renders `html` to units and reads its metadata.
pub(crate) fn render(html: &str) -> Page {
    let dom = Document::parse(html);
    let main = super::main_content::find(&dom);
    let live = super::live::entries(&dom, html.contains("LiveBlogPosting"));
    let mut entries: Vec<(usize, Date)> = Vec::new();
    let mut out = Renderer::default();
    let mut meta = Meta::default();
    let mut skip: Option<NodeId> = None;
    // Text counts only inside the main content's roots (all of the page when none was found)
    // and outside boilerplate; `muted` is the outermost element that silences it.
    let mut muted: Option<NodeId> = None;
    let mut inside = usize::from(main.is_none());
    // For each open block element, innermost last, the role its text takes: its own, or the
    // nearest enclosing one (text in a `p` inside a `figcaption` is a caption).
    let mut roles: Vec<Marker> = Vec::new();
    for edge in dom.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skip.is_some() {
                    continue;
                }
                if let Some(text) = node.text() {
                    if inside > 0 && muted.is_none() {
                        out.push_text(text);
                    }
                } else if let Some(e) = node.element() {
                    let name = e.name();
                    meta.read(name, &e, node);
                    if let Some(m) = &main {
                        if m.roots.binary_search(&node.id()).is_ok() {
                            inside += 1;
                        }
                        if muted.is_none() && m.boilerplate.binary_search(&node.id()).is_ok() {
                            muted = Some(node.id());
                        }
                    }
                    // With main content found, hidden elements are among its boilerplate.
                    if main.is_none() && muted.is_none() && hidden(&e) {
                        muted = Some(node.id());
                    }
                    if let Ok(at) = live.binary_search_by_key(&node.id(), |(id, _)| *id) {
                        out.flush(roles.last().copied().unwrap_or(Marker::None));
                        entries.push((out.units.len(), live[at].1));
                    }
                    if skipped(name) {
                        skip = Some(node.id());
                    } else if block(name) {
                        let outer = roles.last().copied().unwrap_or(Marker::None);
                        out.flush(outer);
                        let own = marker_of(name);
                        roles.push(if own == Marker::None { outer } else { own });
                    }
                }
            }
            Edge::Close(node) => {
                if muted == Some(node.id()) {
                    muted = None;
                }
                if let Some(id) = skip {
                    if id == node.id() {
                        skip = None;
                    }
                    continue;
                }
                if let Some(e) = node.element()
                    && block(e.name())
                {
                    out.flush(roles.last().copied().unwrap_or(Marker::None));
                    roles.pop();
                }
                if let Some(m) = &main
                    && m.roots.binary_search(&node.id()).is_ok()
                {
                    inside -= 1;
                }
            }
        }
    }
    out.flush(Marker::None);
    let title = meta.og_title.or(meta.h1).or(meta.title.map(|t| strip_site_suffix(&t)));
    Page {
        text: out.text,
        units: out.units,
        title: title.filter(|t| !t.is_empty()),
        site: meta.site,
        published: meta.published,
        time_published: meta.time_published,
        updated: meta.updated,
        language: meta.language,
        url: meta.url,
        authors: meta.authors,
        entries,
    }
}

/// Characters that show nothing where a page puts them inside words: the soft hyphen (a
/// possible break, "Mit&shy;tel&shy;al&shy;ter"), the zero-width space and joiners, the word
/// joiner and a stray byte-order mark. Left in, they split words for every later rule.
const INVISIBLE: [char; 6] = ['\u{AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}'];

/// Builds the text rendering and its units.
#[derive(Default)]
struct Renderer {
    text: String,
    units: Vec<Unit>,
    line: String,
}

impl Renderer {
    /// Appends inline text with white space collapsed; text nodes that touch ("para" and
    /// "graph" in `<i>para</i>graph`) are joined without a space.
    fn push_text(&mut self, text: &str) {
        let mut first = true;
        for word in text.split_whitespace() {
            let spaced = !first || text.starts_with(char::is_whitespace);
            if spaced && !self.line.is_empty() && !self.line.ends_with(' ') {
                self.line.push(' ');
            }
            if word.contains(INVISIBLE) {
                self.line.extend(word.chars().filter(|c| !INVISIBLE.contains(c)));
            } else {
                self.line.push_str(word);
            }
            first = false;
        }
        if text.ends_with(char::is_whitespace) && !self.line.is_empty() && !self.line.ends_with(' ') {
            self.line.push(' ');
        }
    }

    fn flush(&mut self, marker: Marker) {
        let line = self.line.trim();
        if !line.is_empty() {
            if !self.text.is_empty() {
                self.text.push('\n');
            }
            let start = self.text.len();
            self.text.push_str(line);
            let span = Span::new(start, self.text.len());
            self.units.push(Unit { span, text: line.to_string(), marker, after_blank: true });
        }
        self.line.clear();
    }
}

/// Metadata found during the walk; the first value of each kind wins.
#[derive(Default)]
struct Meta {
    og_title: Option<String>,
    title: Option<String>,
    h1: Option<String>,
    site: Option<String>,
    published: Option<Date>,
    /// The first `<time datetime>`: the publication date when no metadata gives one.
    time_published: Option<Date>,
    updated: Option<Date>,
    language: Option<String>,
    url: Option<String>,
    authors: Vec<String>,
}

impl Meta {
    fn read(&mut self, name: &str, e: &Element<'_>, node: NodeRef<'_>) {
        let text_of = || -> String { node.text_content().split_whitespace().collect::<Vec<_>>().join(" ") };
        match name {
            "meta" => {
                let key = e
                    .attr("property")
                    .or(e.attr("name"))
                    .or(e.attr("itemprop"))
                    .or(e.attr("http-equiv"))
                    .unwrap_or("");
                let Some(content) = e.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
                    return;
                };
                match key.to_ascii_lowercase().as_str() {
                    "og:title" | "twitter:title" => set(&mut self.og_title, content),
                    "og:site_name" | "application-name" => set(&mut self.site, content),
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "dc.date"
                    | "dc.date.issued"
                    | "sailthru.date"
                    | "parsely-pub-date" => {
                        self.published = self.published.or_else(|| parse_date(content));
                    }
                    "article:modified_time"
                    | "og:updated_time"
                    | "datemodified"
                    | "last-modified"
                    | "dc.date.modified" => {
                        self.updated = self.updated.or_else(|| parse_date(content));
                    }
                    "og:locale" | "dc.language" | "language" | "inlanguage" | "content-language" => {
                        set(&mut self.language, content);
                    }
                    "og:url" => set(&mut self.url, content),
                    "author" | "article:author" if !content.starts_with("http") => {
                        for a in content.split([',', ';']).map(str::trim).filter(|a| !a.is_empty()) {
                            if !self.authors.iter().any(|x| x == a) {
                                self.authors.push(a.to_string());
                            }
                        }
                    }
                    _ => {}
                }
            }
            "title" => {
                self.title = self.title.take().or_else(|| Some(text_of()));
            }
            "h1" => {
                self.h1 = self.h1.take().or_else(|| Some(text_of()).filter(|t| !t.is_empty()));
            }
            "html" => {
                if let Some(lang) = e.attr("lang").or(e.attr("xml:lang")).filter(|l| !l.trim().is_empty()) {
                    // The element's own attribute outranks any `<meta>` read before the body.
                    self.language = Some(lang.trim().to_string());
                }
            }
            "link" if e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(href) = e.attr("href").filter(|h| h.starts_with("http")) {
                    self.url = Some(href.trim().to_string());
                }
            }
            "time" => {
                let Some(date) = e.attr("datetime").and_then(parse_date) else { return };
                match e.attr("itemprop").map(str::to_ascii_lowercase).as_deref() {
                    Some("datepublished") => self.published = self.published.or(Some(date)),
                    Some("datemodified") => self.updated = self.updated.or(Some(date)),
                    _ => self.time_published = self.time_published.or(Some(date)),
                }
            }
            "script" if e.attr("type").is_some_and(|t| t.contains("ld+json")) => {
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(&text_of()) {
                    if self.published.is_none() {
                        self.published = find_key(&value, "datePublished", 0).and_then(parse_date);
                    }
                    if self.updated.is_none() {
                        self.updated = find_key(&value, "dateModified", 0).and_then(parse_date);
                    }
                    if self.language.is_none() {
                        self.language = find_key(&value, "inLanguage", 0).map(str::to_string);
                    }
                }
            }
            _ => {}
        }
    }
}

fn set(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = Some(value.split_whitespace().collect::<Vec<_>>().join(" "));
    }
}

/// The first string value under `key` in a JSON-LD document, searching at most a few levels.
fn find_key<'a>(value: &'a serde_json::Value, key: &str, depth: usize) -> Option<&'a str> {
    if depth > 6 {
        return None;
    }
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .and_then(serde_json::Value::as_str)
            .or_else(|| map.values().find_map(|v| find_key(v, key, depth + 1))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key, depth + 1)),
        _ => None,
    }
}

/// A `<title>` without the site name most pages append: "Headline | Site", "Headline - Site".
fn strip_site_suffix(title: &str) -> String {
    for sep in [" | ", " – ", " — ", " - "] {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && tail.split_whitespace().count() <= 4
            && head.split_whitespace().count() >= 3
        {
            return head.trim().to_string();
        }
    }
    title.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::{Marker, render, strip_site_suffix};

    #[track_caller]
    fn check(html: &str, expect: &[&str]) {
        let page = render(html);
        let got: Vec<String> = page
            .units
            .iter()
            .map(|u| {
                assert_eq!(&page.text[u.span.range()], u.text);
                let tag = match u.marker {
                    Marker::None => "",
                    Marker::Bullet => "* ",
                    Marker::Heading => "# ",
                    Marker::Caption => "caption: ",
                };
                format!("{tag}{}", u.text)
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn hidden_by_attribute_or_inline_style() {
        let hidden_div = |html: &str| {
            let dom = parallax_html::Document::parse(html);
            dom.root()
                .descendants()
                .filter_map(|n| n.element())
                .find(|e| e.name() == "div")
                .is_some_and(|e| super::hidden(&e))
        };
        assert!(hidden_div("<div hidden>x</div>"));
        assert!(hidden_div("<div style='display: none'>x</div>"));
        assert!(hidden_div("<div style='color:red; DISPLAY:NONE !important'>x</div>"));
        assert!(hidden_div("<div style='visibility : hidden;'>x</div>"));
        assert!(!hidden_div("<div style='display: block; visibility: visible'>x</div>"));
        assert!(!hidden_div("<div>x</div>"));
    }

    #[test]
    fn blocks_roles_and_skipped_elements() {
        check(
            "<html><head><title>T</title><script>var x;</script></head><body><nav><a>Home</a></nav>\
             <article><h1>Big  <b>news</b></h1><p>First <i>para</i>graph.</p><p>Second<br>line</p>\
             <figure><img src=x><figcaption><p>A ship (Jane Roe/PA)</p></figcaption></figure>\
             <ul><li>one</li><li>two</li></ul></article><footer>© Site</footer></body></html>",
            &[
                "# Big news",
                "First paragraph.",
                "Second",
                "line",
                "caption: A ship (Jane Roe/PA)",
                "* one",
                "* two",
            ],
        );
        check("not html at all", &["not html at all"]);
        check("<p>Mit&shy;tel&shy;al\u{200b}ter</p>", &["Mittelalter"]);
        check("<p>unclosed <b>bold", &["unclosed bold"]);
        check("<p><ruby>子<rp>(</rp><rt>こ</rt><rp>)</rp></ruby>ども</p>", &["子ども"]);
    }

    #[test]
    fn metadata() {
        let page = render(
            "<html><head><title>Ferry hits pier in fog | The Courier</title>\
             <meta property=\"og:site_name\" content=\"The Courier\">\
             <meta name=\"author\" content=\"Jane Roe, John Doe\">\
             <script type=\"application/ld+json\">{\"@graph\":[{\"datePublished\":\"2026-03-04T08:00:00Z\"}]}</script>\
             </head><body><p>Text.</p></body></html>",
        );
        assert_eq!(page.title.as_deref(), Some("Ferry hits pier in fog"));
        assert_eq!(page.site.as_deref(), Some("The Courier"));
        assert_eq!(page.published.map(|d| d.to_string()), Some("2026-03-04".to_string()));
        assert_eq!(page.authors, ["Jane Roe", "John Doe"]);
        assert_eq!(strip_site_suffix("Short - Site"), "Short - Site");
    }

    #[test]
    fn deep_nesting_costs_no_stack() {
        let depth = 100_000;
        let html = format!("{}<p>deep</p>{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let page = render(&html);
        assert_eq!(page.units.len(), 1);
    }
}
