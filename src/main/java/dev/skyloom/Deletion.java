package dev.skyloom;

import dev.skyloom.wire.datasets.v1.DeleteRequest;
import dev.skyloom.wire.datasets.v1.DeleteResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Deletes datapoints of one collection by id, in order, in batches of at most {@value #BATCH_SIZE}.
 *
 * <p><b>Retries.</b> The service deletes a batch all or nothing and answers {@code not_found} if any id of it is
 * missing. So when a batch is retried after an attempt got no answer and the retry is told {@code not_found}, the
 * lost attempt may have deleted the batch. One metadata-only query then checks which of the batch's ids the collection
 * still holds: none means the lost attempt deleted them all, and they are counted as deleted; some means nothing of
 * the batch was deleted and some ids never existed, which is reported as {@link SkyloomException.NotFound} naming
 * them. (A batch of which no id existed, whose first answer was lost, is thus counted as deleted: indistinguishable.)
 */
final class Deletion {

    static final int BATCH_SIZE = 8192;

    private Deletion() {
    }

    static long run(ClientContext context, DatasetInfo dataset, UUID collectionId, String where, List<UUID> ids,
                    ProgressListener listener) {
        long deleted = 0;
        long bytes = 0;
        int batches = (ids.size() + BATCH_SIZE - 1) / BATCH_SIZE;
        for (int b = 0; b < batches; b++) {
            int from = b * BATCH_SIZE;
            int to = Math.min(ids.size(), from + BATCH_SIZE);
            List<UUID> batch = ids.subList(from, to);
            DeleteRequest.Builder request = DeleteRequest.newBuilder().setCollectionId(Ids.toWire(collectionId));
            batch.forEach(id -> request.addDatapointIds(Ids.toWire(id)));
            String done = "deleting from " + where + ": batch " + (b + 1) + " of " + batches + " (ids " + from + ".."
                    + (to - 1) + ") failed after " + deleted + " datapoints were deleted by the batches before; ";
            WriteCalls.Outcome<DeleteResponse> outcome;
            try {
                outcome = WriteCalls.send(context, ClientContext.INGESTION, "Delete", request.build(),
                        DeleteResponse.parser());
            } catch (SkyloomException e) {
                throw e.withMessage(done + e.getMessage());
            }
            if (outcome.response().isPresent()) {
                deleted += outcome.response().get().getNumDeleted();
            } else if (outcome.failure().get() instanceof SkyloomException.NotFound notFound) {
                deleted += deletedByLostAttempt(context, dataset.id(), collectionId, batch, notFound, done);
            } else {
                SkyloomException failure = outcome.failure().get();
                throw failure.withMessage(done + failure.getMessage());
            }
            bytes += request.build().getSerializedSize();
            listener.onProgress(new QueryProgress(b + 1, to, bytes, (double) to / ids.size()));
        }
        return deleted;
    }

    private static long deletedByLostAttempt(ClientContext context, UUID datasetId, UUID collectionId,
                                             List<UUID> batch, SkyloomException.NotFound notFound, String done) {
        Set<UUID> distinct = new LinkedHashSet<>(batch);
        Map<UUID, Instant> remaining = StoredIds.find(context, datasetId, collectionId, distinct);
        if (remaining.isEmpty()) {
            return distinct.size();
        }
        List<UUID> missing = new ArrayList<>(distinct);
        missing.removeAll(remaining.keySet());
        throw notFound.withMessage(done + "nothing of this batch was deleted because " + missing.size()
                + " of its ids are not in the collection (e.g. "
                + String.join(", ", missing.stream().limit(5).map(UUID::toString).toList()) + "): "
                + notFound.getMessage());
    }
}
