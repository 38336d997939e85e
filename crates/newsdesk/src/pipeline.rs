//! The pipeline: tokenizer + sentence splitter + components, run in order.
use crate::bytes;
use crate::spec::{ModelSource, Spec};
use crate::Error;
use newsdesk_core::{ClaimStance, Component, Doc, StanceScores};
use newsdesk_ner::{EntityRuler, NerComponent, NerModel, Pattern};
use newsdesk_quotes::QuoteExtractor;
use newsdesk_stance::{StanceComponent, StanceModel};
use newsdesk_tokenize::{SentenceSplitter, Tokenizer};
use rayon::prelude::*;
use std::sync::Arc;

/// Environment variable that sets the default number of worker threads.
pub const NUM_THREADS_ENV: &str = "NEWSDESK_NUM_THREADS";

/// Runs the stages over documents. Cheap to clone (models are shared).
///
/// Built-in stages run in a fixed order — NER, entity ruler, quotes, stance —
/// followed by custom components added with [`Pipeline::add`].
#[derive(Clone)]
pub struct Pipeline {
    tokenizer: Tokenizer,
    splitter: SentenceSplitter,
    spec: Spec,
    /// Model bytes the spec refers to by index (models loaded from files).
    blobs: Vec<Arc<[u8]>>,
    stance: Option<Arc<StanceComponent>>,
    /// Built-in stages, in order (rebuilt when patterns are added).
    builtin: Vec<Arc<dyn Component>>,
    custom: Vec<Arc<dyn Component>>,
    pool: Option<Arc<rayon::ThreadPool>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("components", &self.component_names())
            .finish()
    }
}

impl Pipeline {
    /// Tokenizer and sentence splitter only.
    pub fn blank() -> Pipeline {
        Pipeline::from_spec(Spec::default(), Vec::new()).expect("a blank pipeline needs no models")
    }

    /// Build the stages a [`Spec`] describes; `blobs` holds inline models.
    pub fn from_spec(spec: Spec, blobs: Vec<Arc<[u8]>>) -> Result<Pipeline, Error> {
        let blob = |i: usize| -> Result<&[u8], Error> {
            blobs
                .get(i)
                .map(|b| &b[..])
                .ok_or_else(|| Error::Format(format!("pipeline refers to missing model blob {i}")))
        };
        let mut builtin: Vec<Arc<dyn Component>> = Vec::new();
        if let Some(src) = &spec.ner {
            let model = match src {
                ModelSource::Embedded { name } => NerModel::embedded(name)?,
                ModelSource::Inline { blob: i } => NerModel::from_bytes(blob(*i)?)?,
            };
            builtin.push(Arc::new(NerComponent::new(model)));
        }
        if !spec.patterns.is_empty() {
            builtin.push(Arc::new(EntityRuler::new(spec.patterns.clone())?));
        }
        if spec.quotes {
            builtin.push(Arc::new(QuoteExtractor::default()));
        }
        let stance = match &spec.stance {
            None => None,
            Some(ModelSource::Embedded { name }) => Some(Arc::new(StanceComponent::embedded(name)?)),
            Some(ModelSource::Inline { blob: i }) => {
                Some(Arc::new(StanceComponent::new(StanceModel::from_bytes(blob(*i)?)?)))
            }
        };
        if let Some(s) = &stance {
            builtin.push(s.clone());
        }
        Ok(Pipeline {
            tokenizer: Tokenizer::default(),
            splitter: SentenceSplitter::default(),
            spec,
            blobs,
            stance,
            builtin,
            custom: Vec::new(),
            pool: None,
        })
    }

    /// The description of the built-in stages.
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Append a custom component; custom components run after the built-in ones.
    /// A pipeline with custom components cannot be serialized.
    // A builder step (`Pipeline::default().add(x).add(y)`, like spaCy's `add_pipe`),
    // not arithmetic: `std::ops::Add` would read as summing pipelines.
    #[allow(clippy::should_implement_trait)]
    pub fn add(mut self, component: impl Component + 'static) -> Pipeline {
        self.custom.push(Arc::new(component));
        self
    }

