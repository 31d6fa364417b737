package dev.skyloom;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.IngestResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Ingests items into one collection: encodes them all first (so bad input fails before anything is written), then
 * sends them in order, in batches of at most {@value #BATCH_SIZE}.
 *
 * <p><b>Retries.</b> A batch whose attempt fails transiently is sent again. Ids are derived from the datapoints'
 * content, so a retry never stores duplicates; but if the lost attempt had been applied, the retry's response counts
 * that attempt's datapoints as existing. To report what a call without the failure would have reported, a retried
 * batch whose response counts existing datapoints is reconciled: one metadata-only query reads the ingestion times of
 * its ids, and those ingested no earlier than the first attempt was sent (less {@link #CLOCK_TOLERANCE} for clock
 * skew between client and server) are counted as created by this call. A datapoint ingested by someone else within
 * that tolerance before the first attempt would be miscounted; nothing is stored twice either way.
 * With {@code allowExisting = false} a retry after a lost, applied attempt is refused by the server; that case cannot
 * be told apart from genuinely pre-existing datapoints, so it ends in an error saying so.
 */
final class Ingestion {

    static final int BATCH_SIZE = 8192;
    static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(1);

    private Ingestion() {
    }

    static IngestResult run(ClientContext context, DatasetInfo dataset, UUID collectionId, String where,
                            List<?> items, boolean allowExisting, ProgressListener listener) {
        if (items.isEmpty()) {
            return new IngestResult(List.of(), 0, 0);
        }
        IngestEncoder encoder = new IngestEncoder(type(context, dataset));
        List<ByteString> values = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            values.add(encoder.encode(items.get(i), i));
        }
        List<UUID> ids = new ArrayList<>(items.size());
        long created = 0;
        long existing = 0;
        long bytes = 0;
        int batches = (values.size() + BATCH_SIZE - 1) / BATCH_SIZE;
        for (int b = 0; b < batches; b++) {
            int from = b * BATCH_SIZE;
            int to = Math.min(values.size(), from + BATCH_SIZE);
            IngestRequest request = IngestRequest.newBuilder().setCollectionId(Ids.toWire(collectionId))
                    .addAllValues(values.subList(from, to)).setAllowExisting(allowExisting).build();
            String done = "ingesting into " + where + ": batch " + (b + 1) + " of " + batches + " (items " + from
                    + ".." + (to - 1) + ") failed after " + created + " datapoints were created and " + existing
                    + " found existing by the batches before; ";
            WriteCalls.Outcome<IngestResponse> outcome;
            try {
                outcome = WriteCalls.send(context, ClientContext.INGESTION, "Ingest", request,
                        IngestResponse.parser());
            } catch (SkyloomException e) {
                throw e.withMessage(done + e.getMessage());
            }
            if (outcome.failure().isPresent()) {
                SkyloomException failure = outcome.failure().get();
                throw failure.withMessage(done + "an earlier attempt of this batch got no answer and may have"
                        + " stored it (ingest again with allowExisting = true to reconcile): " + failure.getMessage());
            }
            IngestResponse response = outcome.response().orElseThrow();
            List<UUID> batchIds = response.getDatapointIdsList().stream()
                    .map(id -> Ids.required(id, "datapoint")).toList();
            long batchCreated = response.getNumCreated();
            long batchExisting = response.getNumExisting();
            if (outcome.retried() && batchExisting > 0) {
                long ours = createdByLostAttempt(context, dataset.id(), collectionId, batchIds, outcome.firstSent());
                ours = Math.min(ours, batchExisting);
                batchCreated += ours;
                batchExisting -= ours;
            }
            ids.addAll(batchIds);
            created += batchCreated;
            existing += batchExisting;
            bytes += request.getSerializedSize();
            listener.onProgress(new QueryProgress(b + 1, to, bytes, (double) to / values.size()));
        }
        return new IngestResult(ids, created, existing);
    }

    private static long createdByLostAttempt(ClientContext context, UUID datasetId, UUID collectionId,
                                             List<UUID> batchIds, Instant firstSent) {
        Set<UUID> distinct = new LinkedHashSet<>(batchIds);
        Map<UUID, Instant> stored = StoredIds.find(context, datasetId, collectionId, distinct);
        Instant threshold = firstSent.minus(CLOCK_TOLERANCE);
        return distinct.stream().filter(id -> stored.containsKey(id) && !stored.get(id).isBefore(threshold)).count();
    }

    private static Descriptor type(ClientContext context, DatasetInfo dataset) {
        var wire = context.transport().unary(ClientContext.DATASETS, "GetDataset",
                GetDatasetRequest.newBuilder().setId(Ids.toWire(dataset.id())).build(),
                dev.skyloom.wire.datasets.v1.Dataset.parser()).message();
        return context.types().register(wire.getType()).descriptor();
    }
}
