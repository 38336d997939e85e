//! Checking arguments that come from Python: clear TypeError / ValueError messages.
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PySlice, PyString};

/// `obj` as an owned `String`, or `TypeError` naming `what` and the type received.
pub fn text_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "{what} must be str, not {}",
            obj.get_type().name()?
        ))),
    }
}

/// A list of strings (`claims`, say), from any iterable of `str` but not a bare `str`.
pub fn texts_arg(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<String>> {
    if obj.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(format!(
            "{what} must be a list of str, not a single str"
        )));
    }
    obj.try_iter()?
        .enumerate()
        .map(|(i, item)| text_arg(&item?, &format!("{what}[{i}]")))
        .collect()
}

/// An optional count that must be ≥ 1.
pub fn positive(name: &str, value: Option<i64>) -> PyResult<Option<usize>> {
    match value {
        None => Ok(None),
        Some(v) if v >= 1 => Ok(Some(v as usize)),
        Some(v) => Err(PyValueError::new_err(format!(
            "{name} must be a positive integer, got {v}"
        ))),
    }
}

/// What `seq[key]` asks for in a sequence of `len` tokens.
pub enum Index {
    One(usize),
    Range(usize, usize),
}

/// Resolve an int (negative counts from the end) or a step-1 slice.
pub fn index_arg(key: &Bound<'_, PyAny>, len: usize, what: &str) -> PyResult<Index> {
    if let Ok(slice) = key.cast::<PySlice>() {
        let ix = slice.indices(len as isize)?;
        if ix.step != 1 {
            return Err(PyValueError::new_err(format!(
                "{what} slices must have step 1, got {}",
                ix.step
            )));
        }
        let start = ix.start as usize;
        return Ok(Index::Range(start, (ix.stop as usize).max(start)));
    }
    let i: isize = key
        .extract()
        .map_err(|_| PyTypeError::new_err(format!("{what} indices must be int or slice, not {}", type_name(key))))?;
    let j = if i < 0 { i + len as isize } else { i };
    if j < 0 || j as usize >= len {
        return Err(PyIndexError::new_err(format!(
            "token index {i} out of range for a {what} of {len} tokens"
        )));
    }
    Ok(Index::One(j as usize))
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}
