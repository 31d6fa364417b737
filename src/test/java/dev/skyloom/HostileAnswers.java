package dev.skyloom;

import dev.skyloom.wire.datasets.v1.ListDatasetsResponse;

/** Wire answers a hostile server sends, built from the real messages of {@link WireFixtures}. */
public final class HostileAnswers {

    private HostileAnswers() {
    }

    /** {@return a ListDatasets response body with one dataset whose display name and summary are {@code name}} */
    public static byte[] datasetsNamed(String name) {
        return ListDatasetsResponse.newBuilder()
                .addDatasets(WireFixtures.dataset().toBuilder().setName(name).setSummary(name))
                .build().toByteArray();
    }
}
