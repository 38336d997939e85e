//! Fork safety. Rayon's worker threads do not survive `fork()`: a child that
//! inherited a pool would wait forever for them. A `pthread_atfork` child hook
//! marks such a child (when the parent had used worker threads), and batch
//! calls in it then run on the calling thread (as huggingface/tokenizers does).
use std::sync::atomic::{AtomicBool, Ordering};

static PARALLELISM_USED: AtomicBool = AtomicBool::new(false);
static FORKED_AFTER_PARALLELISM: AtomicBool = AtomicBool::new(false);

#[cfg(unix)]
extern "C" fn child_after_fork() {
    // Only atomics here: the child of a threaded process may do little more.
    if PARALLELISM_USED.load(Ordering::SeqCst) {
        FORKED_AFTER_PARALLELISM.store(true, Ordering::SeqCst);
    }
}

/// Register the child hook (once per process).
pub fn install_hook() {
    #[cfg(unix)]
    {
        static ONCE: std::sync::Once = std::sync::Once::new();
        // SAFETY: registers a plain function that only touches atomics.
        ONCE.call_once(|| unsafe {
            libc::pthread_atfork(None, None, Some(child_after_fork));
        });
    }
}

/// Whether the next batch may use worker threads; if so, records that it does.
pub fn parallel_allowed() -> bool {
    if FORKED_AFTER_PARALLELISM.load(Ordering::SeqCst) {
        return false;
    }
    PARALLELISM_USED.store(true, Ordering::SeqCst);
    true
}

/// True in a process forked after worker threads were used (batches run sequentially).
pub fn is_forked_child() -> bool {
    FORKED_AFTER_PARALLELISM.load(Ordering::SeqCst)
}

/// Whether this process is a child forked after worker threads were used
/// (its batches then run sequentially). For tests and diagnostics.
#[pyo3::pyfunction]
pub fn _is_forked_child() -> bool {
    is_forked_child()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_child_forked_after_parallel_use_runs_sequentially() {
        assert!(parallel_allowed(), "a fresh process may use threads");
        child_after_fork(); // what the atfork hook runs in the child
        assert!(is_forked_child());
        assert!(!parallel_allowed());
    }
}
