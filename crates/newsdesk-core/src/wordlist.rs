//! The line format of newsdesk's word lists: one entry per line, trimmed;
//! blank lines and lines starting with `#` are skipped. Lists are data files,
//! usually embedded with `include_str!`.
//!
//! ```
//! use newsdesk_core::wordlist::parse_word_list;
//! assert_eq!(parse_word_list("# cues\nhoax\n\n  denied \n"), ["hoax", "denied"]);
//! ```

/// The entries of a word list, in file order.
pub fn parse_word_list(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_blanks_and_whitespace() {
        assert!(parse_word_list("").is_empty());
        assert_eq!(parse_word_list("\u{20}a\r\n#b\n\nc d\n"), ["a", "c d"]);
    }
}
