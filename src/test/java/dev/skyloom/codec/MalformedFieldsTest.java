package dev.skyloom.codec;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static dev.skyloom.codec.FieldOutcomes.assertSameOutcome;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged datapoints: whatever the fast field reader makes of them, reading a datapoint's fields ends exactly as
 * protobuf's parse ends (the same values, or the same error), and where protobuf fails the reader fails too.
 */
class MalformedFieldsTest {

    private static final int MUTATIONS = 3_000;

    @Test
    void everyTruncationFailsOrReadsAsInProtobuf() {
        for (Case example : examples()) {
            int failures = 0;
            for (int length = 0; length < example.bytes().size(); length++) {
                failures += assertSameOutcome(example.type(), example.bytes().substring(0, length)) ? 0 : 1;
            }
            assertThat(failures).as(example.name()).isGreaterThan(example.bytes().size() / 4);
        }
    }

    @Test
    void randomDamageFailsOrReadsAsInProtobuf() {
        SplittableRandom random = new SplittableRandom(20_250_101L);
        for (Case example : examples()) {
            int failures = 0;
            for (int i = 0; i < MUTATIONS; i++) {
                failures += assertSameOutcome(example.type(), damaged(example.bytes(), random)) ? 0 : 1;
            }
            // both outcomes are exercised: some damage breaks the message, some only changes a value
            assertThat(failures).as(example.name()).isBetween(MUTATIONS / 20, MUTATIONS - MUTATIONS / 20);
        }
    }

    /** One to three random edits: a byte replaced, bytes inserted, or a range removed. */
    private static ByteString damaged(ByteString bytes, SplittableRandom random) {
        byte[] result = bytes.toByteArray();
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = random.nextInt(result.length);
            result = switch (random.nextInt(3)) {
                case 0 -> {
                    result[at] = (byte) random.nextInt(256);
                    yield result;
                }
                case 1 -> {
                    byte[] inserted = new byte[1 + random.nextInt(4)];
                    random.nextBytes(inserted);
                    yield ByteString.copyFrom(result, 0, at).concat(ByteString.copyFrom(inserted))
                            .concat(ByteString.copyFrom(result, at, result.length - at)).toByteArray();
                }
                default -> {
                    int end = Math.min(result.length, at + 1 + random.nextInt(8));
                    yield ByteString.copyFrom(result, 0, at)
                            .concat(ByteString.copyFrom(result, end, result.length - end)).toByteArray();
                }
            };
            if (result.length == 0) {
                break;
            }
        }
        return ByteString.copyFrom(result);
    }

    private static List<Case> examples() {
        DatapointType everything = new DatapointTypes().register(EveryShape.annotatedType());
        DatapointType sentinel2 = new DatapointTypes().register(Sentinel2Msi.annotatedType());
        return List.of(
                new Case("every shape", everything, MessageReaderTest.fullExample(everything)),
                new Case("Sentinel-2", sentinel2, Sentinel2Msi.example(sentinel2.descriptor())));
    }

    private record Case(String name, DatapointType type, ByteString bytes) {
    }
}
