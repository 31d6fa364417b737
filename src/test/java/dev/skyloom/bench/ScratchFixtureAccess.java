package dev.skyloom.bench;
public final class ScratchFixtureAccess {
    public static void write(String collection, int n, java.nio.file.Path p) throws Exception {
        DecodeFixture.landsat8(collection, n).write(p);
    }
}
