package dev.skyloom.cli;
public final class ScratchFixture {
    public static void main(String[] args) throws Exception {
        dev.skyloom.bench.ScratchFixtureAccess.write(args[0], Integer.parseInt(args[1]), java.nio.file.Path.of(args[2]));
    }
}
