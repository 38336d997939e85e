//! Abbreviations that keep their final period, and how they behave at the
//! end of a sentence.

/// How an abbreviation behaves before a capitalized word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Titles and name parts (`Mr.`, `Dr.`, `Gen.`, `St.`, initials `J.`):
    /// the next word belongs to the same sentence.
    Title,
    /// Month names (`Jan.`): usually followed by a day number.
    Month,
    /// Everything else (`Inc.`, `etc.`, `U.S.`, `a.m.`): may end a sentence.
    Other,
}

/// Titles and name parts that are followed by a name.
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mrs"
            | "Ms"
            | "Messrs"
            | "Mmes"
            | "Dr"
            | "Drs"
            | "Prof"
            | "Profs"
            | "Gen"
            | "Gov"
            | "Govs"
            | "Sen"
            | "Sens"
            | "Rep"
            | "Reps"
            | "Rev"
            | "Lt"
            | "Col"
            | "Maj"
            | "Capt"
            | "Cpl"
            | "Sgt"
            | "Cmdr"
            | "Cmdt"
            | "Adm"
            | "Pres"
            | "Supt"
            | "Hon"
            | "Atty"
            | "Gens"
            | "Brig"
            | "Pvt"
            | "Fr"
            | "Sr"
            | "Sra"
            | "Srta"
            | "St"
            | "Ste"
            | "Mt"
            | "Ft"
            | "Pt"
            | "Insp"
            | "Amb"
            | "Mme"
            | "Mlle"
            | "Msgr"
            | "Mssrs"
            | "Rt"
            | "Secy"
            | "Det"
            | "Dep"
    )
}

/// Month abbreviations.
fn is_month(w: &str) -> bool {
    matches!(
        w,
        "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug" | "Sep" | "Sept" | "Oct" | "Nov" | "Dec"
    )
}

/// Other abbreviations kept whole wherever they occur.
fn is_other(w: &str) -> bool {
    matches!(
        w,
        "Inc"
            | "Corp"
            | "Co"
            | "Cos"
            | "Ltd"
            | "Bros"
            | "Jr"
            | "Esq"
            | "Assn"
            | "Assoc"
            | "Dept"
            | "Univ"
            | "Ave"
            | "Blvd"
            | "Rd"
            | "Ln"
            | "Hwy"
            | "Tce"
            | "vs"
            | "etc"
            | "al"
            | "approx"
            | "viz"
            | "cf"
            | "Ph"
            | "Mfg"
            | "Intl"
            | "Natl"
            | "Govt"
            | "Calif"
            | "Mass"
            | "Conn"
            | "Fla"
            | "Ga"
            | "Ill"
            | "Ind"
            | "Kan"
            | "Kans"
            | "Ky"
            | "La"
            | "Md"
            | "Mich"
            | "Minn"
            | "Mo"
            | "Mont"
            | "Neb"
            | "Nev"
            | "Okla"
            | "Ore"
            | "Pa"
            | "Tenn"
            | "Tex"
            | "Va"
            | "Vt"
            | "Wash"
            | "Wis"
            | "Wyo"
            | "Ariz"
            | "Ark"
            | "Colo"
            | "Ala"
            | "Del"
            | "Dak"
            | "Alta"
            | "Ont"
            | "Que"
            | "Mon"
            | "Tue"
            | "Tues"
            | "Wed"
            | "Thu"
            | "Thur"
            | "Thurs"
            | "Fri"
            | "Sat"
            | "hrs"
            | "yrs"
            | "lbs"
            | "tbsp"
            | "tsp"
            | "mph"
            | "Vol"
            | "Vols"
            | "Fig"
            | "Figs"
            | "Eq"
            | "Eqs"
            | "Eds"
            | "Mtn"
            | "Dist"
            | "Sec"
    )
}

/// Abbreviations that keep their period only before a number (`No. 5`, `pp. 3`).
fn is_before_number(w: &str) -> bool {
    matches!(
        w,
        "No" | "Nos" | "no" | "nos" | "Nr" | "nr" | "Art" | "art" | "pp" | "Op" | "op" | "Pp"
    )
}

/// Is `s` (a token candidate ending in `.`) an abbreviation that keeps its
/// period? `next` is the first non-space char after the chunk, if any.
pub fn is_abbrev(s: &str, next: Option<char>) -> bool {
    abbrev_class(s, next).is_some()
}

