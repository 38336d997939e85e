//! FNC-1 style stance data: a bodies file (`Body ID,articleBody`) and a
//! stances file (`Headline,Body ID,Stance`). ARC uses the same format.
use super::csv;
use super::label::Label;
use crate::StanceError;
use std::collections::BTreeMap;
use std::path::Path;

/// One (claim, body, label) row of a stances file.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub headline: String,
    pub body_id: u32,
    pub label: Label,
}

/// A bodies file and a stances file read together.
#[derive(Clone, Debug)]
pub struct Dataset {
    pub bodies: BTreeMap<u32, String>,
    pub pairs: Vec<Pair>,
    /// SHA-256 (hex) of the bodies and stances files as read.
    pub bodies_sha256: String,
    pub stances_sha256: String,
}

impl Dataset {
    /// Read and cross-check both files (every `Body ID` must resolve).
    pub fn load(bodies: &Path, stances: &Path) -> Result<Dataset, StanceError> {
        let (btext, bsha) = read(bodies)?;
        let (stext, ssha) = read(stances)?;
        let bname = bodies.display().to_string();
        let sname = stances.display().to_string();
        Dataset::parse(&btext, &bname, &stext, &sname).map(|(b, p)| Dataset {
            bodies: b,
            pairs: p,
            bodies_sha256: bsha,
            stances_sha256: ssha,
        })
    }

    /// Parse file contents; `*_name` are used in error messages.
    #[allow(clippy::type_complexity)]
    pub fn parse(
        bodies: &str,
        bodies_name: &str,
        stances: &str,
        stances_name: &str,
    ) -> Result<(BTreeMap<u32, String>, Vec<Pair>), StanceError> {
        let bodies = parse_bodies(bodies, bodies_name)?;
        let pairs = parse_stances(stances, stances_name, &bodies)?;
        Ok((bodies, pairs))
    }

    /// Body text of a pair (always present: checked at load).
    pub fn body(&self, pair: &Pair) -> &str {
        &self.bodies[&pair.body_id]
    }
}

pub use newsdesk_core::checksum::sha256_hex;

fn read(path: &Path) -> Result<(String, String), StanceError> {
    let bytes = std::fs::read(path).map_err(|source| StanceError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let sha = sha256_hex(&bytes);
    let text = String::from_utf8(bytes).map_err(|e| StanceError::Csv {
        file: path.display().to_string(),
        record: 0,
        line: 0,
        message: format!("not UTF-8 (byte {})", e.utf8_error().valid_up_to()),
    })?;
    Ok((text, sha))
}

fn records(text: &str, file: &str, header: &[&str]) -> Result<Vec<csv::CsvRecord>, StanceError> {
    let recs = csv::parse(text).map_err(|e| StanceError::Csv {
        file: file.into(),
        record: e.record,
        line: e.line,
        message: e.message,
    })?;
    let Some(first) = recs.first() else {
        return Err(StanceError::Csv {
            file: file.into(),
            record: 1,
            line: 1,
            message: "empty file".into(),
        });
    };
    if first.fields != header {
        return Err(StanceError::Csv {
            file: file.into(),
            record: 1,
            line: first.line,
            message: format!("header {:?}, expected {:?}", first.fields.join(","), header.join(",")),
        });
    }
    for (i, r) in recs.iter().enumerate() {
        if r.fields.len() != header.len() {
            return Err(StanceError::Csv {
                file: file.into(),
                record: i + 1,
                line: r.line,
                message: format!("{} fields, expected {}", r.fields.len(), header.len()),
            });
        }
    }
    Ok(recs.into_iter().skip(1).collect())
}

fn body_id(s: &str, file: &str, record: usize, line: usize) -> Result<u32, StanceError> {
    s.trim().parse().map_err(|_| StanceError::Csv {
        file: file.into(),
        record,
        line,
        message: format!("Body ID {s:?} is not a number"),
    })
}

fn parse_bodies(text: &str, file: &str) -> Result<BTreeMap<u32, String>, StanceError> {
    let mut bodies = BTreeMap::new();
    for (i, r) in records(text, file, &["Body ID", "articleBody"])?
        .into_iter()
        .enumerate()
    {
        let mut f = r.fields.into_iter();
        let id = body_id(&f.next().unwrap_or_default(), file, i + 2, r.line)?;
        if bodies.insert(id, f.next().unwrap_or_default()).is_some() {
            return Err(StanceError::Csv {
                file: file.into(),
                record: i + 2,
                line: r.line,
                message: format!("duplicate Body ID {id}"),
            });
        }
    }
    Ok(bodies)
}

fn parse_stances(text: &str, file: &str, bodies: &BTreeMap<u32, String>) -> Result<Vec<Pair>, StanceError> {
    let recs = records(text, file, &["Headline", "Body ID", "Stance"])?;
    let mut pairs = Vec::with_capacity(recs.len());
    for (i, r) in recs.into_iter().enumerate() {
        let mut f = r.fields.into_iter();
        let headline = f.next().unwrap_or_default();
        let id = body_id(&f.next().unwrap_or_default(), file, i + 2, r.line)?;
        let stance = f.next().unwrap_or_default();
        let label = Label::parse(&stance).ok_or_else(|| StanceError::Label {
            file: file.into(),
            line: r.line,
            label: stance.clone(),
        })?;
        if !bodies.contains_key(&id) {
            return Err(StanceError::Csv {
                file: file.into(),
                record: i + 2,
                line: r.line,
                message: format!("Body ID {id} is not in the bodies file"),
            });
        }
        pairs.push(Pair {
            headline,
            body_id: id,
            label,
        });
    }
    Ok(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODIES: &str = "Body ID,articleBody\n1,\"A body,\nover two lines\"\n2,Short\n";

    #[test]
    fn parses_and_cross_checks() {
        let stances = "Headline,Body ID,Stance\n\"Claim, one\",1,agree\nOther,2,unrelated\n";
        let (b, p) = Dataset::parse(BODIES, "b.csv", stances, "s.csv").unwrap();
        assert_eq!(b[&1], "A body,\nover two lines");
        assert_eq!(
            p[0],
            Pair {
                headline: "Claim, one".into(),
                body_id: 1,
                label: Label::Agree
            }
        );
        assert_eq!(p[1].label, Label::Unrelated);
    }

    #[test]
    fn errors_name_file_and_line() {
        let bad_id = "Headline,Body ID,Stance\nx,1,agree\ny,7,agree\n";
        let e = Dataset::parse(BODIES, "b.csv", bad_id, "s.csv")
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("s.csv") && e.contains("line 3") && e.contains("Body ID 7"),
            "{e}"
        );
        let bad_label = "Headline,Body ID,Stance\nx,1,Agrees\n";
        let e = Dataset::parse(BODIES, "b.csv", bad_label, "s.csv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 2") && e.contains("Agrees"), "{e}");
        let bad_header = "Claim,Body,Stance\n";
        let e = Dataset::parse(BODIES, "b.csv", bad_header, "s.csv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("header"), "{e}");
        let dup = "Body ID,articleBody\n1,a\n1,b\n";
        let e = Dataset::parse(dup, "b.csv", "Headline,Body ID,Stance\n", "s.csv")
            .unwrap_err()
            .to_string();
        assert!(e.contains("b.csv") && e.contains("duplicate"), "{e}");
        let short = "Body ID,articleBody\n1\n";
        assert!(Dataset::parse(short, "b.csv", "", "s.csv")
            .unwrap_err()
            .to_string()
            .contains("1 fields"));
    }
}
