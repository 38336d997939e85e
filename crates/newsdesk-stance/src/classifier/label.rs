//! The four FNC-1 stance labels.
use std::fmt;

/// Stance of a text towards a claim (FNC-1 labels, in the model's output order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Agree,
    Disagree,
    Discuss,
    Unrelated,
}

impl Label {
    /// All labels in output order.
    pub const ALL: [Label; 4] = [Label::Agree, Label::Disagree, Label::Discuss, Label::Unrelated];

    /// The lower-case FNC-1 name.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Agree => "agree",
            Label::Disagree => "disagree",
            Label::Discuss => "discuss",
            Label::Unrelated => "unrelated",
        }
    }

    /// Parse an exact lower-case FNC-1 name.
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Position in [`Label::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// agree, disagree or discuss.
    pub fn is_related(self) -> bool {
        self != Label::Unrelated
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (i, l) in Label::ALL.into_iter().enumerate() {
            assert_eq!(Label::parse(l.as_str()), Some(l));
            assert_eq!(l.index(), i);
        }
        assert_eq!(Label::parse("Agree"), None);
        assert!(!Label::Unrelated.is_related() && Label::Discuss.is_related());
    }
}
