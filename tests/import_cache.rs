//! The bytecode cache of imports (`__pycache__/NAME.pith-311.pyc`), through
//! the `pith` binary on module trees made in a temporary directory: a fresh
//! cache is read and not rewritten, an edit invalidates it, a corrupt,
//! truncated or foreign cache is ignored and rewritten, an unwritable
//! directory only costs the cache, PEP 552 hash-based files are honoured,
//! and two processes importing at once both succeed with a valid file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use pith_bytecode::pyc::{read_pyc, source_hash, Invalidation, MAGIC};

/// A fresh, empty directory for one test.
fn temp_tree(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pith-import-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// `pith -c CODE` run in `dir`, without the standard library.
fn pith_c(dir: &Path, code: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-c", code])
        .current_dir(dir)
        .env("PITH_STDLIB", "")
        .env_remove("PYTHONDONTWRITEBYTECODE")
        .env_remove("PITHPATH")
        .output()
        .expect("pith runs")
}

/// Imports `mod` in `dir` and checks it printed `want` and nothing else.
fn import_prints(dir: &Path, want: &str) {
    let out = pith_c(dir, "import mod");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(String::from_utf8_lossy(&out.stdout), want);
    assert!(out.status.success());
}

fn cache_of(dir: &Path) -> PathBuf {
    dir.join("__pycache__").join("mod.pith-311.pyc")
}

fn write(path: &Path, text: &[u8]) {
    std::fs::write(path, text).expect("write");
}

/// Sets a file's modification time.
fn set_mtime(path: &Path, t: SystemTime) {
    let f = std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .expect("open for mtime");
    f.set_modified(t).expect("set mtime");
}

fn mtime(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("mtime")
}

/// Asserts `path` is a valid timestamp `.pyc` for the source `source`.
fn assert_valid_cache(path: &Path, source: &Path) {
    let bytes = std::fs::read(path).expect("cache written");
    assert_eq!(bytes[..4], MAGIC);
    let pyc = read_pyc(&bytes).expect("a valid .pyc");
    let size = std::fs::metadata(source).expect("source").len() as u32;
    match pyc.invalidation {
        Invalidation::Timestamp { source_size, .. } => assert_eq!(source_size, size),
        other => panic!("unexpected header {other:?}"),
    }
}

#[test]
fn cache_hit_reads_the_pyc_and_does_not_rewrite_it() {
    let dir = temp_tree("hit");
    let src = dir.join("mod.py");
    write(&src, b"print('one')\n");
    let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    set_mtime(&src, t);
    import_prints(&dir, "one\n");
    let cache = cache_of(&dir);
    assert_valid_cache(&cache, &src);
    let before = (std::fs::read(&cache).expect("cache"), mtime(&cache));
    // Same size and mtime, other text: only a run from the cache prints "one".
    write(&src, b"print('two')\n");
    set_mtime(&src, t);
    std::thread::sleep(Duration::from_millis(20));
    import_prints(&dir, "one\n");
    let after = (std::fs::read(&cache).expect("cache"), mtime(&cache));
    assert_eq!(before, after, "a fresh cache is not rewritten");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_edit_invalidates_the_cache() {
    let dir = temp_tree("edit");
    let src = dir.join("mod.py");
    write(&src, b"print('one')\n");
    let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    set_mtime(&src, t);
    import_prints(&dir, "one\n");
    // A new size.
    write(&src, b"print('three')\n");
    set_mtime(&src, t);
    import_prints(&dir, "three\n");
    assert_valid_cache(&cache_of(&dir), &src);
    // The same size, a new mtime.
    write(&src, b"print('four!')\n");
    set_mtime(&src, t + Duration::from_secs(5));
    import_prints(&dir, "four!\n");
    assert_valid_cache(&cache_of(&dir), &src);
    import_prints(&dir, "four!\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn corrupt_truncated_and_foreign_caches_are_ignored_and_rewritten() {
    let dir = temp_tree("corrupt");
    let src = dir.join("mod.py");
    write(&src, b"x = [1, 2, 3]\nprint(sum(x))\n");
    import_prints(&dir, "6\n");
    let cache = cache_of(&dir);
    let good = std::fs::read(&cache).expect("cache");
    let mut wrong_magic = good.clone();
    wrong_magic[..2].copy_from_slice(&3413u16.to_le_bytes());
    let mut garbled = good.clone();
    for b in garbled.iter_mut().skip(16) {
        *b = b.wrapping_mul(7).wrapping_add(13);
    }
    let bad: [(&str, Vec<u8>); 6] = [
        ("empty", Vec::new()),
        ("header only", good[..16].to_vec()),
        ("truncated", good[..good.len() / 2].to_vec()),
        ("wrong magic", wrong_magic),
        ("garbled body", garbled),
        ("text", b"not a pyc at all".to_vec()),
    ];
    for (what, bytes) in bad {
        write(&cache, &bytes);
        let out = pith_c(&dir, "import mod");
        assert_eq!(String::from_utf8_lossy(&out.stdout), "6\n", "{what}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{what}");
        assert!(out.status.success(), "{what}");
        assert_valid_cache(&cache, &src);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// `pyc` with one instruction byte of the code object `name` among the
/// module's constants replaced by `op` (the module's own code is kept).
fn with_nested_opcode(pyc: &[u8], name: &str, offset: usize, op: u8) -> Vec<u8> {
    use pith_bytecode::Constant;
    use std::sync::Arc;
    let mut pyc = read_pyc(pyc).expect("a valid .pyc");
    let mut module = (*pyc.code).clone();
    for c in &mut module.consts {
        if let Constant::Code(f) = c {
            if f.name.as_str() == Some(name) {
                let mut f2 = (**f).clone();
                f2.code[offset] = op;
                *c = Constant::Code(Arc::new(f2));
            }
        }
    }
    pyc.code = Arc::new(module);
    pith_bytecode::write_pyc(&pyc).expect("marshal")
}

#[test]
fn a_corrupt_function_in_the_cache_fails_when_called_not_when_imported() {
    let dir = temp_tree("nested");
    let src = dir.join("mod.py");
    write(&src, b"def f():\n    return 42\n\nprint('loaded')\n");
    import_prints(&dir, "loaded\n");
    let cache = cache_of(&dir);
    let good = std::fs::read(&cache).expect("cache");
    // 239 is no 3.11 opcode. A function's instructions are decoded when it
    // first runs, so the module imports from the cache and the call fails.
    write(&cache, &with_nested_opcode(&good, "f", 2, 239));
    let call = "import mod\ntry:\n    mod.f()\nexcept SystemError as e:\n    print(e)\n";
    let out = pith_c(&dir, call);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "loaded\nbad code object: invalid opcode 239 at offset 2 in f\n"
    );
    assert!(out.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn an_unwritable_cache_directory_is_tolerated() {
    let dir = temp_tree("readonly");
    write(&dir.join("mod.py"), b"print('ok')\n");
    // `__pycache__` is a file: no directory can be made there (this holds
    // even for root, whom permission bits do not stop).
    write(&dir.join("__pycache__"), b"");
    import_prints(&dir, "ok\n");
    import_prints(&dir, "ok\n");
    std::fs::remove_file(dir.join("__pycache__")).expect("remove");
    // A read-only directory (effective for users other than root).
    let pycache = dir.join("__pycache__");
    std::fs::create_dir(&pycache).expect("mkdir");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&pycache, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    import_prints(&dir, "ok\n");
    std::fs::set_permissions(&pycache, std::fs::Permissions::from_mode(0o755)).expect("chmod back");
    // `-B` and `sys.dont_write_bytecode` write nothing.
    let dir2 = temp_tree("nowrite");
    write(&dir2.join("mod.py"), b"print('ok')\n");
    let out = Command::new(env!("CARGO_BIN_EXE_pith"))
        .args(["-B", "-c", "import mod"])
        .current_dir(&dir2)
        .env("PITH_STDLIB", "")
        .output()
        .expect("pith runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ok\n");
    assert!(!dir2.join("__pycache__").exists());
    import_prints_with(
        &dir2,
        "import sys; sys.dont_write_bytecode = True; import mod",
    );
    assert!(!dir2.join("__pycache__").exists());
    import_prints_with(&dir2, "import mod");
    assert!(cache_of(&dir2).exists());
    let _ = std::fs::remove_dir_all(&dir);
    let _ = std::fs::remove_dir_all(&dir2);
}

fn import_prints_with(dir: &Path, code: &str) {
    let out = pith_c(dir, code);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "ok\n");
}

/// A PEP 552 header (`flags`, 8-byte hash) over the marshalled body of `pyc`.
fn hash_pyc(pyc: &[u8], check_source: bool, hash: [u8; 8]) -> Vec<u8> {
    let mut out = pyc[..4].to_vec();
    let flags: u32 = if check_source { 0b11 } else { 0b01 };
    out.extend_from_slice(&flags.to_le_bytes());
    out.extend_from_slice(&hash);
    out.extend_from_slice(&pyc[16..]);
    out
}

#[test]
fn hash_based_pycs_follow_pep_552() {
    let dir = temp_tree("hash");
    let src = dir.join("mod.py");
    // The code of another source, to tell a run from the cache.
    write(&src, b"print('cached')\n");
    import_prints(&dir, "cached\n");
    let cache = cache_of(&dir);
    let other = std::fs::read(&cache).expect("cache");
    let source = b"print('source')\n";
    write(&src, source);
    // Unchecked: used whatever the source says.
    write(&cache, &hash_pyc(&other, false, [0; 8]));
    import_prints(&dir, "cached\n");
    // Checked, matching the source: used.
    write(&cache, &hash_pyc(&other, true, source_hash(source)));
    import_prints(&dir, "cached\n");
    // Checked, stale: the source runs and the cache is replaced.
    write(&cache, &hash_pyc(&other, true, [1; 8]));
    import_prints(&dir, "source\n");
    let pyc = read_pyc(&std::fs::read(&cache).expect("cache")).expect("valid");
    assert!(!matches!(
        pyc.invalidation,
        Invalidation::Hash { source_hash, .. } if source_hash == [1; 8]
    ));
    import_prints(&dir, "source\n");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn two_processes_importing_at_once_both_succeed() {
    for round in 0..3 {
        let dir = temp_tree(&format!("race{round}"));
        let src = dir.join("mod.py");
        let mut text = String::new();
        for i in 0..1500 {
            text.push_str(&format!("def f{i}(a, b=2):\n    return a * {i} + b\n"));
        }
        text.push_str("print(f1499(1))\n");
        write(&src, text.as_bytes());
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_pith"))
                .args(["-c", "import mod"])
                .current_dir(&dir)
                .env("PITH_STDLIB", "")
                .env_remove("PYTHONDONTWRITEBYTECODE")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("pith starts")
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().expect("pith ends");
            assert_eq!(String::from_utf8_lossy(&out.stderr), "");
            assert_eq!(String::from_utf8_lossy(&out.stdout), "1501\n");
            assert!(out.status.success());
        }
        assert_valid_cache(&cache_of(&dir), &src);
        // No temporary file is left behind.
        let left: Vec<_> = std::fs::read_dir(dir.join("__pycache__"))
            .expect("pycache")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 1, "{left:?}");
        import_prints(&dir, "1501\n");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
