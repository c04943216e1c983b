//! A program as the process around it sees it: stdout buffered as CPython
//! buffers it (in blocks when it is a pipe, not at all under `-u` or
//! `PYTHONUNBUFFERED`; writing stdout and stderr into one pipe shows the
//! difference in the order of the lines), and exit statuses.

use std::process::{Command, Stdio};

const PROGRAM: &str = "import sys\nprint('out 1')\nprint('err', file=sys.stderr)\nprint('out 2')\n";

/// Runs `pith ARGS -c PROGRAM` with stdout and stderr on one pipe (the
/// shell's `2>&1`).
fn interleaved(args: &[&str], unbuffered_env: Option<&str>) -> String {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg("\"$0\" \"$@\" 2>&1")
        .arg(env!("CARGO_BIN_EXE_pith"))
        .args(args)
        .args(["-c", PROGRAM])
        .stdin(Stdio::null())
        .env_remove("PYTHONUNBUFFERED");
    if let Some(v) = unbuffered_env {
        cmd.env("PYTHONUNBUFFERED", v);
    }
    let out = cmd.output().expect("pith runs");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8 output")
}

#[test]
fn a_pipe_is_block_buffered() {
    assert_eq!(interleaved(&[], None), "err\nout 1\nout 2\n");
    // An empty value leaves buffering on, as in CPython.
    assert_eq!(interleaved(&[], Some("")), "err\nout 1\nout 2\n");
}

#[test]
fn unbuffered_writes_in_program_order() {
    assert_eq!(interleaved(&["-u"], None), "out 1\nerr\nout 2\n");
    assert_eq!(interleaved(&[], Some("1")), "out 1\nerr\nout 2\n");
}

/// An uncaught `KeyboardInterrupt`: as CPython, Pith prints the traceback
/// and ends by SIGINT (which shells report as status 130).
#[test]
fn keyboard_interrupt_ends_by_sigint() {
    use std::os::unix::process::ExitStatusExt;
    let out = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-c", "raise KeyboardInterrupt"])
        .stdin(Stdio::null())
        .output()
        .expect("pith runs");
    assert_eq!(out.status.code(), None);
    assert_eq!(out.status.signal(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).ends_with("\nKeyboardInterrupt\n"));
}
