//! A drawing made fit to paste into the web page as inline SVG.
//!
//! Every drawing on one HTML page shares the page's document: two drawings that both say `id="drawing"` (or
//! `clipPath id="inset-…"`) would point at each other's parts, and a `<style>` inside one would restyle the whole
//! page. So the SVG is parsed and written again with:
//! - only SVG elements that draw (no `script`, `style`, `foreignObject`, `image`, `a`, nothing from another
//!   namespace), and no event handlers, `style` or `class` attributes, nor any link that leaves the drawing;
//! - every `id` prefixed (`d3-drawing`), with the `url(#…)` and `href="#…"` references that point to it;
//! - no `width`/`height` on the root, so the page's CSS sizes it from the `viewBox`; `role="img"` and the
//!   alternative text as `aria-label`.
//!
//! The drawings are Stepwise's own, compiled in; this keeps the page sound whatever a future drawing holds.

use std::fmt::Write as _;

const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";

/// Elements that are never copied, with everything inside them.
const DROPPED_ELEMENTS: [&str; 8] = ["script", "style", "foreignObject", "image", "a", "iframe", "audio", "video"];

/// The drawing as inline SVG markup, or `None` when it is not an SVG document. `prefix` makes its ids unique on
/// the page; `label` is read out by screen readers.
pub(crate) fn inline(bytes: &[u8], prefix: &str, label: &str) -> Option<String> {
    let text = std::str::from_utf8(bytes).ok()?;
    let document = roxmltree::Document::parse(text).ok()?;
    let root = document.root_element();
    if root.tag_name().name() != "svg" || root.tag_name().namespace() != Some(SVG_NAMESPACE) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    // A `use` draws its target with the `use`'s inherited styles, which the tree walk below cannot see.
    let joins = (!document.descendants().any(|n| n.tag_name().name() == "use")).then_some(Joins::ROOT);
    write_element(&mut out, root, prefix, Some(label), joins);
    Some(out)
}

/// `stroke-linejoin` said once: the drawings give most stroked shapes `round`, a thousand times on a long page.
/// The root says `round`; a shape says its own line join only where that differs from what it would now inherit.
/// Containers draw nothing, so only shapes need the value they had.
#[derive(Clone, Copy)]
struct Joins<'a> {
    /// What the element's parent had, as drawn (`miter` when nothing said otherwise).
    drawn: &'a str,
    /// What the element now inherits on the page.
    inherited: &'a str,
}

impl Joins<'_> {
    const ROOT: Self = Joins { drawn: "miter", inherited: "round" };
}

const CONTAINERS: [&str; 9] = ["svg", "g", "defs", "symbol", "clipPath", "mask", "pattern", "marker", "switch"];

fn write_element(
    out: &mut String,
    node: roxmltree::Node<'_, '_>,
    prefix: &str,
    root_label: Option<&str>,
    joins: Option<Joins<'_>>,
) {
    let name = node.tag_name().name();
    out.push('<');
    out.push_str(name);
    let own_join = node.attribute("stroke-linejoin");
    let children_joins = joins.map(|parent| {
        let drawn = own_join.unwrap_or(parent.drawn);
        if root_label.is_some() {
            out.push_str(" stroke-linejoin=\"round\"");
            Joins { drawn, inherited: "round" }
        } else if CONTAINERS.contains(&name) {
            Joins { drawn, inherited: parent.inherited }
        } else {
            // A join only shows on a stroke: a shape that is only filled (and holds nothing) can inherit any.
            let stroked = node.ancestors().find_map(|a| a.attribute("stroke")).is_some_and(|stroke| stroke != "none");
            let holds_elements = node.children().any(|child| child.is_element());
            if drawn != parent.inherited && (stroked || holds_elements) {
                let _ = write!(out, " stroke-linejoin=\"{}\"", escape(drawn));
                Joins { drawn, inherited: drawn }
            } else {
                Joins { drawn, inherited: parent.inherited }
            }
        }
    });
    for attribute in node.attributes() {
        if joins.is_some() && attribute.name() == "stroke-linejoin" && attribute.namespace().is_none() {
            continue;
        }
        // `xml:space`, `xlink:href` ...: only plain SVG attributes are copied (references are rewritten below).
        let namespaced = attribute.namespace().is_some();
        let key = attribute.name();
        let is_link = key == "href";
        if namespaced && !(is_link && attribute.namespace() == Some("http://www.w3.org/1999/xlink")) {
            continue;
        }
        if key.starts_with("on") || key == "style" || key == "class" {
            continue;
        }
        if root_label.is_some() && (key == "width" || key == "height") {
            continue;
        }
        let value = attribute.value();
        let value = if key == "id" {
            format!("{prefix}{value}")
        } else if is_link {
            // Only links to a part of this same drawing survive.
            match value.strip_prefix('#') {
                Some(target) => format!("#{prefix}{target}"),
                None => continue,
            }
        } else if key == "d" && name == "path" {
            // Most of a drawing's bytes: written shorter (relative, whole units); kept as drawn if not understood.
            super::path_data::compact(value).unwrap_or_else(|| value.to_owned())
        } else {
            match local_references(value, prefix) {
                Some(value) => value,
                None => continue,
            }
        };
        let key = if is_link { "href" } else { key };
        let _ = write!(out, " {key}=\"{}\"", escape(&value));
    }
    if let Some(label) = root_label {
        let _ = write!(out, " role=\"img\" aria-label=\"{}\" focusable=\"false\"", escape(label));
    }
    let mut children = node
        .children()
        .filter(|child| {
            (child.is_element()
                && child.tag_name().namespace() == Some(SVG_NAMESPACE)
                && !DROPPED_ELEMENTS.contains(&child.tag_name().name()))
                || (child.is_text() && !child.text().unwrap_or_default().trim().is_empty())
        })
        .peekable();
    // An empty element closes itself (HTML reads `<path …/>` inside an `<svg>` as SVG does).
    if children.peek().is_none() {
        out.push_str("/>");
        return;
    }
    out.push('>');
    for child in children {
        if child.is_element() {
            write_element(out, child, prefix, None, children_joins);
        } else {
            out.push_str(&escape(child.text().unwrap_or_default()));
        }
    }
    let _ = write!(out, "</{name}>");
}

