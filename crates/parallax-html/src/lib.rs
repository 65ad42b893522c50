//! A fast, forgiving HTML parser for article extraction.
//!
//! [`Document::parse`] reads a page in one pass and builds a flat tree: every node lives in one
//! vector **in document order**, so a node's descendants are the nodes right after it, up to
//! its `end`. Text, tag names and attributes live in one string buffer; no node owns an
//! allocation. [`NodeRef`] navigates the tree (parent, children, descendants, ancestors, and a
//! [`NodeRef::traverse`] of open and close edges without recursion).
//!
//! ```
//! use parallax_html::Document;
//!
//! let doc = Document::parse("<p class=lead>Fish &amp; chips<p>Second");
//! let paragraphs: Vec<_> =
//!     doc.root().descendants().filter(|n| n.element().is_some_and(|e| e.name() == "p")).collect();
//! assert_eq!(paragraphs.len(), 2);
//! assert_eq!(paragraphs[0].element().and_then(|e| e.attr("class")), Some("lead"));
//! assert_eq!(paragraphs[0].text_content(), "Fish & chips");
//! ```
//!
//! # What it does and does not do
//!
//! The tokenizer follows the WHATWG HTML tokenizer where article text depends on it: tags
//! and attributes (quoted, unquoted, duplicated), comments, doctypes and processing
//! instructions, the raw text of `script`, `style` and the like, `title` and `textarea` with
//! their character references, and all named and numeric character references. The tree
//! builder follows the HTML tree-construction rules that decide block structure: implied
//! `html`, `head` and `body`; paragraphs closed by blocks; list items, definition terms, table
//! cells, rows, options and ruby annotations closed by their next sibling; end tags matched
//! within their scope and ignored when a block stands between (a stray `</b>` never closes a
//! `div`); void elements; `svg` and `math` with self-closing tags. It does not move nodes after creating
//! them: there is no foster parenting of text misplaced in tables and no adoption agency for
//! misnested formatting elements, which change where inline markup sits but not which text a
//! block holds. So the tree stays in document order and building it is one linear pass.
//!
//! Elements nest at most [`MAX_DEPTH`] levels: deeper tags are dropped (their text is kept), so
//! a page of 100,000 nested `div`s costs neither stack nor quadratic time.

mod charset;
mod entities;
mod parse;

pub use charset::decode;

/// How deep elements nest at most; deeper start tags are left out, their text kept.
pub const MAX_DEPTH: usize = 512;

/// A node's place in its document; ids grow in document order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NodeId(u32);

impl NodeId {
    /// The node's index in document order (the root is 0).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A range of the document's string buffer, or of the page itself when `start` has
/// [`Range::SOURCE`] set (text, names and values that needed no decoding are not copied).
#[derive(Clone, Copy, Debug, Default)]
struct Range {
    start: u32,
    end: u32,
}

impl Range {
    const SOURCE: u32 = 1 << 31;

    fn in_source(self) -> bool {
        self.start & Self::SOURCE != 0
    }
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Document,
    /// Name (lowercase) and the element's attributes, a range of `Document::attrs`.
    Element {
        name: Range,
        attrs: Range,
    },
    Text(Range),
}

const NONE: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
struct NodeData {
    kind: Kind,
    parent: u32,
    next_sibling: u32,
    first_child: u32,
    last_child: u32,
    /// One past the last descendant.
    end: u32,
}

/// A parsed page; it borrows the page's text.
#[derive(Debug)]
pub struct Document<'h> {
    source: &'h str,
    nodes: Vec<NodeData>,
    buffer: String,
    /// Attribute names and values, ranges of `buffer`.
    attrs: Vec<(Range, Range)>,
}

impl<'h> Document<'h> {
    /// Parses `html`; never fails (malformed markup is read as browsers read it).
    pub fn parse(html: &'h str) -> Document<'h> {
        parse::parse(html)
    }

    /// The document node, parent of everything.
    pub fn root(&self) -> NodeRef<'_> {
        NodeRef { doc: self, id: 0 }
    }

    /// The node `id`, if it is in this document.
    pub fn get(&self, id: NodeId) -> Option<NodeRef<'_>> {
        (id.index() < self.nodes.len()).then_some(NodeRef { doc: self, id: id.0 })
    }

    /// How many nodes the document has (the root, elements and text).
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether the document has only its root.
    pub fn is_empty(&self) -> bool {
        self.nodes.len() <= 1
    }

    fn str(&self, r: Range) -> &str {
        if r.in_source() {
            self.source.get((r.start & !Range::SOURCE) as usize..r.end as usize).unwrap_or_default()
        } else {
            self.buffer.get(r.start as usize..r.end as usize).unwrap_or_default()
        }
    }
}

/// A node and its document.
#[derive(Clone, Copy)]
pub struct NodeRef<'a> {
    doc: &'a Document<'a>,
    id: u32,
}

impl std::fmt::Debug for NodeRef<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.element(), self.text()) {
            (Some(e), _) => write!(f, "<{}>#{}", e.name(), self.id),
            (_, Some(t)) => write!(f, "{t:?}#{}", self.id),
            _ => write!(f, "document"),
        }
    }
}

impl PartialEq for NodeRef<'_> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.doc, other.doc) && self.id == other.id
    }
}

impl Eq for NodeRef<'_> {}

