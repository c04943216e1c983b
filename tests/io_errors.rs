//! `open()`'s OS errors where a test program cannot produce them portably:
//! `PermissionError` even for root (a file of `/sys` opened for writing).

use std::process::Command;

#[test]
fn permission_error_has_errno_strerror_filename() {
    let code = "try:\n    open('/sys/kernel/notes', 'w')\n    print('opened')\n\
                except OSError as e:\n    print(type(e).__name__, e.errno, e.strerror, e.filename, '|', e)\n";
    let out = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-c", code])
        .env("PITH_STDLIB", "")
        .output()
        .expect("pith runs");
    let text = String::from_utf8_lossy(&out.stdout);
    // Where the sandbox lets this file be opened, or denies it otherwise,
    // there is nothing to check.
    if text.starts_with("PermissionError") {
        assert_eq!(
            text,
            "PermissionError 13 Permission denied /sys/kernel/notes | \
             [Errno 13] Permission denied: '/sys/kernel/notes'\n"
        );
    }
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