    /// Add entity-ruler patterns (run after NER; see `newsdesk_ner::EntityRuler`
    /// for how they win over model predictions). Returns how many were added.
    pub fn add_patterns(&mut self, patterns: Vec<Pattern>) -> Result<usize, Error> {
        let n = patterns.len();
        let had_ruler = !self.spec.patterns.is_empty();
        let all: Vec<Pattern> = self.spec.patterns.iter().cloned().chain(patterns).collect();
        let stage: Arc<dyn Component> = Arc::new(EntityRuler::new(all.clone())?);
        let at = usize::from(self.spec.ner.is_some());
        if had_ruler {
            self.builtin[at] = stage;
        } else {
            self.builtin.insert(at, stage);
        }
        self.spec.patterns = all;
        Ok(n)
    }

    /// Names of the stages, in order.
    pub fn component_names(&self) -> Vec<String> {
        let mut names = vec!["tokenizer".to_string(), "sentences".to_string()];
        names.extend(self.stages().map(|c| c.name().to_string()));
        names
    }

    fn stages(&self) -> impl Iterator<Item = &Arc<dyn Component>> {
        self.builtin.iter().chain(self.custom.iter())
    }

    /// Use `n` worker threads for batches (0 = all cores). Without this call the
    /// `NEWSDESK_NUM_THREADS` variable, else rayon's global pool, decides.
    pub fn with_threads(mut self, n: usize) -> Result<Pipeline, Error> {
        self.pool = Some(Arc::new(build_pool(n)?));
        Ok(self)
    }

    pub fn tokenizer(&self) -> &Tokenizer {
        &self.tokenizer
    }

    /// Tokenize and split only (no components).
    pub fn make_doc(&self, text: &str) -> Doc {
        self.doc_of(text.to_string())
    }

    /// Tokenize and split `text`, which becomes the document's text.
    fn doc_of(&self, text: String) -> Doc {
        let tokens = self.tokenizer.tokenize(&text);
        let sents = self.splitter.split(&text, &tokens);
        Doc::new(text, tokens, sents)
    }

    /// Process one document. Panics if a component fails; see [`Pipeline::try_process`].
    pub fn process(&self, text: &str) -> Doc {
        self.try_process(text).expect("pipeline component failed")
    }

    /// Process one document, reporting component errors.
    pub fn try_process(&self, text: &str) -> Result<Doc, Error> {
        self.process_with_claims(text, Vec::new())
    }

    /// Process one document and measure its stance (and each quoted speaker's)
    /// towards `claims`: the result's `stances` has one entry per claim, in order.
    /// An empty or whitespace-only claim is an [`Error::BlankClaim`]; a document
    /// without words is `unrelated` to every claim. An owned `String` becomes
    /// the document's text without a copy (a long document is not held twice).
    ///
    /// ```
    /// let nlp = newsdesk::load("ontonotes").unwrap();
    /// let doc = nlp.process_with_claims("  ", vec!["Taxes will rise".into()]).unwrap();
    /// assert_eq!(doc.stances[0].stance.label, "unrelated");
    /// assert!(nlp.process_with_claims("Text.", vec![" ".into()]).is_err());
    /// ```
    pub fn process_with_claims(&self, text: impl Into<String>, claims: Vec<String>) -> Result<Doc, Error> {
        let mut doc = self.doc_of(text.into());
        doc.claims = claims;
        self.annotate(&mut doc)?;
        Ok(doc)
    }

    /// Run the components on an already tokenized document (claims set, say;
    /// they are checked as in [`Pipeline::process_with_claims`]).
    /// A component that panics (a bug) fails this document with [`Error::Panicked`]
    /// instead of unwinding through the caller, so one document never ends a batch.
    pub fn annotate(&self, doc: &mut Doc) -> Result<(), Error> {
        check_claims(&doc.claims)?;
        for c in self.stages() {
            newsdesk_core::panic::catch(|| c.process(doc)).map_err(|message| Error::Panicked {
                component: c.name().to_string(),
                message,
            })??;
        }
        Ok(())
    }

    /// Process many documents in parallel; output order equals input order.
    pub fn process_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Doc> {
        self.try_process_batch(texts)
            .into_iter()
            .map(|r| r.expect("pipeline component failed"))
            .collect()
    }

