package dev.skyloom.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Runs the benchmark suite with its tiny sizes: it must produce its JSON and Markdown reports. */
class BenchSuiteSmokeTest {

    @Test
    void quickRunWritesEveryChosenScenarioToJsonAndMarkdown(@TempDir Path out) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        BenchSettings settings = BenchSettings.parse("quick", "only=1,4", "reps=1", "out=" + out);

        SuiteReport report = BenchMain.run(settings, new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(report.failures()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
        JsonNode json = new ObjectMapper().readTree(out.resolve(ReportWriter.JSON).toFile());
        assertThat(json.get("quick").asBoolean()).isTrue();
        assertThat(json.get("machine").get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        List<Integer> numbers = new ArrayList<>();
        json.get("scenarios").forEach(s -> numbers.add(s.get("number").asInt()));
        assertThat(numbers).containsExactly(4, 1);
        JsonNode decode = json.get("scenarios").get(0);
        assertThat(decode.get("rows")).hasSize(3);
        assertThat(decode.get("rows").get(0).get("datapoints/s").asDouble()).isPositive();
        assertThat(decode.get("targets").get(0).get("relation").asText()).isEqualTo(">=");
        JsonNode fanOut = json.get("scenarios").get(1);
        assertThat(fanOut.get("rows")).hasSize(2);
        assertThat(fanOut.get("rows").get(1).get("K").asInt()).isEqualTo(4);
        assertThat(fanOut.get("targets")).hasSize(4);
        assertThat(fanOut.get("settings").get("server").asText()).contains("--latency 5ms");
        assertThat(Files.readString(out.resolve(ReportWriter.MARKDOWN)))
                .contains("### 4. Decode throughput (JMH)", "### 1. Fan-out efficiency", "| K |");
    }

    @Test
    void unknownArgumentsAreNamed() {
        assertThatThrownBy(() -> BenchSettings.parse("only=11"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 10, got [11]");
        assertThatThrownBy(() -> BenchSettings.parse("fast"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown argument 'fast'");
    }
}
