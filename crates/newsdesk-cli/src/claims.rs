//! Claims for `annotate` and `stance`: from `--claim` (repeatable) and
//! `--claims-file` (one claim per line, UTF-8), checked so that an empty or
//! whitespace-only claim is an error naming where it came from.
use std::path::PathBuf;

#[derive(clap::Args, Clone, Debug, Default)]
pub struct ClaimArgs {
    /// Claim to measure stance against (repeatable).
    #[arg(long = "claim", value_name = "TEXT")]
    pub claims: Vec<String>,
    /// File of claims, one per line (UTF-8), after any --claim.
    #[arg(long, value_name = "FILE")]
    pub claims_file: Option<PathBuf>,
}

impl ClaimArgs {
    /// All claims, `--claim` ones first, each checked.
    pub fn load(&self) -> Result<Vec<String>, String> {
        let mut out = Vec::with_capacity(self.claims.len());
        for (i, claim) in self.claims.iter().enumerate() {
            if claim.trim().is_empty() {
                return Err(format!("--claim #{}: empty or whitespace-only claim", i + 1));
            }
            out.push(claim.clone());
        }
        if let Some(path) = &self.claims_file {
            let name = path.display().to_string();
            let bytes = std::fs::read(path).map_err(|e| format!("{name}: cannot read claims file: {e}"))?;
            out.extend(parse_claims(&bytes, &name)?);
        }
        Ok(out)
    }
}

/// The claims of a claims file's bytes: one per line (`\n` or `\r\n`), a
/// leading byte-order mark skipped; blank lines and invalid UTF-8 are errors
/// naming `name:line`.
pub fn parse_claims(bytes: &[u8], name: &str) -> Result<Vec<String>, String> {
    let bytes = crate::records::strip_bom(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        format!("{name}:{line}: invalid UTF-8 at byte {at} of the file")
    })?;
    text.lines()
        .enumerate()
        .map(|(i, line)| match line.trim().is_empty() {
            true => Err(format!("{name}:{}: empty or whitespace-only claim", i + 1)),
            false => Ok(line.to_string()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_claim_per_line_after_a_bom() {
        let claims = parse_claims(b"\xef\xbb\xbfTaxes rise\r\nThe mayor quit\n", "c.txt").unwrap();
        assert_eq!(claims, ["Taxes rise", "The mayor quit"]);
        assert_eq!(parse_claims(b"", "c.txt").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn blank_lines_and_bad_bytes_name_their_line() {
        assert_eq!(
            parse_claims(b"One\n \t\nThree\n", "c.txt").unwrap_err(),
            "c.txt:2: empty or whitespace-only claim"
        );
        assert!(parse_claims(b"One\nT\xffwo\n", "c.txt")
            .unwrap_err()
            .starts_with("c.txt:2: invalid UTF-8"));
        let args = ClaimArgs {
            claims: vec!["ok".into(), " ".into()],
            claims_file: None,
        };
        assert_eq!(args.load().unwrap_err(), "--claim #2: empty or whitespace-only claim");
    }
}
