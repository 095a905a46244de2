//! Raw options → a validated configuration, once. The rest of the program reads only this.

use std::path::PathBuf;
use std::time::Duration;

use crate::cli::{RunArgs, ScoringArgs};
use crate::error::FatalError;
use crate::extract::backend::BackendKind;
use crate::extract::pool::PoolSettings;
use crate::extract::ExtractLimits;
use crate::profile::Profile;

/// Everything needed to extract and score CVs.
#[derive(Debug, Clone)]
pub struct ScoringConfig {
    /// The validated profile.
    pub profile: Profile,
    /// Worker pool settings.
    pub pool: PoolSettings,
    /// Files over this size are `too_large`.
    pub max_file_bytes: u64,
}

/// Everything `cvmatch run` needs.
#[derive(Debug, Clone)]
pub struct RunConfig {
    /// Folder or manifest.
    pub input: PathBuf,
    /// Shortlist CSV path.
    pub out: PathBuf,
    /// Index folder.
    pub index_dir: PathBuf,
    /// Start the index from scratch.
    pub rebuild: bool,
    /// Take every file of the folder, not only `*.pdf`.
    pub all_files: bool,
    /// Wait for a held index lock.
    pub wait_for_lock: bool,
    /// Extraction and scoring.
    pub scoring: ScoringConfig,
}

impl ScoringConfig {
    /// Validates the shared options and loads the profile (before any PDF is read).
    pub fn from_args(args: &ScoringArgs) -> Result<ScoringConfig, FatalError> {
        let profile = Profile::load_or_default(args.profile.as_deref())?;
        let invalid = |reason: String| FatalError::Input {
            path: PathBuf::from("command line"),
            reason,
        };
        let backends = args
            .backends
            .split(',')
            .map(|name| {
                BackendKind::parse(name).ok_or_else(|| {
                    invalid(format!(
                        "unknown backend {name:?} (walker, pdf-extract, lopdf)"
                    ))
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !(args.timeout.is_finite() && args.timeout > 0.0) {
            return Err(invalid(
                "--timeout must be a positive number of seconds".into(),
            ));
        }
        if args.max_memory < 64 {
            return Err(invalid("--max-memory must be at least 64 MiB".into()));
        }
        let workers = match args.threads {
            Some(0) => return Err(invalid("--threads must be at least 1".into())),
            Some(threads) => threads,
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        };
        let executable =
            std::env::current_exe().map_err(|error| FatalError::io("cvmatch executable", error))?;
        Ok(ScoringConfig {
            profile,
            pool: PoolSettings {
                executable,
                workers,
                deadline: Duration::from_secs_f64(args.timeout),
                max_memory_mib: args.max_memory,
                backends,
                limits: ExtractLimits {
                    max_pages: args.max_pages.max(1),
                    max_chars: args.max_chars.max(1),
                    ..ExtractLimits::default()
                },
            },
            max_file_bytes: args.max_file_size.saturating_mul(1 << 20),
        })
    }
}

impl RunConfig {
    /// Validates `cvmatch run`'s options.
    pub fn from_args(args: &RunArgs) -> Result<RunConfig, FatalError> {
        let scoring = ScoringConfig::from_args(&args.scoring)?;
        let out_dir = args
            .out
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), PathBuf::from);
        Ok(RunConfig {
            input: args.input.clone(),
            out: args.out.clone(),
            index_dir: args
                .index
                .clone()
                .unwrap_or_else(|| out_dir.join("cvmatch-index")),
            rebuild: args.rebuild,
            all_files: args.all_files,
            wait_for_lock: args.wait_for_lock,
            scoring,
        })
    }
}
