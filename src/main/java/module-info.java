/**
 * Skyloom: a blocking, structured-concurrency client for Tilebox Datasets.
 *
 * <p>Only the API packages are exported; the transport, the wire messages, the local server and the CLI are internal.
 */
module dev.skyloom {
    requires transitive org.locationtech.jts;
    requires java.net.http;
    requires com.google.protobuf;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires jdk.httpserver;
    requires java.sql;
    requires org.xerial.sqlitejdbc;
    requires info.picocli;
    requires info.picocli.codegen;
    requires org.jline.terminal;

    exports dev.skyloom;
    exports dev.skyloom.concurrent;

    opens dev.skyloom.cli to info.picocli;
}
