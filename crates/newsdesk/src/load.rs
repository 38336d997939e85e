//! `load`: build a ready pipeline by name or from a model file.
use crate::spec::{ModelSource, Spec};
use crate::{Error, Pipeline};
use std::path::Path;
use std::sync::Arc;

/// Build a pipeline:
/// - `"ontonotes"` (the default in Python): tokenizer, OntoNotes NER (18 types),
///   quotes with speakers, and FNC-1 stance for documents given claims;
/// - `"conll"`: the same with the CoNLL-2003 NER model (PER, LOC, ORG, MISC);
/// - `"blank"`: tokenizer and sentences only;
/// - a path: an NER model file written by `newsdesk train ner` (with quotes and
///   stance as in `"ontonotes"`), or a pipeline saved with `Pipeline::to_bytes`.
pub fn load(name: &str) -> Result<Pipeline, Error> {
    match name {
        "ontonotes" | "conll" => Pipeline::from_spec(Spec::news(name), Vec::new()),
        "blank" => Ok(Pipeline::blank()),
        path if Path::new(path).is_file() => load_file(Path::new(path)),
        other => Err(Error::UnknownPipeline(other.to_string())),
    }
}

fn load_file(path: &Path) -> Result<Pipeline, Error> {
    let data = std::fs::read(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    if data.starts_with(b"NDPIPE") {
        return Pipeline::from_bytes(&data);
    }
    let spec = Spec {
        ner: Some(ModelSource::Inline { blob: 0 }),
        ..Spec::news("ontonotes")
    };
    Pipeline::from_spec(spec, vec![Arc::from(data)])
}
