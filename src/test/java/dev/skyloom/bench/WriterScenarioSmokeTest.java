package dev.skyloom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the writer scenario with its smoke sizes: every writer must produce a file and a rate. */
class WriterScenarioSmokeTest {

    @Test
    void quickRunReportsEveryWriter(@TempDir Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchSettings settings = BenchSettings.parse("quick", "only=10", "reps=1", "out=" + out);

        SuiteReport report = BenchMain.run(settings, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(report.failures()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
        JsonNode rows = new ObjectMapper().readTree(out.resolve(ReportWriter.JSON).toFile())
                .get("scenarios").get(0).get("rows");
        assertThat(rows).hasSize(7);
        assertThat(rows.get(0).get("rows/s CPU").asDouble()).isPositive();
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get("rows/s CPU").asDouble()).isPositive();
            assertThat(rows.get(i).get("file MB").asDouble()).isPositive();
        }
        assertThat(rows.get(5).get("file MB").asDouble()).isLessThan(rows.get(4).get("file MB").asDouble());
    }
}
