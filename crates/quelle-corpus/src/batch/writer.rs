//! The writing end of a batch: the output JSONL, the errors file, the quotation table, the store.

use super::atomic::AtomicFile;
use super::BatchOptions;
use crate::error::{Error, Failure, Result};
use crate::record::IndexDoc;
use crate::store::Store;
use crate::table::{CsvWriter, QuoteRow};
use std::io::Write;

/// Documents between database commits: large enough to amortise the commit, small
/// enough that an interrupted run loses little.
const DB_COMMIT_EVERY: usize = 2000;

/// All outputs of a run.
pub struct Writer {
    out: Option<AtomicFile>,
    errors: Option<AtomicFile>,
    csv: Option<CsvWriter<AtomicFile>>,
    #[cfg(feature = "parquet")]
    parquet: Option<crate::parquet_export::ParquetWriter>,
    db: Option<Store>,
    since_commit: usize,
}

impl Writer {
    /// Creates the outputs (temporary files; the database is opened in place).
    pub fn create(opts: &BatchOptions) -> Result<Self> {
        let out = match &opts.output {
            Some(p) => Some(AtomicFile::create(p, opts.resume)?),
            None => None,
        };
        let errors = match &opts.errors {
            Some(p) => Some(AtomicFile::create(p, false)?),
            None => None,
        };
        let csv = match &opts.quotes_csv {
            Some(p) => {
                let mut w = CsvWriter::new(AtomicFile::create(p, false)?);
                w.header()?;
                Some(w)
            }
            None => None,
        };
        let db = match &opts.db {
            Some(p) => {
                let mut s = Store::open(p)?;
                s.begin()?;
                Some(s)
            }
            None => None,
        };
        Ok(Writer {
            out,
            errors,
            csv,
            #[cfg(feature = "parquet")]
            parquet: match &opts.quotes_parquet {
                Some(p) => Some(crate::parquet_export::ParquetWriter::create(p)?),
                None => None,
            },
            db,
            since_commit: 0,
        })
    }

    /// Whether any sink needs the [`IndexDoc`] view of documents.
    pub fn wants_index(opts: &BatchOptions) -> bool {
        #[cfg(feature = "parquet")]
        if opts.quotes_parquet.is_some() {
            return true;
        }
        opts.quotes_csv.is_some() || opts.db.is_some()
    }

    /// Writes an analysed document; `line` is `None` for documents replayed from an existing output.
    pub fn document(&mut self, line: Option<&str>, index: Option<&IndexDoc>) -> Result<()> {
        if let (Some(out), Some(line)) = (&mut self.out, line) {
            out.write_all(line.as_bytes())
                .map_err(|e| Error::io(out.tmp_path(), e))?;
        }
        let Some(doc) = index else { return Ok(()) };
        #[cfg(feature = "parquet")]
        let rows_needed = self.csv.is_some() || self.parquet.is_some();
        #[cfg(not(feature = "parquet"))]
        let rows_needed = self.csv.is_some();
        if rows_needed {
            let rows = QuoteRow::rows(doc);
            if let Some(csv) = &mut self.csv {
                for r in &rows {
                    csv.row(r)?;
                }
            }
            #[cfg(feature = "parquet")]
            if let Some(p) = &mut self.parquet {
                p.rows(&rows)?;
            }
        }
        if let Some(db) = &mut self.db {
            db.insert(doc)?;
            self.since_commit += 1;
            if self.since_commit >= DB_COMMIT_EVERY {
                db.commit()?;
                db.begin()?;
                self.since_commit = 0;
            }
        }
        Ok(())
    }

    /// Writes a failure to the errors file (if any).
    pub fn failure(&mut self, f: &Failure) -> Result<()> {
        if let Some(errors) = &mut self.errors {
            let mut line = serde_json::to_string(f).expect("failures serialise");
            line.push('\n');
            errors
                .write_all(line.as_bytes())
                .map_err(|e| Error::io(errors.tmp_path(), e))?;
        }
        Ok(())
    }

    /// Completes every output: renames the files into place, commits the database.
    pub fn finish(self) -> Result<()> {
        if let Some(out) = self.out {
            out.commit()?;
        }
        if let Some(errors) = self.errors {
            errors.commit()?;
        }
        if let Some(csv) = self.csv {
            let file = csv.finish().map_err(|e| Error::io("quotes CSV", e))?;
            file.commit()?;
        }
        #[cfg(feature = "parquet")]
        if let Some(p) = self.parquet {
            p.finish()?;
        }
        if let Some(mut db) = self.db {
            db.commit()?;
        }
        Ok(())
    }
}
