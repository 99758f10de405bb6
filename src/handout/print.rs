//! A saved handout -> paper: CUPS `lp` to the default printer where it exists, otherwise the system's PDF
//! viewer (which has its own Print button). The outcome says which happened, so the app can tell the user.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What `print` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintOutcome {
    /// Queued on the default printer by `lp`; `message` is what `lp` said (e.g. "request id is Office-12").
    SentToPrinter { message: String },
    /// Opened in the PDF viewer with `viewer` (`xdg-open`, `open` or `start`). `why` says why it was not sent
    /// to a printer: no `lp` here, or `lp` refused (no default printer ...).
    OpenedInViewer { viewer: String, why: String },
}

impl fmt::Display for PrintOutcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::SentToPrinter { message } if message.is_empty() => write!(f, "Sent to the default printer."),
            Self::SentToPrinter { message } => write!(f, "Sent to the default printer ({message})."),
            Self::OpenedInViewer { viewer, why } => {
                write!(f, "Opened in the PDF viewer ({viewer}): print it from there. {why}")
            }
        }
    }
}

/// Why a handout could not be printed or opened.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("cannot print {}: {source}", path.display())]
    NoFile { path: PathBuf, source: std::io::Error },
    #[error("cannot open {} in a PDF viewer: {detail} ({why})", path.display())]
    NoViewer { path: PathBuf, detail: String, why: String },
}

/// Sends the PDF at `pdf_path` to the default printer, or opens it in the PDF viewer.
pub fn print(pdf_path: &Path) -> Result<PrintOutcome, PrintError> {
    print_using(pdf_path, std::env::var_os("PATH").as_deref())
}

/// `print`, looking for `lp` and the viewer in `search_path` (a PATH-style list): tests pass their own.
fn print_using(pdf_path: &Path, search_path: Option<&OsStr>) -> Result<PrintOutcome, PrintError> {
    std::fs::metadata(pdf_path).map_err(|source| PrintError::NoFile { path: pdf_path.to_owned(), source })?;

    let why = match find_program("lp", search_path) {
        Some(lp) => match run_lp(&lp, pdf_path) {
            Ok(message) => return Ok(PrintOutcome::SentToPrinter { message }),
            Err(refusal) => format!("The printer system said: {refusal}"),
        },
        None => "No printer system (CUPS `lp`) was found on this computer.".to_owned(),
    };
    open_in_viewer(pdf_path, search_path, &why).map(|viewer| PrintOutcome::OpenedInViewer { viewer, why })
}

/// `lp -- FILE`: what it printed on success, its complaint on failure.
fn run_lp(lp: &Path, pdf_path: &Path) -> Result<String, String> {
    let output = Command::new(lp)
        .arg("--")
        .arg(pdf_path)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not run {}: {e}", lp.display()))?;
    let stdout = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    if output.status.success() {
        Ok(stdout)
    } else {
        let stderr = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        Err(if stderr.is_empty() { format!("lp failed ({})", output.status) } else { stderr })
    }
}

/// Opens the file with the desktop's viewer and returns the command used.
fn open_in_viewer(pdf_path: &Path, search_path: Option<&OsStr>, why: &str) -> Result<String, PrintError> {
    let (viewer, args): (&str, Vec<OsString>) = if cfg!(target_os = "windows") {
        // `start` is built into cmd; the empty string is the window title `start` expects first.
        ("cmd", vec!["/C".into(), "start".into(), "".into(), pdf_path.into()])
    } else if cfg!(target_os = "macos") {
        ("open", vec![pdf_path.into()])
    } else {
        ("xdg-open", vec![pdf_path.into()])
    };
    let no_viewer = |detail: String| PrintError::NoViewer { path: pdf_path.to_owned(), detail, why: why.to_owned() };
    let program = find_program(viewer, search_path).ok_or_else(|| no_viewer(format!("`{viewer}` was not found")))?;
    let mut child = Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| no_viewer(format!("could not run `{viewer}`: {e}")))?;
    // Launchers usually hand over and exit at once; a failure shows up as a quick non-zero exit. One that is
    // still running after a moment is taken as the viewer itself, and left running.
    let deadline = Instant::now() + Duration::from_secs(3);
    while Instant::now() < deadline {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => break,
            Ok(Some(status)) => return Err(no_viewer(format!("`{viewer}` failed ({status})"))),
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(no_viewer(format!("`{viewer}` could not be followed: {e}"))),
        }
    }
    let name = if cfg!(target_os = "windows") { "start" } else { viewer };
    Ok(name.to_owned())
}

/// The first executable called `name` on the search path.
fn find_program(name: &str, search_path: Option<&OsStr>) -> Option<PathBuf> {
    let extensions: &[&str] = if cfg!(target_os = "windows") { &["exe", "com", "bat", "cmd"] } else { &[""] };
    std::env::split_paths(search_path?).find_map(|dir| {
        extensions.iter().map(|ext| dir.join(name).with_extension(ext)).find(|candidate| is_executable(candidate))
    })
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    path.metadata().is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt as _;

    /// A fake program: a shell script that records its arguments and exits with `code`.
    fn fake(dir: &Path, name: &str, say: &str, code: i32) {
        let path = dir.join(name);
        let log = dir.join(format!("{name}.args"));
        let script =
            format!("#!/bin/sh\necho \"$@\" > '{}'\necho '{say}'\necho '{say}' >&2\nexit {code}\n", log.display());
        std::fs::write(&path, script).unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap_or_else(|e| panic!("{e}"));
    }

    fn setup() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let pdf = dir.path().join("handout.pdf");
        std::fs::write(&pdf, b"%PDF-1.7").unwrap_or_else(|e| panic!("{e}"));
        (dir, pdf)
    }

    #[test]
    fn lp_when_present() {
        let (dir, pdf) = setup();
        fake(dir.path(), "lp", "request id is Office-12 (1 file(s))", 0);
        let outcome = print_using(&pdf, Some(dir.path().as_os_str())).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(outcome, PrintOutcome::SentToPrinter { message: "request id is Office-12 (1 file(s))".into() });
        let args = std::fs::read_to_string(dir.path().join("lp.args")).unwrap_or_default();
        assert_eq!(args.trim(), format!("-- {}", pdf.display()));
    }

    #[cfg(not(target_os = "macos"))]
    #[test]
    fn viewer_when_lp_refuses_or_is_missing() {
        let (dir, pdf) = setup();
        fake(dir.path(), "xdg-open", "", 0);
        let outcome = print_using(&pdf, Some(dir.path().as_os_str())).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            matches!(&outcome, PrintOutcome::OpenedInViewer { viewer, why }
            if viewer == "xdg-open" && why.contains("No printer system")),
            "{outcome:?}"
        );

        fake(dir.path(), "lp", "lp: Error - No default destination.", 1);
        let outcome = print_using(&pdf, Some(dir.path().as_os_str())).unwrap_or_else(|e| panic!("{e}"));
        assert!(matches!(&outcome, PrintOutcome::OpenedInViewer { why, .. } if why.contains("No default destination")));
        assert!(outcome.to_string().starts_with("Opened in the PDF viewer (xdg-open)"));
    }

    #[test]
    fn errors_name_the_file_and_the_reason() {
        let (dir, pdf) = setup();
        let error = print_using(&pdf, Some(dir.path().as_os_str())).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("handout.pdf") && error.contains("was not found"), "{error}");
        let error = print_using(&dir.path().join("nope.pdf"), None).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.starts_with("cannot print") && error.contains("nope.pdf"), "{error}");
    }
}
