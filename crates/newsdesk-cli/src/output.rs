//! Where `annotate` writes: stdout, or an `-o` file written through a
//! temporary file in the same directory and renamed over the final name only
//! when complete, so an interrupted run never leaves a half-written file there.
//! An output that is one of the inputs (the same file, by device and inode,
//! whatever its name) is refused before anything is written.
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub enum Output {
    Stdout(BufWriter<std::io::StdoutLock<'static>>),
    File {
        writer: BufWriter<File>,
        /// The temporary file, until it is renamed to `path`.
        temp: Option<PathBuf>,
        path: PathBuf,
    },
}

impl Output {
    /// Stdout, or a temporary file next to `path`; refuses `path` if it is
    /// the same file as one of `inputs` (`-` is stdin).
    pub fn open(path: Option<&str>, inputs: &[String]) -> Result<Output, String> {
        let Some(path) = path else {
            return Ok(Output::Stdout(BufWriter::new(std::io::stdout().lock())));
        };
        let path = PathBuf::from(path);
        if let Some(input) = inputs.iter().find(|i| is_same_file(&path, i)) {
            let input = match input.as_str() {
                "-" => "standard input".to_string(),
                name => format!("the input {name}"),
            };
            return Err(format!(
                "output {} is the same file as {input}; refusing to overwrite an input",
                path.display()
            ));
        }
        let temp = temp_path(&path);
        let file = File::options()
            .write(true)
            .create_new(true)
            .open(&temp)
            .map_err(|e| format!("cannot create {}: {e}", temp.display()))?;
        Ok(Output::File {
            writer: BufWriter::new(file),
            temp: Some(temp),
            path,
        })
    }

    /// Flush, and move a finished file to its final name.
    pub fn finish(mut self) -> std::io::Result<()> {
        self.flush()?;
        if let Output::File { writer, temp, path } = &mut self {
            writer.get_ref().sync_all()?;
            if let Some(t) = temp.take() {
                if let Err(e) = std::fs::rename(&t, &*path) {
                    *temp = Some(t);
                    return Err(e);
                }
            }
        }
        Ok(())
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Output::Stdout(w) => w.write(buf),
            Output::File { writer, .. } => writer.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Output::Stdout(w) => w.flush(),
            Output::File { writer, .. } => writer.flush(),
        }
    }
}

impl Drop for Output {
    /// An unfinished file output (an error ended the run) leaves no temporary file behind.
    fn drop(&mut self) {
        if let Output::File { temp: Some(t), .. } = self {
            let _ = std::fs::remove_file(t);
        }
    }
}

/// `.NAME.newsdesk-PID.tmp` in the directory of `path`.
fn temp_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.newsdesk-{}.tmp", std::process::id()))
}

/// Whether `output` exists and is the same file as `input` (`-`: stdin).
fn is_same_file(output: &Path, input: &str) -> bool {
    let Ok(out) = std::fs::metadata(output) else {
        return false;
    };
    let input = if input == "-" {
        stdin_metadata()
    } else {
        std::fs::metadata(input).ok()
    };
    input.is_some_and(|input| same_identity(&out, &input))
}

#[cfg(unix)]
fn same_identity(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(unix)]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn same_identity(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

#[cfg(not(unix))]
fn stdin_metadata() -> Option<std::fs::Metadata> {
    None
}
