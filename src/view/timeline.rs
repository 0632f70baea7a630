//! The timeline: dated events placed on a horizontal axis measured in (fractional) years.
//!
//! Dates are the analysis's ISO-style strings (`2014`, `2013-12`, `2014-07-23`, `1950/1953`);
//! an event whose date cannot be read is listed without a place on the axis.

use crate::lexicon::split_byte;
use crate::lexicon::{float_key, sort_by_num, CollectVec};
use crate::TimelineEvent;

/// Width of the axis in SVG units.
pub const WIDTH: f64 = 600.0;
/// Blank space kept at each end of the axis.
const MARGIN: f64 = 24.0;
/// Events closer than this on the axis go to the next lane.
const LANE_GAP: f64 = 16.0;
/// At most this many lanes; further events share the last one.
pub const MAX_LANES: usize = 3;
/// Candidate tick steps in years; the smallest that gives at most [`MAX_TICKS`] wins.
const TICK_STEPS: [i32; 9] = [1, 2, 5, 10, 20, 25, 50, 100, 500];
/// Upper bound on the number of ticks.
const MAX_TICKS: i32 = 8;

/// The laid-out timeline.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineView {
    /// Year ticks along the axis.
    pub ticks: Vec<Tick>,
    /// Events in date order (undated ones last).
    pub events: Vec<EventView>,
    /// Number of lanes used.
    pub lanes: usize,
}

/// One tick on the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position on the axis.
    pub x: f64,
    /// The year.
    pub label: String,
}

/// One event.
#[derive(Clone, Debug, PartialEq)]
pub struct EventView {
    /// The date in words: `12 Mar 2024`, `Jan 2024`, `1961–1962`, `c. 2029`.
    pub label: String,
    /// The analysis's date string, for a `<time datetime>`.
    pub date: String,
    /// True when the date was inferred.
    pub approximate: bool,
    /// The event's words.
    pub text: String,
    /// Span in the article.
    pub start: usize,
    /// One past the span's end.
    pub end: usize,
    /// Start of the event on the axis, or `None` when the date cannot be read.
    pub x: Option<f64>,
    /// End on the axis (equal to `x` for a point in time).
    pub x_end: Option<f64>,
    /// Lane, from 0, so that close events do not overlap.
    pub lane: usize,
}

/// Years outside this range are not placed on the axis (they are not news).
const YEARS: std::ops::RangeInclusive<i32> = -9999..=9999;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A parsed date: the years it covers, as fractional years, and its words.
fn parse(date: &str) -> Option<(f64, f64, String)> {
    if let (a, Some(b)) = split_byte(date, b'/') {
        let (s, _, la) = parse(a)?;
        let (_, e, lb) = parse(b)?;
        return (s <= e).then(|| (s, e, format!("{la}–{lb}")));
    }
    // Year, month and day, `-`-separated (anything after a third `-` is ignored).
    let (y, rest) = split_byte(date.trim(), b'-');
    let y: i32 = y.parse().ok()?;
    if !YEARS.contains(&y) {
        return None;
    }
    let (m, rest) = rest.map_or((None, None), |r| {
        let (m, rest) = split_byte(r, b'-');
        (Some(m), rest)
    });
    let m: Option<u32> = m.and_then(|m| m.parse().ok());
    let d: Option<u32> = rest.and_then(|r| split_byte(r, b'-').0.parse().ok());
    match (m, d) {
        (None, _) => Some((y as f64, y as f64 + 1.0, y.to_string())),
        (Some(m @ 1..=12), None) => {
            let s = y as f64 + (m - 1) as f64 / 12.0;
            Some((s, s + 1.0 / 12.0, format!("{} {y}", MONTHS[m as usize - 1])))
        }
        (Some(m @ 1..=12), Some(d @ 1..=31)) => {
            let s = y as f64 + (m - 1) as f64 / 12.0 + (d - 1) as f64 / 365.0;
            Some((s, s, format!("{d} {} {y}", MONTHS[m as usize - 1])))
        }
        _ => None,
    }
}

