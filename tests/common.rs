//! Shared helpers for the end-to-end tests.
use std::path::PathBuf;

/// `../shared/data` next to the checkout, or `NEWSDESK_DATA`; `None` (with a
/// message on stderr saying the test is skipped) when it is absent.
pub fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("NEWSDESK_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/data"));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: shared data not found at {} (set NEWSDESK_DATA)",
            dir.display()
        );
        None
    }
}

/// Path of a file under the shared data directory, if the data is present.
pub fn data_file(rel: &str) -> Option<PathBuf> {
    data_dir().map(|d| d.join(rel))
}
