//! Mutated bytecode never panics the VM: every program of `tests/programs/pyc/`
//! is loaded with random bytes of its file changed, then run with a step limit.
//! Whatever happens must be a clean result (output, a Python exception, or a load
//! error), never a Rust panic.

use std::cell::RefCell;
use std::io::Write;
use std::path::Path;
use std::rc::Rc;

use proptest::prelude::*;

#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut b = self.0.borrow_mut();
        // Keep memory bounded: a mutated program may print a lot.
        if b.len() < (1 << 20) {
            b.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn fixtures() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/programs/pyc");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("pyc fixtures exist")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

fn run_mutated(bytes: &[u8]) {
    let Ok(pyc) = pith_bytecode::read_pyc(bytes) else {
        return;
    };
    // The VM runs on a large stack, as the CLI runs it: dropping the deeply
    // nested containers a mutated loop can build recurses per level.
    let code = pyc.code;
    let run = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let mut vm =
                pith_vm::Vm::with_output(Box::new(Sink::default()), Box::new(Sink::default()));
            vm.set_step_limit(Some(20_000));
            let _ = vm.run_code(code);
        })
        .expect("spawn the VM thread");
    if let Err(panic) = run.join() {
        std::panic::resume_unwind(panic);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn mutated_pyc_never_panics(
        which in 0usize..1000,
        edits in prop::collection::vec((0usize..100_000, any::<u8>()), 1..8),
    ) {
        let all = fixtures();
        let mut bytes = all[which % all.len()].clone();
        for (pos, val) in edits {
            let n = bytes.len();
            if n > 16 {
                bytes[16 + pos % (n - 16)] = val;
            }
        }
        run_mutated(&bytes);
    }
}
