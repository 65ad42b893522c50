//! The tokenizer and the tree builder, in one pass: text runs are found with `memchr`, tags are
//! read in place, and each token goes straight to the tree (see the crate doc for which rules
//! of the HTML standard are kept).

use memchr::memchr2;

use crate::{Document, Kind, MAX_DEPTH, NONE, NodeData, Range, entities};

/// Inputs are read up to this many bytes (ranges are 32-bit); callers cap sizes far below.
const MAX_INPUT: usize = 1 << 30;

/// Names the builder creates without a tag, stored once at the start of the buffer.
const IMPLIED: &str = "htmlheadbodybr";
const HTML: Range = Range { start: 0, end: 4 };
const HEAD: Range = Range { start: 4, end: 8 };
const BODY: Range = Range { start: 8, end: 12 };
const BR: Range = Range { start: 12, end: 14 };
const NO_ATTRS: Range = Range { start: 0, end: 0 };

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

/// What follows a start tag.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Content {
    /// Markup.
    Markup,
    /// Text up to the matching end tag (`script`, `style`, ...).
    Raw,
    /// Text with character references up to the matching end tag (`title`, `textarea`).
    Escapable,
    /// Raw text to be dropped (a raw-text element past the depth limit).
    Dropped,
    /// Text to the end of the input (`plaintext`).
    Plain,
}

struct Tag {
    name: Range,
    attrs: Range,
    self_closing: bool,
}

struct Builder<'h> {
    html: &'h str,
    doc: Document<'h>,
    /// Open elements, innermost last, with whether each is SVG or MathML.
    stack: Vec<(u32, bool)>,
    mode: Mode,
    /// Start tags left out past the depth limit and not yet closed.
    excess: usize,
    scratch: String,
    /// The name of the tag being handled.
    tag_name: String,
}

pub(crate) fn parse(html: &str) -> Document<'_> {
    let mut cut = html.len().min(MAX_INPUT);
    while !html.is_char_boundary(cut) {
        cut -= 1;
    }
    let html = &html[..cut];
    let mut buffer = String::with_capacity(html.len() / 2 + IMPLIED.len());
    buffer.push_str(IMPLIED);
    let root = NodeData {
        kind: Kind::Document,
        parent: NONE,
        next_sibling: NONE,
        first_child: NONE,
        last_child: NONE,
        end: 1,
    };
    let mut b = Builder {
        html,
        doc: Document { source: html, nodes: vec![root], buffer, attrs: Vec::new() },
        stack: Vec::new(),
        mode: Mode::BeforeHtml,
        excess: 0,
        scratch: String::new(),
        tag_name: String::new(),
    };
    b.run();
    b.finish()
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

fn tag_end(b: u8) -> bool {
    is_space(b) || b == b'/' || b == b'>'
}

