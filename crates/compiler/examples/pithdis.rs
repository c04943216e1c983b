//! Debug helper: compile a bridge JSON case and print `dis`, or with
//! `--cmp FILE.marshal` the first field that differs from CPython's code object.
use pith_bytecode::{CodeObject, Constant};
use pith_compiler::{compile, Mode};

#[derive(serde::Deserialize)]
struct Case {
    source: String,
    tree: pith_ast::Mod,
    filename: String,
}

fn cmp(path: &str, a: &CodeObject, b: &CodeObject) {
    let name = format!("{path}/{}", a.qualname);
    macro_rules! f {
        ($field:ident) => {
            if a.$field != b.$field {
                println!(
                    "{name}: {} differs:\n  ours   {:?}\n  theirs {:?}",
                    stringify!($field),
                    a.$field,
                    b.$field
                );
            }
        };
    }
    f!(argcount);
    f!(posonlyargcount);
    f!(kwonlyargcount);
    f!(stacksize);
    f!(flags);
    f!(code);
    f!(names);
    f!(localsplusnames);
    f!(localspluskinds);
    f!(filename);
    f!(name);
    f!(qualname);
    f!(firstlineno);
    f!(linetable);
    f!(exceptiontable);
    if a.linetable != b.linetable {
        let pa = a.positions();
        let pb = b.positions();
        for (i, (x, y)) in pa.iter().zip(&pb).enumerate() {
            if x != y {
                println!("  first position diff at unit {i}: ours {x:?} theirs {y:?}");
                break;
            }
        }
    }
    if a.consts.len() != b.consts.len() {
        println!(
            "{name}: consts length {} vs {}",
            a.consts.len(),
            b.consts.len()
        );
    }
    for (x, y) in a.consts.iter().zip(&b.consts) {
        match (x, y) {
            (Constant::Code(cx), Constant::Code(cy)) => cmp(&name, cx, cy),
            _ => {
                if x != y {
                    println!("{name}: const differs: ours {x:?} theirs {y:?}");
                }
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: pithdis CASE.json [--cmp CASE.marshal]");
        return;
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("cannot read {path}");
        return;
    };
    let case: Case = match serde_json::from_str(&text) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("bad json: {e}");
            return;
        }
    };
    let code = match compile(&case.tree, &case.source, &case.filename, Mode::Exec) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    if args.get(2).map(String::as_str) == Some("--marshal") {
        let Some(m) = args.get(3) else { return };
        let Ok(bytes) = std::fs::read(m) else { return };
        marshal_diff(code, &bytes);
    } else if args.get(2).map(String::as_str) == Some("--cmp") {
        let Some(m) = args.get(3) else { return };
        let Ok(bytes) = std::fs::read(m) else { return };
        match pith_bytecode::marshal::loads_code(&bytes) {
            Ok((theirs, _)) => cmp("", &code, &theirs),
            Err(e) => eprintln!("{e}"),
        }
    } else if args.get(2).map(String::as_str) == Some("--pos") {
        print!("{}", pith_bytecode::dis(&code));
        positions(&code);
        for c in &code.consts {
            if let Constant::Code(inner) = c {
                positions(inner);
            }
        }
    } else {
        print!("{}", pith_bytecode::dis(&code));
    }
}

/// Prints each code unit's position, for debugging location tables.
#[allow(dead_code)]
fn positions(code: &CodeObject) {
    for (i, p) in code.positions().iter().enumerate() {
        let f = |x: Option<i32>| x.map_or("None".to_string(), |v| v.to_string());
        println!("{} ({}, {}, {}, {})", i * 2, f(p.0), f(p.1), f(p.2), f(p.3));
    }
}

/// Compares our marshal bytes (replaying CPython's sharing) with CPython's.
#[allow(dead_code)]
pub fn marshal_diff(code: CodeObject, want: &[u8]) {
    let Ok((theirs, trace)) = pith_bytecode::marshal::loads_code(want) else {
        println!("cannot load");
        return;
    };
    let ours = Constant::Code(std::sync::Arc::new(code));
    let got = pith_bytecode::marshal::dumps_with_trace(&ours, &trace).unwrap_or_default();
    let same = pith_bytecode::marshal::dumps_with_trace(&Constant::Code(theirs), &trace)
        .unwrap_or_default();
    println!(
        "ours {} bytes, theirs {} bytes, theirs-rewritten identical: {}",
        got.len(),
        want.len(),
        same == want
    );
    if let Some(i) = got.iter().zip(want).position(|(a, b)| a != b) {
        let lo = i.saturating_sub(16);
        println!(
            "first diff at {i}:\n  ours   {:?}\n  theirs {:?}",
            &got[lo..(i + 24).min(got.len())],
            &want[lo..(i + 24).min(want.len())]
        );
    }
}
