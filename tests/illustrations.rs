//! The exercise drawings (`assets/illustrations/`, written by `tools/illustrations/generate.py`): each one parses,
//! says what it shows, stays inside its frame, keeps to the palette, and mirrors cleanly for a left leg.

use stepwise::assets::{ILLUSTRATION_FILES, illustration_alt_text, illustration_svg};
use usvg::{Node, Paint, Tree};

const WIDTH: f32 = 400.0;
const HEIGHT: f32 = 300.0;

fn parse(id: &str, svg: &[u8]) -> Tree {
    Tree::from_data(svg, &usvg::Options::default()).unwrap_or_else(|e| panic!("{id}.svg does not parse: {e}"))
}

fn ids() -> impl Iterator<Item = &'static str> {
    ILLUSTRATION_FILES.iter().map(|(id, _)| *id)
}

/// The text of `<name>…</name>` in the file, if any.
fn element<'a>(svg: &'a str, name: &str) -> Option<&'a str> {
    let start = svg.find(&format!("<{name}>"))? + name.len() + 2;
    let end = start + svg[start..].find(&format!("</{name}>"))?;
    Some(svg[start..end].trim())
}

#[test]
fn there_are_drawings() {
    assert!(ids().count() > 50, "only {} drawings", ids().count());
    assert!(ids().any(|id| id == "placeholder"));
}

#[test]
fn every_drawing_parses_at_its_size_with_a_title_and_a_description() {
    for (id, bytes) in ILLUSTRATION_FILES {
        let tree = parse(id, bytes);
        assert_eq!((tree.size().width(), tree.size().height()), (WIDTH, HEIGHT), "{id}.svg size");
        assert!(tree.root().has_children(), "{id}.svg is empty");
        assert!(!tree.has_text_nodes(), "{id}.svg uses <text>: draw glyphs as paths");
        let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{id}.svg is not UTF-8: {e}"));
        let title = element(text, "title").unwrap_or_default();
        let desc = element(text, "desc").unwrap_or_default();
        assert!(!title.is_empty(), "{id}.svg has no <title>");
        assert!(desc.len() > 15, "{id}.svg has no real <desc>: {desc:?}");
        assert!(!desc.contains('\n'), "{id}.svg: the description is one line");
        for side in ["left", "right"] {
            assert!(!desc.to_lowercase().contains(side), "{id}.svg: the description names a side ({side}): {desc}");
        }
        assert_eq!(illustration_alt_text(id).as_deref(), Some(desc), "{id}: the alt text is the description");
    }
}

/// Every painted shape, and whether a clip path (an inset circle, the frame of a close view) cuts it; and the
/// bounds of every clip path.
fn visit<'a>(group: &'a usvg::Group, clipped: bool, f: &mut impl FnMut(&'a usvg::Path, bool)) {
    for node in group.children() {
        match node {
            Node::Group(g) => {
                if let Some(clip) = g.clip_path() {
                    visit(clip.root(), false, f); // the clip's shape itself must lie inside the frame
                }
                visit(g, clipped || g.clip_path().is_some(), f);
            }
            Node::Path(p) => f(p, clipped),
            Node::Image(_) | Node::Text(_) => {}
        }
    }
}

#[test]
fn every_drawing_stays_inside_its_view_box() {
    let mut outside = Vec::new();
    for (id, bytes) in ILLUSTRATION_FILES {
        let tree = parse(id, bytes);
        let mut shapes = 0;
        visit(tree.root(), false, &mut |path, clipped| {
            if clipped {
                return; // cut by a clip path that is itself inside the frame
            }
            shapes += 1;
            let b = path.abs_stroke_bounding_box();
            let inside = b.left() >= -0.5 && b.top() >= -0.5 && b.right() <= WIDTH + 0.5 && b.bottom() <= HEIGHT + 0.5;
            if !inside {
                outside.push(format!("{id}.svg: a shape ({b:?}) goes outside the 400 x 300 frame"));
            }
        });
        assert!(shapes > 0, "{id}.svg: nothing is checked");
    }
    assert!(outside.is_empty(), "{}", outside.join("\n"));
}