/// An attribute value with each `url(#id)` pointed at the prefixed id; `None` when it holds a `url(…)` that
/// leaves the drawing (a web address), which is then left out.
fn local_references(value: &str, prefix: &str) -> Option<String> {
    if !value.contains("url(") {
        return Some(value.to_owned());
    }
    let mut out = String::with_capacity(value.len() + prefix.len());
    let mut rest = value;
    while let Some(at) = rest.find("url(") {
        out.push_str(&rest[..at + 4]);
        rest = rest[at + 4..].trim_start_matches(['"', '\'', ' ']);
        let target = rest.strip_prefix('#')?;
        out.push('#');
        out.push_str(prefix);
        rest = target;
    }
    out.push_str(rest);
    Some(out)
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_references_are_prefixed_and_the_root_sized_by_css() {
        let svg = br##"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="300" viewBox="0 0 400 300"><title>Heel &amp; toe</title><defs><clipPath id="inset"><circle r="9"/></clipPath></defs><g id="drawing" clip-path="url(#inset)"><use xlink:href="#inset"/></g></svg>"##;
        let out = inline(svg, "d1-", "Drawing: <heel>").unwrap_or_default();
        assert!(
            out.starts_with(r#"<svg viewBox="0 0 400 300" role="img" aria-label="Drawing: &lt;heel&gt;""#),
            "{out}"
        );
        assert!(out.contains(r#"<clipPath id="d1-inset">"#), "{out}");
        assert!(out.contains(r#"<g id="d1-drawing" clip-path="url(#d1-inset)">"#), "{out}");
        assert!(out.contains(r##"<use href="#d1-inset"/>"##), "{out}");
        assert!(out.contains("<title>Heel &amp; toe</title>"), "{out}");
    }

    #[test]
    fn anything_that_runs_styles_or_leaves_the_drawing_is_left_out() {
        let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><style>body{display:none}</style><rect class="x" style="fill:red" onclick="alert(3)" fill="url(https://example.com/a)" width="5" height="5"/><a href="https://example.com"><circle r="1"/></a><image href="https://example.com/x.png"/><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject></svg>"#;
        let out = inline(svg, "p-", "x").unwrap_or_default();
        for banned in ["alert", "script", "style", "class", "example.com", "foreignObject", "<a", "<image", "<p"] {
            assert!(!out.contains(banned), "{banned} in {out}");
        }
        assert!(out.contains(r#"<rect width="5" height="5"/>"#), "{out}");
    }

    /// Every stroked element's line join, in document order: its own, else its nearest ancestor's, else `miter`.
    fn line_joins(svg: &str) -> Vec<(String, String)> {
        let document = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
        document
            .descendants()
            .filter(|n| n.is_element() && !CONTAINERS.contains(&n.tag_name().name()))
            .filter(|n| !matches!(n.tag_name().name(), "title" | "desc"))
            .filter(|n| n.ancestors().find_map(|a| a.attribute("stroke")).is_some_and(|stroke| stroke != "none"))
            .map(|n| {
                let join = n.ancestors().find_map(|a| a.attribute("stroke-linejoin")).unwrap_or("miter");
                (n.tag_name().name().to_owned(), join.to_owned())
            })
            .collect()
    }

    #[test]
    fn every_shape_keeps_its_line_join_and_round_is_said_once() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><path d="M0 0 L5 5" stroke="#000" stroke-linejoin="round"/><path d="M0 0 L5 9" stroke="#000"/><g stroke-linejoin="bevel"><rect width="2" height="2" stroke="#000"/><rect width="3" height="3" stroke-linejoin="round"/></g></g></svg>"##;
        let out = inline(svg, "p-", "x").unwrap_or_default();
        // The root's round, the second path's miter, the bevel its group gave the first rect; the last rect inherits.
        assert_eq!(out.matches("stroke-linejoin").count(), 3, "{out}");
        let before = line_joins(std::str::from_utf8(svg).unwrap_or_default());
        assert_eq!(line_joins(&out), before);
        for (id, drawing) in crate::assets::ILLUSTRATION_FILES {
            let text = std::str::from_utf8(drawing).unwrap_or_default();
            let out = inline(drawing, "p-", "x").unwrap_or_else(|| panic!("{id} not inlined"));
            assert_eq!(line_joins(&out), line_joins(text), "{id}: a shape's line join changed");
        }
    }

    #[test]
    fn what_is_not_svg_is_refused() {
        assert_eq!(inline(b"<html><body/></html>", "p", "x"), None);
        assert_eq!(inline(b"<svg", "p", "x"), None);
        assert_eq!(inline(&[0xff, 0xfe], "p", "x"), None);
    }
}
