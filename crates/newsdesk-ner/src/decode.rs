//! First-order Viterbi decoding over BILOU tags with the invalid transitions
//! removed, plus max-marginals for confidence scores.
use crate::tags::TagSet;

/// Transition, start and end scores; invalid moves are never considered.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    pub(crate) l: usize,
    /// `trans[prev * l + next]`
    pub(crate) trans: Vec<f32>,
    pub(crate) start: Vec<f32>,
    pub(crate) end: Vec<f32>,
    can_start: Vec<bool>,
    can_end: Vec<bool>,
    /// Tags grouped by identical predecessor lists: (predecessors, tags).
    fwd_groups: Vec<(Vec<u16>, Vec<u16>)>,
    /// Tags grouped by identical successor lists: (successors, tags).
    bwd_groups: Vec<(Vec<u16>, Vec<u16>)>,
    /// `allowed[prev * l + next]`
    allowed: Vec<bool>,
    /// Spread of the allowed transition scores: a state more than this below
    /// the best one cannot be on a best path, so it is skipped (exactly).
    spread: f32,
}

/// Scratch tables reused across sentences.
#[derive(Default)]
pub struct Lattice {
    fwd: Vec<f32>,
    back: Vec<u16>,
    bwd: Vec<f32>,
    live: Vec<u16>,
    next: Vec<f32>,
}

impl Transitions {
    /// Zero scores for a tag set.
    pub fn new(tags: &TagSet) -> Transitions {
        let l = tags.len();
        Transitions::with_scores(tags, vec![0.0; l * l], vec![0.0; l], vec![0.0; l])
    }

    pub fn with_scores(tags: &TagSet, trans: Vec<f32>, start: Vec<f32>, end: Vec<f32>) -> Transitions {
        let l = tags.len();
        let prevs: Vec<Vec<u16>> = (0..l)
            .map(|y| (0..l).filter(|&p| tags.allowed(p, y)).map(|p| p as u16).collect())
            .collect();
        let nexts: Vec<Vec<u16>> = (0..l)
            .map(|y| (0..l).filter(|&nx| tags.allowed(y, nx)).map(|nx| nx as u16).collect())
            .collect();
        let allowed: Vec<bool> = (0..l * l).map(|i| tags.allowed(i / l, i % l)).collect();
        let mut t = Transitions {
            l,
            fwd_groups: groups(&prevs),
            bwd_groups: groups(&nexts),
            spread: f32::INFINITY,
            allowed,
            trans,
            start,
            end,
            can_start: (0..l).map(|y| tags.can_start(y)).collect(),
            can_end: (0..l).map(|y| tags.can_end(y)).collect(),
        };
        t.refresh();
        t
    }

    /// Recompute the pruning bound after the transition scores changed.
    pub(crate) fn refresh(&mut self) {
        let scores = || self.trans.iter().zip(&self.allowed).filter(|p| *p.1).map(|p| *p.0);
        let spread = scores().fold(f32::NEG_INFINITY, f32::max) - scores().fold(f32::INFINITY, f32::min);
        self.spread = if spread.is_finite() { spread } else { f32::INFINITY };
    }

    /// Best valid tag sequence for emissions `emis` (`n * l`, row per token).
    pub fn viterbi(&self, emis: &[f32], lat: &mut Lattice, out: &mut Vec<usize>) {
        let l = self.l;
        let n = emis.len() / l;
        out.clear();
        if n == 0 {
            return;
        }
        self.forward(emis, lat);
        let last = &lat.fwd[(n - 1) * l..n * l];
        let mut best = f32::NEG_INFINITY;
        let mut arg = 0;
        for (y, (&score, &end)) in last.iter().zip(&self.end).enumerate() {
            if self.can_end[y] && score + end > best {
                best = score + end;
                arg = y;
            }
        }
        out.resize(n, 0);
        out[n - 1] = arg;
        for i in (1..n).rev() {
            arg = lat.back[i * l + arg] as usize;
            out[i - 1] = arg;
        }
    }

