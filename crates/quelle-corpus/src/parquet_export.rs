//! The quotation table as Parquet (feature `parquet`; same columns as the CSV, all UTF-8 strings).
//!
//! Written with the `parquet` crate's column writers, without Arrow: Arrow
//! would add minutes to a clean build for a table of ten string columns.

use crate::batch::AtomicFile;
use crate::error::Result;
use crate::table::QuoteRow;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use std::path::Path;
use std::sync::Arc;

/// Rows per row group: a few MB of text, bounded memory.
const ROW_GROUP: usize = 50_000;

const SCHEMA: &str = "message quotes {
    REQUIRED BINARY document (UTF8);
    REQUIRED BINARY speaker (UTF8);
    REQUIRED BINARY entity_kind (UTF8);
    REQUIRED BINARY source_kind (UTF8);
    REQUIRED BINARY type (UTF8);
    REQUIRED BINARY medium (UTF8);
    REQUIRED BINARY status (UTF8);
    REQUIRED BINARY channel (UTF8);
    REQUIRED BINARY content (UTF8);
    REQUIRED BINARY cue (UTF8);
}";

/// Writes quotation rows to a Parquet file, renamed into place by [`ParquetWriter::finish`].
pub struct ParquetWriter {
    writer: SerializedFileWriter<AtomicFile>,
    buffer: Vec<QuoteRow>,
}

fn columns(r: &QuoteRow) -> [&str; 10] {
    [
        &r.document,
        &r.speaker,
        &r.entity_kind,
        &r.source_kind,
        &r.kind,
        &r.medium,
        &r.status,
        &r.channel,
        &r.content,
        &r.cue,
    ]
}

impl ParquetWriter {
    /// Creates the (temporary) file.
    pub fn create(path: &Path) -> Result<Self> {
        let schema = Arc::new(parse_message_type(SCHEMA)?);
        let props = Arc::new(
            WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build(),
        );
        let file = AtomicFile::create(path, false)?;
        Ok(ParquetWriter {
            writer: SerializedFileWriter::new(file, schema, props)?,
            buffer: Vec::new(),
        })
    }

    /// Adds rows (written in row groups of [`ROW_GROUP`]).
    pub fn rows(&mut self, rows: &[QuoteRow]) -> Result<()> {
        self.buffer.extend_from_slice(rows);
        if self.buffer.len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        let mut i = 0;
        while let Some(mut col) = group.next_column()? {
            let values: Vec<ByteArray> = self
                .buffer
                .iter()
                .map(|r| ByteArray::from(columns(r)[i]))
                .collect();
            col.typed::<ByteArrayType>()
                .write_batch(&values, None, None)?;
            col.close()?;
            i += 1;
        }
        group.close()?;
        self.buffer.clear();
        Ok(())
    }

    /// Writes the rest and the footer, and renames the file into place.
    pub fn finish(mut self) -> Result<()> {
        self.flush()?;
        self.writer.into_inner()?.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    fn row(doc: &str, content: &str) -> QuoteRow {
        QuoteRow {
            document: doc.into(),
            speaker: "Wladimir Putin".into(),
            entity_kind: "person".into(),
            source_kind: "named_person".into(),
            kind: "direct".into(),
            medium: String::new(),
            status: "stated".into(),
            channel: "laut Tass".into(),
            content: content.into(),
            cue: "sagte".into(),
        }
    }

    #[test]
    fn rows_read_back_with_the_csv_columns() {
        let dir = std::env::temp_dir().join(format!("quelle-parquet-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("q.parquet");
        let mut w = ParquetWriter::create(&path).unwrap();
        w.rows(&[row("a", "Wir liefern nicht."), row("b", "Später.")])
            .unwrap();
        w.finish().unwrap();
        let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<String> = reader
            .get_row_iter(None)
            .unwrap()
            .map(|r| r.unwrap().to_string())
            .collect();
        assert!(
            rows[0].contains("content: \"Wir liefern nicht.\""),
            "{rows:?}"
        );
        assert!(rows[1].contains("document: \"b\""), "{rows:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
