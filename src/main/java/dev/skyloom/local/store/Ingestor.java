package dev.skyloom.local.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import com.google.protobuf.WireFormat;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.geo.SphericalGeometry;
import dev.skyloom.local.store.DatapointStore.IngestCounts;
import dev.skyloom.local.store.DatapointStore.NewDatapoint;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The one path by which datapoints enter the store (the Ingest RPC and the demo catalogue both use it): each value is
 * parsed with the dataset's descriptor, must have a {@code time}, gets its deterministic {@code id} and an
 * {@code ingestion_time}, and is written with its bboxes in one transaction.
 */
public final class Ingestor {

    /** The most values one Ingest (or Delete) request may carry. */
    public static final int MAX_ITEMS = 8192;

    /**
     * What an ingest did, with the datapoint ids in request order.
     *
     * @param counts how many datapoints were created and how many already existed
     * @param ids    the datapoint ids, 16 bytes each, in request order
     */
    public record Result(IngestCounts counts, List<byte[]> ids) {
    }

    private final DatapointStore store;
    private final Clock clock;

    /**
     * An ingestor writing to {@code store}.
     *
     * @param store where the datapoints go
     * @param clock the source of each datapoint's {@code ingestion_time}
     */
    public Ingestor(DatapointStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Ingests serialized datapoints into a collection.
     *
     * @param collectionId the collection
     * @param schema the dataset's datapoint type
     * @param values the serialized datapoints
     * @param allowExisting true: skip datapoints already stored; false: refuse the request if any is
     * @return the counts and the ids
     * @throws RpcException invalid_argument if there are more than {@value #MAX_ITEMS} values, a value is empty or
     *                      unparseable, lacks {@code time}, holds a timestamp out of range (see {@link Timestamps})
     *                      or has an undecodable geometry (naming its index), or
     *                      {@code allowExisting} is false and one already exists; nothing is written then
     */
    public Result ingest(UUID collectionId, DatasetSchema schema, List<ByteString> values, boolean allowExisting) {
        if (values.size() > MAX_ITEMS) {
            throw RpcException.invalidArgument("too many values: " + values.size() + ", at most " + MAX_ITEMS
                    + " per request");
        }
        Timestamp now = timestamp(clock.instant());
        List<NewDatapoint> datapoints = new ArrayList<>(values.size());
        List<byte[]> ids = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            NewDatapoint datapoint = prepare(schema, values.get(i), i, now);
            datapoints.add(datapoint);
            ids.add(datapoint.id());
        }
        return new Result(store.insert(collectionId, datapoints, allowExisting), ids);
    }

    /**
     * Ingests datapoints whose canonical bytes, time and geometry are known, without parsing them back: the same rows
     * as {@link #ingest} with {@code allow_existing = true} would write for those bytes.
     *
     * @param collectionId the collection
     * @param schema       its dataset's schema
     * @param values       at most {@value #MAX_ITEMS} datapoints
     * @return how many were new, and their ids in order
     * @throws IllegalArgumentException if there are more than {@value #MAX_ITEMS} values or a time is out of range
     */
    public Result ingestCanonical(UUID collectionId, DatasetSchema schema, List<CanonicalDatapoint> values) {
        return insert(prepareCanonical(collectionId, schema, values));
    }

    /**
     * The first half of {@link #ingestCanonical}, which needs no access to the store and so may run on several threads
     * at once: derives each datapoint's id, stored bytes and bboxes.
     *
     * @param collectionId the collection
     * @param schema       its dataset's schema
     * @param values       at most {@value #MAX_ITEMS} datapoints
     * @return the rows, to be written by {@link #insert}
     * @throws IllegalArgumentException if there are more than {@value #MAX_ITEMS} values or a time is out of range
     */
    public Prepared prepareCanonical(UUID collectionId, DatasetSchema schema, List<CanonicalDatapoint> values) {
        if (values.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("too many values: " + values.size() + ", at most " + MAX_ITEMS);
        }
        Timestamp now = timestamp(clock.instant());
        List<NewDatapoint> datapoints = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            CanonicalDatapoint value = values.get(i);
            if (value.timeMs() < 0 || value.timeMs() > DatapointIds.MAX_MS) {
                throw new IllegalArgumentException("datapoint " + i + " has a time before 1970 or after 10889");
            }
            datapoints.add(stored(schema, value.timeMs(), value.content(), value.geometry(), now, i));
        }
        return new Prepared(collectionId, datapoints);
    }

    /**
     * The second half of {@link #ingestCanonical}: writes prepared rows in one transaction, skipping those already
     * stored.
     *
     * @param prepared rows from {@link #prepareCanonical}
     * @return how many were new, and their ids in order
     */
    public Result insert(Prepared prepared) {
        List<byte[]> ids = new ArrayList<>(prepared.datapoints.size());
        for (NewDatapoint datapoint : prepared.datapoints) {
            ids.add(datapoint.id());
        }
        return new Result(store.insert(prepared.collectionId, prepared.datapoints, true), ids);
    }

    /** Rows of one collection made ready by {@link #prepareCanonical}, not yet written. */
    public static final class Prepared {

        private final UUID collectionId;
        private final List<NewDatapoint> datapoints;

        private Prepared(UUID collectionId, List<NewDatapoint> datapoints) {
            this.collectionId = collectionId;
            this.datapoints = datapoints;
        }

        /**
         * The number of rows.
         *
         * @return the number of datapoints prepared
         */
        public int size() {
            return datapoints.size();
        }
    }

