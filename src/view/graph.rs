//! The actor map: actors on a circle, one directed edge per (source, target) with its
//! interactions aggregated into cooperation and conflict counts.
//!
//! Coordinates are in the SVG's own units (a [`SIZE`]×[`SIZE`] viewBox); the DOM layer
//! writes them into geometry attributes, never into styles.

use super::num;
use crate::lexicon::{sort_by_num, CollectVec};
use crate::{Analysis, InteractionClass};

/// Width and height of the map's viewBox.
pub const SIZE: f64 = 320.0;
/// Radius of an actor's circle.
pub const NODE_RADIUS: f64 = 22.0;
/// Distance from the centre to the actors' centres.
const RING: f64 = SIZE / 2.0 - NODE_RADIUS - 34.0;
/// How far an edge bows sideways, so that A→B and B→A never overlap.
const BOW: f64 = 36.0;
/// At most this many actors are drawn (the most involved ones), to keep the map legible.
pub const MAX_NODES: usize = 8;

/// The laid-out actor map.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphView {
    /// Actors on the circle.
    pub nodes: Vec<NodeView>,
    /// Directed, aggregated edges.
    pub edges: Vec<EdgeView>,
}

/// One actor.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeView {
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Centre, x.
    pub x: f64,
    /// Centre, y.
    pub y: f64,
    /// True for the two focus actors.
    pub focus: bool,
}

/// All interactions from one actor to another.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeView {
    /// Source actor id.
    pub source: String,
    /// Target actor id.
    pub target: String,
    /// Source display name.
    pub source_name: String,
    /// Target display name.
    pub target_name: String,
    /// Number of cooperative interactions (verbal or material).
    pub cooperation: usize,
    /// Number of conflictual interactions (verbal or material).
    pub conflict: usize,
    /// `cooperation`, `conflict` or `mixed`: which count is larger.
    pub tone: &'static str,
    /// The SVG path (`M … Q … …`) from source to target, ending at the target's rim.
    pub path: String,
    /// Where the edge's count label goes.
    pub label_x: f64,
    /// Where the edge's count label goes.
    pub label_y: f64,
    /// The evidence sentences, in text order.
    pub evidence: Vec<String>,
}

impl EdgeView {
    /// The edge in words: `Arland → Belmora: 1 cooperation, 2 conflict`.
    pub fn description(&self) -> String {
        format!(
            "{} → {}: {} cooperation, {} conflict",
            self.source_name, self.target_name, self.cooperation, self.conflict
        )
    }

    /// The short label drawn on the edge: `+1 −2`.
    pub fn short_label(&self) -> String {
        match (self.cooperation, self.conflict) {
            (c, 0) => format!("+{c}"),
            (0, k) => format!("\u{2212}{k}"),
            (c, k) => format!("+{c} \u{2212}{k}"),
        }
    }
}

fn cooperative(class: InteractionClass) -> bool {
    matches!(
        class,
        InteractionClass::VerbalCooperation | InteractionClass::MaterialCooperation
    )
}

