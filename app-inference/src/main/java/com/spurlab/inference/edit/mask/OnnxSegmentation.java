package com.spurlab.inference.edit.mask;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An operator's foreground segmentation model in ONNX format, run through DJL's ONNX Runtime
 * engine ({@code spurlab.edit.segmentation-model}). The contract a model must meet:
 * <ul>
 *   <li>one input, float32 {@code [1, 3, H, W]}: the RGB image, channels in R, G, B order, values in
 *       0..1 (no mean/std normalisation; put that inside the graph). With dynamic H and W the image
 *       is given at its own size; with fixed ones it is resized (bilinear) to them;</li>
 *   <li>its first output, float32 {@code [1, 1, H', W']} (or {@code [1, H', W']}): the foreground
 *       probability per pixel in 0..1 (end the graph with a Sigmoid or Softmax). A pixel is foreground
 *       where the probability, resized bilinearly to the image, is at least 0.5.</li>
 * </ul>
 * The contract is checked when the model is opened, on a probe image, so a wrong model is refused
 * before any edit is made. Holds native memory: close it.
 */
public final class OnnxSegmentation implements AutoCloseable {

    private static final String ENGINE = "OnnxRuntime";
    private static final int PROBE_SIZE = 48;

    private final Path file;
    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final int fixedHeight;
    private final int fixedWidth;

    private OnnxSegmentation(Path file, ZooModel<NDList, NDList> model, int fixedHeight, int fixedWidth) {
        this.file = file;
        this.model = model;
        this.predictor = model.newPredictor();
        this.fixedHeight = fixedHeight;
        this.fixedWidth = fixedWidth;
    }

    /**
     * Loads the model and checks its contract on a probe image.
     *
     * @throws IllegalArgumentException when the file is missing, is not an ONNX model, or breaks the contract
     */
    public static OnnxSegmentation open(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("the segmentation model " + file + " does not exist: set "
                    + "spurlab.edit.segmentation-model to an ONNX file, or leave it empty");
        }
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(file.toAbsolutePath()).optEngine(ENGINE).build();
        ZooModel<NDList, NDList> model;
        try {
            model = criteria.loadModel();
        } catch (IOException | ModelNotFoundException | MalformedModelException | RuntimeException e) {
            throw new IllegalArgumentException("cannot load " + file + " as an ONNX model with ONNX Runtime: "
                    + e.getMessage(), e);
        }
        try {
            long[] input = declaredInput(file);
            if (input.length != 4 || (input[1] > 0 && input[1] != 3)) {
                throw new IllegalArgumentException("the segmentation model " + file + " must take one [1, 3, H, W] RGB"
                        + " image; its input is " + Arrays.toString(input));
            }
            int h = input[2] > 0 ? (int) input[2] : -1;
            int w = input[3] > 0 ? (int) input[3] : -1;
            OnnxSegmentation segmentation = new OnnxSegmentation(file, model, h, w);
            segmentation.predict(probe());
            return segmentation;
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * The foreground of {@code image}, at the image's size.
     *
     * @throws IllegalArgumentException when the model's output breaks the contract
     */
    public synchronized RegionMask predict(BufferedImage image) {
        int h = fixedHeight > 0 ? fixedHeight : image.getHeight();
        int w = fixedWidth > 0 ? fixedWidth : image.getWidth();
        BufferedImage input = ImageFiles.resized(image, w, h);
        float[] x = new float[3 * h * w];
        int[] argb = input.getRGB(0, 0, w, h, null, 0, w);
        int plane = h * w;
        for (int p = 0; p < plane; p++) {
            x[p] = ((argb[p] >> 16) & 0xFF) / 255f;
            x[plane + p] = ((argb[p] >> 8) & 0xFF) / 255f;
            x[2 * plane + p] = (argb[p] & 0xFF) / 255f;
        }
        try (NDManager scope = model.getNDManager().newSubManager()) {
            NDList out = predictor.predict(new NDList(scope.create(x, new Shape(1, 3, h, w))));
            NDArray probability = out.get(0);
            Shape shape = probability.getShape();
            boolean fits = (shape.dimension() == 4 && shape.get(0) == 1 && shape.get(1) == 1)
                    || (shape.dimension() == 3 && shape.get(0) == 1);
            if (!fits) {
                throw new IllegalArgumentException("the segmentation model " + file + " must return a [1, 1, H, W]"
                        + " foreground probability; it returned " + shape);
            }
            int outH = (int) shape.get(shape.dimension() - 2);
            int outW = (int) shape.get(shape.dimension() - 1);
            float[] p = probability.toFloatArray();
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float v : p) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            if (!(min >= -1e-4f && max <= 1 + 1e-4f)) {
                throw new IllegalArgumentException("the segmentation model " + file + " must return probabilities in"
                        + " 0..1 (end the graph with a Sigmoid); it returned values from " + min + " to " + max);
            }
            out.close();
            return ImageFiles.threshold(p, 0, outW, outH, image.getWidth(), image.getHeight());
        } catch (TranslateException e) {
            throw new IllegalArgumentException("the segmentation model " + file + " failed on a " + w + "x" + h
                    + " image: " + e.getMessage(), e);
        }
    }

    /** The input's declared shape, -1 for a dynamic dimension (DJL does not expose it; ONNX Runtime's API does). */
    private static long[] declaredInput(Path file) {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtSession session = OrtEnvironment.getEnvironment().createSession(file.toString(), options)) {
            if (session.getNumInputs() != 1) {
                throw new IllegalArgumentException("the segmentation model " + file + " must take one input, an RGB"
                        + " image; it takes " + session.getInputNames());
            }
            NodeInfo input = session.getInputInfo().values().iterator().next();
            if (!(input.getInfo() instanceof TensorInfo tensor)) {
                throw new IllegalArgumentException("the segmentation model " + file + " must take a float tensor; its"
                        + " input is " + input.getInfo());
            }
            return tensor.getShape();
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot read the input of " + file + ": " + e.getMessage(), e);
        }
    }

    private static BufferedImage probe() {
        BufferedImage image = new BufferedImage(PROBE_SIZE, PROBE_SIZE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < PROBE_SIZE; y++) {
            for (int x = 0; x < PROBE_SIZE; x++) {
                image.setRGB(x, y, (x * 5) << 16 | (y * 5) << 8 | 128);
            }
        }
        return image;
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
