package dev.skyloom.local;

import dev.skyloom.wire.datasets.v1.ListDatasetsRequest;
import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;
import org.eclipse.jetty.io.Connection;
import org.junit.jupiter.api.Test;

import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class NoDelayTest {

    /**
     * With Nagle's algorithm on, the last part of any response longer than one TCP segment (a page of 1,000 datapoints
     * is) waits for the client's delayed acknowledgement, about 40 ms on Linux: that was most of a page's time on
     * loopback.
     */
    @Test
    void acceptedConnectionsHaveNaglesAlgorithmOff() throws Exception {
        try (LocalServer server = LocalServer.start(LocalServerConfig.defaults())) {
            CompletableFuture<Boolean> noDelay = new CompletableFuture<>();
            server.connector().addEventListener(new Connection.Listener() {
                @Override
                public void onOpened(Connection connection) {
                    try {
                        SocketChannel channel = (SocketChannel) connection.getEndPoint().getTransport();
                        noDelay.complete(channel.getOption(StandardSocketOptions.TCP_NODELAY));
                    } catch (Exception e) {
                        noDelay.completeExceptionally(e);
                    }
                }
            });
            new ConnectTestClient(server.url()).call("/datasets.v1.DatasetService/ListDatasets",
                    ListDatasetsRequest.getDefaultInstance(), ListDatasetsResponse.parser());

            assertThat(noDelay.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