/// Lay out the actors that take part in interactions (plus the focus pair).
pub(crate) fn layout(analysis: &Analysis) -> GraphView {
    // Involvement: interactions an actor takes part in; focus actors always count.
    let mut ranked: Vec<(usize, usize, &crate::Actor)> = analysis
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let n = analysis
                .interactions
                .iter()
                .filter(|x| x.source == a.id || x.target == a.id)
                .count();
            let focus = analysis.focus.contains(&a.id);
            (if focus { usize::MAX } else { n }, i, a)
        })
        .filter(|(n, _, _)| *n > 0)
        .collect_vec();
    // Most mentioned (the focus first), then in order of appearance.
    sort_by_num(&mut ranked, |r| (!(r.0 as u64), r.1 as u64));
    ranked.truncate(MAX_NODES);
    sort_by_num(&mut ranked, |r| (r.1 as u64, 0));
    let count = ranked.len();
    let centre = SIZE / 2.0;
    // Two actors sit left and right; more go round from the top.
    let start = if count == 2 {
        std::f64::consts::PI
    } else {
        -std::f64::consts::FRAC_PI_2
    };
    let nodes: Vec<NodeView> = ranked
        .iter()
        .enumerate()
        .map(|(k, (_, _, a))| {
            let (x, y) = if count == 1 {
                (centre, centre)
            } else {
                let t = start + std::f64::consts::TAU * k as f64 / count as f64;
                let (sin, cos) = sin_cos(t);
                (centre + RING * cos, centre + RING * sin)
            };
            NodeView {
                id: a.id.clone(),
                name: a.name.clone(),
                x: round(x),
                y: round(y),
                focus: analysis.focus.contains(&a.id),
            }
        })
        .collect_vec();
    let mut edges: Vec<EdgeView> = Vec::new();
    for i in &analysis.interactions {
        if i.source == i.target {
            continue;
        }
        let (Some(s), Some(t)) = (
            nodes.iter().find(|n| n.id == i.source),
            nodes.iter().find(|n| n.id == i.target),
        ) else {
            continue;
        };
        let edge = match edges
            .iter_mut()
            .find(|e| e.source == i.source && e.target == i.target)
        {
            Some(e) => e,
            None => {
                let (path, lx, ly) = curve(s, t);
                edges.push(EdgeView {
                    source: s.id.clone(),
                    target: t.id.clone(),
                    source_name: s.name.clone(),
                    target_name: t.name.clone(),
                    cooperation: 0,
                    conflict: 0,
                    tone: "mixed",
                    path,
                    label_x: lx,
                    label_y: ly,
                    evidence: Vec::new(),
                });
                let last = edges.len() - 1;
                &mut edges[last]
            }
        };
        if cooperative(i.class) {
            edge.cooperation += 1;
        } else {
            edge.conflict += 1;
        }
        if !edge.evidence.contains(&i.text) {
            edge.evidence.push(i.text.clone());
        }
    }
    for e in &mut edges {
        e.tone = match e.cooperation.cmp(&e.conflict) {
            std::cmp::Ordering::Greater => "cooperation",
            std::cmp::Ordering::Less => "conflict",
            std::cmp::Ordering::Equal => "mixed",
        };
    }
    GraphView { nodes, edges }
}

/// A quadratic curve from `s`'s rim to `t`'s rim, bowed to the right of the direction of
/// travel; returns the path and the curve's midpoint.
fn curve(s: &NodeView, t: &NodeView) -> (String, f64, f64) {
    let (dx, dy) = (t.x - s.x, t.y - s.y);
    let len = (dx * dx + dy * dy).sqrt().max(1.0);
    let (ux, uy) = (dx / len, dy / len);
    // Normal to the right of travel (SVG y grows downwards).
    let (nx, ny) = (-uy, ux);
    let (mx, my) = ((s.x + t.x) / 2.0 + nx * BOW, (s.y + t.y) / 2.0 + ny * BOW);
    let gap = NODE_RADIUS + 4.0;
    let (x1, y1) = (s.x + ux * gap + nx * 6.0, s.y + uy * gap + ny * 6.0);
    let (x2, y2) = (t.x - ux * gap + nx * 6.0, t.y - uy * gap + ny * 6.0);
    let path = format!(
        "M{} {} Q{} {} {} {}",
        num(round(x1)),
        num(round(y1)),
        num(round(mx)),
        num(round(my)),
        num(round(x2)),
        num(round(y2))
    );
    // The point at t = 0.5 of the quadratic curve.
    let lx = 0.25 * x1 + 0.5 * mx + 0.25 * x2;
    let ly = 0.25 * y1 + 0.5 * my + 0.25 * y2;
    (path, round(lx), round(ly))
}

