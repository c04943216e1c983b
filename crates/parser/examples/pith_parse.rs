//! Parses each file given and prints `ast.dump(tree, include_attributes=True,
//! indent=3)` (what `python3 -m ast -a FILE` prints), or the SyntaxError
//! report `python3 FILE` would print.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    for path in std::env::args().skip(1) {
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("cannot read {path}");
            status = ExitCode::FAILURE;
            continue;
        };
        let source = match pith_lexer::decode_source(&bytes) {
            Ok(d) => d.text,
            Err(e) => {
                eprintln!("{path}: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        match pith_parser::parse(&source, pith_parser::Mode::Exec, &path) {
            Ok(tree) => {
                let index = pith_ast::LineIndex::new(&source);
                let options = pith_ast::DumpOptions::cli(true, 3);
                println!("{}", pith_ast::dump(&tree, &options, &index));
            }
            Err(e) => {
                eprint!("{}", e.render(&source, &path));
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}
