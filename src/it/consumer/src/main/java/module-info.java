/** A library user's application: it requires Skyloom and nothing else. */
module dev.example.consumer {
    requires dev.skyloom;

    // Skyloom reads the records given to ingest through Jackson, which must see into this package.
    opens dev.example.consumer to com.fasterxml.jackson.databind;
}
