// Files and directories through Rust's std::fs: creates a directory tree under the first
// argument, writes, appends, reads back, lists, renames and removes, printing each result.
use std::fs::{self, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

fn main() {
    let root = std::env::args().nth(1).expect("usage: rust_files DIR");
    let dir = Path::new(&root).join("rust");
    fs::create_dir_all(dir.join("sub")).unwrap();
    fs::write(dir.join("a.txt"), b"hello").unwrap();
    let mut f = OpenOptions::new().append(true).open(dir.join("a.txt")).unwrap();
    f.write_all(b", world").unwrap();
    drop(f);
    let mut text = String::new();
    let mut f = fs::File::open(dir.join("a.txt")).unwrap();
    f.seek(SeekFrom::Start(7)).unwrap();
    f.read_to_string(&mut text).unwrap();
    println!("tail={}", text);
    println!("len={}", fs::metadata(dir.join("a.txt")).unwrap().len());
    fs::rename(dir.join("a.txt"), dir.join("sub/b.txt")).unwrap();
    let mut names: Vec<String> = fs::read_dir(dir.join("sub"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    println!("sub={:?}", names);
    println!("escape={}", fs::read(Path::new(&root).join("../outside.txt")).is_err());
    fs::remove_file(dir.join("sub/b.txt")).unwrap();
    fs::remove_dir(dir.join("sub")).unwrap();
    println!("left={}", fs::read_dir(&dir).unwrap().count());
}
