//! Batches: in parallel on a rayon pool, or in order on the calling thread in
//! a forked child (see `fork`). Callers pass plain Rust values only, never
//! Python objects.
use crate::fork;
use newsdesk::{Doc, Error, Pipeline};
use rayon::prelude::*;
use std::sync::Arc;

/// Runs the batches of one call (`pipe`, `stance_batch`): on a pool of
/// `n_threads` workers built on first use, else on the pipeline's default
/// pool (`NEWSDESK_NUM_THREADS`, else all cores).
pub struct Workers {
    nlp: Arc<Pipeline>,
    n_threads: Option<usize>,
    pooled: Option<Pipeline>,
}

impl Workers {
    pub fn new(nlp: Arc<Pipeline>, n_threads: Option<usize>) -> Workers {
        Workers {
            nlp,
            n_threads,
            pooled: None,
        }
    }

    pub fn pipeline(&self) -> &Arc<Pipeline> {
        &self.nlp
    }

    /// `f` over `items`, results in input order.
    pub fn map<T, R, F>(&mut self, items: &[T], f: F) -> Result<Vec<R>, Error>
    where
        T: Sync,
        R: Send,
        F: Fn(&Pipeline, &T) -> R + Sync + Send,
    {
        if !fork::parallel_allowed() {
            return Ok(items.iter().map(|t| f(&self.nlp, t)).collect());
        }
        let nlp: &Pipeline = match (self.n_threads, &mut self.pooled) {
            (None, _) => &self.nlp,
            (Some(_), Some(pooled)) => pooled,
            (Some(n), pooled @ None) => pooled.insert(self.nlp.as_ref().clone().with_threads(n)?),
        };
        Ok(nlp.run_parallel(|| items.par_iter().map(|t| f(nlp, t)).collect()))
    }
}

/// Process one text, with the claims to measure stance against (if any).
pub fn process_one(nlp: &Pipeline, text: &str, claims: &[String]) -> Result<Doc, Error> {
    nlp.process_with_claims(text, claims.to_vec())
}
