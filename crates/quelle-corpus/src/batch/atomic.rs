//! Output files that appear only when complete: written to `NAME.partial`, renamed at the end.

use crate::error::{Error, Result};
use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file written under a temporary name and renamed into place by [`AtomicFile::commit`].
///
/// Dropped without a commit (an error), the temporary file is removed and an
/// existing file at the final path is left untouched.
pub struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    w: Option<BufWriter<File>>,
}

/// The temporary name next to `path`.
pub fn partial_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    path.with_file_name(name)
}

impl AtomicFile {
    /// Creates the temporary file; with `keep`, it starts as a copy of the existing file.
    pub fn create(path: &Path, keep: bool) -> Result<Self> {
        let tmp = partial_path(path);
        let file = if keep && path.exists() {
            std::fs::copy(path, &tmp).map_err(|e| Error::io(&tmp, e))?;
            OpenOptions::new().append(true).open(&tmp)
        } else {
            File::create(&tmp)
        }
        .map_err(|e| Error::io(&tmp, e))?;
        Ok(AtomicFile {
            path: path.to_owned(),
            tmp,
            w: Some(BufWriter::with_capacity(1 << 20, file)),
        })
    }

    /// The temporary path (for error messages).
    pub fn tmp_path(&self) -> &Path {
        &self.tmp
    }

    /// Flushes, syncs and renames the file into place.
    pub fn commit(mut self) -> Result<()> {
        let w = self.w.take().expect("writer present until commit");
        let file = w
            .into_inner()
            .map_err(|e| Error::io(&self.tmp, e.into_error()))?;
        file.sync_all().map_err(|e| Error::io(&self.tmp, e))?;
        std::fs::rename(&self.tmp, &self.path).map_err(|e| Error::io(&self.path, e))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.w
            .as_mut()
            .expect("writer present until commit")
            .write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.w
            .as_mut()
            .expect("writer present until commit")
            .write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.w
            .as_mut()
            .expect("writer present until commit")
            .flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if self.w.take().is_some() {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}
