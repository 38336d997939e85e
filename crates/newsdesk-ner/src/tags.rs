//! Entity spans and the BILOU tag set the labeller predicts.
//!
//! Tag 0 is `O`; entity type `t` owns tags `1 + 4t + {B, I, L, U}`. Valid
//! sequences are enforced in decoding by [`TagSet::allowed`].

/// An entity as tokens `start..end` (exclusive) with a type label.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
}

/// Position of a token inside an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Begin = 0,
    Inside = 1,
    Last = 2,
    Unit = 3,
}

/// The entity types of a model and their BILOU tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagSet {
    types: Vec<String>,
}

impl TagSet {
    /// A tag set over `types` (order is kept: it is part of the model).
    pub fn new(types: Vec<String>) -> TagSet {
        TagSet { types }
    }

    pub fn types(&self) -> &[String] {
        &self.types
    }

    /// Number of tags (O plus four per type).
    pub fn len(&self) -> usize {
        1 + 4 * self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }

    pub fn type_index(&self, label: &str) -> Option<usize> {
        self.types.iter().position(|t| t == label)
    }

    pub fn tag(&self, type_index: usize, part: Part) -> usize {
        1 + 4 * type_index + part as usize
    }

    /// `(type index, part)` of a tag, `None` for `O`.
    pub fn split(&self, tag: usize) -> Option<(usize, Part)> {
        if tag == 0 {
            return None;
        }
        let part = match (tag - 1) % 4 {
            0 => Part::Begin,
            1 => Part::Inside,
            2 => Part::Last,
            _ => Part::Unit,
        };
        Some(((tag - 1) / 4, part))
    }

    /// Tags that may open a sentence (`O`, `B`, `U`).
    pub fn can_start(&self, tag: usize) -> bool {
        !matches!(self.split(tag), Some((_, Part::Inside | Part::Last)))
    }

    /// Tags that may close a sentence (`O`, `L`, `U`).
    pub fn can_end(&self, tag: usize) -> bool {
        !matches!(self.split(tag), Some((_, Part::Begin | Part::Inside)))
    }

    /// Whether `next` may follow `prev`.
    pub fn allowed(&self, prev: usize, next: usize) -> bool {
        match self.split(prev) {
            Some((t, Part::Begin | Part::Inside)) => {
                matches!(self.split(next), Some((u, Part::Inside | Part::Last)) if u == t)
            }
            _ => self.can_start(next),
        }
    }

    /// Gold tags for `n` tokens with entities `spans`; unknown labels are `None`.
    pub fn encode(&self, n: usize, spans: &[Span]) -> Option<Vec<usize>> {
        let mut tags = vec![0; n];
        for s in spans {
            let t = self.type_index(&s.label)?;
            if s.end - s.start == 1 {
                tags[s.start] = self.tag(t, Part::Unit);
            } else {
                tags[s.start] = self.tag(t, Part::Begin);
                for tag in &mut tags[s.start + 1..s.end - 1] {
                    *tag = self.tag(t, Part::Inside);
                }
                tags[s.end - 1] = self.tag(t, Part::Last);
            }
        }
        Some(tags)
    }

    /// Entities `(start, end, type index)` of a valid tag sequence.
    pub fn decode(&self, tags: &[usize]) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, &tag) in tags.iter().enumerate() {
            match self.split(tag) {
                Some((_, Part::Begin)) => start = i,
                Some((t, Part::Last)) => out.push((start, i + 1, t)),
                Some((t, Part::Unit)) => out.push((i, i + 1, t)),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> TagSet {
        TagSet::new(vec!["PER".into(), "ORG".into()])
    }

    #[test]
    fn encode_decode_round_trip() {
        let ts = set();
        let spans = vec![
            Span {
                start: 0,
                end: 1,
                label: "ORG".into(),
            },
            Span {
                start: 2,
                end: 5,
                label: "PER".into(),
            },
        ];
        let tags = ts.encode(6, &spans).unwrap();
        assert_eq!(tags, vec![8, 0, 1, 2, 3, 0]);
        assert_eq!(ts.decode(&tags), vec![(0, 1, 1), (2, 5, 0)]);
        assert!(ts
            .encode(
                3,
                &[Span {
                    start: 0,
                    end: 1,
                    label: "X".into()
                }]
            )
            .is_none());
    }

    #[test]
    fn transitions_follow_bilou() {
        let ts = set();
        let (b_per, i_per, l_per, u_per, b_org, l_org) = (1, 2, 3, 4, 5, 7);
        assert!(ts.allowed(b_per, i_per) && ts.allowed(b_per, l_per) && ts.allowed(i_per, l_per));
        assert!(!ts.allowed(b_per, 0) && !ts.allowed(b_per, l_org) && !ts.allowed(b_per, b_org));
        assert!(ts.allowed(l_per, b_org) && ts.allowed(u_per, u_per) && ts.allowed(0, b_per));
        assert!(!ts.allowed(0, i_per) && !ts.allowed(u_per, l_per));
        assert!(ts.can_start(b_per) && !ts.can_start(l_per) && ts.can_end(l_per) && !ts.can_end(b_per));
    }
}
