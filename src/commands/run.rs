//! Running programs: `pith FILE [ARGS]`, `pith run FILE`, `pith -c CODE`.

use std::path::Path;
use std::process::ExitCode;

use pith_vm::modules::signal;
use pith_vm::run_module::RunModuleError;
use pith_vm::{Vm, VmError};

/// Stack for the thread that runs the VM. Python calls do not recurse in
/// Rust, but builtins that call back into Python (`sorted(key=...)`,
/// `__repr__`, ...) do; the recursion limit keeps them far inside this.
pub const VM_STACK_BYTES: usize = 256 << 20;

/// The interpreter options of the command line (`-X`, `-W`, `-I`, `-E`,
/// ...), set once by `main` before a program runs.
static COMMAND_LINE: std::sync::OnceLock<pith_vm::CommandLine> = std::sync::OnceLock::new();

/// Records the interpreter options of the command line.
pub fn set_command_line(options: pith_vm::CommandLine) {
    let _ = COMMAND_LINE.set(options);
}

fn command_line() -> pith_vm::CommandLine {
    COMMAND_LINE.get().cloned().unwrap_or_default()
}

/// The optimization level of the command line (`-O` counts, at most 2),
/// which the main program is compiled at.
pub(crate) fn optimize_level() -> u8 {
    COMMAND_LINE.get().map_or(0, |c| c.optimize.min(2))
}

/// Whether environment variables count (not under `-E` or `-I`).
fn environment_used() -> bool {
    crate::interp_options::environment_used(&command_line())
}

/// An environment variable's value, unless `-E`/`-I` says to ignore them.
fn env_flag(name: &str) -> bool {
    environment_used() && std::env::var_os(name).is_some_and(|v| !v.is_empty())
}

/// `-u`: the program's stdout is unbuffered.
pub static UNBUFFERED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// The program's stdout, buffered as CPython buffers it: not at all under
/// `-u` or `PYTHONUNBUFFERED`, by line on a terminal, in blocks otherwise.
pub fn program_stdout() -> Box<dyn std::io::Write> {
    use std::io::IsTerminal;
    let unbuffered =
        UNBUFFERED.load(std::sync::atomic::Ordering::Relaxed) || env_flag("PYTHONUNBUFFERED");
    if unbuffered {
        Box::new(WriteThrough(std::io::stdout()))
    } else if std::io::stdout().is_terminal() {
        // Rust's stdout is itself line-buffered.
        Box::new(std::io::stdout())
    } else {
        Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout(),
        ))
    }
}

/// A writer that flushes after every write.
struct WriteThrough<W: std::io::Write>(W);

impl<W: std::io::Write> std::io::Write for WriteThrough<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.0.write(buf)?;
        self.0.flush()?;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// `-B`: imports write no `__pycache__` files.
pub static DONT_WRITE_BYTECODE: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Runs `pith -m MODULE [ARGS]` as `python3 -m` would and returns its exit status.
pub fn run_module(module: String, args: Vec<String>) -> ExitCode {
    let mut argv = vec!["-m".to_string()];
    argv.extend(args);
    let first_path = std::env::current_dir()
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    on_vm_thread(move || {
        let mut vm = Vm::with_output(program_stdout(), Box::new(std::io::stderr()));
        set_up_program(&mut vm, argv, None);
        // `-m` puts the working directory first, as an absolute path.
        vm.set_path(module_path(first_path, crate::stdlib::find()));
        match vm.run_module(&module) {
            Ok(()) => 0,
            Err(RunModuleError::NotFound(msg)) => {
                vm.flush();
                let exe = std::env::current_exe()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|_| "pith".to_string());
                eprintln!("{exe}: {msg}");
                1
            }
            Err(RunModuleError::Vm(err)) => err.exit_status(),
        }
    })
}

/// Runs `body` on a thread with the VM's stack and gives its exit status.
///
/// Signals are blocked in the calling thread and left as they were in the
/// VM's, so the kernel delivers them there: a blocking call of the program
/// (`time.sleep`, `select`, `signal.pause`) is then the one interrupted.
/// The start-up handlers are CPython's (SIGINT raises `KeyboardInterrupt`);
/// an uncaught `KeyboardInterrupt` ends the process by SIGINT, as CPython.
fn on_vm_thread(body: impl FnOnce() -> i32 + Send + 'static) -> ExitCode {
    let mask = signal::block_all();
    let worker = std::thread::Builder::new()
        .name("pith-vm".into())
        .stack_size(VM_STACK_BYTES)
        .spawn(move || {
            if let Some(m) = &mask {
                signal::restore_mask(m);
            }
            signal::install_startup_handlers();
            body()
        });
    let status = match worker.map(|handle| handle.join()) {
        Ok(Ok(status)) => status,
        _ => 1,
    };
    signal::exit_if_interrupted();
    ExitCode::from(status.clamp(0, 255) as u8)
}

