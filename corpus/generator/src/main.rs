//! `cvgen`: dependency-free generator of synthetic CV PDFs for cvmatch.
//!
//! Subcommands (see corpus/README.md):
//! - `cvgen truth FILE` prints the extraction truth of a source text
//! - `cvgen render --producer P --in X.txt --out X.pdf` renders one source
//! - `cvgen build --sources DIR --out DIR` renders the committed corpus
//! - `cvgen synth --count N --seed S --out DIR` writes random source texts
//! - `cvgen bulk --count N --seed S --out DIR` writes random PDFs + truths
//! - `cvgen eval --out DIR --seed S` writes the labelled evaluation set

mod broken;
mod crypto;
mod deflate;
mod eval;
mod evalvocab;
mod fonts;
mod langs;
mod layout;
mod markup;
mod pdf;
mod producers;
mod rng;
mod synth;

use producers::{Options, Producer};
use std::fs;
use std::path::{Path, PathBuf};

const USAGE: &str = "usage:
  cvgen truth FILE.txt
  cvgen render --producer simple|cid|table --in FILE.txt --out FILE.pdf
  cvgen build --sources DIR --out DIR
  cvgen synth --count N --seed S --out DIR
  cvgen bulk --count N --seed S --out DIR
  cvgen eval --out DIR --seed S";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = run(&args) {
        eprintln!("cvgen: {e}");
        std::process::exit(1);
    }
}

/// Returns the value following `--name`.
fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(|s| s.as_str())
}

fn req<'a>(args: &'a [String], name: &str) -> Result<&'a str, String> {
    flag(args, name).ok_or_else(|| format!("missing {name}\n{USAGE}"))
}

fn num_flag(args: &[String], name: &str, default: u64) -> Result<u64, String> {
    match flag(args, name) {
        None => Ok(default),
        Some(v) => v.parse().map_err(|_| format!("bad {name}: {v}")),
    }
}

fn read(p: &Path) -> Result<String, String> {
    fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))
}

fn write(p: &Path, data: &[u8]) -> Result<(), String> {
    fs::write(p, data).map_err(|e| format!("{}: {e}", p.display()))
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(|s| s.as_str()) {
        Some("truth") => {
            let f = args.get(1).ok_or(USAGE)?;
            print!("{}", markup::truth(&markup::parse(&read(Path::new(f))?)));
            Ok(())
        }
        Some("render") => {
            let p = req(args, "--producer")?;
            let producer = Producer::parse(p).ok_or_else(|| format!("unknown producer {p}"))?;
            let input = PathBuf::from(req(args, "--in")?);
            let doc = markup::parse(&read(&input)?);
            let opts = Options {
                title: title_of(&doc, &input),
                user_password: doc.meta("password").map(str::to_string),
            };
            let pdf = producers::render(&doc, producer, &opts)?;
            write(Path::new(req(args, "--out")?), &pdf)
        }
        Some("build") => build(
            Path::new(req(args, "--sources")?),
            Path::new(req(args, "--out")?),
        ),
        Some("synth") => {
            let out = PathBuf::from(req(args, "--out")?);
            fs::create_dir_all(&out).map_err(|e| e.to_string())?;
            let n = num_flag(args, "--count", 10)?;
            let seed = num_flag(args, "--seed", 1)?;
            for i in 0..n {
                let cv = synth::synth(seed, i);
                write(&out.join(format!("{}.txt", cv.name)), cv.source.as_bytes())?;
            }
            Ok(())
        }
        Some("bulk") => {
            let out = PathBuf::from(req(args, "--out")?);
            let n = num_flag(args, "--count", 100)?;
            let seed = num_flag(args, "--seed", 1)?;
            synth::bulk(n, seed, &out)
        }
        Some("eval") => {
            let out = PathBuf::from(req(args, "--out")?);
            let seed = num_flag(args, "--seed", 2026)?;
            eval::write(&out, seed)
        }
        _ => Err(USAGE.to_string()),
    }
}

/// Document title for the Info dictionary: `% title:` or the file stem.
fn title_of(doc: &markup::Doc, path: &Path) -> String {
    doc.meta("title").map(str::to_string).unwrap_or_else(|| {
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        format!("CV {stem}")
    })
}

/// Renders every `*.txt` in `sources` to `out/<name>.pdf`, writes
/// `out/truth/<name>.txt`, `out/manifest.tsv` and the broken files.
fn build(sources: &Path, out: &Path) -> Result<(), String> {
    let truth_dir = out.join("truth");
    fs::create_dir_all(&truth_dir).map_err(|e| e.to_string())?;
    let mut names: Vec<PathBuf> = fs::read_dir(sources)
        .map_err(|e| format!("{}: {e}", sources.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut manifest =
        String::from("file\tlanguage\tproducer\tprofile\tapplication_form\tstatus\ttruth\n");
    let mut first_pdf: Option<Vec<u8>> = None;
    let mut first_src = String::new();
    for path in &names {
        let src = read(path)?;
        let doc = markup::parse(&src);
        let stem = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let p = doc.meta("producer").unwrap_or("simple");
        let producer = Producer::parse(p).ok_or_else(|| format!("{stem}: bad producer {p}"))?;
        let opts = Options {
            title: title_of(&doc, path),
            user_password: doc.meta("password").map(str::to_string),
        };
        let pdf = producers::render(&doc, producer, &opts).map_err(|e| format!("{stem}: {e}"))?;
        let truth = markup::truth(&doc);
        write(&out.join(format!("{stem}.pdf")), &pdf)?;
        write(&truth_dir.join(format!("{stem}.txt")), truth.as_bytes())?;
        let status = if opts.user_password.is_some() {
            "encrypted"
        } else {
            "ok"
        };
        manifest.push_str(&format!(
            "{stem}.pdf\t{}\t{}\t{}\t{}\t{status}\ttruth/{stem}.txt\n",
            doc.meta("lang").unwrap_or("?"),
            producer.name(),
            doc.meta("profile").unwrap_or("?"),
            doc.blocks.contains(&markup::Block::Form),
        ));
        if first_pdf.is_none() && status == "ok" {
            first_pdf = Some(pdf);
            first_src = src;
        }
    }
    let base = first_pdf.ok_or("no sources")?;
    for (name, data, status) in broken::files(&base, &first_src) {
        write(&out.join(name), &data)?;
        manifest.push_str(&format!("{name}\t-\t-\t-\tfalse\t{status}\t-\n"));
    }
    write(&out.join("manifest.tsv"), manifest.as_bytes())?;
    eprintln!(
        "cvgen: built {} sources into {}",
        names.len(),
        out.display()
    );
    Ok(())
}
