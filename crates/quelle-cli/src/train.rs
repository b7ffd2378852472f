//! `quelle train`: rebuild the quotation models from gnqa training data and the
//! proper-noun model of the entity stage from UD German treebanks.

use anyhow::{Context, Result};
use quelle::quotes::train::{train, TrainOptions};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `quelle train`.
#[derive(clap::Args, Debug)]
pub(crate) struct Args {
    /// gnqa training data (JSONL), e.g. ../shared/data/gnqa/train.jsonl. Never the dev split.
    #[arg(long, required_unless_present = "ud")]
    data: Option<PathBuf>,
    /// UD German folder (../shared/data/ud-german): rebuild the proper-noun model
    /// from the GSD files, scored on the PUD file.
    #[arg(long)]
    ud: Option<PathBuf>,
    /// Folder to write the models into (crates/quelle/models to replace the embedded ones).
    #[arg(long, default_value = "crates/quelle/models")]
    out: PathBuf,
    /// Passes over the data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// Feature buckets of each quotation tagger (a power of two): the
    /// taggers' weight tables are 32 (content) and 16 (roles) bytes per bucket.
    #[arg(long, default_value_t = TrainOptions::default().tagger_buckets)]
    tagger_buckets: usize,
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
    // Up to 2^24 buckets (a 512 MB content tagger): more is a typo, not a model.
    if !args.tagger_buckets.is_power_of_two() || args.tagger_buckets > 1 << 24 {
        anyhow::bail!(
            "--tagger-buckets must be a power of two up to 16777216, not {}",
            args.tagger_buckets
        );
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("cannot create {}", args.out.display()))?;
    if let Some(ud) = &args.ud {
        train_propn(ud, &args.out)?;
    }
    let Some(data) = &args.data else {
        return Ok(ExitCode::SUCCESS);
    };
    let docs = quelle::eval::gnqa::load(data)?;
    let opts = TrainOptions {
        epochs: args.epochs,
        tagger_buckets: args.tagger_buckets,
        ..TrainOptions::default()
    };
    let models = train(&docs, &opts, |line| eprintln!("{line}"))?;
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

/// Trains the proper-noun classifier on UD German-GSD and scores it on German-PUD.
fn train_propn(ud: &Path, out: &Path) -> Result<()> {
    use quelle::entities::propn;
    let mut train = Vec::new();
    for f in ["de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu"] {
        train.extend(propn::read_conllu(&ud.join(f))?);
    }
    let test = propn::read_conllu(&ud.join("de_pud-ud-test.conllu"))?;
    let file = propn::train(&train);
    let bytes = file.to_bytes();
    let model = propn::PropnModel::from_bytes(&bytes)?;
    let (p, r) = propn::evaluate(&model, &test);
    eprintln!(
        "proper nouns on UD German-PUD ({} sentences): P {p:.3} R {r:.3} F1 {:.3}",
        test.len(),
        2.0 * p * r / (p + r).max(f64::MIN_POSITIVE)
    );
    let path = out.join("entities-propn.qlqm");
    write_atomic(&path, &bytes)?;
    eprintln!("wrote {} ({} bytes)", path.display(), bytes.len());
    Ok(())
}
