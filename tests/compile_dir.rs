//! `pith compile DIR` prints what `python3 -m compileall DIR` prints (texts
//! checked against CPython 3.11 by hand) and writes Pith's cache files, which
//! imports then use.

use std::path::Path;
use std::process::Command;

fn pith(dir: &Path, args: &[&str]) -> (String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(args)
        .current_dir(dir)
        .env("PITH_STDLIB", "")
        .output()
        .expect("pith runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn compile_dir_is_compileall() {
    let root = std::env::temp_dir().join(format!("pith-compileall-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let tree = root.join("ca");
    for (path, text) in [
        ("a.py", "x = 1\n"),
        ("sub/b.py", "y = 2\n"),
        ("bad.py", "def (\n"),
        ("notes.txt", "z\n"),
        (".hid/h.py", "q = 1\n"),
    ] {
        let p = tree.join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }
    let error =
        "***   File \"ca/bad.py\", line 1\n    def (\n        ^\nSyntaxError: invalid syntax\n\n";
    let first = format!(
        "Listing 'ca'...\nListing 'ca/.hid'...\nCompiling 'ca/.hid/h.py'...\n\
         Compiling 'ca/a.py'...\nCompiling 'ca/bad.py'...\n{error}\
         Listing 'ca/sub'...\nCompiling 'ca/sub/b.py'...\n"
    );
    assert_eq!(pith(&root, &["compile", "ca"]), (first, 1));
    // Fresh files are not compiled again.
    let again = format!(
        "Listing 'ca'...\nListing 'ca/.hid'...\nCompiling 'ca/bad.py'...\n{error}Listing 'ca/sub'...\n"
    );
    assert_eq!(pith(&root, &["compile", "ca"]), (again, 1));
    let quiet = "*** Error compiling 'ca/bad.py'...\n  File \"ca/bad.py\", line 1\n    def (\n        ^\nSyntaxError: invalid syntax\n\n";
    assert_eq!(
        pith(&root, &["compile", "-q", "ca"]),
        (quiet.to_string(), 1)
    );
    assert_eq!(pith(&root, &["compile", "-qq", "ca"]), (String::new(), 1));
    for cache in [
        "ca/__pycache__/a.pith-311.pyc",
        "ca/sub/__pycache__/b.pith-311.pyc",
    ] {
        let bytes = std::fs::read(root.join(cache)).expect("cache written");
        pith_bytecode::read_pyc(&bytes).expect("a valid .pyc");
    }
    assert!(!root.join("ca/__pycache__/bad.pith-311.pyc").exists());
    std::fs::remove_file(tree.join("bad.py")).expect("rm");
    let (out, status) = pith(&tree, &["-c", "import a, sub.b; print(a.x + sub.b.y)"]);
    assert_eq!((out.as_str(), status), ("3\n", 0));
    let _ = std::fs::remove_dir_all(&root);
}
