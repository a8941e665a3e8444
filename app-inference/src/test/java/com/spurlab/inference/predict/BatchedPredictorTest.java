package com.spurlab.inference.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import com.spurlab.inference.data.DecodedImages;
import com.spurlab.inference.data.LabeledImage;
import com.spurlab.inference.eval.ClassifierEvaluator;
import com.spurlab.inference.eval.Prediction;
import com.spurlab.inference.eval.ScoredSamples;
import com.spurlab.inference.model.ClassifierNetwork;
import com.spurlab.inference.model.Embeddings;
import com.spurlab.inference.model.RandomClassifiers;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchedPredictorTest {

    private static final int SIZE = 32;

    @TempDir
    static Path dir;
    static Path modelDir;
    static List<BufferedImage> pictures = new ArrayList<>();
    static List<LabeledImage> samples = new ArrayList<>();

    @BeforeAll
    static void randomModelAndImages() throws IOException {
        modelDir = RandomClassifiers.save(dir.resolve("model"), ClassifierNetwork.CNN, List.of("a", "b", "c"), SIZE, 3);
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            // Some images need resizing, as files of any size do.
            int side = i % 3 == 0 ? 40 : SIZE;
            // A colour of its own per image, so that even an untrained network tells them apart.
            int base = random.nextInt(0x1000000);
            BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    image.setRGB(x, y, (y < side / 2 ? base : ~base & 0xFFFFFF) ^ random.nextInt(0x10));
                }
            }
            Path file = dir.resolve("img-" + i + ".png");
            ImageIO.write(image, "png", file.toFile());
            pictures.add(ImageIO.read(file.toFile()));
            samples.add(new LabeledImage("s-" + i, file, i % 3, i % 2 == 0 ? "even" : null));
        }
    }

    /** Probabilities and embeddings of the saved network run directly, unfolded, on the decoded images. */
    private static float[][][] direct() throws Exception {
        DecodedImages images = DecodedImages.decode(samples, SIZE);
        try (Model model = Model.newInstance("random")) {
            model.setBlock(ClassifierNetwork.CNN.build(3));
            model.load(modelDir, "random");
            try (NDManager scope = model.getNDManager().newSubManager()) {
                NDArray x = images.batch(scope, IntStream.range(0, samples.size()).toArray());
                NDArray embedding = Embeddings.of(model.getBlock(), x);
                NDArray probabilities = Embeddings.head(model.getBlock()).forward(new ParameterStore(scope, false),
                        new NDList(embedding), false).singletonOrThrow().softmax(1);
                float[] e = embedding.toFloatArray();
                return new float[][][] {rows(probabilities.toFloatArray(), 3), rows(e, e.length / samples.size())};
            }
        }
    }

    private static float[][] rows(float[] flat, int width) {
        float[][] out = new float[flat.length / width][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
        return out;
    }

    @Test
    void batchesOfSevenGiveWhatTheNetworkGivesForAllImagesAtOnceInInputOrder() throws Exception {
        float[][][] expected = direct();
        List<Integer> starts = new ArrayList<>();

        Scores scores;
        try (BatchedPredictor predictor = BatchedPredictor.open(modelDir, 7)) {
            assertThat(predictor.metadata().classNames()).containsExactly("a", "b", "c");
            scores = predictor.score(ImageInput.files(samples), true);
            predictor.run(ImageInput.files(samples), false, batch -> {
                starts.add(batch.from());
                assertThat(batch.embeddings()).isNull();
            });
        }

        assertThat(starts).containsExactly(0, 7, 14);
        assertThat(scores.imagesPerSecond()).isPositive();
        for (int i = 0; i < samples.size(); i++) {
            assertThat(scores.probabilities()[i]).containsExactly(expected[0][i], offset(1e-5f));
            assertThat(scores.embeddings()[i]).containsExactly(expected[1][i], offset(1e-4f));
        }
    }

    @Test
    void filesPicturesAndDecodedImagesGiveTheSameScores() {
        try (BatchedPredictor predictor = BatchedPredictor.open(modelDir, 8)) {
            Scores files = predictor.score(ImageInput.files(samples), true);
            Scores inMemory = predictor.score(ImageInput.pictures(pictures), true);
            Scores decoded = predictor.score(ImageInput.decoded(DecodedImages.decode(samples, SIZE)), false);

            for (int i = 0; i < samples.size(); i++) {
                assertThat(inMemory.probabilities()[i]).containsExactly(files.probabilities()[i]);
                assertThat(inMemory.embeddings()[i]).containsExactly(files.embeddings()[i]);
                assertThat(decoded.probabilities()[i]).containsExactly(files.probabilities()[i]);
            }
            assertThat(decoded.embeddings()).isNull();
            assertThat(predictor.score(ImageInput.files(List.of()), true).probabilities()).isEmpty();
        }
    }

    @Test
    void evaluatorPredictionsAreTheArgmaxOfThePredictorsProbabilities() {
        Scores scores;
        try (BatchedPredictor predictor = BatchedPredictor.open(modelDir)) {
            scores = predictor.score(ImageInput.files(samples), true);
        }

        ScoredSamples scored = new ClassifierEvaluator().score(modelDir, samples);

        List<Prediction> predictions = scored.predictions();
        assertThat(predictions).extracting(Prediction::sampleId)
                .containsExactlyElementsOf(samples.stream().map(LabeledImage::sampleId).toList());
        for (int i = 0; i < samples.size(); i++) {
            Prediction p = predictions.get(i);
            assertThat(p.predicted()).isEqualTo(scores.predicted(i));
            assertThat(p.confidence()).isEqualTo(scores.probabilities()[i][p.predicted()]);
            assertThat(p.label()).isEqualTo(i % 3);
            assertThat(p.group()).isEqualTo(i % 2 == 0 ? "even" : List.of("a", "b", "c").get(i % 3));
            assertThat(scored.embeddings()[i]).containsExactly(scores.embeddings()[i]);
        }
        // A random network still spreads its answers: the test would not notice a constant prediction otherwise.
        assertThat(predictions.stream().map(Prediction::predicted).distinct().count()).isGreaterThan(1);
    }

    @Test
    void anUnreadableImageNamesItsSample() throws IOException {
        Path broken = Files.writeString(dir.resolve("broken.png"), "not a png");
        List<LabeledImage> withBroken = new ArrayList<>(samples);
        withBroken.add(9, new LabeledImage("broken-one", broken, 0, null));

        try (BatchedPredictor predictor = BatchedPredictor.open(modelDir, 4)) {
            assertThatThrownBy(() -> predictor.score(ImageInput.files(withBroken), false))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("broken-one");
            // The predictor is still usable after a failed run.
            assertThat(predictor.score(ImageInput.files(samples), false).probabilities()).hasDimensions(samples.size(), 3);
        }
    }
}
