//! `pith -m MODULE`: running a module as `__main__`, as `runpy._run_module_as_main`
//! does: parent packages are imported first, a package runs its `__main__`
//! submodule, `sys.argv[0]` becomes the module's file, and the code comes
//! through the importer's bytecode cache.

use std::cell::RefCell;
use std::path::PathBuf;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::PyErr;
use crate::import::{cache_path, Found};
use crate::types::ExcKind;
use crate::value::Value;
use crate::vm::{Vm, VmError};

/// Why `pith -m NAME` could not run its module.
#[derive(Debug, thiserror::Error)]
pub enum RunModuleError {
    /// No module to run: the text `python3 -m` prints after `EXECUTABLE: `
    /// (`No module named x`, `... is a package and cannot be directly executed`).
    #[error("{0}")]
    NotFound(String),
    /// The module was found and ran, and failed (the traceback is printed).
    #[error(transparent)]
    Vm(#[from] VmError),
}

// `<frozen runpy>` and importlib frames of CPython 3.11.7's tracebacks.
const RUN_CODE: &str = "  File \"<frozen runpy>\", line 198, in _run_module_as_main\n  \
                        File \"<frozen runpy>\", line 88, in _run_code\n";
const RUN_AS_MAIN_189: &str = "  File \"<frozen runpy>\", line 189, in _run_module_as_main\n";
const DETAILS_148: &str = "  File \"<frozen runpy>\", line 148, in _get_module_details\n";
const DETAILS_112: &str = "  File \"<frozen runpy>\", line 112, in _get_module_details\n";
const GET_CODE: &str = "  File \"<frozen runpy>\", line 159, in _get_module_details\n  \
                        File \"<frozen importlib._bootstrap_external>\", line 1074, in get_code\n  \
                        File \"<frozen importlib._bootstrap_external>\", line 1004, in source_to_code\n  \
                        File \"<frozen importlib._bootstrap>\", line 241, in _call_with_frames_removed\n";

/// `Error while finding module specification for 'NAME' (Type: message)`.
fn spec_error(name: &str, e: &PyErr) -> RunModuleError {
    RunModuleError::NotFound(format!(
        "Error while finding module specification for {} ({}: {})",
        pith_repr::str_repr(name),
        crate::class::exc_display_name(&e.0.typ),
        crate::repr::exc_str(&e.0)
    ))
}

/// The module `-m` runs: its file and package.
struct MainModule {
    name: String,
    /// Whether it is a package's `__main__` (found by a second
    /// `_get_module_details`, which shows in tracebacks).
    via_package: bool,
    file: PathBuf,
    package: String,
}

impl Vm {
    /// Runs module `name` as `__main__` (`python3 -m name`).
    pub fn run_module(&mut self, name: &str) -> Result<(), RunModuleError> {
        let main = self.find_main_module(name, false)?;
        let code = match self.load_source_module(&main.file) {
            Ok(code) => code,
            Err(e) => {
                let frames = if main.via_package {
                    [RUN_AS_MAIN_189, DETAILS_148, GET_CODE].concat()
                } else {
                    [RUN_AS_MAIN_189, GET_CODE].concat()
                };
                return Err(self.report_with_frames(e, &frames).into());
            }
        };
        let file = main.file.display().to_string();
        self.set_argv0(&file);
        let cached = cache_path(&main.file).display().to_string();
        let origin = crate::spec::Origin::Source {
            file: &file,
            cached: cached.clone(),
            package_dir: None,
        };
        let (spec, loader) = crate::spec::spec_and_loader(self, &main.name, origin);
        let mut g = Dict::new();
        let mut put = |k: &str, v: Value| {
            let _ = g.insert(Value::str(k), v);
        };
        put("__name__", Value::str("__main__"));
        put("__doc__", Value::None);
        put("__package__", Value::string(main.package));
        put("__loader__", loader);
        put("__spec__", spec);
        put("__file__", Value::str(&file));
        put("__cached__", Value::string(cached));
        put("__builtins__", self.builtins_module());
        let globals = Rc::new(RefCell::new(g));
        self.register_main(&globals);
        self.install_site_builtins(&globals);
        let r = match self.exec_module(code, globals) {
            Ok(_) => Ok(()),
            Err(e) => Err(self.report_with_frames(e, RUN_CODE).into()),
        };
        crate::modules::atexit::run_exitfuncs(self);
        self.finalizing = crate::vm::Finalizing::Started;
        self.flush();
        r
    }

    /// Prints an uncaught exception with the `<frozen runpy>` (and importlib)
    /// frames CPython shows above the module's own, in the traceback of the
    /// exception that left `runpy`.
    fn report_with_frames(&mut self, e: PyErr, frames: &str) -> VmError {
        if e.is(ExcKind::SystemExit) {
            return self.report_uncaught(e);
        }
        let _ = std::io::Write::flush(&mut self.stdout);
        let mut text = self.format_exception(&e);
        let header = "Traceback (most recent call last):\n";
        match text.rfind(header) {
            Some(i) => text.insert_str(i + header.len(), frames),
            // A SyntaxError report has no traceback of its own.
            None => text.insert_str(0, &format!("{header}{frames}")),
        }
        self.write_err(&text);
        self.flush();
        VmError::Uncaught(e)
    }