    /// Like [`Pipeline::process_batch`], one result per input, in order.
    pub fn try_process_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Result<Doc, Error>> {
        self.run_parallel(|| texts.par_iter().map(|t| self.try_process(t.as_ref())).collect())
    }

    /// Run the components over documents made elsewhere, in parallel, in order.
    pub fn annotate_batch(&self, docs: &mut [Doc]) -> Vec<Result<(), Error>> {
        self.run_parallel(|| docs.par_iter_mut().map(|d| self.annotate(d)).collect())
    }

    /// Run `f` inside this pipeline's pool (its own, the env-configured one, or global).
    pub fn run_parallel<R: Send>(&self, f: impl FnOnce() -> R + Send) -> R {
        match &self.pool {
            Some(pool) => pool.install(f),
            None => match env_pool() {
                Some(pool) => pool.install(f),
                None => f(),
            },
        }
    }

    fn stance_component(&self) -> Result<&StanceComponent, Error> {
        self.stance.as_deref().ok_or(Error::Missing("stance"))
    }

    /// Stance of `text` towards `claim` (label and per-label probabilities).
    pub fn stance(&self, claim: &str, text: &str) -> Result<StanceScores, Error> {
        check_claims(&[claim])?;
        Ok(self.stance_component()?.model().predict(claim, text))
    }

    /// Stance of many (claim, text) pairs in parallel, in order; each distinct
    /// claim and text is analysed once. A blank claim is an [`Error::BlankClaim`]
    /// with the index of its pair.
    pub fn stance_batch(&self, pairs: &[(&str, &str)]) -> Result<Vec<StanceScores>, Error> {
        let model = self.stance_component()?.model();
        check_claims(&pairs.iter().map(|(c, _)| c).collect::<Vec<_>>())?;
        Ok(self.run_parallel(|| model.predict_batch(pairs)))
    }

    /// Document-level and per-speaker stance of a processed `doc` towards each
    /// claim, from its text and quotes (no other stage is re-run).
    pub fn stances(&self, doc: &Doc, claims: &[String]) -> Result<Vec<ClaimStance>, Error> {
        let stance = self.stance_component()?;
        check_claims(claims)?;
        let mut d = Doc {
            claims: claims.to_vec(),
            stances: Vec::new(),
            ..doc.clone()
        };
        stance.process(&mut d)?;
        Ok(d.stances)
    }

    /// The bytes of this pipeline (spec and any models loaded from files);
    /// [`Pipeline::from_bytes`] rebuilds it. Python's pickle uses these bytes.
    pub fn to_bytes(&self) -> Result<Vec<u8>, Error> {
        if !self.custom.is_empty() {
            return Err(Error::NotSerializable);
        }
        let spec = serde_json::to_vec(&self.spec).expect("spec serialization cannot fail");
        let blobs: Vec<&[u8]> = self.blobs.iter().map(|b| &b[..]).collect();
        Ok(bytes::pack(&spec, &blobs))
    }

    /// Rebuild a pipeline from [`Pipeline::to_bytes`] output.
    pub fn from_bytes(data: &[u8]) -> Result<Pipeline, Error> {
        let (spec, blobs) = bytes::unpack(data)?;
        let spec: Spec = serde_json::from_slice(spec).map_err(|e| Error::Format(format!("bad pipeline spec: {e}")))?;
        Pipeline::from_spec(spec, blobs.into_iter().map(Arc::from).collect())
    }
}

/// Check that no claim is empty or whitespace only ([`Error::BlankClaim`]
/// names the first that is, counting from 0).
pub fn check_claims<S: AsRef<str>>(claims: &[S]) -> Result<(), Error> {
    match claims.iter().position(|c| c.as_ref().trim().is_empty()) {
        Some(index) => Err(Error::BlankClaim { index }),
        None => Ok(()),
    }
}

fn build_pool(n: usize) -> Result<rayon::ThreadPool, Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n)
        .thread_name(|i| format!("newsdesk-{i}"))
        .build()
        .map_err(|e| Error::ThreadPool(e.to_string()))
}

/// The pool sized by `NEWSDESK_NUM_THREADS`, built once, if the variable is set.
fn env_pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        let n: usize = std::env::var(NUM_THREADS_ENV).ok()?.trim().parse().ok()?;
        build_pool(n).ok()
    })
    .as_ref()
}
