use crate::{CoreError, Doc};

/// One pipeline stage. The pipeline runs its components in order on each
/// document; a component reads the layers earlier ones wrote and adds its own.
/// Components are shared across rayon worker threads, hence `Send + Sync`.
pub trait Component: Send + Sync {
    /// A short stable name (`"ner"`, `"quotes"`, ...).
    fn name(&self) -> &str;
    /// Annotate `doc` in place.
    fn process(&self, doc: &mut Doc) -> Result<(), CoreError>;
}