    fn forward(&self, emis: &[f32], lat: &mut Lattice) {
        let l = self.l;
        let n = emis.len() / l;
        lat.fwd.clear();
        lat.fwd.resize(n * l, f32::NEG_INFINITY);
        lat.back.clear();
        lat.back.resize(n * l, 0);
        for (y, (f, (&start, &e))) in lat.fwd.iter_mut().zip(self.start.iter().zip(emis)).enumerate() {
            if self.can_start[y] {
                *f = start + e;
            }
        }
        for i in 1..n {
            let (done, rest) = lat.fwd.split_at_mut(i * l);
            let prev = &done[(i - 1) * l..];
            let cur = &mut rest[..l];
            for (prevs, targets) in &self.fwd_groups {
                live_states(prev, prevs, self.spread, &mut lat.live);
                for &y in targets {
                    let y = y as usize;
                    let mut best = f32::NEG_INFINITY;
                    let mut arg = 0u16;
                    for &p in &lat.live {
                        let s = prev[p as usize] + self.trans[p as usize * l + y];
                        if s > best {
                            best = s;
                            arg = p;
                        }
                    }
                    cur[y] = best + emis[i * l + y];
                    lat.back[i * l + y] = arg;
                }
            }
        }
    }

    /// For each token of the decoded path `tags`, the margin by which the best
    /// path beats the best path that tags this token differently (≥ 0).
    /// Must follow [`Transitions::viterbi`] on the same `emis` and `lat`.
    pub fn margins(&self, emis: &[f32], tags: &[usize], lat: &mut Lattice, out: &mut Vec<f32>) {
        let l = self.l;
        let n = tags.len();
        out.clear();
        if n == 0 {
            return;
        }
        lat.bwd.clear();
        lat.bwd.resize(n * l, f32::NEG_INFINITY);
        for y in 0..l {
            if self.can_end[y] {
                lat.bwd[(n - 1) * l + y] = self.end[y];
            }
        }
        for i in (0..n - 1).rev() {
            let (head, tail) = lat.bwd.split_at_mut((i + 1) * l);
            lat.next.clear();
            lat.next.extend(
                tail[..l]
                    .iter()
                    .zip(&emis[(i + 1) * l..(i + 2) * l])
                    .map(|(b, e)| b + e),
            );
            let next = &lat.next;
            let cur = &mut head[i * l..];
            for (nexts, sources) in &self.bwd_groups {
                live_states(next, nexts, self.spread, &mut lat.live);
                for &y in sources {
                    let y = y as usize;
                    let mut best = f32::NEG_INFINITY;
                    for &nx in &lat.live {
                        best = best.max(self.trans[y * l + nx as usize] + next[nx as usize]);
                    }
                    cur[y] = best;
                }
            }
        }
        for (i, &tag) in tags.iter().enumerate() {
            let mm = |y: usize| lat.fwd[i * l + y] + lat.bwd[i * l + y];
            let chosen = mm(tag);
            let alt = (0..l).filter(|&y| y != tag).map(mm).fold(f32::NEG_INFINITY, f32::max);
            out.push((chosen - alt).max(0.0));
        }
    }
}

/// The states of `among` whose score is within `spread` of the best of them.
/// When every state of `among` may move to the same tags (see [`groups`]),
/// the others cannot be on a best path: pruning them is exact.
fn live_states(scores: &[f32], among: &[u16], spread: f32, out: &mut Vec<u16>) {
    let best = among
        .iter()
        .map(|&i| scores[i as usize])
        .fold(f32::NEG_INFINITY, f32::max);
    out.clear();
    out.extend(
        among
            .iter()
            .copied()
            .filter(|&i| scores[i as usize] > f32::NEG_INFINITY && scores[i as usize] >= best - spread),
    );
}