impl<'h> Builder<'h> {
    fn run(&mut self) {
        let html = self.html;
        let bytes = html.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let Some(rel) = memchr2(b'<', b'&', &bytes[i..]) else {
                self.text(&html[i..]);
                break;
            };
            if rel > 0 {
                self.text(&html[i..i + rel]);
            }
            i += rel;
            if bytes[i] == b'&' {
                i += 1 + self.reference(&bytes[i + 1..]);
                continue;
            }
            i = self.markup(i);
        }
    }

    /// A character reference in text; returns the bytes it took after the `&`.
    fn reference(&mut self, rest: &[u8]) -> usize {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let taken = entities::decode(rest, false, &mut scratch);
        if taken.is_some() {
            self.text(&scratch);
        } else {
            self.text("&");
        }
        self.scratch = scratch;
        taken.unwrap_or(0)
    }

    /// The markup at `i` (a `<`); returns where reading goes on.
    fn markup(&mut self, i: usize) -> usize {
        let html = self.html;
        let bytes = html.as_bytes();
        let len = bytes.len();
        let find = |from: usize, what: &[u8]| {
            memchr::memmem::find(bytes.get(from..).unwrap_or_default(), what).map(|r| from + r)
        };
        match bytes.get(i + 1) {
            Some(b'!') if bytes[i..].starts_with(b"<!--") => {
                let body = i + 4;
                if bytes[body..].starts_with(b">") {
                    return body + 1;
                }
                if bytes[body..].starts_with(b"->") {
                    return body + 2;
                }
                find(body, b"-->").map_or(len, |e| e + 3)
            }
            Some(b'!' | b'?') => find(i + 2, b">").map_or(len, |e| e + 1),
            Some(b'/') => match bytes.get(i + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (end, tag) = self.tag(i + 2);
                    if let Some(tag) = tag {
                        // Attributes of end tags are read (a `>` in quotes does not end the
                        // tag) and dropped.
                        self.doc.attrs.truncate(tag.attrs.start as usize);
                        let name = self.take_name(&tag);
                        self.end_tag(&name);
                        self.tag_name = name;
                    }
                    end
                }
                Some(b'>') => i + 3,
                Some(_) => find(i + 2, b">").map_or(len, |e| e + 1),
                None => {
                    self.text("</");
                    len
                }
            },
            Some(c) if c.is_ascii_alphabetic() => {
                let (end, tag) = self.tag(i + 1);
                let Some(tag) = tag else { return end };
                let name = self.take_name(&tag);
                let content = self.start_tag(&tag, &name);
                let close = match content {
                    Content::Markup => end,
                    Content::Plain => {
                        self.append_text(&html[end..]);
                        len
                    }
                    content => {
                        let close = raw_end(&bytes[end..], name.as_bytes()).map_or(len, |e| end + e);
                        let text = &html[end..close];
                        match content {
                            Content::Raw => self.append_text(text),
                            Content::Escapable => self.escapable(text),
                            _ => {}
                        }
                        close
                    }
                };
                self.tag_name = name;
                close
            }
            _ => {
                self.text("<");
                i + 1
            }
        }
    }

    /// Reads a tag's name and attributes from `i` (the name's first letter). Returns where the
    /// tag ends, and the tag, `None` when the input ends inside it (such a tag is dropped).
    fn tag(&mut self, mut i: usize) -> (usize, Option<Tag>) {
        let html = self.html;
        let bytes = html.as_bytes();
        let len = bytes.len();
        let start = i;
        while i < len && !tag_end(bytes[i]) {
            i += 1;
        }
        let name = self.push_lower(&html[start..i]);
        let attrs_start = self.doc.attrs.len();
        let mut self_closing = false;
        loop {
            while i < len && is_space(bytes[i]) {
                i += 1;
            }
            let Some(&c) = bytes.get(i) else { return (len, None) };
            match c {
                b'>' => {
                    i += 1;
                    break;
                }
                b'/' => {
                    i += 1;
                    if bytes.get(i) == Some(&b'>') {
                        self_closing = true;
                        i += 1;
                        break;
                    }
                }
                _ => {
                    let name_start = i;
                    i += 1;
                    while i < len && !tag_end(bytes[i]) && bytes[i] != b'=' {
                        i += 1;
                    }
                    let attr_name = &html[name_start..i];
                    while i < len && is_space(bytes[i]) {
                        i += 1;
                    }
                    let mut value = NO_ATTRS;
                    if bytes.get(i) == Some(&b'=') {
                        i += 1;
                        while i < len && is_space(bytes[i]) {
                            i += 1;
                        }
                        match bytes.get(i) {
                            Some(&q @ (b'"' | b'\'')) => {
                                let Some(rel) = memchr::memchr(q, &bytes[i + 1..]) else {
                                    return (len, None);
                                };
                                value = self.push_attr_value(&html[i + 1..i + 1 + rel]);
                                i += rel + 2;
                            }
                            Some(b'>') => {}
                            Some(_) => {
                                let value_start = i;
                                while i < len && !is_space(bytes[i]) && bytes[i] != b'>' {
                                    i += 1;
                                }
                                value = self.push_attr_value(&html[value_start..i]);
                            }
                            None => return (len, None),
                        }
                    }
                    let duplicate = self.doc.attrs[attrs_start..]
                        .iter()
                        .any(|(n, _)| self.doc.str(*n).eq_ignore_ascii_case(attr_name));
                    if !duplicate {
                        let attr_name = self.push_lower(attr_name);
                        self.doc.attrs.push((attr_name, value));
                    }
                }
            }
        }
        let attrs = Range { start: attrs_start as u32, end: self.doc.attrs.len() as u32 };
        (i, Some(Tag { name, attrs, self_closing }))
    }

    /// The tag's name, in the reused name buffer (give it back after use).
    fn take_name(&mut self, tag: &Tag) -> String {
        let mut name = std::mem::take(&mut self.tag_name);
        name.clear();
        name.push_str(self.doc.str(tag.name));
        name
    }

    /// Where `s` stands in the page, when it is a slice of it.
    fn source_range(&self, s: &str) -> Option<Range> {
        let base = self.html.as_ptr() as usize;
        let at = (s.as_ptr() as usize).checked_sub(base)?;
        (at + s.len() <= self.html.len())
            .then(|| Range { start: at as u32 | Range::SOURCE, end: (at + s.len()) as u32 })
    }

    fn push_lower(&mut self, s: &str) -> Range {
        if !s.bytes().any(|b| b.is_ascii_uppercase())
            && let Some(r) = self.source_range(s)
        {
            return r;
        }
        let start = self.doc.buffer.len();
        self.doc.buffer.push_str(s);
        self.doc.buffer[start..].make_ascii_lowercase();
        Range { start: start as u32, end: self.doc.buffer.len() as u32 }
    }

    fn push_attr_value(&mut self, s: &str) -> Range {
        if memchr::memchr(b'&', s.as_bytes()).is_none()
            && let Some(r) = self.source_range(s)
        {
            return r;
        }
        let start = self.doc.buffer.len();
        push_decoded(&mut self.doc.buffer, s, true);
        Range { start: start as u32, end: self.doc.buffer.len() as u32 }
    }

    fn escapable(&mut self, s: &str) {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        push_decoded(&mut scratch, s, false);
        self.append_text(&scratch);
        self.scratch = scratch;
    }

    // ----- the tree -----

    fn name(&self, id: u32) -> &str {
        match self.doc.nodes[id as usize].kind {
            Kind::Element { name, .. } => self.doc.str(name),
            _ => "",
        }
    }

    fn current(&self) -> u32 {
        self.stack.last().map_or(0, |&(id, _)| id)
    }

    fn current_name(&self) -> &str {
        self.stack.last().map_or("", |&(id, _)| self.name(id))
    }

    fn append(&mut self, kind: Kind) -> u32 {
        let parent = self.current();
        let id = self.doc.nodes.len() as u32;
        self.doc.nodes.push(NodeData {
            kind,
            parent,
            next_sibling: NONE,
            first_child: NONE,
            last_child: NONE,
            end: id + 1,
        });
        let p = &mut self.doc.nodes[parent as usize];
        let last = p.last_child;
        p.last_child = id;
        if last == NONE {
            p.first_child = id;
        } else {
            self.doc.nodes[last as usize].next_sibling = id;
        }
        id
    }

    /// Appends an element to the current node and opens it (unless `void`).
    fn insert(&mut self, name: Range, attrs: Range, void: bool, foreign: bool) -> u32 {
        let id = self.append(Kind::Element { name, attrs });
        if !void {
            self.stack.push((id, foreign));
        }
        id
    }

    /// Closes the open elements from the `k`th (from the bottom of the stack) up.
    fn pop_to(&mut self, k: usize) {
        let end = self.doc.nodes.len() as u32;
        for &(id, _) in &self.stack[k..] {
            self.doc.nodes[id as usize].end = end;
        }
        self.stack.truncate(k);
    }

    /// Text of the page: before the body, white space is dropped and other text opens the body.
    fn text(&mut self, s: &str) {
        if self.mode != Mode::InBody {
            if s.bytes().all(is_space) {
                return;
            }
            self.body();
        }
        self.append_text(s);
    }

    /// Text of the current node, joined to the text node before it if they touch. A slice of
    /// the page is kept where it stands; decoded text, and text joined to a piece of another
    /// kind, goes to the buffer.
    fn append_text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        let source = self.source_range(s);
        let parent = self.current() as usize;
        let last = self.doc.nodes[parent].last_child;
        if last != NONE
            && last as usize + 1 == self.doc.nodes.len()
            && let Kind::Text(r) = self.doc.nodes[last as usize].kind
        {
            let joined = match source {
                Some(new) if r.in_source() && r.end == new.start & !Range::SOURCE => {
                    Range { start: r.start, end: new.end }
                }
                _ => {
                    // Into the buffer, the earlier piece first unless it already ends it.
                    let start = if !r.in_source() && r.end as usize == self.doc.buffer.len() {
                        r.start
                    } else {
                        let start = self.doc.buffer.len() as u32;
                        let from = (r.start & !Range::SOURCE) as usize..r.end as usize;
                        if r.in_source() {
                            self.doc.buffer.push_str(&self.html[from]);
                        } else {
                            let earlier = self.doc.buffer[from].to_string();
                            self.doc.buffer.push_str(&earlier);
                        }
                        start
                    };
                    self.doc.buffer.push_str(s);
                    Range { start, end: self.doc.buffer.len() as u32 }
                }
            };
            self.doc.nodes[last as usize].kind = Kind::Text(joined);
            return;
        }
        let range = source.unwrap_or_else(|| {
            let start = self.doc.buffer.len() as u32;
            self.doc.buffer.push_str(s);
            Range { start, end: self.doc.buffer.len() as u32 }
        });
        self.append(Kind::Text(range));
    }

    /// Opens what the page left implied, up to `body`.
    fn body(&mut self) {
        loop {
            match self.mode {
                Mode::BeforeHtml => {
                    self.insert(HTML, NO_ATTRS, false, false);
                    self.mode = Mode::BeforeHead;
                }
                Mode::BeforeHead => {
                    self.insert(HEAD, NO_ATTRS, false, false);
                    self.mode = Mode::InHead;
                }
                Mode::InHead => {
                    self.pop_to(self.stack.len().saturating_sub(1));
                    self.mode = Mode::AfterHead;
                }
                Mode::AfterHead => {
                    self.insert(BODY, NO_ATTRS, false, false);
                    self.mode = Mode::InBody;
                }
                Mode::InBody => return,
            }
        }
    }

    fn start_tag(&mut self, tag: &Tag, name: &str) -> Content {
        match self.mode {
            Mode::BeforeHtml => {
                self.insert(HTML, if name == "html" { tag.attrs } else { NO_ATTRS }, false, false);
                self.mode = Mode::BeforeHead;
                if name == "html" {
                    return Content::Markup;
                }
                self.start_tag(tag, name)
            }
            Mode::BeforeHead => {
                if name == "html" {
                    return Content::Markup;
                }
                let head = name == "head";
                self.insert(HEAD, if head { tag.attrs } else { NO_ATTRS }, false, false);
                self.mode = Mode::InHead;
                if head { Content::Markup } else { self.start_tag(tag, name) }
            }
            Mode::InHead => {
                if head_content(name) {
                    return self.in_body(tag, name);
                }
                if matches!(name, "head" | "html") {
                    return Content::Markup;
                }
                self.pop_to(self.stack.len().saturating_sub(1));
                self.mode = Mode::AfterHead;
                self.start_tag(tag, name)
            }
            Mode::AfterHead => {
                if name == "html" {
                    return Content::Markup;
                }
                self.mode = Mode::InBody;
                if name == "body" {
                    self.insert(BODY, tag.attrs, false, false);
                    return Content::Markup;
                }
                self.insert(BODY, NO_ATTRS, false, false);
                self.in_body(tag, name)
            }
            Mode::InBody => self.in_body(tag, name),
        }
    }

    fn in_body(&mut self, tag: &Tag, name: &str) -> Content {
        if self.stack.last().is_some_and(|&(_, foreign)| foreign) {
            if !breaks_out_of_foreign(name) {
                return self.open(tag, tag.self_closing, true, Content::Markup);
            }
            while self.stack.last().is_some_and(|&(_, foreign)| foreign) {
                self.pop_to(self.stack.len() - 1);
            }
        }
        match name {
            "html" | "body" | "head" | "frameset" => return Content::Markup,
            "li" => {
                self.close_list_item(|n| n == "li");
                self.close_p();
            }
            "dd" | "dt" => {
                self.close_list_item(|n| matches!(n, "dd" | "dt"));
                self.close_p();
            }
            "a" => {
                if let Some(k) = self.open_before_block("a") {
                    self.pop_to(k);
                }
            }
            "button" => {
                if let Some(k) = self.in_scope(|n| n == "button", &[]) {
                    self.pop_to(k);
                }
            }
            "td" | "th" => self.close_in_table(|n| matches!(n, "td" | "th")),
            "tr" => self.close_in_table(|n| n == "tr"),
            "tbody" | "thead" | "tfoot" => self.close_in_table(|n| matches!(n, "tbody" | "thead" | "tfoot")),
            // Ruby annotations close the open one: `<ruby>漢<rt>kan<rt>ji</ruby>`.
            "rb" | "rt" | "rp" | "rtc" => {
                while matches!(self.current_name(), "rb" | "rt" | "rp")
                    || (matches!(name, "rb" | "rtc") && self.current_name() == "rtc")
                {
                    self.pop_to(self.stack.len() - 1);
                }
            }
            "option" | "optgroup" => {
                if self.current_name() == "option" {
                    self.pop_to(self.stack.len() - 1);
                }
                if name == "optgroup" && self.current_name() == "optgroup" {
                    self.pop_to(self.stack.len() - 1);
                }
            }
            _ if closes_p(name) => {
                self.close_p();
                if heading(name) && heading(self.current_name()) {
                    self.pop_to(self.stack.len() - 1);
                }
            }
            _ => {}
        }
        let content = match name {
            "script" | "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Content::Raw,
            "title" | "textarea" => Content::Escapable,
            "plaintext" => Content::Plain,
            _ => Content::Markup,
        };
        let foreign = matches!(name, "svg" | "math");
        let void = void(name) || (foreign && tag.self_closing);
        self.open(tag, void, foreign, content)
    }

    /// Appends the element, and opens it unless it is void or past the depth limit.
    fn open(&mut self, tag: &Tag, void: bool, foreign: bool, content: Content) -> Content {
        if !void && self.stack.len() >= MAX_DEPTH {
            self.excess += 1;
            return if content == Content::Markup { content } else { Content::Dropped };
        }
        self.insert(tag.name, tag.attrs, void, foreign);
        content
    }

    fn end_tag(&mut self, name: &str) {
        if self.excess > 0 {
            self.excess -= 1;
            return;
        }
        match self.mode {
            Mode::InBody => {}
            Mode::InHead => {
                // `</head>`, or the end of an element open in the head (a `template`).
                let head = 1;
                if name == "head" {
                    self.pop_to(head);
                    self.mode = Mode::AfterHead;
                } else if let Some(k) =
                    (head + 1..self.stack.len()).rev().find(|&k| self.name(self.stack[k].0) == name)
                {
                    self.pop_to(k);
                }
                return;
            }
            _ => return,
        }
        // SVG and MathML: the innermost open foreign element of that name.
        for k in (0..self.stack.len()).rev() {
            let (id, foreign) = self.stack[k];
            if !foreign {
                break;
            }
            if self.name(id) == name {
                self.pop_to(k);
                return;
            }
        }
        let found = match name {
            "body" | "html" => None,
            "br" => {
                self.insert(BR, NO_ATTRS, true, false);
                None
            }
            "p" => self.in_scope(|n| n == "p", &["button"]),
            "li" => self.in_scope(|n| n == "li", &["ol", "ul"]),
            "dd" | "dt" => self.in_scope(|n| n == name, &[]),
            _ if heading(name) => self.in_scope(heading, &[]),
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup" => {
                self.in_table_scope(name)
            }
            _ if closes_in_scope(name) => self.in_scope(|n| n == name, &[]),
            _ => self.open_before_block(name),
        };
        if let Some(k) = found {
            self.pop_to(k);
        }
    }

    /// Where an element for which `target` holds is open within the default scope (and the
    /// `extra` boundaries), as an index of the stack.
    fn in_scope(&self, target: impl Fn(&str) -> bool, extra: &[&str]) -> Option<usize> {
        for k in (0..self.stack.len()).rev() {
            let (id, foreign) = self.stack[k];
            let n = self.name(id);
            if target(n) && !foreign {
                return Some(k);
            }
            if scope_boundary(n, foreign) || extra.contains(&n) {
                return None;
            }
        }
        None
    }

    /// Where the innermost open element for which `target` holds stands in the stack, looking
    /// down from the current node and giving up at one for which `stop` holds.
    fn find_open(&self, target: impl Fn(&str) -> bool, stop: impl Fn(&str) -> bool) -> Option<usize> {
        for k in (0..self.stack.len()).rev() {
            let n = self.name(self.stack[k].0);
            if target(n) {
                return Some(k);
            }
            if stop(n) {
                return None;
            }
        }
        None
    }

    fn in_table_scope(&self, name: &str) -> Option<usize> {
        self.find_open(|n| n == name, table_boundary)
    }

    /// Where `name` is open with no special (block) element above it: the rule for end tags
    /// of inline elements, so that `</b>` never closes a `div` opened inside the `b`.
    fn open_before_block(&self, name: &str) -> Option<usize> {
        self.find_open(|n| n == name, special)
    }

    fn close_p(&mut self) {
        if let Some(k) = self.in_scope(|n| n == "p", &["button"]) {
            self.pop_to(k);
        }
    }

    /// A new list item (or definition term) closes the open one, unless a block other than
    /// `address`, `div` or `p` stands between.
    fn close_list_item(&mut self, item: impl Fn(&str) -> bool) {
        if let Some(k) = self.find_open(item, |n| special(n) && !matches!(n, "address" | "div" | "p")) {
            self.pop_to(k);
        }
    }

    /// A new cell, row or row group closes the open one of its table.
    fn close_in_table(&mut self, target: impl Fn(&str) -> bool) {
        if let Some(k) = self.find_open(target, table_boundary) {
            self.pop_to(k);
        }
    }

    fn finish(mut self) -> Document<'h> {
        self.pop_to(0);
        self.doc.nodes[0].end = self.doc.nodes.len() as u32;
        self.doc
    }
}

