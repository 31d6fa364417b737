package dev.skyloom.connect;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentCodingTest {

    private static final HttpHeaders GZIP = HttpHeaders.of(Map.of("Content-Encoding", List.of("gzip")),
            (name, value) -> true);

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] page(int size) {
        byte[] page = new byte[size];
        for (int i = 0; i < size; i++) {
            page[i] = (byte) ("footprint ".charAt(i % 10) + i / 4096 % 7);
        }
        return page;
    }

    private static long allocatedBy(IORunnable work) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        work.run();
        return threads.getCurrentThreadAllocatedBytes() - before;
    }

    private interface IORunnable {
        void run() throws IOException;
    }

    @Test
    void inflatesAPageIntoOneArrayOfTheSizeItsTrailerAnnounces() throws IOException {
        byte[] plain = page(4 << 20);
        byte[] compressed = gzip(plain);
        ContentCoding.decode(GZIP, compressed, Long.MAX_VALUE); // classes loaded, code warm

        byte[][] body = new byte[1][];
        long allocated = allocatedBy(() -> body[0] = ContentCoding.decode(GZIP, compressed, Long.MAX_VALUE));

        assertThat(body[0]).isEqualTo(plain);
        // the body itself and the inflater's small buffers; read in chunks and joined, it took twice the body
        assertThat(allocated).isLessThan(plain.length + (256 << 10));
    }

    @Test
    void readsEveryMemberOfABodyOfSeveralGzipMembers() throws IOException {
        byte[] first = page(100_000);
        byte[] second = "and the rest".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(gzip(first));
        both.write(gzip(second));

        byte[] body = ContentCoding.decode(GZIP, both.toByteArray(), Long.MAX_VALUE);

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(first);
        expected.write(second);
        assertThat(body).isEqualTo(expected.toByteArray());
    }

    @Test
    void aTrailerThatMisstatesTheSizeIsACorruptBodyNotAShortOne() throws IOException {
        byte[] plain = page(100_000);
        for (int announced : new int[] {50_000, 150_000}) {
            byte[] compressed = gzip(plain);
            int at = compressed.length - 4;
            compressed[at] = (byte) announced;
            compressed[at + 1] = (byte) (announced >>> 8);
            compressed[at + 2] = (byte) (announced >>> 16);

            assertThatThrownBy(() -> ContentCoding.decode(GZIP, compressed, Long.MAX_VALUE))
                    .isInstanceOf(IOException.class).isNotInstanceOf(ResponseTooLarge.class);
        }
    }

    @Test
    void aBodyLargerThanTheLimitIsRefusedWhateverItsTrailerSays() throws IOException {
        byte[] bomb = gzip(new byte[10 << 20]);
        ByteArrayOutputStream twoMembers = new ByteArrayOutputStream();
        twoMembers.write(gzip(new byte[10 << 20]));
        twoMembers.write(gzip(new byte[10]));

        assertThatThrownBy(() -> ContentCoding.decode(GZIP, bomb, 1 << 20)).isInstanceOf(ResponseTooLarge.class);
        assertThatThrownBy(() -> ContentCoding.decode(GZIP, twoMembers.toByteArray(), (10 << 20) + 5))
                .isInstanceOf(ResponseTooLarge.class);
        assertThat(ContentCoding.decode(GZIP, twoMembers.toByteArray(), (10 << 20) + 10)).hasSize((10 << 20) + 10);
    }

    @Test
    void aTrailerAnnouncingMoreThanDeflateCanProduceCostsNoMemory() throws IOException {
        byte[] compressed = gzip(page(1000));
        Arrays.fill(compressed, compressed.length - 4, compressed.length, (byte) 0xFF); // "4 GiB"

        long allocated = allocatedBy(() -> {
            try {
                ContentCoding.decode(GZIP, compressed, Long.MAX_VALUE);
            } catch (IOException corrupt) {
                // expected: the trailer does not match
            }
        });

        assertThat(allocated).isLessThan(4L << 20);
    }
}
