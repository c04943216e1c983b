//! `pith ast`: what `python3 -m ast -a FILE` prints.

use std::process::ExitCode;

use pith_ast::{dump, DumpOptions, LineIndex};
use pith_parser::{parse_with, Mode, ParseOptions};

use crate::cli::{AstArgs, ParseMode};

/// Runs `pith ast`.
pub fn run(args: &AstArgs) -> ExitCode {
    let Some(file) = super::read_source_file(&args.file) else {
        return ExitCode::FAILURE;
    };
    let source = &file.text;
    let filename = args.file.display().to_string();
    let mode = match args.mode {
        ParseMode::Exec => Mode::Exec,
        ParseMode::Eval => Mode::Eval,
        ParseMode::Single => Mode::Single,
    };
    // `python3 -m ast` parses with `type_comments=True`.
    let options = ParseOptions::new(mode).type_comments(!args.no_type_comments);
    match parse_with(source, options) {
        Ok(tree) => {
            let options = DumpOptions::cli(!args.no_attributes, args.indent);
            println!("{}", dump(&tree, &options, &LineIndex::new(source)));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprint!("{}", file.locate(err).render(source, &filename));
            ExitCode::FAILURE
        }
    }
}
