//! Runs every program of `tests/programs/` (compiled by CPython into
//! `tests/programs/pyc/`) and compares stdout, stderr and exit status with what
//! CPython 3.11 produced (`tests/programs/expected/`, from `tools/gen_vm_programs.py`).
//! Memory addresses (`0x...`) are masked in stderr and in stdout.

use std::cell::RefCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::rc::Rc;

#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn mask_addresses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        let tail = &rest[i + 2..];
        let n = tail.chars().take_while(char::is_ascii_hexdigit).count();
        if n >= 6 {
            out.push_str("ADDR");
        } else {
            out.push_str(&tail[..n]);
        }
        rest = &tail[n..];
    }
    out.push_str(rest);
    out
}

struct Outcome {
    stdout: String,
    stderr: String,
    status: i32,
}

fn run_program(pyc: &Path) -> Outcome {
    let out = Sink::default();
    let err = Sink::default();
    let mut vm = pith_vm::Vm::with_output(Box::new(out.clone()), Box::new(err.clone()));
    let status = match vm.run_pyc_file(pyc) {
        Ok(()) => 0,
        Err(e) => {
            if !matches!(e, pith_vm::VmError::Uncaught(_)) {
                let _ = writeln!(err.clone(), "{e}");
            }
            e.exit_status()
        }
    };
    drop(vm);
    let stdout = String::from_utf8_lossy(&out.0.borrow()).into_owned();
    let stderr = String::from_utf8_lossy(&err.0.borrow()).into_owned();
    Outcome {
        stdout,
        stderr,
        status,
    }
}

fn programs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs")
}

/// Builtins that call back into Python (`sorted` with a key, `sum` over a
/// generator) recurse in Rust, so the programs run on a stack as large as the
/// `pith` binary gives its VM thread, not the test harness's 2 MiB.
#[test]
fn programs_match_cpython() {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(run_programs)
        .expect("spawn the VM thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

fn run_programs() {
    // As the `pith` binary starts: SIGINT raises KeyboardInterrupt, SIGPIPE
    // is ignored (`getsignal` answers from what the OS does).
    pith_vm::modules::signal::install_startup_handlers();
    let dir = programs_dir();
    // Tracebacks read source lines by co_filename ("NAME.py"), relative to the program directory.
    std::env::set_current_dir(&dir).expect("tests/programs exists");
    let mut names: Vec<String> = std::fs::read_dir("expected")
        .expect("expected/ exists")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.strip_suffix(".status").map(str::to_string)
        })
        // `exec_*` programs compile source at run time, which needs the
        // compiler the embedder installs, and `lib_*` programs import the
        // standard library from source; the root package's test runs them.
        .filter(|n| !n.starts_with("exec_") && !n.starts_with("lib_") && !n.starts_with("ast_"))
        // Programs that read stdin need a process of their own (the root test).
        .filter(|n| !Path::new(&format!("stdin/{n}.txt")).exists())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    let mut failures = Vec::new();
    for name in &names {
        let read = |ext: &str| {
            std::fs::read_to_string(format!("expected/{name}.{ext}")).unwrap_or_default()
        };
        let want_status: i32 = read("status").trim().parse().unwrap_or(-1);
        let got = run_program(Path::new(&format!("pyc/{name}.pyc")));
        let mut problems = Vec::new();
        if mask_addresses(&got.stdout) != mask_addresses(&read("stdout")) {
            problems.push(format!(
                "stdout differs\n--- want\n{}--- got\n{}",
                read("stdout"),
                got.stdout
            ));
        }
        if mask_addresses(&got.stderr) != mask_addresses(&read("stderr")) {
            problems.push(format!(
                "stderr differs\n--- want\n{}--- got\n{}",
                read("stderr"),
                got.stderr
            ));
        }
        if got.status != want_status {
            problems.push(format!("status {} != {}", got.status, want_status));
        }
        if !problems.is_empty() {
            failures.push(format!("== {name}\n{}", problems.join("\n")));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} programs differ from CPython:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