/// Class of the abbreviation `s` (ending in `.`), or `None` if the period
/// is punctuation.
pub fn abbrev_class(s: &str, next: Option<char>) -> Option<AbbrevClass> {
    let body = s.strip_suffix('.')?;
    let b = body.as_bytes();
    if b.is_empty() {
        return None;
    }
    if let Some((left, last)) = body.rsplit_once('-') {
        // `D-Calif.`, `R-N.H.`: a party-and-state tag ends in the abbreviation
        // after its last hyphen
        return (!left.is_empty() && last.len() > 1)
            .then(|| abbrev_class(&s[s.len() - last.len() - 1..], next))
            .flatten()
            .map(|_| AbbrevClass::Other);
    }
    if b.len() == 1 {
        // initials `J.` and list letters `p.`
        let c = b[0];
        return if c.is_ascii_uppercase() {
            Some(AbbrevClass::Title)
        } else if c.is_ascii_lowercase() {
            Some(AbbrevClass::Other)
        } else {
            None
        };
    }
    if body.contains('.') {
        // `U.S`, `e.g`, `Ph.D`, `a.m`, `D.C`: dotted letter groups of 1-3 letters
        let ok = body
            .split('.')
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|c| c.is_ascii_alphabetic()));
        if !ok {
            return None;
        }
        let all_single_upper = body
            .split('.')
            .all(|p| p.len() == 1 && p.as_bytes()[0].is_ascii_uppercase());
        // `J.R.` are initials when they are two letters, `U.S.` is a name
        return Some(if all_single_upper && body.len() == 3 && !is_country_like(body) {
            AbbrevClass::Title
        } else {
            AbbrevClass::Other
        });
    }
    if b.len() > 7 {
        return None;
    }
    if is_title(body) {
        return Some(AbbrevClass::Title);
    }
    if is_month(body) {
        return Some(AbbrevClass::Month);
    }
    if is_other(body) {
        return Some(AbbrevClass::Other);
    }
    if is_before_number(body) && next.is_some_and(|c| c.is_ascii_digit()) {
        return Some(AbbrevClass::Other);
    }
    None
}

/// Two-letter dotted abbreviations that are places or organisations rather
/// than initials (they can end a sentence).
fn is_country_like(body: &str) -> bool {
    matches!(
        body,
        "U.S"
            | "U.K"
            | "U.N"
            | "E.U"
            | "D.C"
            | "L.A"
            | "N.Y"
            | "N.J"
            | "N.H"
            | "N.C"
            | "N.D"
            | "N.M"
            | "S.C"
            | "S.D"
            | "R.I"
            | "S.A"
            | "N.V"
            | "A.G"
            | "P.M"
            | "A.M"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations() {
        assert_eq!(abbrev_class("Mr.", None), Some(AbbrevClass::Title));
        assert_eq!(abbrev_class("J.", None), Some(AbbrevClass::Title));
        assert_eq!(abbrev_class("U.S.", None), Some(AbbrevClass::Other));
        assert_eq!(abbrev_class("J.R.", None), Some(AbbrevClass::Title));
        assert_eq!(abbrev_class("Jan.", None), Some(AbbrevClass::Month));
        assert_eq!(abbrev_class("Inc.", None), Some(AbbrevClass::Other));
        assert!(is_abbrev("e.g.", None) && is_abbrev("Ph.D.", None) && is_abbrev("a.m.", None));
        assert!(is_abbrev("No.", Some('5')) && !is_abbrev("No.", Some('T')));
        // party-and-state tags: the state's abbreviation keeps the period, and may end a sentence
        assert_eq!(abbrev_class("D-Calif.", None), Some(AbbrevClass::Other));
        assert_eq!(abbrev_class("R-N.H.", None), Some(AbbrevClass::Other));
        assert_eq!(abbrev_class("N.H.", None), Some(AbbrevClass::Other));
        assert!(!is_abbrev("well-fed.", None) && !is_abbrev("D-.", None) && !is_abbrev("-Calif.", None));
        assert!(!is_abbrev("dog.", None) && !is_abbrev("5.", None) && !is_abbrev(".", None));
    }
}
