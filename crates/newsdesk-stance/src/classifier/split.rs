//! Deterministic claim- and body-disjoint splits and the random numbers behind them.
//!
//! Headlines and bodies are the nodes of a graph whose edges are the
//! *related* pairs (agree / disagree / discuss); its connected components are
//! topics (a claim with every body that discusses it, and every other claim
//! those bodies discuss). Components are shuffled with a SplitMix64-driven
//! Fisher–Yates shuffle seeded by `seed` and taken whole until the dev side
//! holds `fraction` of the bodies; the calibration side is carved the same way
//! from the rest. A pair belongs to a side only when its body *and* its
//! headline are on that side; pairs that cross sides (always unrelated ones)
//! are dropped, so dev claims and dev bodies are both new to the model, as in
//! the FNC-1 test set.
use super::data::Pair;
use newsdesk_core::hash::fnv1a64;
pub use newsdesk_core::rng::Rng;
use std::collections::{BTreeSet, HashMap};

/// Which side of the split a pair is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Fit,
    Calibration,
    Dev,
}

/// The bodies and headlines (by [`headline_key`]) of one held-out side.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Side {
    pub bodies: BTreeSet<u32>,
    pub headlines: BTreeSet<u64>,
}

impl Side {
    /// Both the pair's body and its headline are on this side.
    pub fn holds(&self, pair: &Pair) -> bool {
        self.bodies.contains(&pair.body_id) && self.headlines.contains(&headline_key(&pair.headline))
    }

    fn touches(&self, pair: &Pair) -> bool {
        self.bodies.contains(&pair.body_id) || self.headlines.contains(&headline_key(&pair.headline))
    }
}

/// The stable key of a headline (FNV-1a 64 of its bytes); cards store keys, not text.
pub fn headline_key(headline: &str) -> u64 {
    fnv1a64(headline.as_bytes())
}

/// A claim- and body-disjoint split into dev, calibration and fit.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GroupSplit {
    pub dev: Side,
    pub calibration: Side,
    /// Number of topic groups (connected components).
    pub groups: usize,
}

impl GroupSplit {
    /// Group `pairs` into topics and hold out whole topics (see the module doc).
    pub fn new(pairs: &[Pair], dev_fraction: f64, calibration_fraction: f64, seed: u64) -> GroupSplit {
        let mut groups = topics(pairs);
        let n_groups = groups.len();
        let dev = take_groups(&mut groups, dev_fraction, seed);
        let calibration = take_groups(&mut groups, calibration_fraction, seed.wrapping_add(0x5EED));
        GroupSplit {
            dev,
            calibration,
            groups: n_groups,
        }
    }

    /// The side of a pair, or `None` when it crosses sides (dropped).
    pub fn part(&self, pair: &Pair) -> Option<Part> {
        if self.dev.holds(pair) {
            Some(Part::Dev)
        } else if self.calibration.holds(pair) {
            Some(Part::Calibration)
        } else if self.dev.touches(pair) || self.calibration.touches(pair) {
            None
        } else {
            Some(Part::Fit)
        }
    }
}

/// Connected components of headlines and bodies linked by related pairs,
/// each as a [`Side`], in a deterministic order (by smallest body, then headline key).
fn topics(pairs: &[Pair]) -> Vec<Side> {
    let mut index: HashMap<(bool, u64), usize> = HashMap::new();
    let mut parent: Vec<usize> = Vec::new();
    let mut node = |key: (bool, u64), parent: &mut Vec<usize>| {
        *index.entry(key).or_insert_with(|| {
            parent.push(parent.len());
            parent.len() - 1
        })
    };
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for p in pairs {
        let b = node((true, p.body_id as u64), &mut parent);
        let h = node((false, headline_key(&p.headline)), &mut parent);
        if p.label.is_related() {
            let (rb, rh) = (root(&mut parent, b), root(&mut parent, h));
            parent[rb.max(rh)] = rb.min(rh);
        }
    }
    let mut by_root: HashMap<usize, Side> = HashMap::new();
    for (&(is_body, key), &i) in &index {
        let side = by_root.entry(root(&mut parent, i)).or_default();
        if is_body {
            side.bodies.insert(key as u32);
        } else {
            side.headlines.insert(key);
        }
    }
    let mut sides: Vec<Side> = by_root.into_values().collect();
    sides.sort_by_key(|s| (s.bodies.first().copied(), s.headlines.first().copied()));
    sides
}

/// Shuffle `groups` with `seed` and move whole groups out until they hold
/// `round(fraction * bodies)` bodies; returns their union.
fn take_groups(groups: &mut Vec<Side>, fraction: f64, seed: u64) -> Side {
    let total: usize = groups.iter().map(|g| g.bodies.len()).sum();
    let want = (total as f64 * fraction.clamp(0.0, 1.0)).round() as usize;
    Rng::new(seed).shuffle(groups);
    let mut out = Side::default();
    let mut keep = Vec::new();
    for g in groups.drain(..) {
        if out.bodies.len() < want {
            out.bodies.extend(g.bodies);
            out.headlines.extend(g.headlines);
        } else {
            keep.push(g);
        }
    }
    keep.sort_by_key(|s| (s.bodies.first().copied(), s.headlines.first().copied()));
    *groups = keep;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::classifier::label::Label;

    fn pair(h: &str, b: u32, label: Label) -> Pair {
        Pair {
            headline: h.into(),
            body_id: b,
            label,
        }
    }

    /// 50 topics of 2 headlines and 4 bodies, plus unrelated pairs across topics.
    fn pairs() -> Vec<Pair> {
        let mut v = Vec::new();
        for t in 0..50u32 {
            for b in 0..4 {
                let body = t * 4 + b;
                v.push(pair(&format!("claim {t} a"), body, Label::Discuss));
                v.push(pair(&format!("claim {t} b"), body, Label::Agree));
                v.push(pair(&format!("claim {} a", (t + 7) % 50), body, Label::Unrelated));
            }
        }
        v
    }

    #[test]
    fn split_is_deterministic_sized_and_disjoint_in_claims_and_bodies() {
        let p = pairs();
        let s = GroupSplit::new(&p, 0.2, 0.1, 7);
        assert_eq!(s, GroupSplit::new(&p, 0.2, 0.1, 7));
        assert_ne!(s.dev, GroupSplit::new(&p, 0.2, 0.1, 8).dev);
        assert_eq!(s.groups, 50);
        assert_eq!(s.dev.bodies.len(), 40);
        assert_eq!(s.dev.headlines.len(), 20);
        assert_eq!(s.calibration.bodies.len(), 16);
        let of = |w: Part| -> Vec<&Pair> { p.iter().filter(|x| s.part(x) == Some(w)).collect() };
        let (dev, cal, fit) = (of(Part::Dev), of(Part::Calibration), of(Part::Fit));
        assert!(dev.iter().filter(|x| x.label.is_related()).count() == 80);
        for d in &dev {
            assert!(fit
                .iter()
                .chain(&cal)
                .all(|f| f.body_id != d.body_id && f.headline != d.headline));
        }
        for c in &cal {
            assert!(fit.iter().all(|f| f.body_id != c.body_id && f.headline != c.headline));
        }
        let dropped = p.iter().filter(|x| s.part(x).is_none()).count();
        assert_eq!(dropped + dev.len() + cal.len() + fit.len(), p.len());
        assert!(dropped > 0 && p.iter().filter(|x| s.part(x).is_none()).all(|x| !x.label.is_related()));
    }

    #[test]
    fn rng_ranges() {
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            assert!(r.below(3) < 3);
            let u = r.unit();
            assert!((0.0..1.0).contains(&u));
        }
    }
}
