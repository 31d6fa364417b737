package dev.skyloom.cli;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The page codecs of the GeoParquet writer, on heap byte arrays: Zstandard through zstd-jni's one-shot
 * {@code Zstd.compress}, gzip through the JDK's {@code java.util.zip}.
 *
 * <p>parquet-java's own codec factory goes through Hadoop codec classes whose Snappy and Zstandard paths use direct
 * buffers and free them with {@code sun.misc.Unsafe}, which JDK 25 warns about on every run; the pure-Java codecs of
 * aircompressor (which parquet-java ships) read memory through {@code sun.misc.Unsafe} too and print the same
 * warning. zstd-jni loads its native library through JNI, which prints nothing where native access is enabled, as
 * the CLI's launcher and jar manifest do.
 */
final class ParquetCodecs implements CompressionCodecFactory {

    /** Zstandard's fastest standard level (Landsat-8 L2SP 2020: 2.86 MB; pyarrow's default zstd: 2.7 MB). */
    static final int ZSTD_LEVEL = 1;
    private static final int GZIP_LEVEL = Deflater.BEST_SPEED;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Compressor(codec, bytes -> bytes);
            case ZSTD -> new Compressor(codec, bytes -> Zstd.compress(bytes, ZSTD_LEVEL));
            case GZIP -> new Compressor(codec, ParquetCodecs::gzip);
            default -> throw new IllegalArgumentException("no " + codec + " compressor");
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return switch (codec) {
            case UNCOMPRESSED -> new Decompressor((bytes, size) -> bytes);
            case ZSTD -> new Decompressor((bytes, size) -> Zstd.decompress(bytes, size));
            case GZIP -> new Decompressor(ParquetCodecs::gunzip);
            default -> throw new IllegalArgumentException("no " + codec + " decompressor");
        };
    }

    @Override
    public void release() {
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (OutputStream out = new GZIPOutputStream(compressed, 8192) {
            {
                def.setLevel(GZIP_LEVEL);
            }
        }) {
            out.write(bytes);
        }
        return compressed.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes, int size) throws IOException {
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte[] result = in.readNBytes(size);
            if (result.length != size) {
                throw new IOException("a gzip page holds " + result.length + " bytes, " + size + " expected");
            }
            return result;
        }
    }

    /** One codec's compression of a whole byte array. */
    private interface ByteFunction {
        byte[] apply(byte[] bytes) throws IOException;
    }

    /** One codec's decompression of a whole byte array into {@code size} bytes. */
    private interface SizedByteFunction {
        byte[] apply(byte[] bytes, int size) throws IOException;
    }

    private record Compressor(CompressionCodecName codec, ByteFunction function) implements BytesInputCompressor {
        @Override
        public BytesInput compress(BytesInput bytes) throws IOException {
            return BytesInput.from(function.apply(bytes.toByteArray()));
        }

        @Override
        public CompressionCodecName getCodecName() {
            return codec;
        }

        @Override
        public void release() {
        }
    }

    private record Decompressor(SizedByteFunction function) implements BytesInputDecompressor {
        @Override
        public BytesInput decompress(BytesInput bytes, int decompressedSize) throws IOException {
            return BytesInput.from(function.apply(bytes.toByteArray(), decompressedSize));
        }

        @Override
        public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int decompressedSize)
                throws IOException {
            byte[] in = new byte[compressedSize];
            input.get(in);
            output.put(function.apply(in, decompressedSize));
        }

        @Override
        public void release() {
        }
    }
}
