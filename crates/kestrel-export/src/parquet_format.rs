//! Parquet: one row per fused event with typed columns (strings, Date32 dates, a UTC
//! timestamp, integers, doubles, lists of strings), Snappy-compressed, written one row group
//! at a time as events stream in, for DuckDB, Polars, Spark or BigQuery.

use std::io::Write;
use std::sync::Arc;

use arrow_array::builder::{
    Date32Builder, Float64Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder, TimestampMicrosecondBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use kestrel::ActorRecord;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use crate::time::{date32, event_day, published_day, UtcTime};
use crate::{ExportError, ExportSummary, ExportWriter, FusedEvent, CODER};

/// Rows per row group: the most the writer holds in memory before writing.
pub const ROW_GROUP_ROWS: usize = 64 * 1024;

fn list_of_strings() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

/// The columns of the Parquet export. `date` is the event's day (the first day of its month
/// or year when only those are known, as `date_precision` tells); `published` the earliest
/// article's day; `added` when the event was stored.
pub fn parquet_schema() -> SchemaRef {
    let utf8 = |name: &str, nullable: bool| Field::new(name, DataType::Utf8, nullable);
    let actor = |role: &str, nullable: bool| {
        [
            utf8(&format!("{role}_code"), nullable),
            utf8(&format!("{role}_name"), true),
            utf8(&format!("{role}_country"), true),
            Field::new(format!("{role}_sectors"), list_of_strings(), nullable),
            utf8(&format!("{role}_text"), nullable),
        ]
    };
    let mut fields = vec![
        utf8("id", false),
        Field::new("date", DataType::Date32, true),
        utf8("date_precision", true),
        utf8("code", false),
        utf8("root", false),
        Field::new("quad_class", DataType::Int32, false),
        Field::new("goldstein", DataType::Float64, false),
        utf8("plover_event", true),
        utf8("plover_mode", true),
        Field::new("plover_context", list_of_strings(), true),
    ];
    fields.extend(actor("source", false));
    fields.extend(actor("target", true));
    fields.extend([
        utf8("trigger", false),
        utf8("modality", false),
        utf8("attribution", true),
        utf8("attribution_text", true),
        Field::new("confidence", DataType::Float64, false),
        Field::new("num_mentions", DataType::Int64, false),
        Field::new("num_sources", DataType::Int64, false),
        Field::new("num_articles", DataType::Int64, false),
        Field::new("published", DataType::Date32, true),
        utf8("source_url", true),
        Field::new(
            "added",
            DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            true,
        ),
        utf8("doc_id", false),
        Field::new("sentence", DataType::Int64, false),
        utf8("sentence_text", false),
    ]);
    Arc::new(Schema::new(fields))
}

/// Builders for an actor's five columns.
struct ActorColumns {
    code: StringBuilder,
    name: StringBuilder,
    country: StringBuilder,
    sectors: ListBuilder<StringBuilder>,
    text: StringBuilder,
}

impl ActorColumns {
    fn new() -> Self {
        ActorColumns {
            code: StringBuilder::new(),
            name: StringBuilder::new(),
            country: StringBuilder::new(),
            sectors: ListBuilder::new(StringBuilder::new()),
            text: StringBuilder::new(),
        }
    }

    fn append(&mut self, actor: Option<&ActorRecord>) {
        self.code.append_option(actor.map(|a| a.code.as_str()));
        self.name.append_option(actor.and_then(|a| a.name.as_deref()));
        self.country.append_option(actor.and_then(|a| a.country.as_deref()));
        match actor {
            Some(a) => {
                for sector in &a.sectors {
                    self.sectors.values().append_value(sector);
                }
                self.sectors.append(true);
            }
            None => self.sectors.append(false),
        }
        self.text.append_option(actor.map(|a| a.text.as_str()));
    }

    fn finish(&mut self, columns: &mut Vec<ArrayRef>) {
        columns.push(Arc::new(self.code.finish()));
        columns.push(Arc::new(self.name.finish()));
        columns.push(Arc::new(self.country.finish()));
        columns.push(Arc::new(self.sectors.finish()));
        columns.push(Arc::new(self.text.finish()));
    }
}

/// Builders for one row group, in [`parquet_schema`] order.
struct Columns {
    rows: usize,
    id: StringBuilder,
    date: Date32Builder,
    date_precision: StringBuilder,
    code: StringBuilder,
    root: StringBuilder,
    quad_class: Int32Builder,
    goldstein: Float64Builder,
    plover_event: StringBuilder,
    plover_mode: StringBuilder,
    plover_context: ListBuilder<StringBuilder>,
    source: ActorColumns,
    target: ActorColumns,
    trigger: StringBuilder,
    modality: StringBuilder,
    attribution: StringBuilder,
    attribution_text: StringBuilder,
    confidence: Float64Builder,
    num_mentions: Int64Builder,
    num_sources: Int64Builder,
    num_articles: Int64Builder,
    published: Date32Builder,
    source_url: StringBuilder,
    added: TimestampMicrosecondBuilder,
    doc_id: StringBuilder,
    sentence: Int64Builder,
    sentence_text: StringBuilder,
}

impl Columns {
    fn new() -> Self {
        Columns {
            rows: 0,
            id: StringBuilder::new(),
            date: Date32Builder::new(),
            date_precision: StringBuilder::new(),
            code: StringBuilder::new(),
            root: StringBuilder::new(),
            quad_class: Int32Builder::new(),
            goldstein: Float64Builder::new(),
            plover_event: StringBuilder::new(),
            plover_mode: StringBuilder::new(),
            plover_context: ListBuilder::new(StringBuilder::new()),
            source: ActorColumns::new(),
            target: ActorColumns::new(),
            trigger: StringBuilder::new(),
            modality: StringBuilder::new(),
            attribution: StringBuilder::new(),
            attribution_text: StringBuilder::new(),
            confidence: Float64Builder::new(),
            num_mentions: Int64Builder::new(),
            num_sources: Int64Builder::new(),
            num_articles: Int64Builder::new(),
            published: Date32Builder::new(),
            source_url: StringBuilder::new(),
            added: TimestampMicrosecondBuilder::new().with_timezone("UTC"),
            doc_id: StringBuilder::new(),
            sentence: Int64Builder::new(),
            sentence_text: StringBuilder::new(),
        }
    }

    fn append(&mut self, event: &FusedEvent) {
        let r = &event.record;
        self.id.append_value(&event.id);
        self.date.append_option(event_day(event).and_then(date32));
        self.date_precision.append_option(r.date_precision.as_deref());
        self.code.append_value(&r.code);
        self.root.append_value(&r.root);
        self.quad_class.append_value(i32::from(r.quad_class));
        self.goldstein.append_value(r.goldstein);
        let plover = r.plover.as_ref();
        self.plover_event.append_option(plover.map(|p| p.event.as_str()));
        self.plover_mode.append_option(plover.and_then(|p| p.mode.as_deref()));
        match plover {
            Some(p) => {
                for context in &p.context {
                    self.plover_context.values().append_value(context);
                }
                self.plover_context.append(true);
            }
            None => self.plover_context.append(false),
        }
        self.source.append(Some(&r.source));
        self.target.append(r.target.as_ref());
        self.trigger.append_value(&r.trigger.text);
        self.modality.append_value(&r.modality);
        self.attribution
            .append_option(r.attribution.as_ref().map(|a| a.code.as_str()));
        self.attribution_text
            .append_option(r.attribution.as_ref().map(|a| a.text.as_str()));
        self.confidence.append_value(r.confidence);
        self.num_mentions.append_value(i64::from(event.num_mentions));
        self.num_sources.append_value(i64::from(event.num_sources));
        self.num_articles.append_value(i64::from(event.num_articles));
        self.published.append_option(published_day(event).and_then(date32));
        self.source_url.append_option(event.source_url.as_deref());
        self.added
            .append_option(UtcTime::parse_rfc3339(&event.added).map(|t| t.unix_micros()));
        self.doc_id.append_value(&r.doc_id);
        self.sentence
            .append_value(i64::try_from(r.sentence).unwrap_or(i64::MAX));
        self.sentence_text.append_value(&r.sentence_text);
        self.rows += 1;
    }

    /// The rows appended so far as one batch; the builders start over empty.
    fn finish(&mut self, schema: &SchemaRef) -> Result<RecordBatch, ExportError> {
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(self.id.finish()),
            Arc::new(self.date.finish()),
            Arc::new(self.date_precision.finish()),
            Arc::new(self.code.finish()),
            Arc::new(self.root.finish()),
            Arc::new(self.quad_class.finish()),
            Arc::new(self.goldstein.finish()),
            Arc::new(self.plover_event.finish()),
            Arc::new(self.plover_mode.finish()),
            Arc::new(self.plover_context.finish()),
        ];
        self.source.finish(&mut columns);
        self.target.finish(&mut columns);
        columns.extend([
            Arc::new(self.trigger.finish()) as ArrayRef,
            Arc::new(self.modality.finish()),
            Arc::new(self.attribution.finish()),
            Arc::new(self.attribution_text.finish()),
            Arc::new(self.confidence.finish()),
            Arc::new(self.num_mentions.finish()),
            Arc::new(self.num_sources.finish()),
            Arc::new(self.num_articles.finish()),
            Arc::new(self.published.finish()),
            Arc::new(self.source_url.finish()),
            Arc::new(self.added.finish()),
            Arc::new(self.doc_id.finish()),
            Arc::new(self.sentence.finish()),
            Arc::new(self.sentence_text.finish()),
        ]);
        self.rows = 0;
        Ok(RecordBatch::try_new(schema.clone(), columns)?)
    }
}

