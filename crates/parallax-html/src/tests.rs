//! Tree shapes for the rules the parser keeps, and robustness on any input.

use proptest::prelude::*;

use crate::{Document, Edge, NodeRef};

/// The tree in brackets: `p(b("x") "y")`; the document node is left out.
fn shape(html: &str) -> String {
    fn write(node: NodeRef<'_>, out: &mut String) {
        if let Some(t) = node.text() {
            out.push_str(&format!("{t:?}"));
            return;
        }
        if let Some(e) = node.element() {
            out.push_str(e.name());
            for (n, v) in e.attrs() {
                out.push_str(&format!("[{n}={v}]"));
            }
        }
        if node.children().next().is_some() {
            out.push('(');
            for (i, c) in node.children().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                write(c, out);
            }
            out.push(')');
        }
    }
    let doc = Document::parse(html);
    let mut out = String::new();
    for (i, c) in doc.root().children().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        write(c, &mut out);
    }
    out
}

#[track_caller]
fn body(html: &str, expect: &str) {
    let got = shape(html);
    let inner = got.strip_prefix("html(head body(").and_then(|s| s.strip_suffix("))"));
    assert_eq!(inner.unwrap_or(&got), expect, "{html}");
}

#[test]
fn implied_html_head_and_body() {
    assert_eq!(shape("Hello"), r#"html(head body("Hello"))"#);
    assert_eq!(
        shape(
            "<!DOCTYPE html><html lang=en><head><title>T</title><meta charset=utf-8></head><body class=x><p>A"
        ),
        r#"html[lang=en](head(title("T") meta[charset=utf-8]) body[class=x](p("A")))"#
    );
    assert_eq!(shape("<title>T</title><p>A"), r#"html(head(title("T")) body(p("A")))"#);
    assert_eq!(shape("<meta name=a>\n  <div>x</div>"), r#"html(head(meta[name=a]) body(div("x")))"#);
    assert_eq!(shape(""), "");
}

#[test]
fn paragraphs_close_on_blocks_and_items_on_siblings() {
    body("<p>a<p>b<div>c</div>", r#"p("a") p("b") div("c")"#);
    body("<ul><li>a<li>b</ul>", r#"ul(li("a") li("b"))"#);
    body("<ul><li>a<ul><li>b</ul><li>c</ul>", r#"ul(li("a" ul(li("b"))) li("c"))"#);
    body("<dl><dt>t<dd>d<dt>u</dl>", r#"dl(dt("t") dd("d") dt("u"))"#);
    body("<h1>a<h2>b</h1>c", r#"h1("a") h2("b") "c""#);
    body("<p>a<table><tr><td>x<td>y<tr><td>z</table>", r#"p("a") table(tr(td("x") td("y")) tr(td("z")))"#);
    body("<select><option>a<option>b</select>", r#"select(option("a") option("b"))"#);
    body("<ruby>a<rp>(<rt>x<rp>)</ruby>", r#"ruby("a" rp("(") rt("x") rp(")"))"#);
    body("<ruby>a<rtc>b<rt>x<rb>c</ruby>", r#"ruby("a" rtc("b" rt("x")) rb("c"))"#);
    body("<p>a</p></p>b", r#"p("a") "b""#);
}

#[test]
fn end_tags_stay_in_scope_and_inline_ends_do_not_close_blocks() {
    body("<div><b>x<div>y</b>z</div></div>w", r#"div(b("x" div("yz"))) "w""#);
    body("<div><span>x</div>y", r#"div(span("x")) "y""#);
    body("<table><tr><td><div>x</td></tr></table>y", r#"table(tr(td(div("x")))) "y""#);
    body("<td>x</div>y", r#"td("xy")"#);
    body("<a href=1>x<a href=2>y</a>", r#"a[href=1]("x") a[href=2]("y")"#);
    body("x</br>y", r#""x" br "y""#);
}

#[test]
fn raw_text_comments_and_void_elements() {
    body(
        "x<script>if (a<b && c>d) { x = '</div>'; }</script><p>t",
        r#""x" script("if (a<b && c>d) { x = '</div>'; }") p("t")"#,
    );
    body("y<style>p{}</STYLE >x", r#""y" style("p{}") "x""#);
    body("<textarea>a &amp; <b></textarea>", r#"textarea("a & <b>")"#);
    body("a<!-- <p>no --->b<!-->c<?pi x>d<!x>e", r#""abcde""#);
    body("<img src=a.jpg alt='A &amp; B'><br/>x", r#"img[src=a.jpg][alt=A & B] br "x""#);
    body("<div/>x", r#"div("x")"#);
    body("a < b <3 </ c> d", r#""a < b <3  d""#);
    body("<plaintext><p>x", r#"plaintext("<p>x")"#);
}

#[test]
fn attributes() {
    body(
        r#"<p CLASS="A b" id=x data-x = 'y' hidden class=dup>t"#,
        r#"p[class=A b][id=x][data-x=y][hidden=]("t")"#,
    );
    body(r#"<a href="?a=1&copy=2&amp;b">t"#, r#"a[href=?a=1&copy=2&b]("t")"#);
    body(r#"<p title="a>b">t"#, r#"p[title=a>b]("t")"#);
    // The input ends inside a tag: the tag is dropped.
    body(r#"x<p class="unterminated"#, r#""x""#);
    body("x<p", r#""x""#);
}

#[test]
fn character_references_in_text() {
    body(
        "Fish &amp; chips &eacute;t&eacute; &#8212; &#x41;&nosuch; &",
        r#""Fish & chips été — A&nosuch; &""#,
    );
}

#[test]
fn svg_and_math() {
    body("<svg><path d='1'/><title>t</title></svg><p>x", r#"svg(path[d=1] title("t")) p("x")"#);
    body("<svg><g><p>x</g>", r#"svg(g) p("x")"#);
}

#[test]
fn deep_nesting_is_cut_at_the_limit() {
    let depth = 100_000;
    let html = format!("{}<p>deep</p>{}<p>after</p>", "<div>".repeat(depth), "</div>".repeat(depth));
    let doc = Document::parse(&html);
    let deepest = doc.root().descendants().map(|n| n.ancestors().count()).max().unwrap_or(0);
    assert!(deepest <= crate::MAX_DEPTH + 1, "{deepest}");
    let texts: Vec<_> = doc.root().descendants().filter_map(|n| n.text()).collect();
    assert_eq!(texts, ["deep", "after"]);
    // "after" is outside every div: the dropped start tags' end tags were dropped too.
    let after = doc.root().descendants().find(|n| n.text() == Some("after")).expect("after");
    assert!(after.ancestors().all(|a| a.element().is_none_or(|e| e.name() != "div")));
}

#[test]
fn navigation() {
    let doc = Document::parse("<div id=a><p>x</p><p>y<b>z</b></p></div>");
    let div = doc.root().descendants().find(|n| n.element().is_some_and(|e| e.attr("id") == Some("a")));
    let div = div.expect("div");
    assert_eq!(div.children().count(), 2);
    assert_eq!(div.text_content(), "xyz");
    assert_eq!(div.descendants().count(), 7);
    let backwards: Vec<_> = div.descendants().rev().map(|n| n.id()).collect();
    let forwards: Vec<_> = div.descendants().map(|n| n.id()).collect();
    assert_eq!(backwards, forwards.into_iter().rev().collect::<Vec<_>>());
    let b = div.descendants().find(|n| n.element().is_some_and(|e| e.name() == "b")).expect("b");
    let up: Vec<_> = b.ancestors().filter_map(|a| a.element().map(|e| e.name())).collect();
    assert_eq!(up, ["p", "div", "body", "html"]);
    assert_eq!(doc.get(b.id()), Some(b));
    let edges: Vec<String> = div
        .traverse()
        .map(|e| match e {
            Edge::Open(n) => format!("+{:?}", n),
            Edge::Close(n) => format!("-{:?}", n),
        })
        .collect();
    assert_eq!(edges.len(), 14);
    assert_eq!(edges.first().map(String::as_str), Some("+<div>#4"));
    assert_eq!(edges.last().map(String::as_str), Some("-<div>#4"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any input parses; every node's subtree is the nodes right after it, and the text is the
    /// input's text in order.
    #[test]
    fn any_input_gives_a_well_formed_tree(html in "(<[/!?]?[a-zA-Z]{0,3}( [a-z]{1,2}(=['\"]?[a-z&;<>]{0,3}['\"]?)?)?/?>|&[a-z#0-9]{0,4};?|[a-z <>\"'&/=!-]{0,4}|\u{e9}|<script>|</script>|<!--|-->){0,40}") {
        let doc = Document::parse(&html);
        for node in doc.root().descendants() {
            let end = node.id().index() + node.descendants().count();
            for child in node.children() {
                prop_assert_eq!(child.parent(), Some(node));
                prop_assert!(child.id() > node.id() && child.id().index() < end);
            }
        }
        prop_assert_eq!(doc.root().descendants().count(), doc.len());
    }
}
