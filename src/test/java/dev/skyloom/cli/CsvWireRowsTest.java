package dev.skyloom.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Timestamp;
import dev.skyloom.Datapoint;
import dev.skyloom.SkyloomException;
import dev.skyloom.codec.WireFields;
import dev.skyloom.cli.WireDatapoints.WkbBytes;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static dev.skyloom.cli.WireDatapoints.geometry;
import static dev.skyloom.cli.WireDatapoints.scalarName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The CSV writer's fast path (rows from wire bytes) writes exactly what the general path (rows from converted fields)
 * writes, on every field kind and on unusual values, and takes the datapoints it should (so that this comparison
 * tests it, not the general path twice).
 */
class CsvWireRowsTest {

    static final double[] SQUARE = {10, 45, 11, 45, 11, 46, 10, 46, 10, 45};

    /** Datapoints the fast path takes. */
    static List<ByteString> ordinary(WireDatapoints points) {
        List<ByteString> messages = new ArrayList<>();
        messages.add(points.message(0, m -> {
            scalars(points, m, 1.5, 2.5f, 7, 8L, 9, 10L, -11, -12L, 13, 14L, -15, -16L, true, "plain");
            points.set(m, "ingestion_time", Timestamp.newBuilder().setSeconds(1_600_000_100L).build());
            points.set(m, "geometry", geometry(ewkb(new WkbBytes(), 3).count(1).ring(SQUARE).bytes()));
            points.set(m, "ref", WireDatapoints.uuid(-1L, 0x00ff_00ff_00ff_00ffL));
            points.set(m, "direction", 1);
        }));
        messages.add(points.message(1, m -> {
            scalars(points, m, -0.0, -0f, -1, Long.MIN_VALUE, -1, -1L, Integer.MIN_VALUE, Long.MIN_VALUE, -1,
                    Long.MIN_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, false, "with, comma and \"quotes\"");
            points.set(m, "geometry", geometry(new WkbBytes().header(3).count(2).ring(SQUARE)
                    .ring(10.2, 45.2, 10.4, 45.2, 10.4, 45.4, 10.2, 45.2).bytes()));
        }));
        messages.add(points.message(2, m -> {
            scalars(points, m, Double.NaN, Float.NaN, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, "new\nline\r\nend");
            points.set(m, "geometry", geometry(new WkbBytes().header(6).count(2)
                    .header(3).count(1).ring(SQUARE).header(3).count(1).ring(-1, -1, -2, -1, -2, -2, -1, -1).bytes()));
            points.set(m, "ingestion_time", Timestamp.newBuilder().setSeconds(10).setNanos(-1).build());
        }));
        messages.add(points.message(3, m -> {
            scalars(points, m, Double.POSITIVE_INFINITY, 1e-10f, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, true,
                    "ünïcödé 日本 \uD83D\uDE00");
            points.set(m, "geometry", geometry(new WkbBytes().header(1).points(-0.0, 1e-7).bytes()));
            points.set(m, "ingestion_time", Timestamp.newBuilder().setSeconds(253_402_300_800L + 5).setNanos(1).build());
        }));
        messages.add(points.message(4, m -> {
            scalars(points, m, Double.NEGATIVE_INFINITY, 3.4e38f, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, false, "");
            points.set(m, "geometry", geometry(new WkbBytes().header(2).count(3)
                    .points(1e20, -1e-7, 123456789012345.6, 0.1 + 0.2, 1e15, -1e15).bytes()));
            points.set(m, "ingestion_time", Timestamp.newBuilder().setSeconds(-62_167_219_200L - 100).build());
        }));
        messages.add(points.message(5, m -> {
            scalars(points, m, 1e300, Float.MIN_VALUE, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, true, "a\"b");
            points.set(m, "geometry", geometry(new WkbBytes().header(4).count(2).header(1).points(1, 2)
                    .header(1).points(3, 4).bytes()));
            points.set(m, "ingestion_time", Timestamp.newBuilder().setSeconds(0).setNanos(123_456_000).build());
        }));
        messages.add(points.message(6, m -> {
            scalars(points, m, 4.9e-324, 1f, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, true, "x");
            points.set(m, "geometry", geometry(new WkbBytes().header(5).count(1).header(2).count(2)
                    .points(0, 0, 1, 1).bytes()));
        }));
        messages.add(points.message(7, m -> {
            scalars(points, m, 1e21, 1e21f, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, true, "comma,");
            points.set(m, "geometry", geometry(new WkbBytes().header(7).count(4).header(1).points(1, 2)
                    .header(2).count(0).header(3).count(1).ring(SQUARE)
                    .header(7).count(1).header(3).count(0).bytes()));
        }));
        for (byte[] empty : List.of(new WkbBytes().header(3).count(0).bytes(),
                new WkbBytes().header(6).count(0).bytes(),
                new WkbBytes().header(7).count(1).header(3).count(0).bytes(),
                new WkbBytes().header(6).count(2).header(3).count(0).header(3).count(1).ring(SQUARE).bytes(),
                new WkbBytes().header(4).count(1).header(1).points(7, 8).bytes())) {
            messages.add(points.message(8 + messages.size(), m -> points.set(m, "geometry", geometry(empty))));
        }
        // an unset UUID and geometry (empty messages); f_string (field 23) sent twice (the last wins) and an unknown
        // field (99)
        messages.add(points.message(20, m -> {
            points.set(m, "ref", dev.skyloom.wire.datasets.v1.UUID.getDefaultInstance());
            points.set(m, "geometry", geometry(new byte[0]));
        }));
        messages.add(points.message(21, m -> scalars(points, m, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, true, "first"))
                .concat(ByteString.copyFrom(new byte[]{(byte) 0xBA, 0x01, 6}))
                .concat(ByteString.copyFromUtf8("second"))
                .concat(ByteString.copyFrom(new byte[]{(byte) 0x98, 0x06, 0x2a})));
        messages.add(points.message(22, m -> { }));
        // sequences whose last point repeats the first, whose text the fast path copies: a closed line (with a -0.0
        // that only the last point's twin shares) and a line of two equal points
        messages.add(points.message(23, m -> points.set(m, "geometry", geometry(new WkbBytes().header(2).count(4)
                .points(-0.0, 1.5, 0.0, 1.5, 2.25, 3, -0.0, 1.5).bytes()))));
        messages.add(points.message(24, m -> points.set(m, "geometry", geometry(new WkbBytes().header(2).count(2)
                .points(7.25, 8.5, 7.25, 8.5).bytes()))));
        return messages;
    }