pub struct ParquetWriter<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: SchemaRef,
    columns: Columns,
    written: u64,
}

impl<W: Write + Send> ParquetWriter<W> {
    pub fn new(out: W) -> Result<Self, ExportError> {
        let schema = parquet_schema();
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_created_by(CODER.to_string())
            .build();
        Ok(ParquetWriter {
            writer: ArrowWriter::try_new(out, schema.clone(), Some(properties))?,
            schema,
            columns: Columns::new(),
            written: 0,
        })
    }

    fn write_row_group(&mut self) -> Result<(), ExportError> {
        if self.columns.rows > 0 {
            let batch = self.columns.finish(&self.schema)?;
            self.writer.write(&batch)?;
            self.writer.flush()?;
        }
        Ok(())
    }
}

impl<W: Write + Send> ExportWriter for ParquetWriter<W> {
    fn write(&mut self, event: &FusedEvent) -> Result<(), ExportError> {
        self.columns.append(event);
        self.written += 1;
        if self.columns.rows >= ROW_GROUP_ROWS {
            self.write_row_group()?;
        }
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<ExportSummary, ExportError> {
        self.write_row_group()?;
        let mut out = self.writer.into_inner()?;
        out.flush()?;
        Ok(ExportSummary {
            written: self.written,
            skipped: 0,
        })
    }
}