/// An edge of a depth-first walk: a node is opened, its descendants are walked, it is closed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge<'a> {
    Open(NodeRef<'a>),
    Close(NodeRef<'a>),
}

impl<'a> NodeRef<'a> {
    fn data(&self) -> &'a NodeData {
        &self.doc.nodes[self.id as usize]
    }

    fn at(&self, id: u32) -> Option<NodeRef<'a>> {
        (id != NONE).then_some(NodeRef { doc: self.doc, id })
    }

    /// The node's id.
    pub fn id(&self) -> NodeId {
        NodeId(self.id)
    }

    /// The element this node is, if it is one.
    pub fn element(&self) -> Option<Element<'a>> {
        match self.data().kind {
            Kind::Element { name, attrs } => Some(Element { doc: self.doc, name, attrs }),
            _ => None,
        }
    }

    /// The text of a text node (character references decoded).
    pub fn text(&self) -> Option<&'a str> {
        match self.data().kind {
            Kind::Text(r) => Some(self.doc.str(r)),
            _ => None,
        }
    }

    /// Whether this is the document node.
    pub fn is_document(&self) -> bool {
        matches!(self.data().kind, Kind::Document)
    }

    /// The parent, `None` for the root.
    pub fn parent(&self) -> Option<NodeRef<'a>> {
        self.at(self.data().parent)
    }

    /// The children, in order.
    pub fn children(&self) -> Children<'a> {
        Links { doc: self.doc, next: self.data().first_child, step: |n| n.next_sibling }
    }

    /// The parent, its parent, and so on up to the root (not this node).
    pub fn ancestors(&self) -> Ancestors<'a> {
        Links { doc: self.doc, next: self.data().parent, step: |n| n.parent }
    }

    /// This node and everything under it, in document order.
    pub fn descendants(&self) -> Descendants<'a> {
        Descendants { doc: self.doc, next: self.id, end: self.data().end }
    }

    /// Open and close edges of this node and everything under it, in document order.
    pub fn traverse(&self) -> Traverse<'a> {
        Traverse { doc: self.doc, next: self.id, end: self.data().end, open: Vec::new() }
    }

    /// Whether `other` is this node or one of its descendants.
    pub fn contains(&self, other: NodeId) -> bool {
        (self.id..self.data().end).contains(&other.0)
    }

    /// The text under this node, joined as it stands.
    pub fn text_content(&self) -> String {
        let mut s = String::new();
        for d in self.descendants() {
            if let Some(t) = d.text() {
                s.push_str(t);
            }
        }
        s
    }
}

/// An element: its name and attributes.
#[derive(Clone, Copy)]
pub struct Element<'a> {
    doc: &'a Document<'a>,
    name: Range,
    attrs: Range,
}

impl<'a> Element<'a> {
    /// The tag name, lowercase ASCII.
    pub fn name(&self) -> &'a str {
        self.doc.str(self.name)
    }

    /// The value of the attribute `name` (lowercase), if the element has it.
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// The attributes, names lowercase, in source order (the first of duplicates only).
    pub fn attrs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + 'a {
        let doc = self.doc;
        doc.attrs[self.attrs.start as usize..self.attrs.end as usize]
            .iter()
            .map(move |(n, v)| (doc.str(*n), doc.str(*v)))
    }
}

/// Nodes reached by following one link from node to node: see [`NodeRef::children`] (next
/// siblings) and [`NodeRef::ancestors`] (parents).
pub struct Links<'a> {
    doc: &'a Document<'a>,
    next: u32,
    step: fn(&NodeData) -> u32,
}

/// See [`NodeRef::children`].
pub type Children<'a> = Links<'a>;

/// See [`NodeRef::ancestors`].
pub type Ancestors<'a> = Links<'a>;

impl<'a> Iterator for Links<'a> {
    type Item = NodeRef<'a>;

    fn next(&mut self) -> Option<NodeRef<'a>> {
        (self.next != NONE).then(|| {
            let node = NodeRef { doc: self.doc, id: self.next };
            self.next = (self.step)(node.data());
            node
        })
    }
}

/// See [`NodeRef::descendants`].
pub struct Descendants<'a> {
    doc: &'a Document<'a>,
    next: u32,
    end: u32,
}

impl<'a> Iterator for Descendants<'a> {
    type Item = NodeRef<'a>;

    fn next(&mut self) -> Option<NodeRef<'a>> {
        (self.next < self.end).then(|| {
            let node = NodeRef { doc: self.doc, id: self.next };
            self.next += 1;
            node
        })
    }
}

/// Backwards, every node comes before its parent: one pass sums values up the tree.
impl DoubleEndedIterator for Descendants<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        (self.next < self.end).then(|| {
            self.end -= 1;
            NodeRef { doc: self.doc, id: self.end }
        })
    }
}

/// See [`NodeRef::traverse`].
pub struct Traverse<'a> {
    doc: &'a Document<'a>,
    next: u32,
    end: u32,
    /// Open nodes, innermost last, with where their subtrees end.
    open: Vec<(u32, u32)>,
}

impl<'a> Iterator for Traverse<'a> {
    type Item = Edge<'a>;

    fn next(&mut self) -> Option<Edge<'a>> {
        if let Some(&(id, end)) = self.open.last()
            && end <= self.next
        {
            self.open.pop();
            return Some(Edge::Close(NodeRef { doc: self.doc, id }));
        }
        if self.next >= self.end {
            return None;
        }
        let node = NodeRef { doc: self.doc, id: self.next };
        self.open.push((self.next, node.data().end));
        self.next += 1;
        Some(Edge::Open(node))
    }
}

#[cfg(test)]
mod tests;
