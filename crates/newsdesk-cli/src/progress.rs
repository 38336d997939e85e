//! Progress bars on stderr, shown only when stderr is a terminal.
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// A bar over `len` items (a spinner when `len` is unknown) with a rate.
pub fn bar(len: Option<u64>, unit: &str) -> ProgressBar {
    let pb = match len {
        Some(n) => ProgressBar::new(n),
        None => ProgressBar::no_length(),
    };
    if !std::io::stderr().is_terminal() {
        pb.set_draw_target(ProgressDrawTarget::hidden());
        return pb;
    }
    let template = match len {
        Some(_) => format!("{{bar:30}} {{pos}}/{{len}} {unit} ({{per_sec}}, eta {{eta}}) {{msg}}"),
        None => format!("{{spinner}} {{pos}} {unit} ({{per_sec}}) {{msg}}"),
    };
    pb.set_style(ProgressStyle::with_template(&template).expect("valid progress template"));
    pb
}