    /** Datapoints the fast path leaves to the general one. */
    static List<ByteString> unusual(WireDatapoints points) {
        List<ByteString> messages = new ArrayList<>();
        messages.add(points.message(30, m -> points.set(m, "direction", 77)));
        messages.add(points.message(31, m -> points.set(m, "geometry",
                geometry(new WkbBytes().header(1).points(Double.NaN, Double.NaN).bytes()))));
        messages.add(points.message(32, m -> points.set(m, "geometry",
                geometry(new WkbBytes().bigEndian().header(3).count(1).ring(SQUARE).bytes()))));
        messages.add(points.message(33, m -> points.set(m, "geometry",
                geometry(new WkbBytes().header(3).count(1).ring(10, 45, 11, 45, 11, 46, 10, 46).bytes()))));
        messages.add(points.message(34, m -> points.set(m, "ingestion_time",
                Timestamp.newBuilder().setSeconds(5).build())).concat(points.message(34, m -> points.set(m,
                "ingestion_time", Timestamp.newBuilder().setNanos(7).build()))));
        return messages;
    }

    private static WkbBytes ewkb(WkbBytes wkb, int code) {
        return wkb.header(0x2000_0000 | code).count(4326);
    }

    private static void scalars(WireDatapoints points, DynamicMessage.Builder m, double d, float f, int i32,
                                long i64, int u32, long u64, int s32, long s64, int fx32, long fx64, int sf32,
                                long sf64, boolean flag, String text) {
        Object[] values = {d, f, i32, i64, u32, u64, s32, s64, fx32, fx64, sf32, sf64, flag, text};
        for (int i = 0; i < values.length; i++) {
            points.set(m, scalarName(WireDatapoints.SCALARS[i]), values[i]);
        }
    }

