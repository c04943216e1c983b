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

fn main() {
    println!("cargo:rerun-if-changed=src/python.lalrpop");
    println!("cargo:rerun-if-changed=build/goto.rs");
    println!("cargo:rerun-if-changed=build/in_place.rs");
    println!("cargo:rerun-if-changed=build/outline.rs");
    println!("cargo:rerun-if-changed=build/pops.rs");
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .process_file("src/python.lalrpop")
        .expect("the grammar must compile");
    let dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let source = std::fs::read_to_string(dir.join("python.rs")).expect("LALRPOP wrote the parser");
    let packed = goto::compact(&source).unwrap_or_else(|| {
        println!("cargo:warning=LALRPOP's goto function has an unexpected shape; left as a match");
        source
    });
    let rewritten = in_place::rewrite(&packed).unwrap_or_else(|| {
        println!("cargo:warning=LALRPOP's parser has an unexpected shape; symbols are pushed as it wrote them");
        packed
    });
    let rewritten = outline::rewrite(&rewritten).unwrap_or_else(|| {
        println!("cargo:warning=LALRPOP's reduction dispatch has an unexpected shape; fallible reductions left inline");
        rewritten
    });
    let rewritten = pops::rewrite(&rewritten).unwrap_or_else(|| {
        println!("cargo:warning=LALRPOP's symbol pops have an unexpected shape; left as written");
        rewritten
    });
    std::fs::write(dir.join("python_packed.rs"), rewritten).expect("OUT_DIR is writable");
}
