package dev.skyloom.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class WritebackFlusherTest {

    @Test
    void flushesAgainAndAgainWhileOpenAndNeverAfterItIsClosed() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        CountDownLatch three = new CountDownLatch(3);
        WritebackFlusher flusher = WritebackFlusher.every(Duration.ofMillis(5), () -> {
            flushes.incrementAndGet();
            three.countDown();
        });
        assertThat(three.await(30, TimeUnit.SECONDS)).isTrue();

        flusher.close();
        int atClose = flushes.get();
        Thread.sleep(50);

        assertThat(flushes.get()).isEqualTo(atClose);
    }

    @Test
    void aFailingFlushEndsTheFlushingQuietlyAndCloseStillReturns() throws Exception {
        AtomicInteger flushes = new AtomicInteger();
        CountDownLatch failed = new CountDownLatch(1);
        try (WritebackFlusher flusher = WritebackFlusher.every(Duration.ofMillis(5), () -> {
            flushes.incrementAndGet();
            failed.countDown();
            throw new IOException("disk gone");
        })) {
            assertThat(failed.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(50);
        }

        assertThat(flushes.get()).isEqualTo(1);
    }

    @Test
    void flushesAFileThatIsBeingWrittenAndLeavesItsContentAlone(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("data"), "first ");
        try (WritebackFlusher flusher = WritebackFlusher.of(file, Duration.ofMillis(5))) {
            Files.writeString(file, "first second", java.nio.file.StandardOpenOption.TRUNCATE_EXISTING);
            Thread.sleep(30);
        }
        assertThat(Files.readString(file)).isEqualTo("first second");
    }
}
