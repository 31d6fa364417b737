package dev.skyloom.local.store;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.local.geo.SphericalGeometry;
import dev.skyloom.local.store.DatapointStore.IngestCounts;
import dev.skyloom.local.store.DatapointStore.NewDatapoint;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

import java.io.ByteArrayOutputStream;
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
        byte[] contentBytes = deterministicBytes(content);
        byte[] id = DatapointIds.derive(timeMs, contentBytes);
        Message wireId = DynamicMessage.newBuilder(schema.id().getMessageType())
                .setField(schema.id().getMessageType().findFieldByName("uuid"), ByteString.copyFrom(id)).build();
        // Appending the two server-set fields to the content's bytes is the same message as setting them and
        // serializing again, at a fraction of the cost.
        byte[] data = withServerFields(contentBytes, schema, wireId, now);
        Envelope planar = null;
        Envelope spherical = null;
        Geometry geometry = geometry(schema, parsed, index);
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
            ByteArrayOutputStream out = new ByteArrayOutputStream(message.getSerializedSize());
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.useDeterministicSerialization();
            message.writeTo(coded);
            coded.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] withServerFields(byte[] content, DatasetSchema schema, Message id, Timestamp ingestionTime) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 64);
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.writeRawBytes(content);
            coded.writeMessage(schema.id().getNumber(), id);
            coded.writeMessage(schema.ingestionTime().getNumber(), ingestionTime);
            coded.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
