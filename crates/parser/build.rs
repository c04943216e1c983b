//! Generates the LR tables from `src/python.lalrpop` (`OUT_DIR/python.rs`,
//! which LALRPOP only rewrites when the grammar changes), then writes the
//! module the crate includes, `OUT_DIR/python_packed.rs`: the same with its
//! goto function packed into tables (`build/goto.rs`), its symbol-stack
//! entries built in place (`build/in_place.rs`), its fallible reductions
//! out of the reduction dispatch (`build/outline.rs`) and its pops free of
//! drop glue (`build/pops.rs`).

#[path = "build/goto.rs"]
mod goto;
#[path = "build/in_place.rs"]
mod in_place;
#[path = "build/outline.rs"]
mod outline;
#[path = "build/pops.rs"]
mod pops;

/// One rewrite of the generated parser, and the warning printed when the
/// text LALRPOP wrote does not have the shape it expects (the step is then
/// skipped: the parser stays correct, only slower).
type Rewrite = (fn(&str) -> Option<String>, &'static str);

/// The rewrites, in the order they apply.
const REWRITES: [Rewrite; 4] = [
    (
        goto::compact,
        "LALRPOP's goto function has an unexpected shape; left as a match",
    ),
    (
        in_place::rewrite,
        "LALRPOP's parser has an unexpected shape; symbols are pushed as it wrote them",
    ),
    (
        outline::rewrite,
        "LALRPOP's reduction dispatch has an unexpected shape; fallible reductions left inline",
    ),
    (
        pops::rewrite,
        "LALRPOP's symbol pops have an unexpected shape; left as written",
    ),
];

fn main() {
    println!("cargo:rerun-if-changed=src/python.lalrpop");
    for module in ["goto", "in_place", "outline", "pops"] {
        println!("cargo:rerun-if-changed=build/{module}.rs");
    }
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .process_file("src/python.lalrpop")
        .expect("the grammar must compile");
    let dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let mut source =
        std::fs::read_to_string(dir.join("python.rs")).expect("LALRPOP wrote the parser");
    for (rewrite, unexpected) in REWRITES {
        match rewrite(&source) {
            Some(rewritten) => source = rewritten,
            None => println!("cargo:warning={unexpected}"),
        }
    }
    std::fs::write(dir.join("python_packed.rs"), source).expect("OUT_DIR is writable");
}
