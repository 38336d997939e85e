//! Character classes used by the scanner and the features.

/// Punctuation (Unicode general category P*), with an ASCII fast path.
pub fn is_punct_char(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            '!' | '"'
                | '#'
                | '%'
                | '&'
                | '\''
                | '('
                | ')'
                | '*'
                | ','
                | '-'
                | '.'
                | '/'
                | ':'
                | ';'
                | '?'
                | '@'
                | '['
                | '\\'
                | ']'
                | '_'
                | '{'
                | '}'
        );
    }
    matches!(c,
        '¡' | '§' | '«' | '¶' | '·' | '»' | '¿' | ';'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{2043}' | '\u{2045}'..='\u{2051}'
        | '\u{2053}'..='\u{205E}' | '\u{2E00}'..='\u{2E4F}' | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' | '\u{FE10}'..='\u{FE19}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF01}'..='\u{FF03}' | '\u{FF05}'..='\u{FF0A}'
        | '\u{FF0C}'..='\u{FF0F}' | '\u{FF1A}' | '\u{FF1B}' | '\u{FF1F}' | '\u{FF20}'
        | '\u{FF3B}'..='\u{FF3D}' | '\u{FF3F}' | '\u{FF5B}' | '\u{FF5D}' | '\u{FF5F}'..='\u{FF65}'
    )
}

/// Quotation marks, straight and typographic.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '`'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '“'
            | '”'
            | '„'
            | '‟'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '＂'
            | '＇'
    )
}

/// Opening and closing brackets.
pub fn is_bracket(c: char) -> bool {
    matches!(
        c,
        '(' | ')' | '[' | ']' | '{' | '}' | '⟨' | '⟩' | '（' | '）' | '［' | '］' | '｛' | '｝'
    )
}

/// Dash-like characters that are tokens of their own.
pub fn is_dash(c: char) -> bool {
    matches!(c, '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⸺' | '⸻')
}

/// Zero-width and invisible formatting characters (treated as debris).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{2060}'..='\u{2064}'
        | '\u{FEFF}' | '\u{00AD}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whitespace separating tokens (Unicode `White_Space`).
#[inline]
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Characters that start an emoji sequence: pictographs (including the
/// regional indicators that pair into flags).
pub fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}'
        | '\u{2300}'..='\u{23FF}'
        | '\u{3030}' | '\u{303D}' | '\u{3297}' | '\u{3299}' | '\u{00A9}' | '\u{00AE}'
        | '\u{2122}' | '\u{2139}' | '\u{2194}'..='\u{21AA}' | '\u{24C2}' | '\u{25AA}'..='\u{25FE}'
        | '\u{2934}' | '\u{2935}' | '\u{203C}' | '\u{2049}'
    )
}

/// Characters that only continue an emoji sequence (never start one).
pub fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}' | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}')
}

/// Word characters: letters, digits and combining marks.
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_mark(c)
    }
}

/// Combining marks (the common blocks), which continue a word.
pub fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0900}'..='\u{0903}'
        | '\u{093A}'..='\u{094F}' | '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}'
        | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20DC}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_punct_char('.') && is_punct_char('“') && !is_punct_char('$'));
        assert!(is_quote('’') && is_bracket('[') && is_dash('—'));
        assert!(is_emoji('😀') && is_emoji_modifier('\u{200D}'));
        assert!(is_word_char('é') && is_word_char('\u{0301}') && !is_word_char('-'));
        assert!(is_invisible('\u{200B}'));
    }
}
