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
    /// Allowed predecessors of each tag.
    prevs: Vec<Vec<u16>>,
    /// Allowed successors of each tag.
    nexts: Vec<Vec<u16>>,
    can_start: Vec<bool>,
    can_end: Vec<bool>,
}

/// Scratch tables reused across sentences.
#[derive(Default)]
pub struct Lattice {
    fwd: Vec<f32>,
    back: Vec<u16>,
    bwd: Vec<f32>,
}

impl Transitions {
    /// Zero scores for a tag set.
    pub fn new(tags: &TagSet) -> Transitions {
        let l = tags.len();
        Transitions::with_scores(tags, vec![0.0; l * l], vec![0.0; l], vec![0.0; l])
    }

    pub fn with_scores(tags: &TagSet, trans: Vec<f32>, start: Vec<f32>, end: Vec<f32>) -> Transitions {
        let l = tags.len();
        let prevs = (0..l).map(|y| (0..l).filter(|&p| tags.allowed(p, y)).map(|p| p as u16).collect()).collect();
        let nexts = (0..l).map(|y| (0..l).filter(|&nx| tags.allowed(y, nx)).map(|nx| nx as u16).collect()).collect();
        Transitions {
            l,
            trans,
            start,
            end,
            prevs,
            nexts,
            can_start: (0..l).map(|y| tags.can_start(y)).collect(),
            can_end: (0..l).map(|y| tags.can_end(y)).collect(),
        }
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
        for y in 0..l {
            if self.can_end[y] {
                let s = last[y] + self.end[y];
                if s > best {
                    best = s;
                    arg = y;
                }
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
        for y in 0..l {
            if self.can_start[y] {
                lat.fwd[y] = self.start[y] + emis[y];
            }
        }
        for i in 1..n {
            let (done, rest) = lat.fwd.split_at_mut(i * l);
            let prev = &done[(i - 1) * l..];
            let cur = &mut rest[..l];
            for y in 0..l {
                let mut best = f32::NEG_INFINITY;
                let mut arg = 0u16;
                for &p in &self.prevs[y] {
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
            let next = &tail[..l];
            let cur = &mut head[i * l..];
            for y in 0..l {
                let mut best = f32::NEG_INFINITY;
                for &nx in &self.nexts[y] {
                    let nx = nx as usize;
                    let s = self.trans[y * l + nx] + emis[(i + 1) * l + nx] + next[nx];
                    if s > best {
                        best = s;
                    }
                }
                cur[y] = best;
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
