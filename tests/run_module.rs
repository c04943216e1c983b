//! `pith -m MODULE` and the standard library on `sys.path`, through the
//! binary on trees made in a temporary directory; expected texts are
//! `python3 -m`'s (checked by hand against CPython 3.11).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn temp_tree(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pith-runmod-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, text).expect("write");
}

fn pith(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(args)
        .current_dir(dir)
        .env("PITH_STDLIB", "")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PITHPATH")
        .output()
        .expect("pith runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const SHOW: &str = "import sys\nprint(__name__, __package__, sys.argv, sys.path[0])\n";

#[test]
fn modules_and_packages_run_as_main() {
    let dir = temp_tree("main");
    let d = dir.display().to_string();
    write(&dir.join("pkg/__init__.py"), "print('init', __name__)\n");
    write(&dir.join("pkg/__main__.py"), SHOW);
    write(&dir.join("pkg/m.py"), SHOW);
    write(&dir.join("top.py"), SHOW);
    let out = pith(&dir, &["-m", "pkg", "a", "-x"]);
    assert_eq!(
        text(&out.stdout),
        format!("init pkg\n__main__ pkg ['{d}/pkg/__main__.py', 'a', '-x'] {d}\n")
    );
    assert!(out.status.success());
    let out = pith(&dir, &["-m", "pkg.m"]);
    assert_eq!(
        text(&out.stdout),
        format!("init pkg\n__main__ pkg ['{d}/pkg/m.py'] {d}\n")
    );
    let out = pith(&dir, &["-m", "top", "1"]);
    assert_eq!(
        text(&out.stdout),
        format!("__main__  ['{d}/top.py', '1'] {d}\n")
    );
    // What follows `-m MODULE` or `-c CODE` is the program's, options too.
    let out = pith(&dir, &["-B", "-mtop", "-B", "-c", "x"]);
    assert_eq!(
        text(&out.stdout),
        format!("__main__  ['{d}/top.py', '-B', '-c', 'x'] {d}\n")
    );
    let out = pith(
        &dir,
        &["-c", "import sys; print(sys.argv)", "-B", "-m", "x"],
    );
    assert_eq!(text(&out.stdout), "['-c', '-B', '-m', 'x']\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn module_errors_are_python3s() {
    let dir = temp_tree("errors");
    write(&dir.join("pkg/__init__.py"), "");
    write(&dir.join("pkg/m.py"), "");
    write(&dir.join("bad.py"), "print('start')\n1/0\n");
    let cases = [
        ("nosuch", "No module named nosuch"),
        ("pkg.nosuch", "No module named pkg.nosuch"),
        (
            "pkg",
            "No module named pkg.__main__; 'pkg' is a package and cannot be directly executed",
        ),
        (
            "pkg.m.x",
            "Error while finding module specification for 'pkg.m.x' (ModuleNotFoundError: \
             __path__ attribute not found on 'pkg.m' while trying to find 'pkg.m.x')",
        ),
        (".rel", "Relative module names not supported"),
        ("sys", "No code object available for sys"),
    ];
    for (module, message) in cases {
        let out = pith(&dir, &["-m", module]);
        let err = text(&out.stderr);
        assert!(
            err.ends_with(&format!(": {message}\n")),
            "{module}: {err:?}"
        );
        assert_eq!(out.status.code(), Some(1), "{module}");
    }
    let out = pith(&dir, &["-m", "bad"]);
    assert_eq!(text(&out.stdout), "start\n");
    assert_eq!(
        text(&out.stderr),
        format!(
            "Traceback (most recent call last):\n  \
             File \"<frozen runpy>\", line 198, in _run_module_as_main\n  \
             File \"<frozen runpy>\", line 88, in _run_code\n  \
             File \"{}/bad.py\", line 2, in <module>\n    1/0\n    ~^~\n\
             ZeroDivisionError: division by zero\n",
            dir.display()
        )
    );
    assert_eq!(out.status.code(), Some(1));
    // Errors raised while runpy finds the module show its frames.
    write(&dir.join("rt/__init__.py"), "1/0\n");
    write(&dir.join("se.py"), "def (\n");
    let d = dir.display();
    let frozen =
        |line: u32, func: &str| format!("  File \"<frozen runpy>\", line {line}, in {func}\n");
    let cases = [
        (
            "rt.x",
            format!(
                "Traceback (most recent call last):\n{}{}  File \"{d}/rt/__init__.py\", line 1, \
                 in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n",
                frozen(189, "_run_module_as_main"),
                frozen(112, "_get_module_details")
            ),
        ),
        (
            "rt",
            format!(
                "Traceback (most recent call last):\n{}{}{}  File \"{d}/rt/__init__.py\", line 1, \
                 in <module>\n    1/0\n    ~^~\nZeroDivisionError: division by zero\n",
                frozen(189, "_run_module_as_main"),
                frozen(148, "_get_module_details"),
                frozen(112, "_get_module_details")
            ),
        ),
        (
            "se",
            format!(
                "Traceback (most recent call last):\n{}{}  \
                 File \"<frozen importlib._bootstrap_external>\", line 1074, in get_code\n  \
                 File \"<frozen importlib._bootstrap_external>\", line 1004, in source_to_code\n  \
                 File \"<frozen importlib._bootstrap>\", line 241, in _call_with_frames_removed\n  \
                 File \"{d}/se.py\", line 1\n    def (\n        ^\nSyntaxError: invalid syntax\n",
                frozen(189, "_run_module_as_main"),
                frozen(159, "_get_module_details")
            ),
        ),
    ];
    for (module, want) in cases {
        let out = pith(&dir, &["-m", module]);
        assert_eq!(text(&out.stderr), want, "{module}");
        assert_eq!(out.status.code(), Some(1));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_standard_library_comes_last_on_sys_path() {
    let dir = temp_tree("stdlib");
    let show = "import sys; print(sys.path)";
    let out = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-c", show])
        .current_dir(&dir)
        .env("PITH_STDLIB", "/some/lib")
        .env("PITHPATH", "/a:/b")
        .output()
        .expect("pith runs");
    assert_eq!(text(&out.stdout), "['', '/a', '/b', '/some/lib']\n");
    // PYTHONPATH's entries come first, made absolute (an empty one is the
    // working directory), without repeats; `-E` ignores both variables.
    let out = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-c", show])
        .current_dir(&dir)
        .env("PITH_STDLIB", "/some/lib")
        .env("PYTHONPATH", ":/x/./y/../z:rel:/a:/some/lib")
        .env("PITHPATH", "/a:/b")
        .output()
        .expect("pith runs");
    let d = dir.display();
    assert_eq!(
        text(&out.stdout),
        format!("['', '{d}', '/x/z', '{d}/rel', '/a', '/some/lib', '/b']\n")
    );
    let out = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-E", "-c", show])
        .current_dir(&dir)
        .env("PITH_STDLIB", "/some/lib")
        .env("PYTHONPATH", "/x")
        .env("PITHPATH", "/a")
        .output()
        .expect("pith runs");
    assert_eq!(text(&out.stdout), "['', '/some/lib']\n");
    let out = pith(&dir, &["-c", show]);
    assert_eq!(text(&out.stdout), "['']\n");
    // Found beside `python3` when there is one (CPython 3.11's layout).
    let found = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-c", "import sys; print(sys.path[-1])"])
        .current_dir(&dir)
        .env_remove("PITH_STDLIB")
        .output()
        .expect("pith runs");
    let last = text(&found.stdout);
    if Path::new(last.trim()).join("os.py").is_file() {
        assert!(last.trim().ends_with("python3.11"), "{last}");
        let out = Command::new(env!("CARGO_BIN_EXE_pith"))
            .args(["-B", "-c", "import colorsys; print(colorsys.__name__)"])
            .current_dir(&dir)
            .env_remove("PITH_STDLIB")
            .output()
            .expect("pith runs");
        assert_eq!(text(&out.stdout), "colorsys\n", "{}", text(&out.stderr));
        // A module whose native part is missing fails as CPython's would.
        let out = Command::new(env!("CARGO_BIN_EXE_pith"))
            .args(["-B", "-c", "import crypt"])
            .current_dir(&dir)
            .env_remove("PITH_STDLIB")
            .output()
            .expect("pith runs");
        let err = text(&out.stderr);
        assert!(
            err.contains("ModuleNotFoundError: No module named '_crypt'\n"),
            "{err}"
        );
        assert!(err.ends_with(
            "ImportError: The required _crypt module was not built as part of CPython\n"
        ));
        assert_eq!(out.status.code(), Some(1));
        // Whatever is still missing, importing never crashes.
        for module in [
            "os",
            "re",
            "json",
            "collections",
            "typing",
            "dataclasses",
            "enum",
            "ssl",
            "sqlite3",
            "ctypes",
            "asyncio",
            "email.message",
            "unittest",
            "decimal",
            "argparse",
            "pathlib",
            "tokenize",
            "ast",
            "dis",
            "subprocess",
        ] {
            let out = Command::new(env!("CARGO_BIN_EXE_pith"))
                .args(["-B", "-c", &format!("import {module}")])
                .current_dir(&dir)
                .env_remove("PITH_STDLIB")
                .output()
                .expect("pith runs");
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{module}: {:?} {}",
                out.status,
                text(&out.stderr)
            );
            assert!(!text(&out.stderr).contains("panicked"), "{module}");
        }
        // The standard library's io.py runs on the native `_io` (with a
        // stand-in `abc` until the real one imports).
        write(
            &dir.join("abc.py"),
            "class ABCMeta(type):\n    def register(cls, sub):\n        return sub\n\
             def abstractmethod(f):\n    return f\n",
        );
        let out = Command::new(env!("CARGO_BIN_EXE_pith"))
            .args([
                "-B",
                "-c",
                "import io; print(io.StringIO('x').read(), io.BytesIO(b'y').read(), \
                 io.open is open, io.SEEK_END, io.TextIOWrapper.__name__)",
            ])
            .current_dir(&dir)
            .env_remove("PITH_STDLIB")
            .output()
            .expect("pith runs");
        assert_eq!(
            text(&out.stdout),
            "x b'y' True 2 TextIOWrapper\n",
            "{}",
            text(&out.stderr)
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn specs_describe_where_modules_came_from() {
    let dir = temp_tree("spec");
    let d = dir.display().to_string();
    write(&dir.join("pkg/__init__.py"), "");
    write(
        &dir.join("pkg/__main__.py"),
        "print(__spec__)\nprint(__spec__.name, repr(__spec__.parent), __loader__.name)\n",
    );
    write(&dir.join("pkg/m.py"), "");
    write(&dir.join("ns/n.py"), "");
    let code = "import pkg.m, ns.n, sys\n\
                print(pkg.__spec__)\n\
                print(pkg.m.__spec__.parent, pkg.m.__spec__.cached, pkg.m.__spec__.has_location)\n\
                print(pkg.__path__ is pkg.__spec__.submodule_search_locations)\n\
                print(ns.__spec__.origin, ns.__spec__.submodule_search_locations, type(ns.__loader__).__name__)\n\
                print(pkg.m.__loader__.get_filename() == pkg.m.__file__, pkg.m.__loader__.is_package('pkg.m'))";
    let out = pith(&dir, &["-c", code]);
    let want =
        "ModuleSpec(name='pkg', loader=<_frozen_importlib_external.SourceFileLoader object at 0x";
    let got = text(&out.stdout);
    assert!(got.starts_with(want), "{got}\n{}", text(&out.stderr));
    let rest: Vec<&str> = got.lines().skip(1).collect();
    assert_eq!(
        rest,
        [
            format!("pkg {d}/pkg/__pycache__/m.pith-311.pyc True").as_str(),
            "True",
            &format!("None ['{d}/ns'] NamespaceLoader"),
            "True False",
        ]
    );
    assert!(got.lines().next().is_some_and(|l| l.ends_with(&format!(
        ", origin='{d}/pkg/__init__.py', submodule_search_locations=['{d}/pkg'])"
    ))));
    let out = pith(&dir, &["-m", "pkg"]);
    let got = text(&out.stdout);
    assert!(got.starts_with("ModuleSpec(name='pkg.__main__', loader=<_frozen_importlib_external.SourceFileLoader object at 0x"), "{got}");
    assert!(got.ends_with(&format!(
        ", origin='{d}/pkg/__main__.py')\npkg.__main__ 'pkg' pkg.__main__\n"
    )));
    let _ = std::fs::remove_dir_all(&dir);
}
