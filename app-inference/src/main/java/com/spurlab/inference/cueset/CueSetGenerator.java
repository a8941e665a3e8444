package com.spurlab.inference.cueset;

import com.spurlab.inference.cueset.SamplePlan.Planned;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a spurious-cue set as a zip SpurLab's upload accepts and returns its ground truth. Images are
 * rendered and written one by one; the zip appears at its path only when complete.
 */
public final class CueSetGenerator {

    /** Where the Debian package dataset-fashion-mnist puts the IDX files. */
    public static final Path DEFAULT_SOURCE = Path.of("/usr/share/datasets/fashion-mnist");
    static final String MANIFEST = "manifest.csv";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    private static final Logger log = LoggerFactory.getLogger(CueSetGenerator.class);

    private CueSetGenerator() {
    }

    /**
     * Builds the set of {@code spec} from the Fashion-MNIST IDX files in {@code fashionMnistDir}.
     * Manifest layout: {@code manifest.csv} first, then {@code images/<split>/<id>.png} (RGB) and, when
     * asked for, {@code masks/<split>/<id>.png} (grey, 255 on the garment). Image-folder layout:
     * {@code <split>/<label>/<id>.png} only.
     *
     * @throws IOException when a Fashion-MNIST file is missing or damaged, or the zip cannot be written
     */
    public static GeneratedCueSet write(Path fashionMnistDir, Path outZip, CueSetSpec spec) throws IOException {
        return write(fashionMnistDir, outZip, spec, null);
    }

    /**
     * The counterfactual twin of {@code spec}'s {@code split}: the same samples (same ids, garments,
     * backgrounds and positions) rendered with the other cue value, in {@code spec}'s layout. It is the
     * ground truth for an edit that removes or swaps the cue: a stamped image's twin has no word, a plain
     * one's has the word, a warm one's is cool.
     *
     * @throws IOException as {@link #write}
     */
    public static GeneratedCueSet writeCounterfactual(Path fashionMnistDir, Path outZip, CueSetSpec spec, String split)
            throws IOException {
        if (!SamplePlan.SPLITS.contains(split)) {
            throw new IllegalArgumentException("split must be one of " + SamplePlan.SPLITS + ", got " + split);
        }
        return write(fashionMnistDir, outZip, spec, split);
    }

    /** {@code flippedSplit}: null for the set itself, else only that split with every cue value flipped. */
    private static GeneratedCueSet write(Path fashionMnistDir, Path outZip, CueSetSpec spec, String flippedSplit)
            throws IOException {
        FashionMnistIdx.Part trainPart = FashionMnistIdx.Part.of(fashionMnistDir, "train");
        FashionMnistIdx.Part testPart = FashionMnistIdx.Part.of(fashionMnistDir, "t10k");
        List<Planned> plan = SamplePlan.plan(spec, FashionMnistIdx.readLabels(trainPart.labels()),
                FashionMnistIdx.readLabels(testPart.labels()));
        if (flippedSplit != null) {
            plan = plan.stream().filter(p -> p.split().equals(flippedSplit)).map(Planned::flipped).toList();
        }
        Map<Integer, byte[]> trainGarments = FashionMnistIdx.readImages(trainPart.images(), SamplePlan.sources(plan, false));
        Map<Integer, byte[]> testGarments = FashionMnistIdx.readImages(testPart.images(), SamplePlan.sources(plan, true));
        List<String> labels = spec.labels();
        boolean manifest = spec.format().layout() == ArchiveLayout.MANIFEST;

        List<CueSample> samples = new ArrayList<>(plan.size());
        Path parent = outZip.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, outZip.getFileName().toString(), ".part");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                if (manifest) {
                    zip.putNextEntry(entry(MANIFEST));
                    zip.write(manifest(plan, spec).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
                ImageWriter png = ImageIO.getImageWritersByFormatName("png").next();
                try {
                    for (Planned p : plan) {
                        byte[] garment = ("test".equals(p.split()) ? testGarments : trainGarments).get(p.sourceIndex());
                        SceneRenderer.Scene scene = SceneRenderer.render(garment, spec.cue(), p.cueValue(), p.nuisance(),
                                spec.word(), spec.backdrop(), spec.imageSize(), p.renderSeed());
                        String image = imagePath(p, spec, labels);
                        String mask = spec.format().masks() ? maskPath(p) : null;
                        putPng(zip, image, scene.image(), png);
                        if (mask != null) {
                            putPng(zip, mask, scene.mask(), png);
                        }
                        samples.add(new CueSample(p.id(), image, p.split(), p.position(), labels.get(p.position()),
                                spec.cue().cueValues().get(p.cueValue()), scene.box() == null ? null : spec.word(),
                                scene.box(), mask, caption(p, spec, labels)));
                    }
                } finally {
                    png.dispose();
                }
            }
            Files.move(partial, outZip, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        log.info("wrote {} images of {} with a {} cue to {}", samples.size(), labels, spec.cue(), outZip);
        return new GeneratedCueSet(outZip, spec, labels, spec.cue().attribute(), samples);
    }

    private static String imagePath(Planned p, CueSetSpec spec, List<String> labels) {
        return spec.format().layout() == ArchiveLayout.MANIFEST
                ? "images/" + p.split() + "/" + p.id() + ".png"
                : p.split() + "/" + labels.get(p.position()) + "/" + p.id() + ".png";
    }

    private static String maskPath(Planned p) {
        return "masks/" + p.split() + "/" + p.id() + ".png";
    }

    private static String caption(Planned p, CueSetSpec spec, List<String> labels) {
        return Captions.of(labels.get(p.position()), spec.cue(), p.cueValue(), p.nuisance(), spec.word());
    }

    private static String manifest(List<Planned> plan, CueSetSpec spec) {
        ArchiveFormat format = spec.format();
        List<String> labels = spec.labels();
        StringBuilder csv = new StringBuilder("image,label,split");
        csv.append(format.captions() ? ",caption" : "").append(format.masks() ? ",mask" : "")
                .append(format.attribute() ? ",attr:" + spec.cue().attribute() : "").append('\n');
        for (Planned p : plan) {
            csv.append(imagePath(p, spec, labels)).append(',').append(labels.get(p.position())).append(',').append(p.split());
            if (format.captions()) {
                csv.append(',').append(caption(p, spec, labels));
            }
            if (format.masks()) {
                csv.append(',').append(maskPath(p));
            }
            if (format.attribute()) {
                csv.append(',').append(spec.cue().cueValues().get(p.cueValue()));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** A fixed time stamp: the same spec gives a byte-identical zip, hence the same content hash on upload. */
    private static ZipEntry entry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        return entry;
    }

    private static void putPng(ZipOutputStream zip, String name, BufferedImage image, ImageWriter png) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        // A memory-cached stream: ImageIO's default file cache would create a temp file per image.
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            png.setOutput(out);
            png.write(image);
        }
        zip.putNextEntry(entry(name));
        bytes.writeTo(zip);
        zip.closeEntry();
    }
}
