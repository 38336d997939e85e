//! The pipeline: tokenizer + sentence splitter + components, run in order.
use crate::Error;
use newsdesk_core::{Component, Doc};
use newsdesk_tokenize::{SentenceSplitter, Tokenizer};
use rayon::prelude::*;
use std::sync::Arc;

/// Environment variable that sets the default number of worker threads.
pub const NUM_THREADS_ENV: &str = "NEWSDESK_NUM_THREADS";

/// Runs the stages over documents. Cheap to clone (components are shared).
#[derive(Clone)]
pub struct Pipeline {
    tokenizer: Tokenizer,
    splitter: SentenceSplitter,
    components: Vec<Arc<dyn Component>>,
    pool: Option<Arc<rayon::ThreadPool>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline").field("components", &self.component_names()).finish()
    }
}

impl Pipeline {
    /// Tokenizer and sentence splitter only.
    pub fn blank() -> Pipeline {
        Pipeline {
            tokenizer: Tokenizer::default(),
            splitter: SentenceSplitter::default(),
            components: Vec::new(),
            pool: None,
        }
    }

    /// Append a component; components run in the order added.
    pub fn add(mut self, component: impl Component + 'static) -> Pipeline {
        self.components.push(Arc::new(component));
        self
    }

    /// Names of the stages, in order.
    pub fn component_names(&self) -> Vec<String> {
        let mut names = vec!["tokenizer".to_string(), "sentences".to_string()];
        names.extend(self.components.iter().map(|c| c.name().to_string()));
        names
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
        let tokens = self.tokenizer.tokenize(text);
        let sents = self.splitter.split(text, &tokens);
        Doc::new(text.to_string(), tokens, sents)
    }

    /// Process one document.
    pub fn process(&self, text: &str) -> Doc {
        self.try_process(text).expect("pipeline component failed")
    }

    /// Process one document, reporting component errors.
    pub fn try_process(&self, text: &str) -> Result<Doc, Error> {
        let mut doc = self.make_doc(text);
        self.annotate(&mut doc)?;
        Ok(doc)
    }

    /// Run the components on an already tokenized document (claims set, say).
    pub fn annotate(&self, doc: &mut Doc) -> Result<(), Error> {
        for c in &self.components {
            c.process(doc)?;
        }
        Ok(())
    }

    /// Process many documents in parallel; output order equals input order.
    pub fn process_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Doc> {
        self.try_process_batch(texts).into_iter().map(|r| r.expect("pipeline component failed")).collect()
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
