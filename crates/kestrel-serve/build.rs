//! Lists every file of assets/ as a table for src/dashboard.rs, which compiles them in and
//! serves each under /assets/: a new file (a script module, say) needs no change to the Rust
//! code. The table is an array expression of `(URL path, content type, body)`, bodies by
//! `include_bytes!`, sorted by path so that every build writes the same table.

use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() -> Result<(), Box<dyn Error>> {
    let assets = Path::new(&env::var("CARGO_MANIFEST_DIR")?).join("assets");
    // For a directory Cargo looks at every file below it, so adding, changing or removing any
    // asset reruns this script.
    println!("cargo:rerun-if-changed=assets");
    let mut files = Vec::new();
    collect_files(&assets, &mut files)?;
    let mut entries = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&assets)?;
        let segments: Option<Vec<&str>> = relative.components().map(|c| c.as_os_str().to_str()).collect();
        let url_path = format!(
            "/assets/{}",
            segments
                .ok_or_else(|| format!("{} is not a UTF-8 path", file.display()))?
                .join("/")
        );
        let content_type = content_type(&url_path)?;
        let source = file
            .to_str()
            .ok_or_else(|| format!("{} is not a UTF-8 path", file.display()))?;
        entries.push((url_path, content_type, source.to_string()));
    }
    entries.sort();
    let mut table = String::from("[\n");
    for (url_path, content_type, source) in &entries {
        writeln!(
            table,
            "    ({url_path:?}, {content_type:?}, include_bytes!({source:?})),"
        )?;
    }
    table.push_str("]\n");
    fs::write(Path::new(&env::var("OUT_DIR")?).join("assets.rs"), table)?;
    Ok(())
}

/// The files below `dir`, leaving out hidden ones (an editor's swap file is no asset).
fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Box<dyn Error>> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The type a browser needs to use the file; with `nosniff` it trusts nothing else, and it runs
/// a module script only when it is sent as JavaScript.
fn content_type(path: &str) -> Result<&'static str, String> {
    match path.rsplit_once('.').map(|(_, extension)| extension) {
        Some("html") => Ok("text/html; charset=utf-8"),
        Some("js") => Ok("text/javascript; charset=utf-8"),
        Some("css") => Ok("text/css; charset=utf-8"),
        _ => Err(format!(
            "{path}: no content type for this kind of file; add one to content_type in build.rs"
        )),
    }
}