/// Where the raw text of an element named `name` ends in `rest`: at `</name` followed by white
/// space, `/` or `>` (or the end of the input), case ignored.
fn raw_end(rest: &[u8], name: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(rel) = memchr::memmem::find(&rest[from..], b"</") {
        let at = from + rel;
        let after = at + 2 + name.len();
        if rest.len() >= after
            && rest[at + 2..after].eq_ignore_ascii_case(name)
            && rest.get(after).is_none_or(|&b| tag_end(b))
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// Appends `s` with its character references decoded.
fn push_decoded(out: &mut String, s: &str, in_attr: bool) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(rel) = memchr::memchr(b'&', &bytes[i..]) {
        out.push_str(&s[i..i + rel]);
        i += rel + 1;
        match entities::decode(&bytes[i..], in_attr, out) {
            Some(n) => i += n,
            None => out.push('&'),
        }
    }
    out.push_str(&s[i..]);
}

fn heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "image"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements that belong in the head when they come before the body.
fn head_content(name: &str) -> bool {
    matches!(
        name,
        "base"
            | "basefont"
            | "bgsound"
            | "link"
            | "meta"
            | "title"
            | "noscript"
            | "noframes"
            | "style"
            | "script"
            | "template"
    )
}

/// Start tags that close an open `p`.
fn closes_p(name: &str) -> bool {
    heading(name)
        || matches!(
            name,
            "address"
                | "article"
                | "aside"
                | "blockquote"
                | "center"
                | "details"
                | "dialog"
                | "dir"
                | "div"
                | "dl"
                | "fieldset"
                | "figcaption"
                | "figure"
                | "footer"
                | "form"
                | "header"
                | "hgroup"
                | "hr"
                | "listing"
                | "main"
                | "menu"
                | "nav"
                | "ol"
                | "p"
                | "plaintext"
                | "pre"
                | "search"
                | "section"
                | "summary"
                | "table"
                | "ul"
                | "xmp"
        )
}

/// End tags matched only within their scope.
fn closes_in_scope(name: &str) -> bool {
    closes_p(name) || matches!(name, "applet" | "button" | "marquee" | "object" | "select" | "template")
}

/// Where a search for an open cell, row or table element stops.
fn table_boundary(name: &str) -> bool {
    matches!(name, "html" | "table" | "template")
}

fn scope_boundary(name: &str, foreign: bool) -> bool {
    if foreign {
        return matches!(name, "foreignobject" | "desc" | "title" | "annotation-xml");
    }
    matches!(name, "applet" | "caption" | "html" | "table" | "td" | "th" | "marquee" | "object" | "template")
}

/// The standard's "special" elements: an end tag of an inline element does not reach past them.
fn special(name: &str) -> bool {
    closes_in_scope(name)
        || void(name)
        || head_content(name)
        || matches!(
            name,
            "body"
                | "caption"
                | "colgroup"
                | "dd"
                | "dt"
                | "frameset"
                | "head"
                | "html"
                | "iframe"
                | "li"
                | "noembed"
                | "tbody"
                | "td"
                | "textarea"
                | "tfoot"
                | "th"
                | "thead"
                | "tr"
                | "svg"
                | "math"
        )
}

/// HTML start tags that end SVG or MathML content.
fn breaks_out_of_foreign(name: &str) -> bool {
    heading(name)
        || matches!(
            name,
            "b" | "big"
                | "blockquote"
                | "body"
                | "br"
                | "center"
                | "code"
                | "dd"
                | "div"
                | "dl"
                | "dt"
                | "em"
                | "embed"
                | "head"
                | "hr"
                | "i"
                | "img"
                | "li"
                | "listing"
                | "menu"
                | "meta"
                | "nobr"
                | "ol"
                | "p"
                | "pre"
                | "ruby"
                | "s"
                | "small"
                | "span"
                | "strong"
                | "strike"
                | "sub"
                | "sup"
                | "table"
                | "tt"
                | "u"
                | "ul"
                | "var"
        )
}
