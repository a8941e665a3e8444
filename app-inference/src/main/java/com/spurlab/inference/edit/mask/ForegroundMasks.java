package com.spurlab.inference.edit.mask;

import com.spurlab.inference.train.TrainingProgress;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The chain that gives each image its foreground mask, first link first: the manifest's mask; the
 * operator's ONNX model when one is configured; a {@link LearnedSegmentation} trained on the samples
 * with manifest masks when there are at least {@link SegmentationSettings#minMasksToTrain()} of them
 * (trained once, on first need). With none of these, a sample without a mask is refused with a
 * message that says what to supply. Holds native memory once a model is open: close it.
 */
public final class ForegroundMasks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ForegroundMasks.class);

    /**
     * The masks of many samples, or why a sample has none.
     *
     * @param masks    sample id to its mask, in input order
     * @param problems sample id to a sentence saying why it has no mask (wrong size, unreadable, no source)
     */
    public record Resolution(Map<String, ResolvedMask> masks, Map<String, String> problems) {
    }

    private final List<SampleImage> pool;
    private final SegmentationSettings settings;
    private final TrainingProgress progress;
    private final OnnxSegmentation onnx;
    private LearnedSegmentation learned;

    private ForegroundMasks(List<SampleImage> pool, SegmentationSettings settings, TrainingProgress progress,
            OnnxSegmentation onnx) {
        this.pool = pool;
        this.settings = settings;
        this.progress = progress;
        this.onnx = onnx;
    }

    /**
     * Opens the chain. {@code pool} is every sample that may teach a network (those with a manifest
     * mask are used). A configured ONNX model is loaded and checked now, so a broken one fails here.
     *
     * @throws IllegalArgumentException when the configured ONNX model is missing or breaks its contract
     */
    public static ForegroundMasks open(List<SampleImage> pool, SegmentationSettings settings, TrainingProgress progress) {
        List<SampleImage> masked = pool.stream().filter(s -> s.maskFile() != null).toList();
        OnnxSegmentation onnx = settings.onnxModel() == null ? null : OnnxSegmentation.open(settings.onnxModel());
        return new ForegroundMasks(masked, settings, progress == null ? TrainingProgress.NONE : progress, onnx);
    }

    /** True when a sample without a manifest mask can still get one (an ONNX model, or enough masks to train on). */
    public boolean masksSamplesWithoutMask() {
        return onnx != null || pool.size() >= settings.minMasksToTrain();
    }

    /** What to supply when a sample has no mask and no link of the chain can make one. */
    public String whatToSupply() {
        return "supply a mask column in the manifest, configure an ONNX segmentation model"
                + " (spurlab.edit.segmentation-model), or supply masks for at least " + settings.minMasksToTrain()
                + " samples so SpurLab trains a segmentation network (" + pool.size() + " supplied)";
    }

    /**
     * The mask of one image.
     *
     * @param image the sample's decoded image (for its size, and for the models)
     * @throws IllegalArgumentException when the manifest mask does not fit the image, or no link can give a mask
     */
    public ResolvedMask resolve(SampleImage sample, BufferedImage image) {
        if (sample.maskFile() != null) {
            return new ResolvedMask(manifestMask(sample, image), MaskSource.MANIFEST);
        }
        if (onnx != null) {
            return new ResolvedMask(onnx.predict(image), MaskSource.ONNX_MODEL);
        }
        return new ResolvedMask(learned().predict(image), MaskSource.LEARNED);
    }

    /**
     * The masks of many samples, batching the learned network's predictions; a sample that cannot
     * get one is listed with the reason instead of failing the others.
     */
    public Resolution resolveAll(List<SampleImage> samples) {
        Map<String, ResolvedMask> masks = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        List<SampleImage> toPredict = new ArrayList<>();
        List<BufferedImage> images = new ArrayList<>();
        for (SampleImage sample : samples) {
            try {
                BufferedImage image = ImageFiles.readRgb(sample.imageFile());
                if (sample.maskFile() != null || onnx != null) {
                    masks.put(sample.sampleId(), resolve(sample, image));
                } else if (masksSamplesWithoutMask()) {
                    toPredict.add(sample);
                    images.add(image);
                } else {
                    problems.put(sample.sampleId(), "sample " + sample.sampleId() + " has no foreground mask: "
                            + whatToSupply());
                }
            } catch (IllegalArgumentException | UncheckedIOException e) {
                problems.put(sample.sampleId(), e.getMessage());
            }
        }
        if (!toPredict.isEmpty()) {
            List<RegionMask> predicted = learned().predict(images);
            for (int i = 0; i < toPredict.size(); i++) {
                masks.put(toPredict.get(i).sampleId(), new ResolvedMask(predicted.get(i), MaskSource.LEARNED));
            }
        }
        return new Resolution(masks, problems);
    }

    /** The learned network's training figures, once it has been trained. */
    public Optional<LearnedSegmentation.Figures> learnedFigures() {
        return Optional.ofNullable(learned).map(LearnedSegmentation::figures);
    }

    private synchronized LearnedSegmentation learned() {
        if (learned == null) {
            if (pool.size() < settings.minMasksToTrain()) {
                throw new IllegalArgumentException("a sample has no foreground mask: " + whatToSupply());
            }
            log.info("training a segmentation network on up to {} of the {} manifest masks for the samples without one",
                    settings.maxTrainingMasks(), pool.size());
            learned = LearnedSegmentation.train(pool, settings, progress);
        }
        return learned;
    }

    static RegionMask manifestMask(SampleImage sample, BufferedImage image) {
        RegionMask mask = RegionMask.read(sample.maskFile());
        if (!mask.covers(image.getWidth(), image.getHeight())) {
            throw new IllegalArgumentException("the mask of sample " + sample.sampleId() + " is " + mask.width() + "x"
                    + mask.height() + " pixels but its image is " + image.getWidth() + "x" + image.getHeight()
                    + ": supply a mask of the image's size");
        }
        return mask;
    }

    @Override
    public void close() {
        if (onnx != null) {
            onnx.close();
        }
        if (learned != null) {
            learned.close();
        }
    }
}
