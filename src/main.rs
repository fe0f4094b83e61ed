//! The `provcheck` binary: everything lives in the library; this only hands over the arguments.

fn main() {
    std::process::exit(provcheck::cli::main_with_args(std::env::args_os()));
}