/// Sine and cosine of an angle of a few turns at most, to ~1e-15: a short series instead of
/// libm's, whose argument reduction for any angle is several KB of wasm.
fn sin_cos(t: f64) -> (f64, f64) {
    use std::f64::consts::{PI, TAU};
    // Into [-π, π], then [-π/2, π/2] by the reflection x → π − x (which flips the cosine).
    let mut x = t - TAU * (t / TAU).round();
    let mut flip = 1.0;
    if x > PI / 2.0 {
        (x, flip) = (PI - x, -1.0);
    } else if x < -PI / 2.0 {
        (x, flip) = (-PI - x, -1.0);
    }
    let (mut sin, mut cos) = (0.0, 0.0);
    let (mut s_term, mut c_term) = (x, 1.0);
    for k in 1..=12 {
        sin += s_term;
        cos += c_term;
        let k = f64::from(k);
        s_term *= -x * x / ((2.0 * k) * (2.0 * k + 1.0));
        c_term *= -x * x / ((2.0 * k - 1.0) * (2.0 * k));
    }
    (sin, flip * cos)
}

/// One decimal is plenty for SVG units and keeps the markup stable across platforms.
fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::fixture;

    #[test]
    fn sin_cos_matches_libm() {
        for i in -400..=1200 {
            let t = f64::from(i) * 0.01;
            let (s, c) = sin_cos(t);
            assert!(
                (s - t.sin()).abs() < 1e-14 && (c - t.cos()).abs() < 1e-14,
                "{t}"
            );
        }
    }

    #[test]
    fn fixture_edges_aggregate_by_direction() {
        let g = layout(&fixture());
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["ARL", "BLM", "UNO"]);
        let rows: Vec<(&str, &str, usize, usize, &str, String)> = g
            .edges
            .iter()
            .map(|e| {
                (
                    e.source.as_str(),
                    e.target.as_str(),
                    e.cooperation,
                    e.conflict,
                    e.tone,
                    e.short_label(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("ARL", "BLM", 1, 2, "conflict", "+1 \u{2212}2".to_string()),
                ("BLM", "ARL", 1, 2, "conflict", "+1 \u{2212}2".to_string()),
                ("UNO", "ARL", 2, 0, "cooperation", "+2".to_string()),
                ("UNO", "BLM", 1, 0, "cooperation", "+1".to_string()),
            ]
        );
        assert_eq!(g.edges[1].evidence.len(), 3);
        assert_eq!(
            g.edges[2].description(),
            "United Nations → Arland: 2 cooperation, 0 conflict"
        );
        assert!(g.nodes[0].focus && g.nodes[1].focus && !g.nodes[2].focus);
    }

    #[test]
    fn nodes_sit_on_a_circle_inside_the_box() {
        let g = layout(&fixture());
        let c = SIZE / 2.0;
        for n in &g.nodes {
            let r = ((n.x - c).powi(2) + (n.y - c).powi(2)).sqrt();
            assert!((r - RING).abs() < 0.2, "{n:?}");
            assert!(n.x - NODE_RADIUS >= 0.0 && n.x + NODE_RADIUS <= SIZE);
        }
        // Opposite directions bow to opposite sides: their labels differ.
        let (a, b) = (&g.edges[0], &g.edges[1]);
        assert!((a.label_x, a.label_y) != (b.label_x, b.label_y));
        assert!(a.path.starts_with('M') && a.path.contains('Q'));
    }

    #[test]
    fn two_actors_face_each_other_and_no_interactions_no_nodes() {
        let mut a = fixture();
        a.interactions.retain(|i| i.source != "UNO");
        let g = layout(&a);
        assert_eq!(g.nodes.len(), 2);
        assert_eq!(g.nodes[0].y, g.nodes[1].y);
        assert!(g.nodes[0].x < g.nodes[1].x);
        a.interactions.clear();
        a.focus.clear();
        assert_eq!(layout(&a), GraphView::default());
    }
}
