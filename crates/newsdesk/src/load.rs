//! `load`: build a ready pipeline by name.
use crate::{Error, Pipeline};

/// Build a pipeline by name: `"blank"` (tokenizer and sentences only).
pub fn load(name: &str) -> Result<Pipeline, Error> {
    match name {
        "blank" => Ok(Pipeline::blank()),
        other => Err(Error::Option(format!("unknown pipeline {other:?} (known: blank)"))),
    }
}
