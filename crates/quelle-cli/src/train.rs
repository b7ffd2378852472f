//! `quelle train`: rebuild the quotation models from gnqa training data.

use anyhow::{Context, Result};
use quelle::quotes::train::{train, TrainOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `quelle train`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// gnqa training data (JSONL), e.g. ../shared/data/gnqa/train.jsonl. Never the dev split.
    #[arg(long)]
    data: PathBuf,
    /// Folder to write the models into (crates/quelle/models to replace the embedded ones).
    #[arg(long, default_value = "crates/quelle/models")]
    out: PathBuf,
    /// Passes over the data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
}

/// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().context("output path has no file name")?;
    let tmp = dir.join(format!(
        ".{}.tmp{}",
        name.to_string_lossy(),
        std::process::id()
    ));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot rename to {}", path.display()))?;
    Ok(())
}

pub(crate) fn run(args: Args) -> Result<ExitCode> {
    let docs = quelle::eval::gnqa::load(&args.data)?;
    let opts = TrainOptions {
        epochs: args.epochs,
        ..TrainOptions::default()
    };
    let models = train(&docs, &opts, |line| eprintln!("{line}"))?;
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    for (file, name) in
        models
            .to_files()
            .iter()
            .zip(["quotes-content", "quotes-roles", "quotes-medium"])
    {
        let path = args.out.join(format!("{name}.qlqm"));
        let bytes = file.to_bytes();
        write_atomic(&path, &bytes)?;
        eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    }
    let path = args.out.join("quotes-cues.tsv");
    write_atomic(&path, models.cues.to_tsv().as_bytes())?;
    eprintln!("wrote {} ({} words)", path.display(), models.cues.len());
    Ok(ExitCode::SUCCESS)
}
