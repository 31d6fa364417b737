package dev.skyloom;

import dev.skyloom.codec.DatapointTypes;
import dev.skyloom.connect.ConnectTransport;

/**
 * What every handle of one client shares: the transport and the cache of datapoint types.
 *
 * @param transport the Connect transport
 * @param types     the dataset types seen so far
 */
record ClientContext(ConnectTransport transport, DatapointTypes types) {

    static final String DATASETS = "datasets.v1.DatasetService";
    static final String COLLECTIONS = "datasets.v1.CollectionService";
    static final String DATA_ACCESS = "datasets.v1.DataAccessService";
    static final String INGESTION = "datasets.v1.DataIngestionService";

    @Override
    public String toString() {
        return "ClientContext";
    }
}
