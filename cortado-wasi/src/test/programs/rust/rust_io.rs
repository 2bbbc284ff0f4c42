// Reads lines from standard input and writes them numbered to standard output; the arguments
// and the variable RUST_TEST go to standard error; exits with the argument count.
use std::io::{self, BufRead, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let stdin = io::stdin();
    let mut out = io::stdout().lock();
    for (i, line) in stdin.lock().lines().enumerate() {
        writeln!(out, "{}: {}", i + 1, line.unwrap()).unwrap();
    }
    eprintln!("args={:?} RUST_TEST={:?}", args, std::env::var("RUST_TEST").ok());
    std::process::exit(args.len() as i32);
}