/// Group tags by identical neighbour lists.
fn groups(lists: &[Vec<u16>]) -> Vec<(Vec<u16>, Vec<u16>)> {
    let mut out: Vec<(Vec<u16>, Vec<u16>)> = Vec::new();
    for (tag, list) in lists.iter().enumerate() {
        match out.iter_mut().find(|g| &g.0 == list) {
            Some(g) => g.1.push(tag as u16),
            None => out.push((list.clone(), vec![tag as u16])),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constrained_path_is_valid() {
        let tags = TagSet::new(vec!["PER".into()]);
        let tr = Transitions::new(&tags);
        // Emissions prefer I-PER everywhere, which is invalid alone.
        let mut emis = vec![0.0f32; 3 * 5];
        for i in 0..3 {
            emis[i * 5 + 2] = 5.0;
        }
        let mut out = Vec::new();
        let mut lat = Lattice::default();
        tr.viterbi(&emis, &mut lat, &mut out);
        assert_eq!(out, vec![1, 2, 3], "B I L");
        let mut m = Vec::new();
        tr.margins(&emis, &out, &mut lat, &mut m);
        assert_eq!(m.len(), 3);
        assert!(m.iter().all(|&x| x > 0.0), "{m:?}");
    }

    /// Score of a tag sequence, or None if invalid.
    fn path_score(tags: &TagSet, tr: &Transitions, emis: &[f32], path: &[usize]) -> Option<f32> {
        let l = tags.len();
        if !tags.can_start(path[0]) || !tags.can_end(*path.last()?) {
            return None;
        }
        let mut s = tr.start[path[0]] + tr.end[*path.last()?];
        for (i, &y) in path.iter().enumerate() {
            s += emis[i * l + y];
            if i > 0 {
                if !tags.allowed(path[i - 1], y) {
                    return None;
                }
                s += tr.trans[path[i - 1] * l + y];
            }
        }
        Some(s)
    }

    #[test]
    fn pruned_viterbi_matches_brute_force() {
        let tags = TagSet::new(vec!["A".into(), "B".into()]);
        let l = tags.len();
        let mut seed = 7u64;
        let mut rnd = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as f32 / (1u64 << 31) as f32) * 6.0 - 3.0
        };
        for _ in 0..200 {
            let trans: Vec<f32> = (0..l * l).map(|_| rnd() * 0.5).collect();
            // As in training: scores changed in place, then `refresh`.
            let mut tr = Transitions::new(&tags);
            tr.trans = trans;
            tr.start = (0..l).map(|_| rnd()).collect();
            tr.end = (0..l).map(|_| rnd()).collect();
            tr.refresh();
            let n = 4;
            let emis: Vec<f32> = (0..n * l).map(|_| rnd() * 3.0).collect();
            let mut best = f32::NEG_INFINITY;
            for code in 0..l.pow(n as u32) {
                let path: Vec<usize> = (0..n).map(|i| code / l.pow(i as u32) % l).collect();
                if let Some(s) = path_score(&tags, &tr, &emis, &path) {
                    best = best.max(s);
                }
            }
            let mut out = Vec::new();
            let mut lat = Lattice::default();
            tr.viterbi(&emis, &mut lat, &mut out);
            let got = path_score(&tags, &tr, &emis, &out).expect("valid path");
            assert!((got - best).abs() < 1e-4, "{got} vs {best}");
            let mut m = Vec::new();
            tr.margins(&emis, &out, &mut lat, &mut m);
            assert!(m.iter().all(|&x| x >= 0.0));
        }
    }

    #[test]
    fn single_token_cannot_be_begin() {
        let tags = TagSet::new(vec!["PER".into()]);
        let tr = Transitions::new(&tags);
        let emis = vec![0.0, 9.0, 0.0, 0.0, 1.0];
        let mut out = Vec::new();
        tr.viterbi(&emis, &mut Lattice::default(), &mut out);
        assert_eq!(out, vec![4], "U-PER, not B-PER");
    }
}
