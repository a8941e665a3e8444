package com.spurlab.inference.demo;

import com.spurlab.inference.demo.GarmentCompositor.Family;
import com.spurlab.inference.demo.GarmentCompositor.Texture;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo dataset: real Fashion-MNIST garments on warm or cool backgrounds, where in training
 * the background agrees with the label far more often than chance. A model that learns the
 * background instead of the garment fails on the minority groups of the balanced test split.
 */
public final class SpuriousFashionMnist {

    public static final Path DEFAULT_SOURCE = Path.of("/usr/share/datasets/fashion-mnist");
    /** The attribute column is {@code attr:background}. */
    public static final String ATTRIBUTE = "background";
    static final String MANIFEST = "manifest.csv";
    static final List<String> SPLITS = List.of("train", "val", "test");

    private static final Logger log = LoggerFactory.getLogger(SpuriousFashionMnist.class);

    /** One planned sample: which garment, which background, which split. */
    private record Row(String id, String split, int classPosition, String label, int sourceIndex, Family family,
            Texture texture, long renderSeed) {

        String image() {
            return "images/" + split + "/" + id + ".png";
        }

        String mask() {
            return "masks/" + split + "/" + id + ".png";
        }

        String caption() {
            return "a " + label + " on a " + family.value() + " " + texture.word() + " background";
        }
    }

    private SpuriousFashionMnist() {
    }

    /**
     * Builds the dataset and writes it as a SpurLab manifest zip: {@code manifest.csv} first (header
     * {@code image,label,split,caption,mask,attr:background}), then {@code images/<split>/<id>.png}
     * (RGB) and {@code masks/<split>/<id>.png} (grey, 255 where the garment is). Train and val come
     * from Fashion-MNIST's training file, test from its test file. Class i's own background is
     * {@code warm} for even i and {@code cool} for odd i. Images are rendered and written one by one;
     * the zip appears at {@code outZip} only when complete.
     *
     * @throws IOException when a Fashion-MNIST file is missing or damaged, or the zip cannot be written
     */
    public static DemoSummary write(Path fashionMnistDir, Path outZip, DemoSpec spec) throws IOException {
        FashionMnistIdx.Part trainPart = FashionMnistIdx.Part.of(fashionMnistDir, "train");
        FashionMnistIdx.Part testPart = FashionMnistIdx.Part.of(fashionMnistDir, "t10k");
        List<Row> rows = plan(spec, FashionMnistIdx.readLabels(trainPart.labels()), FashionMnistIdx.readLabels(testPart.labels()));
        Map<Integer, byte[]> trainGarments = FashionMnistIdx.readImages(trainPart.images(), sources(rows, false));
        Map<Integer, byte[]> testGarments = FashionMnistIdx.readImages(testPart.images(), sources(rows, true));

        Path parent = outZip.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path partial = Files.createTempFile(parent, outZip.getFileName().toString(), ".part");
        try {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial))) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(manifest(rows).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                ImageWriter png = ImageIO.getImageWritersByFormatName("png").next();
                try {
                    for (Row row : rows) {
                        byte[] garment = ("test".equals(row.split()) ? testGarments : trainGarments).get(row.sourceIndex());
                        GarmentCompositor.Rendered rendered = GarmentCompositor.render(garment, row.family(), row.texture(),
                                spec.imageSize(), new Random(row.renderSeed()));
                        putPng(zip, row.image(), rendered.image(), png);
                        putPng(zip, row.mask(), rendered.mask(), png);
                    }
                } finally {
                    png.dispose();
                }
            }
            Files.move(partial, outZip, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
        List<String> labels = spec.fashionClasses().stream().map(c -> FashionMnistIdx.CLASS_NAMES[c]).toList();
        log.info("wrote {} demo images of {} to {}", rows.size(), labels, outZip);
        return new DemoSummary(outZip, rows.size(), labels, ATTRIBUTE, Arrays.stream(Family.values()).map(Family::value).toList());
    }

    private static List<Row> plan(DemoSpec spec, byte[] trainLabels, byte[] testLabels) throws IOException {
        Random random = new Random(spec.seed());
        List<List<Row>> bySplit = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int position = 0; position < spec.fashionClasses().size(); position++) {
            int fashionClass = spec.fashionClasses().get(position);
            String label = FashionMnistIdx.CLASS_NAMES[fashionClass];
            List<Integer> trainPool = shuffledIndicesOf(trainLabels, fashionClass, random);
            List<Integer> testPool = shuffledIndicesOf(testLabels, fashionClass, random);
            if (trainPool.size() < spec.trainPerClass() + spec.valPerClass() || testPool.size() < spec.testPerClass()) {
                throw new IOException("Fashion-MNIST class " + fashionClass + " has too few images for " + spec);
            }
            int train = spec.trainPerClass();
            int majority = (int) Math.round(train * spec.trainCueCorrelation());
            addRows(bySplit.get(0), "train", position, label, trainPool.subList(0, train), majority, random);
            addRows(bySplit.get(1), "val", position, label, trainPool.subList(train, train + spec.valPerClass()),
                    (spec.valPerClass() + 1) / 2, random);
            addRows(bySplit.get(2), "test", position, label, testPool.subList(0, spec.testPerClass()), (spec.testPerClass() + 1) / 2,
                    random);
        }
        List<Row> rows = new ArrayList<>();
        bySplit.forEach(rows::addAll);
        return rows;
    }

    /** The first {@code ownFamily} sources get the class's own background; the pool is already shuffled. */
    private static void addRows(List<Row> rows, String split, int position, String label, List<Integer> sources,
            int ownFamily, Random random) {
        Family own = Family.values()[position % 2];
        Family other = Family.values()[(position + 1) % 2];
        for (int i = 0; i < sources.size(); i++) {
            String id = String.format("%s-%05d", split, rows.size());
            Texture texture = Texture.values()[random.nextInt(Texture.values().length)];
            rows.add(new Row(id, split, position, label, sources.get(i), i < ownFamily ? own : other, texture, random.nextLong()));
        }
    }

    private static List<Integer> shuffledIndicesOf(byte[] labels, int fashionClass, Random random) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == fashionClass) {
                indices.add(i);
            }
        }
        Collections.shuffle(indices, random);
        return indices;
    }

    private static Set<Integer> sources(List<Row> rows, boolean testFile) {
        Set<Integer> sources = new HashSet<>();
        rows.stream().filter(r -> "test".equals(r.split()) == testFile).forEach(r -> sources.add(r.sourceIndex()));
        return sources;
    }

    private static String manifest(List<Row> rows) {
        StringBuilder csv = new StringBuilder("image,label,split,caption,mask,attr:" + ATTRIBUTE + "\n");
        for (Row row : rows) {
            csv.append(String.join(",", row.image(), row.label(), row.split(), row.caption(), row.mask(), row.family().value()))
                    .append('\n');
        }
        return csv.toString();
    }

    private static void putPng(ZipOutputStream zip, String name, BufferedImage image, ImageWriter png) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
        // A memory-cached stream: ImageIO's default file cache would create a temp file per image.
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            png.setOutput(out);
            png.write(image);
        }
        zip.putNextEntry(new ZipEntry(name));
        bytes.writeTo(zip);
        zip.closeEntry();
    }
}