    /// `__import__(pkg)` in `_get_module_details`: an ImportError about the
    /// package itself (or a parent) becomes the spec-finding error, any other
    /// error leaves `runpy` with its traceback.
    fn import_package(
        &mut self,
        pkg: &str,
        module: &str,
        frames: &str,
    ) -> Result<Value, RunModuleError> {
        match self.import_dotted(pkg) {
            Ok(m) => Ok(m),
            Err(e) => {
                let about_pkg = e.is(ExcKind::ImportError)
                    && match e.0.dict.borrow().as_ref() {
                        Some(d) => match crate::import::dict_get(&d.borrow(), "name") {
                            Some(Value::Str(n)) => {
                                n.as_str() == pkg || pkg.starts_with(&format!("{}.", n.as_str()))
                            }
                            _ => false,
                        },
                        None => false,
                    };
                if about_pkg {
                    Err(spec_error(module, &e))
                } else {
                    Err(self.report_with_frames(e, frames).into())
                }
            }
        }
    }

    /// `sys.modules['__main__']`: the module whose namespace is `globals`.
    pub(crate) fn register_main(&mut self, globals: &Rc<RefCell<Dict>>) {
        let module = Value::Module(Rc::new(crate::modules::ModuleObj {
            name: "__main__".to_string(),
            dict: globals.clone(),
        }));
        let _ = self
            .modules
            .borrow_mut()
            .insert(Value::str("__main__"), module);
    }

    /// Prints an uncaught exception as the top level does.
    fn report_uncaught(&mut self, e: PyErr) -> VmError {
        let _ = std::io::Write::flush(&mut self.stdout);
        if e.is(ExcKind::SystemExit) {
            crate::builtins::print_system_exit(self, &e);
        } else {
            self.display_uncaught(&e);
        }
        self.flush();
        VmError::Uncaught(e)
    }

    /// `sys.argv[0] = file`, whether or not `sys` was imported yet.
    fn set_argv0(&mut self, file: &str) {
        if let Some(first) = self.argv.first_mut() {
            file.clone_into(first);
        }
        if let Some(Value::Module(sys)) = self.sys_module("sys") {
            let argv = crate::import::dict_get(&sys.dict.borrow(), "argv");
            if let Some(Value::List(l)) = argv {
                if let Some(first) = l.borrow_mut().first_mut() {
                    *first = Value::str(file);
                }
            }
        }
    }

    /// `runpy._get_module_details`: the source file to run for `name`.
    fn find_main_module(
        &mut self,
        name: &str,
        in_package: bool,
    ) -> Result<MainModule, RunModuleError> {
        if name.starts_with('.') {
            return Err(RunModuleError::NotFound(
                "Relative module names not supported".to_string(),
            ));
        }
        let (parent, short) = match name.rfind('.') {
            Some(i) => (Some(&name[..i]), &name[i + 1..]),
            None => (None, name),
        };
        let spec_error = |e: &PyErr| spec_error(name, e);
        let mut search = None;
        if let Some(parent) = parent {
            let frames = if in_package {
                [RUN_AS_MAIN_189, DETAILS_148, DETAILS_112].concat()
            } else {
                [RUN_AS_MAIN_189, DETAILS_112].concat()
            };
            let pm = self.import_package(parent, name, &frames)?;
            let path = match &pm {
                Value::Module(m) => crate::import::dict_get(&m.dict.borrow(), "__path__"),
                _ => None,
            };
            let Some(Value::List(path)) = path else {
                let e = PyErr::new(
                    ExcKind::ModuleNotFoundError,
                    format!(
                        "__path__ attribute not found on '{parent}' while trying to find '{name}'"
                    ),
                );
                return Err(spec_error(&e));
            };
            let entries: Vec<String> = path
                .borrow()
                .iter()
                .filter_map(|p| match p {
                    Value::Str(s) => Some(s.as_str().to_string()),
                    _ => None,
                })
                .collect();
            search = Some(entries);
        }
        let not_found = || RunModuleError::NotFound(format!("No module named {name}"));
        let found = match self.find_module(name, short, search.as_deref()) {
            Ok(found) => found,
            Err(e) if e.is(ExcKind::ModuleNotFoundError) => return Err(not_found()),
            Err(e) => return Err(spec_error(&e)),
        };
        let is_package = match &found {
            Found::Native => {
                return Err(RunModuleError::NotFound(format!(
                    "No code object available for {name}"
                )))
            }
            Found::Namespace(_) => true,
            Found::Source { package, .. } => package.is_some(),
        };
        if is_package {
            if in_package || name == "__main__" || name.ends_with(".__main__") {
                return Err(RunModuleError::NotFound(
                    "Cannot use package as __main__ module".to_string(),
                ));
            }
            let frames = [RUN_AS_MAIN_189, DETAILS_148, DETAILS_112].concat();
            self.import_package(name, &format!("{name}.__main__"), &frames)?;
            return match self.find_main_module(&format!("{name}.__main__"), true) {
                Err(RunModuleError::NotFound(msg)) => Err(RunModuleError::NotFound(format!(
                    "{msg}; {} is a package and cannot be directly executed",
                    pith_repr::str_repr(name)
                ))),
                other => other,
            };
        }
        let Found::Source { file, .. } = found else {
            return Err(not_found());
        };
        Ok(MainModule {
            name: name.to_string(),
            via_package: in_package,
            file,
            package: parent.unwrap_or("").to_string(),
        })
    }
}
