package com.spurlab.inference.edit.mask;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test fixture: tiny ONNX segmentation graphs written byte by byte in protobuf's wire format (no
 * Python, no onnx package needed). The graph calls a pixel foreground when it has little colour:
 * {@code p = sigmoid(k * (t - (max_c x - min_c x)))}, so a grey object on a coloured background is
 * segmented. Variants break the contract on purpose.
 */
final class TinyOnnx {

    private static final int FLOAT = 1;

    /** What the graph returns. */
    enum Output { PROBABILITY, LOGIT, RGB }

    private TinyOnnx() {
    }

    /** Writes the graph to {@code file}; {@code fixedSize} > 0 fixes H and W of the input, else they are dynamic. */
    static Path write(Path file, Output output, int fixedSize) throws IOException {
        Proto graph = new Proto()
                .message(1, node("ReduceMax", "x", "mx", true))
                .message(1, node("ReduceMin", "x", "mn", true))
                .message(1, new Proto().string(1, "mx").string(1, "mn").string(2, "sat").string(4, "Sub"))
                .message(1, new Proto().string(1, "threshold").string(1, "sat").string(2, "margin").string(4, "Sub"))
                .message(1, new Proto().string(1, "margin").string(1, "steepness").string(2, "logit").string(4, "Mul"))
                .message(1, new Proto().string(1, "logit").string(2, "probability").string(4, "Sigmoid"))
                .string(2, "greyness")
                .message(5, scalar("threshold", 0.15f))
                .message(5, scalar("steepness", 40f))
                .message(11, valueInfo("x", 3, fixedSize))
                .message(12, valueInfo(switch (output) {
                    case PROBABILITY -> "probability";
                    case LOGIT -> "logit";
                    case RGB -> "x";
                }, output == Output.RGB ? 3 : 1, fixedSize));
        Proto model = new Proto()
                .varint(1, 7)
                .string(2, "spurlab-test")
                .message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, 13));
        Files.write(file, model.bytes());
        return file;
    }

    private static Proto node(String op, String in, String out, boolean channelAxis) {
        Proto attrAxes = new Proto().string(1, "axes").varint(8, 1).varint(20, 7);
        Proto attrKeep = new Proto().string(1, "keepdims").varint(3, 1).varint(20, 2);
        Proto node = new Proto().string(1, in).string(2, out).string(4, op);
        return channelAxis ? node.message(5, attrAxes).message(5, attrKeep) : node;
    }

    private static Proto scalar(String name, float value) {
        byte[] raw = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(value).array();
        return new Proto().varint(2, FLOAT).bytes(9, raw).string(8, name);
    }

    private static Proto valueInfo(String name, int channels, int fixedSize) {
        Proto shape = new Proto()
                .message(1, new Proto().varint(1, 1))
                .message(1, new Proto().varint(1, channels))
                .message(1, fixedSize > 0 ? new Proto().varint(1, fixedSize) : new Proto().string(2, "H"))
                .message(1, fixedSize > 0 ? new Proto().varint(1, fixedSize) : new Proto().string(2, "W"));
        Proto tensor = new Proto().varint(1, FLOAT).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensor));
    }

    /** A protobuf message being written: fields in the order given. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            key(field, 0);
            raw(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto message) {
            return bytes(field, message.bytes());
        }

        Proto bytes(int field, byte[] value) {
            key(field, 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void key(int field, int wireType) {
            raw(((long) field << 3) | wireType);
        }

        private void raw(long value) {
            long v = value;
            while ((v & ~0x7FL) != 0) {
                out.write((int) ((v & 0x7F) | 0x80));
                v >>>= 7;
            }
            out.write((int) v);
        }
    }
}