/// The colours a drawing may use (the generator's palette, `tools/illustrations/generate.py`): four greys that
/// stay apart on a cheap laser printer, and the handout's teal for the working leg, always striped.
const PALETTE: &[&str] = &[
    "#000000", "#ffffff", // ink and paper
    "#555555", "#888888", "#cccccc", "#eeeeee", // greys: hair and shoes, the start pose, far limbs, props
    "#0b6e75", "#8cc9cd", "#d7ecee", // the working leg: stripes, fill, and in the start pose
];

fn hex(c: usvg::Color) -> String {
    format!("#{:02x}{:02x}{:02x}", c.red, c.green, c.blue)
}

fn colours(group: &usvg::Group, out: &mut Vec<String>) {
    for node in group.children() {
        match node {
            Node::Group(g) => {
                colours(g, out);
                if let Some(clip) = g.clip_path() {
                    colours(clip.root(), &mut Vec::new()); // the clip's own paint is never seen
                }
            }
            Node::Path(p) => {
                for paint in p.fill().map(usvg::Fill::paint).into_iter().chain(p.stroke().map(usvg::Stroke::paint)) {
                    match paint {
                        Paint::Color(c) => out.push(hex(*c)),
                        Paint::Pattern(pattern) => colours(pattern.root(), out),
                        Paint::LinearGradient(_) | Paint::RadialGradient(_) => out.push("a gradient".to_owned()),
                    }
                }
            }
            Node::Image(_) | Node::Text(_) => out.push("an image or text".to_owned()),
        }
    }
}

#[test]
fn every_drawing_uses_only_the_palette() {
    for (id, bytes) in ILLUSTRATION_FILES {
        let mut used = Vec::new();
        colours(parse(id, bytes).root(), &mut used);
        for colour in used {
            assert!(PALETTE.contains(&colour.as_str()), "{id}.svg uses {colour}, not in the palette {PALETTE:?}");
        }
    }
}

#[test]
fn every_mirrored_drawing_renders_flipped_with_its_labels_readable() {
    for id in ids() {
        let drawn = illustration_svg(id, false).unwrap_or_else(|| panic!("{id}: no drawing"));
        let mirrored = illustration_svg(id, true).unwrap_or_else(|| panic!("{id}: no mirrored drawing"));
        assert_ne!(drawn, mirrored, "{id}: mirroring changed nothing");
        let (drawn, mirrored) = (parse(id, &drawn), parse(id, &mirrored));
        let (Some(Node::Group(a)), Some(Node::Group(b))) =
            (drawn.node_by_id("drawing"), mirrored.node_by_id("drawing"))
        else {
            panic!("{id}.svg has no <g id=\"drawing\">: the generator writes one");
        };
        let (a, b) = (a.abs_stroke_bounding_box(), b.abs_stroke_bounding_box());
        let close = |x: f32, y: f32| (x - y).abs() < 0.5;
        assert!(
            close(b.left(), WIDTH - a.right()) && close(b.right(), WIDTH - a.left()) && close(a.top(), b.top()),
            "{id}: the mirrored drawing ({b:?}) is not the drawing ({a:?}) flipped about the centre"
        );
        visit(mirrored.root(), false, &mut |path, _| {
            let t = path.abs_transform();
            let in_labels = mirrored
                .node_by_id("labels")
                .is_some_and(|labels| matches!(labels, Node::Group(g) if contains(g, path)));
            if in_labels {
                assert!(t.sx > 0.0, "{id}: a label is drawn back to front in the mirrored drawing");
            }
        });
    }
}

fn contains(group: &usvg::Group, target: &usvg::Path) -> bool {
    group.children().iter().any(|node| match node {
        Node::Group(g) => contains(g, target),
        Node::Path(p) => std::ptr::eq(p.as_ref(), target),
        Node::Image(_) | Node::Text(_) => false,
    })
}

#[test]
fn an_unknown_drawing_is_none_either_way() {
    assert!(illustration_svg("no-such-drawing", false).is_none());
    assert!(illustration_svg("no-such-drawing", true).is_none());
    assert!(illustration_alt_text("no-such-drawing").is_none());
}
