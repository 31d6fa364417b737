package dev.skyloom.cli;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns rows (one value per schema column, already checked to fit: null or a value its {@link ParquetKind} accepts,
 * WKB columns as bytes; or a {@link ParquetWireRows} holding a row it read) into Parquet records of a fixed schema, and adds extra file metadata, computed when the file
 * is finished, to the footer.
 */
final class DatapointWriteSupport extends WriteSupport<Object> {

    private final MessageType schema;
    private final ParquetKind[] kinds;
    private final String[] names;
    private final Supplier<Map<String, String>> footerMetadata;
    private RecordConsumer out;

    /**
     * @param kinds          the kind of each schema column, in order
     * @param footerMetadata asked once, when the file is finished, for the key/value metadata to add
     * @throws IllegalArgumentException if {@code kinds} does not match the schema's column count
     */
    DatapointWriteSupport(MessageType schema, List<ParquetKind> kinds, Supplier<Map<String, String>> footerMetadata) {
        if (kinds.size() != schema.getFieldCount()) {
            throw new IllegalArgumentException("expected " + schema.getFieldCount() + " column kinds, got "
                    + kinds.size());
        }
        this.schema = schema;
        this.kinds = kinds.toArray(ParquetKind[]::new);
        this.names = schema.getFields().stream().map(field -> field.getName()).toArray(String[]::new);
        this.footerMetadata = footerMetadata;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        out = recordConsumer;
    }

    @Override
    public void write(Object record) {
        if (record instanceof ParquetWireRows wireRow) {
            wireRow.writeTo(out);
            return;
        }
        Object[] row = (Object[]) record;
        out.startMessage();
        for (int i = 0; i < kinds.length; i++) {
            Object value = row[i];
            if (value != null) {
                out.startField(names[i], i);
                kinds[i].write(out, value);
                out.endField(names[i], i);
            }
        }
        out.endMessage();
    }

    @Override
    public FinalizedWriteContext finalizeWrite() {
        return new FinalizedWriteContext(footerMetadata.get());
    }

    /** Builds a Parquet writer over this write support. */
    static final class Builder extends ParquetWriter.Builder<Object, Builder> {

        private final DatapointWriteSupport support;

        Builder(OutputFile file, DatapointWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object> getWriteSupport(Configuration configuration) {
            return support;
        }

        @Override
        protected WriteSupport<Object> getWriteSupport(ParquetConfiguration configuration) {
            return support;
        }
    }
}