    /**
     * The stored form of a datapoint, as {@link #ingestCanonical} would store it with {@code ingestionTime}: its id and
     * its bytes with {@code id} and {@code ingestion_time} set. For datapoints served without being stored.
     *
     * @param schema        the dataset's schema
     * @param datapoint     the datapoint
     * @param ingestionTime the {@code ingestion_time} it gets
     * @return its id and stored bytes
     */
    public static DatapointStore.Stored storedForm(DatasetSchema schema, CanonicalDatapoint datapoint,
                                                   Instant ingestionTime) {
        byte[] id = DatapointIds.derive(datapoint.timeMs(), datapoint.content());
        return new DatapointStore.Stored(id, withServerFields(datapoint.content(), schema, id,
                timestamp(ingestionTime)));
    }

    private static NewDatapoint prepare(DatasetSchema schema, ByteString value, int index, Timestamp now) {
        if (value.isEmpty()) {
            throw RpcException.invalidArgument("value " + index + " is empty");
        }
        DynamicMessage parsed;
        try {
            parsed = DynamicMessage.parseFrom(schema.descriptor(), value);
        } catch (InvalidProtocolBufferException e) {
            throw RpcException.invalidArgument("value " + index + " is not a valid " + schema.typeUrl() + ": "
                    + e.getMessage());
        }
        if (!parsed.hasField(schema.time())) {
            throw RpcException.invalidArgument("datapoint " + index + " has no time");
        }
        boolean hasServerFields = parsed.hasField(schema.id()) || parsed.hasField(schema.ingestionTime());
        DynamicMessage content = hasServerFields
                ? parsed.toBuilder().clearField(schema.id()).clearField(schema.ingestionTime()).build() : parsed;
        Timestamps.checkAll("datapoint " + index, content);
        long timeMs = DatapointIds.floorMs(DatasetSchema.timestamp(parsed.getField(schema.time())));
        if (timeMs < 0 || timeMs > DatapointIds.MAX_MS) {
            throw RpcException.invalidArgument("datapoint " + index + " has a time before 1970 or after 10889");
        }
        return stored(schema, timeMs, deterministicBytes(content), geometry(schema, parsed, index), now, index);
    }

    /** The row of a datapoint: its id derived from time and canonical content, the server fields, the bboxes. */
    private static NewDatapoint stored(DatasetSchema schema, long timeMs, byte[] contentBytes, Geometry geometry,
                                       Timestamp now, int index) {
        byte[] id = DatapointIds.derive(timeMs, contentBytes);
        // Appending the two server-set fields to the content's bytes is the same message as setting them and
        // serializing again, at a fraction of the cost.
        byte[] data = withServerFields(contentBytes, schema, id, now);
        Envelope planar = null;
        Envelope spherical = null;
        if (geometry != null) {
            planar = geometry.getEnvelopeInternal();
            try {
                spherical = SphericalGeometry.envelope(geometry);
            } catch (RuntimeException e) {
                throw RpcException.invalidArgument("datapoint " + index + " has a malformed geometry: "
                        + e.getMessage());
            }
        }
        return new NewDatapoint(id, timeMs, data, planar, spherical);
    }

    /**
     * The geometry of a datapoint of a spatio-temporal dataset, or null if it has none.
     *
     * @param schema the dataset's datapoint type
     * @param datapoint the decoded datapoint
     * @param index the datapoint's position in the request, for the error message
     * @return the geometry, or null
     * @throws RpcException invalid_argument naming {@code index} if the geometry is not decodable WKB
     */
    public static Geometry geometry(DatasetSchema schema, DynamicMessage datapoint, int index) {
        if (!schema.spatioTemporal() || !datapoint.hasField(schema.geometry())) {
            return null;
        }
        Message wire = (Message) datapoint.getField(schema.geometry());
        ByteString wkb = (ByteString) wire.getField(wire.getDescriptorForType().findFieldByName("wkb"));
        if (wkb.isEmpty()) {
            return null;
        }
        try {
            Geometry geometry = new WKBReader().read(wkb.toByteArray());
            return geometry.isEmpty() ? null : geometry;
        } catch (ParseException | RuntimeException e) {
            throw RpcException.invalidArgument("datapoint " + index + " has a geometry that is not valid WKB: "
                    + e.getMessage());
        }
    }

    private static byte[] deterministicBytes(Message message) {
        try {
            byte[] bytes = new byte[message.getSerializedSize()];
            CodedOutputStream coded = CodedOutputStream.newInstance(bytes);
            coded.useDeterministicSerialization();
            message.writeTo(coded);
            coded.checkNoSpaceLeft();
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withServerFields(byte[] content, DatasetSchema schema, byte[] id, Timestamp ingestionTime) {
        int idNumber = schema.id().getNumber();
        int uuidNumber = schema.id().getMessageType().findFieldByName("uuid").getNumber();
        int idSize = CodedOutputStream.computeByteArraySize(uuidNumber, id);
        byte[] data = new byte[content.length + CodedOutputStream.computeTagSize(idNumber)
                + CodedOutputStream.computeUInt32SizeNoTag(idSize) + idSize
                + CodedOutputStream.computeMessageSize(schema.ingestionTime().getNumber(), ingestionTime)];
        System.arraycopy(content, 0, data, 0, content.length);
        CodedOutputStream coded = CodedOutputStream.newInstance(data, content.length, data.length - content.length);
        try {
            coded.writeTag(idNumber, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            coded.writeUInt32NoTag(idSize);
            coded.writeByteArray(uuidNumber, id);
            coded.writeMessage(schema.ingestionTime().getNumber(), ingestionTime);
            coded.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return data;
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
