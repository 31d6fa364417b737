/**
 * Skyloom: a blocking, structured-concurrency client for Tilebox Datasets.
 *
 * <p>Exported: the client API ({@code dev.skyloom}), the concurrent loader ({@code dev.skyloom.concurrent}) and the
 * local server's start-up API ({@code dev.skyloom.local}: {@code LocalServer}, {@code LocalServerConfig}), which
 * users run in their own tests. The transport, the wire messages, the server's parts and the CLI are internal.
 *
 * <p>A library user needs only the modules this one requires without {@code static}: protobuf-java, Jackson and JTS
 * (and the JDK's own). The {@code static} ones are the CLI's and the local server's, all in the CLI's shaded jar.
 * Starting a {@code LocalServer} also needs, at run time, the SQLite JDBC driver (on the module path it is bound as a
 * {@code java.sql.Driver} service, so adding its jar is enough), Commons Codec (the datapoint ids' hash) and Jetty's
 * server with its HTTP/2 part (on the module path, add
 * {@code --add-modules org.eclipse.jetty.http2.server,org.apache.commons.codec}: nothing else resolves them).
 */
module dev.skyloom {
    requires transitive org.locationtech.jts;
    requires transitive java.net.http;
    requires com.google.protobuf;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    // The local server: JDBC (the SQLite driver is a service found at run time; the store also sets its progress
    // handler, to stop cancelled queries) and Jetty's HTTP/1.1 and HTTP/2 server (optional dependencies).
    requires java.sql;
    requires static org.xerial.sqlitejdbc;
    requires static org.apache.commons.codec;
    requires static org.eclipse.jetty.server;
    requires static org.eclipse.jetty.http2.server;
    // The CLI only (optional dependencies). Its Parquet writer reads the Parquet jars from the class path.
    requires static info.picocli;
    requires static info.picocli.codegen;
    requires static org.jline.terminal;

    exports dev.skyloom;
    exports dev.skyloom.concurrent;
    exports dev.skyloom.local;

    opens dev.skyloom.cli to info.picocli;
}