    @Test
    void fastRowsAreTheGeneralRowsOnEveryKindOfValue() throws IOException {
        for (boolean implicit : List.of(false, true)) {
            WireDatapoints points = new WireDatapoints(implicit);
            List<ByteString> messages = new ArrayList<>(ordinary(points));
            messages.addAll(unusual(points));
            List<String> names = points.type().descriptor().getFields().stream().map(f -> f.getName()).toList();
            for (List<String> chosen : List.of(List.<String>of(), List.of("geometry", scalarName(
                    WireDatapoints.SCALARS[13]), "time", "ref", "ingestion_time"), names.reversed())) {
                for (String collection : new String[]{null, "L1,TP"}) {
                    // the first batch (the last datapoint: no optional field set) fixes the columns
                    List<List<ByteString>> batches = List.of(messages.subList(messages.size() - 6,
                            messages.size() - 5), messages);
                    assertSame(points, batches, collection, chosen);
                }
            }
        }
    }

    @Test
    void theFastPathTakesOrdinaryDatapointsAndLeavesUnusualOnes() {
        WireDatapoints points = new WireDatapoints(false);
        List<Datapoint> first = points.converted(ordinary(points).subList(0, 1));
        RowColumns columns = RowColumns.of(null, first, List.of(), message -> { }, "the CSV header");
        for (Datapoint datapoint : points.decoded(ordinary(points))) {
            WireFields wire = WireFields.of(datapoint);
            CsvWireRows rows = CsvWireRows.of(wire, columns);
            assertThat(rows.append(new CharRow(), null, wire)).as(datapoint.toString()).isTrue();
        }
        for (Datapoint datapoint : points.decoded(unusual(points))) {
            WireFields wire = WireFields.of(datapoint);
            assertThat(CsvWireRows.of(wire, columns).append(new CharRow(), null, wire)).as(datapoint.toString())
                    .isFalse();
        }
    }

    @Test
    void textThatIsNotUtf8FailsAsOnTheGeneralPath() {
        WireDatapoints points = new WireDatapoints(false);
        ByteString bad = points.message(40, m -> { }).concat(ByteString.copyFrom(new byte[]{
                (byte) 0xBA, 0x01, 2, (byte) 0xC3, (byte) 0x28})); // f_string (23): invalid UTF-8
        List<ByteString> messages = List.of(points.message(41, m -> { }), bad);
        Datapoint converted = points.decoded(List.of(bad)).getFirst();
        String general = catchThrowableOfType(SkyloomException.class,
                converted::fields).getMessage();
        assertThat(general).contains("invalid UTF-8");
        List<Datapoint> decoded = points.decoded(messages);
        assertThat(WireFields.of(decoded.get(1))).isNotNull();
        assertThat(failure(decoded.subList(1, 2))).isEqualTo(general);
    }

    private static String failure(List<Datapoint> batch) {
        CsvWriter writer = new CsvWriter(new StringWriter(), message -> { }, List.of("time", "f_string"));
        try {
            writer.write(batch);
        } catch (SkyloomException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no failure");
    }

    private static void assertSame(WireDatapoints points, List<List<ByteString>> batches, String collection,
                                   List<String> chosen) throws IOException {
        List<String> fastWarnings = new ArrayList<>();
        List<String> generalWarnings = new ArrayList<>();
        String fast = write(batches.stream().map(points::decoded).toList(), collection, chosen, fastWarnings::add);
        String general = write(batches.stream().map(points::converted).toList(), collection, chosen,
                generalWarnings::add);
        assertThat(fast).as("chosen %s, collection %s", chosen, collection).isEqualTo(general);
        assertThat(fastWarnings).isEqualTo(generalWarnings);
        assertThat(fast.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1000);
    }

    private static String write(List<List<Datapoint>> batches, String collection, List<String> chosen,
                                Consumer<String> warnings) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter writer = new CsvWriter(out, warnings, chosen);
        for (List<Datapoint> batch : batches) {
            writer.write(collection, batch);
        }
        writer.finish();
        return out.toString();
    }
}