/// Runs a program as `python3` would and returns its exit status.
pub fn run_program(code: Option<String>, script: Vec<String>) -> ExitCode {
    let (argv, main_file, program) = match code {
        Some(text) => {
            let mut argv = vec!["-c".to_string()];
            argv.extend(script);
            let program = super::compile_program_source(&text, "<string>");
            (argv, None, program)
        }
        None => {
            let Some(file) = script.first() else {
                eprintln!(
                    "usage: pith FILE [ARGS] | pith -c CODE | pith COMMAND (see pith --help)"
                );
                return ExitCode::from(2);
            };
            if !Path::new(file).exists() {
                eprintln!("pith: can't open file '{file}': [Errno 2] No such file or directory");
                return ExitCode::from(2);
            }
            let path = Path::new(file);
            let filename = script_name(path);
            let program = super::load_program_keeping_warnings(path, &filename);
            (script, Some(filename), program)
        }
    };
    let Some(program) = program else {
        return ExitCode::FAILURE;
    };
    on_vm_thread(move || {
        let mut vm = Vm::with_output(program_stdout(), Box::new(std::io::stderr()));
        let filename = main_file.clone().unwrap_or_else(|| "<string>".into());
        set_up_program(&mut vm, argv, main_file);
        let warned = vm.issue_compile_warnings(&program.warnings, &program.source, &filename);
        let ran = match (warned, program.code) {
            (Ok(()), Some(code)) => vm.run_code(code),
            // Source that does not compile, after the parser's warnings.
            (Ok(()), None) => {
                vm.flush();
                eprint!("{}", program.failure.as_deref().unwrap_or_default());
                return 1;
            }
            (Err(e), _) => Err(e),
        };
        match ran {
            Ok(()) => 0,
            Err(err @ VmError::Uncaught(_)) => err.exit_status(),
            Err(err) => {
                eprintln!("pith: {err}");
                err.exit_status()
            }
        }
    })
}

/// CPython names a script by its absolute path (cwd joined, not normalized).
pub fn script_name(path: &Path) -> String {
    std::env::current_dir()
        .map(|cwd| cwd.join(path))
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Sets a VM up for a program as `python3` does: `sys.argv`, `__main__.__file__`
/// (`None` for `-c`), `sys.path`, bytecode writing, and Pith's compiler.
pub fn set_up_program(vm: &mut Vm, argv: Vec<String>, main_file: Option<String>) {
    let first_path = main_file
        .as_deref()
        .and_then(|f| Path::new(f).parent())
        .map(|d| d.display().to_string())
        .unwrap_or_default();
    vm.set_argv(argv);
    vm.set_main_file(main_file);
    let stdlib = crate::stdlib::find();
    // `PREFIX/lib/python3.11`: the prefix is what `sys.prefix` says in CPython.
    if let Some(prefix) = stdlib.as_deref().and_then(|d| d.parent()?.parent()) {
        vm.set_prefix(prefix.display().to_string());
    }
    vm.set_path(module_path(first_path, stdlib));
    vm.set_write_bytecode(
        !DONT_WRITE_BYTECODE.load(std::sync::atomic::Ordering::Relaxed)
            && !env_flag("PYTHONDONTWRITEBYTECODE"),
    );
    vm.set_command_line(command_line());
    vm.set_compiler(std::rc::Rc::new(crate::vm_compiler::PithCompiler));
}

/// `sys.path`: the script's directory (`''` for `-c`; not under `-I`), then
/// `PYTHONPATH`'s and `PITHPATH`'s entries (not under `-E`), then CPython's
/// standard library (`crate::stdlib::find`).
///
/// As in CPython, each `PYTHONPATH` entry is made absolute (an empty one is
/// the working directory) and an entry already on the path is not repeated
/// (`site.removeduplicates`).
fn module_path(first: String, stdlib: Option<std::path::PathBuf>) -> Vec<String> {
    // CPython removes duplicates before it puts the script's directory first,
    // so only the entries after it are kept unique.
    let mut rest: Vec<String> = Vec::new();
    let mut push_unique = |entry: String| {
        if !rest.contains(&entry) {
            rest.push(entry);
        }
    };
    if environment_used() {
        if let Some(extra) = std::env::var_os("PYTHONPATH").filter(|v| !v.is_empty()) {
            let cwd = std::env::current_dir().unwrap_or_default();
            for entry in std::env::split_paths(&extra) {
                push_unique(absolute_path(&cwd, &entry));
            }
        }
        if let Some(extra) = std::env::var_os("PITHPATH") {
            for entry in std::env::split_paths(&extra).filter(|p| !p.as_os_str().is_empty()) {
                push_unique(entry.display().to_string());
            }
        }
    }
    if let Some(dir) = stdlib {
        push_unique(dir.display().to_string());
    }
    let mut path = Vec::new();
    if !command_line().isolated {
        path.push(first);
    }
    path.extend(rest);
    path
}

/// `os.path.abspath`: `entry` joined to `cwd`, with `.`, `..` and repeated
/// separators folded lexically (symlinks are not resolved).
fn absolute_path(cwd: &Path, entry: &Path) -> String {
    use std::path::Component;
    let mut parts: Vec<std::ffi::OsString> = Vec::new();
    for component in cwd.join(entry).components() {
        match component {
            Component::RootDir | Component::Prefix(_) | Component::CurDir => {}
            Component::ParentDir => {
                parts.pop();
            }
            Component::Normal(name) => parts.push(name.to_os_string()),
        }
    }
    let mut out = std::path::PathBuf::from("/");
    out.extend(parts);
    out.display().to_string()
}
