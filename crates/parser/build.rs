//! Generates the LR tables from `src/python.lalrpop`.

fn main() {
    println!("cargo:rerun-if-changed=src/python.lalrpop");
    lalrpop::Configuration::new()
        .use_cargo_dir_conventions()
        .process_file("src/python.lalrpop")
        .expect("the grammar must compile");
}
