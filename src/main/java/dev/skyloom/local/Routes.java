package dev.skyloom.local;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import dev.skyloom.local.error.RpcException;
import dev.skyloom.wire.datasets.v1.CreateCollectionRequest;
import dev.skyloom.wire.datasets.v1.CreateDatasetRequest;
import dev.skyloom.wire.datasets.v1.DeleteCollectionRequest;
import dev.skyloom.wire.datasets.v1.DeleteRequest;
import dev.skyloom.wire.datasets.v1.GetCollectionByNameRequest;
import dev.skyloom.wire.datasets.v1.GetDatasetRequest;
import dev.skyloom.wire.datasets.v1.IngestRequest;
import dev.skyloom.wire.datasets.v1.ListCollectionsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.QueryByIDRequest;
import dev.skyloom.wire.datasets.v1.QueryRequest;
import dev.skyloom.wire.datasets.v1.UpdateDatasetRequest;

import java.util.Map;
import java.util.function.Function;

/** The RPCs the local server answers, by Connect path ({@code /<package>.<Service>/<Method>}). */
final class Routes {

    /** One RPC: how to decode its request and what answers it. */
    record Route<Q extends Message>(Parser<Q> parser, Function<Q, ? extends Message> handler) {

        /**
         * Decodes and handles a request body.
         *
         * @throws RpcException invalid_argument if the body is not a valid request message
         */
        Message handle(byte[] body) {
            Q request;
            try {
                request = parser.parseFrom(body);
            } catch (InvalidProtocolBufferException e) {
                throw RpcException.invalidArgument("cannot decode the request body: " + e.getMessage());
            }
            return handler.apply(request);
        }
    }

    private final Map<String, Route<?>> routes;

    Routes(DatasetRpcs datasets, CollectionRpcs collections, DataAccessRpcs access, IngestionRpcs ingestion) {
        routes = Map.ofEntries(
                Map.entry("/datasets.v1.DatasetService/ListDatasets",
                        new Route<>(ListDatasetsRequest.parser(), datasets::list)),
                Map.entry("/datasets.v1.DatasetService/GetDataset",
                        new Route<>(GetDatasetRequest.parser(), datasets::get)),
                Map.entry("/datasets.v1.DatasetService/CreateDataset",
                        new Route<>(CreateDatasetRequest.parser(), datasets::create)),
                Map.entry("/datasets.v1.DatasetService/UpdateDataset",
                        new Route<>(UpdateDatasetRequest.parser(), datasets::update)),
                Map.entry("/datasets.v1.CollectionService/CreateCollection",
                        new Route<>(CreateCollectionRequest.parser(), collections::create)),
                Map.entry("/datasets.v1.CollectionService/GetCollectionByName",
                        new Route<>(GetCollectionByNameRequest.parser(), collections::getByName)),
                Map.entry("/datasets.v1.CollectionService/DeleteCollection",
                        new Route<>(DeleteCollectionRequest.parser(), collections::delete)),
                Map.entry("/datasets.v1.CollectionService/ListCollections",
                        new Route<>(ListCollectionsRequest.parser(), collections::list)),
                Map.entry("/datasets.v1.DataAccessService/Query",
                        new Route<>(QueryRequest.parser(), access::query)),
                Map.entry("/datasets.v1.DataAccessService/QueryByID",
                        new Route<>(QueryByIDRequest.parser(), access::queryById)),
                Map.entry("/datasets.v1.DataIngestionService/Ingest",
                        new Route<>(IngestRequest.parser(), ingestion::ingest)),
                Map.entry("/datasets.v1.DataIngestionService/Delete",
                        new Route<>(DeleteRequest.parser(), ingestion::delete)));
    }

    /** The route of a path, or null if the server has no such RPC. */
    Route<?> find(String path) {
        return routes.get(path);
    }
}