/// Place the events on the axis.
pub(crate) fn layout(events: &[TimelineEvent]) -> TimelineView {
    let parsed: Vec<(Option<(f64, f64)>, String, &TimelineEvent)> = events
        .iter()
        .map(|e| match parse(&e.date) {
            Some((s, t, label)) => (Some((s, t)), label, e),
            None => (None, e.date.clone(), e),
        })
        .collect_vec();
    let lo = parsed
        .iter()
        .filter_map(|p| p.0.map(|r| r.0))
        .fold(f64::INFINITY, f64::min);
    let hi = parsed
        .iter()
        .filter_map(|p| p.0.map(|r| r.1))
        .fold(f64::NEG_INFINITY, f64::max);
    let (mut from, mut to) = (lo.floor(), hi.ceil());
    if !from.is_finite() || !to.is_finite() {
        from = 0.0;
        to = 0.0;
    }
    if to - from < 1.0 {
        to = from + 1.0;
    }
    let scale = |v: f64| MARGIN + (v - from) / (to - from) * (WIDTH - 2.0 * MARGIN);
    let mut out: Vec<EventView> = parsed
        .into_iter()
        .map(|(range, label, e)| EventView {
            label: if e.approximate {
                format!("c. {label}")
            } else {
                label
            },
            date: e.date.clone(),
            approximate: e.approximate,
            text: e.text.clone(),
            start: e.start,
            end: e.end,
            x: range.map(|r| round(scale(r.0))),
            x_end: range.map(|r| round(scale(r.1))),
            lane: 0,
        })
        .collect_vec();
    // Placed events by position, then the unplaced; ties by start.
    sort_by_num(&mut out, |e| {
        (e.x.map_or(u64::MAX, float_key), e.start as u64)
    });
    // Greedy lanes: each event goes to the first lane whose last event is far enough left.
    let mut lane_ends: Vec<f64> = Vec::new();
    for e in out.iter_mut() {
        let (Some(x), Some(x_end)) = (e.x, e.x_end) else {
            continue;
        };
        let lane = lane_ends
            .iter()
            .position(|&end| x - end >= LANE_GAP)
            .unwrap_or(lane_ends.len())
            .min(MAX_LANES - 1);
        if lane == lane_ends.len() {
            lane_ends.push(x_end);
        } else {
            lane_ends[lane] = lane_ends[lane].max(x_end);
        }
        e.lane = lane;
    }
    let ticks = if out.iter().any(|e| e.x.is_some()) {
        let span = (to - from) as i32;
        let step = TICK_STEPS
            .iter()
            .copied()
            .find(|s| span / s <= MAX_TICKS)
            .unwrap_or(1000);
        let first = (from as i32 + step - 1).div_euclid(step) * step;
        (0..)
            .map(|k| first + k * step)
            .take_while(|&y| y as f64 <= to)
            .map(|y| Tick {
                x: round(scale(y as f64)),
                label: y.to_string(),
            })
            .collect_vec()
    } else {
        Vec::new()
    };
    TimelineView {
        ticks,
        lanes: lane_ends.len(),
        events: out,
    }
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::tests::fixture;

    #[test]
    fn dates_in_words() {
        let cases = [
            ("2014", Some("2014")),
            ("2013-12", Some("Dec 2013")),
            ("2014-07-23", Some("23 Jul 2014")),
            ("1950/1953", Some("1950–1953")),
            ("1953/1950", None),
            ("2014-13", None),
            ("soon", None),
            ("2147483647", None),
            ("", None),
        ];
        for (date, want) in cases {
            assert_eq!(parse(date).map(|p| p.2), want.map(str::to_string), "{date}");
        }
    }

    #[test]
    fn fixture_events_in_order_on_the_axis() {
        let t = layout(&fixture().timeline);
        let labels: Vec<&str> = t.events.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["1961–1962", "Jan 2024", "12 Mar 2024", "c. 2029"]);
        let xs: Vec<f64> = t.events.iter().map(|e| e.x.unwrap()).collect();
        assert!(xs.windows(2).all(|w| w[0] <= w[1]), "{xs:?}");
        assert!(xs[0] >= MARGIN && xs[3] <= WIDTH - MARGIN);
        // January and March 2024 are close on a 70-year axis: different lanes.
        assert_ne!(t.events[1].lane, t.events[2].lane);
        assert!(t.events[3].approximate);
        // 1961..2030 spans 69 years: ticks every 10 years from 1970.
        let ticks: Vec<&str> = t.ticks.iter().map(|k| k.label.as_str()).collect();
        assert_eq!(
            ticks,
            ["1970", "1980", "1990", "2000", "2010", "2020", "2030"]
        );
    }

    #[test]
    fn undated_and_single_events() {
        let mut events = fixture().timeline;
        events.truncate(1);
        let t = layout(&events);
        assert_eq!(t.ticks.len(), 2);
        events[0].date = "someday".into();
        let t = layout(&events);
        assert_eq!(t.events[0].x, None);
        assert!(t.ticks.is_empty());
        assert_eq!(layout(&[]), TimelineView::default());
    }
}
