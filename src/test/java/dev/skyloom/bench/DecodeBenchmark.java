package dev.skyloom.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.skyloom.Datapoint;
import dev.skyloom.codec.DatapointType;
import dev.skyloom.codec.DatapointTypes;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * JMH: one operation turns a whole page (the fixture's datapoints) into objects, three ways. Run by
 * {@link DecodeScenario}, which divides by the page size to get datapoints per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

    /** Path of the {@link DecodeFixture} file to decode. */
    @Param("")
    public String fixture;

    private DatapointType type;
    private Descriptor descriptor;
    private List<ByteString> values;

    /** Reads the fixture and resolves its type, as a client does once per dataset. */
    @Setup
    public void load() throws IOException {
        DecodeFixture page = DecodeFixture.read(Path.of(fixture));
        type = new DatapointTypes().register(page.type());
        descriptor = type.descriptor();
        values = page.values();
    }

    /** What the client does with every page: {@code DatapointType.decodeAll}. */
    @Benchmark
    public List<Datapoint> skyloomDecodeAll() {
        return type.decodeAll(values);
    }

    /** The practical limit: protobuf-java's DynamicMessage parse of the same bytes, nothing else. */
    @Benchmark
    public void rawDynamicMessageParse(Blackhole sink) throws InvalidProtocolBufferException {
        for (ByteString value : values) {
            sink.consume(DynamicMessage.parseFrom(descriptor, value));
        }
    }

    /** decodeAll and then every field of every datapoint converted, as a caller reading all fields pays. */
    @Benchmark
    public void skyloomDecodeAllFields(Blackhole sink) {
        for (Datapoint datapoint : type.decodeAll(values)) {
            sink.consume(datapoint.fields());
        }
    }
}
