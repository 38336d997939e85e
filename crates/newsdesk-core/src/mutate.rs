//! Structure-aware mutations of valid inputs, for the property tests of every
//! reader of untrusted bytes (JSONL, CSV, CoNLL, model files, documents).

/// How many kinds of mutation [`mutate`] knows.
pub const MUTATIONS: u8 = 5;

/// `input` changed by one mutation: `kind % MUTATIONS` picks truncation at
/// byte `at`, a flip of the byte at `at` (xor with `value`, never 0), an
/// insertion of `value` before `at`, or the duplication or deletion of the
/// line holding byte `at` (`at` is taken modulo the length).
pub fn mutate(input: &[u8], kind: u8, at: usize, value: u8) -> Vec<u8> {
    let mut out = input.to_vec();
    if input.is_empty() {
        out.push(value);
        return out;
    }
    let at = at % input.len();
    let line_start = input[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let line_end = input[at..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(input.len(), |p| at + p + 1);
    match kind % MUTATIONS {
        0 => out.truncate(at),
        1 => out[at] ^= value.max(1),
        2 => out.insert(at, value),
        3 => {
            let line = input[line_start..line_end].to_vec();
            out.splice(line_start..line_start, line);
        }
        _ => {
            out.drain(line_start..line_end);
        }
    }
    out
}

/// `input` after each `(kind, at, value)` of `steps` in turn (see [`mutate`]).
pub fn mutate_all(input: &[u8], steps: &[(u8, usize, u8)]) -> Vec<u8> {
    steps
        .iter()
        .fold(input.to_vec(), |acc, &(kind, at, value)| mutate(&acc, kind, at, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_changes_the_input_as_documented() {
        let input = b"ab\ncd\nef";
        assert_eq!(mutate(input, 0, 4, 0), b"ab\nc");
        assert_eq!(mutate(input, 1, 0, 0), b"`b\ncd\nef");
        assert_eq!(mutate(input, 2, 3, b'x'), b"ab\nxcd\nef");
        assert_eq!(mutate(input, 3, 4, 0), b"ab\ncd\ncd\nef");
        assert_eq!(mutate(input, 4, 4, 0), b"ab\nef");
        assert_eq!(mutate(input, 4, 7, 0), b"ab\ncd\n");
        assert_eq!(mutate(b"", 0, 9, b'z'), b"z");
    }
}
