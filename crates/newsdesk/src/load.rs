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
///
/// A name that looks like a path (it has a `/`, `\` or `.`) but names no file is
/// an [`Error::ModelFile`] naming it; a model file that cannot be used is an
/// [`Error::BadModelFile`] naming the file and what is wrong with it.
pub fn load(name: &str) -> Result<Pipeline, Error> {
    match name {
        "ontonotes" | "conll" => Pipeline::from_spec(Spec::news(name), Vec::new()),
        "blank" => Ok(Pipeline::blank()),
        path if Path::new(path).is_file() || looks_like_path(path) => from_file(path, |data| {
            if data.starts_with(b"NDPIPE") {
                return Pipeline::from_bytes(&data);
            }
            let spec = Spec {
                ner: Some(ModelSource::Inline { blob: 0 }),
                ..Spec::news("ontonotes")
            };
            Pipeline::from_spec(spec, vec![Arc::from(data)])
        }),
        other => Err(Error::UnknownPipeline(other.to_string())),
    }
}

/// A pipeline that measures stance only (tokenizer and sentences, no NER or
/// quotes, so no per-speaker stances) with the shipped stance model `"fnc1"`
/// (news) or `"arc"` (user comments), or a model file written by
/// `newsdesk train stance`.
///
/// ```
/// let nlp = newsdesk::load_stance("fnc1").unwrap();
/// let s = nlp.stance("Apple unveils a new phone", "The mayor resigned on Monday.").unwrap();
/// assert_eq!(s.label, "unrelated");
/// ```
pub fn load_stance(name: &str) -> Result<Pipeline, Error> {
    let only = |stance| Spec {
        stance: Some(stance),
        ..Spec::default()
    };
    match name {
        "fnc1" | "arc" => Pipeline::from_spec(only(ModelSource::Embedded { name: name.into() }), Vec::new()),
        path => from_file(path, |data| {
            Pipeline::from_spec(only(ModelSource::Inline { blob: 0 }), vec![Arc::from(data)])
        }),
    }
}

fn looks_like_path(name: &str) -> bool {
    name.contains(['/', '\\', '.'])
}

/// Read the model file at `path` and build a pipeline from its bytes; errors
/// name the file.
fn from_file(path: &str, build: impl FnOnce(Vec<u8>) -> Result<Pipeline, Error>) -> Result<Pipeline, Error> {
    let data = match std::fs::metadata(path) {
        Ok(m) if !m.is_file() => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        )),
        _ => std::fs::read(path),
    }
    .map_err(|source| Error::ModelFile {
        path: path.to_string(),
        source,
    })?;
    build(data).map_err(|e| Error::BadModelFile {
        path: path.to_string(),
        source: Box::new(e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_files_and_unknown_names_are_told_apart() {
        let err = load("/nonexistent/model.bin").unwrap_err();
        assert!(matches!(err, Error::ModelFile { .. }), "{err}");
        assert!(err.to_string().contains("/nonexistent/model.bin"), "{err}");
        assert!(matches!(load("ontonote").unwrap_err(), Error::UnknownPipeline(_)));
        let err = load_stance("no-such-stance.bin").unwrap_err();
        assert!(
            err.to_string().starts_with("cannot open model file no-such-stance.bin"),
            "{err}"
        );
    }

    #[test]
    fn unusable_model_files_are_named() {
        let dir = std::env::temp_dir().join(format!("newsdesk-load-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("short.bin");
        std::fs::write(&path, &newsdesk_ner::MAGIC[..]).unwrap();
        let path = path.to_str().unwrap();
        let err = load(path).unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("model file {path}: ")) && err.contains("truncated"),
            "{err}"
        );
        let err = load_stance(path).unwrap_err().to_string();
        assert!(err.starts_with(&format!("model file {path}: ")), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
