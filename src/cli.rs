//! Raw command-line options (clap derive). No logic here: [`crate::config`] validates them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Batch CV shortlisting: reads application PDFs, extracts their text in isolated worker
/// processes, detects each CV's language, indexes it in tantivy, scores it against a job
/// profile and writes a ranked, explained CSV shortlist.
#[derive(Debug, Parser)]
#[command(name = "cvmatch", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands; each lives in its own module under `commands/`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score every CV of a folder or export manifest and write the ranked shortlist CSV.
    Run(RunArgs),
    /// Print the full reasoning behind one CV's score.
    Explain(ExplainArgs),
    /// Measure ranking quality on a labelled evaluation set (NDCG, precision, fairness checks).
    Evaluate(EvaluateArgs),
    /// Internal: extraction worker process fed by `run` over stdin/stdout.
    #[command(hide = true)]
    Worker(WorkerArgs),
}

/// Options shared by every command that scores CVs.
#[derive(Debug, Args, Clone)]
pub struct ScoringArgs {
    /// Job profile (TOML). Default: profiles/cert-eu-it-security-officer.toml when it exists,
    /// else the copy of that profile built into the binary.
    #[arg(long, value_name = "FILE")]
    pub profile: Option<PathBuf>,
    /// Parallelism of every stage: extraction worker processes, indexing and scoring threads
    /// (default: the number of CPU cores).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Per-document extraction deadline, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
    pub timeout: f64,
    /// Memory cap of each extraction worker, in MiB (address space, via setrlimit).
    #[arg(long, value_name = "MIB", default_value_t = 1024)]
    pub max_memory: u64,
    /// Files larger than this (MiB) are not opened and get the status `too_large`.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    pub max_file_size: u64,
    /// Pages read per document; the rest is ignored and the row flagged `truncated`.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub max_pages: usize,
    /// Characters kept per document; the rest is ignored and the row flagged `truncated`.
    #[arg(long, value_name = "N", default_value_t = 1_000_000)]
    pub max_chars: usize,
    /// Extraction backends to try, in order, separated by commas (walker, pdf-extract, lopdf).
    #[arg(long, value_name = "LIST", default_value = "walker,pdf-extract")]
    pub backends: String,
}

/// Options of `cvmatch run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// A folder of PDFs (searched recursively) or an export manifest (.csv with
    /// candidate_id, file, submitted_at).
    #[arg(long, value_name = "DIR|MANIFEST.csv", default_value = "corpus")]
    pub input: PathBuf,
    /// The shortlist CSV to write (atomically). The run manifest goes next to it.
    #[arg(long, value_name = "FILE.csv", default_value = "shortlist.csv")]
    pub out: PathBuf,
    /// The tantivy index folder, kept between runs (default: cvmatch-index next to --out).
    #[arg(long, value_name = "DIR")]
    pub index: Option<PathBuf>,
    /// Forget the index and extract every file again.
    #[arg(long)]
    pub rebuild: bool,
    /// Take every regular file of the folder as an input, not only `*.pdf` names
    /// (files that are not PDFs then get the status `not_pdf`).
    #[arg(long)]
    pub all_files: bool,
    /// Wait for another run holding the index lock instead of failing at once.
    #[arg(long)]
    pub wait_for_lock: bool,
    /// Scoring and extraction options.
    #[command(flatten)]
    pub scoring: ScoringArgs,
}

/// Options of `cvmatch explain`.
#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The CV (PDF) to explain.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Reference date for "present" in date ranges (YYYY-MM-DD); default: the profile's deadline.
    #[arg(long, value_name = "DATE")]
    pub submitted_at: Option<String>,
    /// Scoring and extraction options.
    #[command(flatten)]
    pub scoring: ScoringArgs,
}

/// Options of `cvmatch evaluate`.
#[derive(Debug, Args)]
pub struct EvaluateArgs {
    /// Folder with the labelled CVs and their `labels.csv` (file, grade 0–3, group, ...).
    #[arg(long, value_name = "DIR", default_value = "tests/eval")]
    pub set: PathBuf,
    /// Scoring and extraction options.
    #[command(flatten)]
    pub scoring: ScoringArgs,
}

/// Options of the hidden worker process.
#[derive(Debug, Args)]
pub struct WorkerArgs {
    /// Address-space cap in MiB applied to this process.
    #[arg(long, default_value_t = 1024)]
    pub max_memory: u64,
    /// Pages read per document.
    #[arg(long, default_value_t = 200)]
    pub max_pages: usize,
    /// Characters kept per document.
    #[arg(long, default_value_t = 1_000_000)]
    pub max_chars: usize,
}
