package com.spurlab.inference.train;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's checkpoints: after every epoch the weights and the loop's state go into a new folder, and
 * only then does the {@code latest} pointer move to it (written to a temp file and renamed
 * atomically), so a process killed at any moment leaves the previous checkpoint intact.
 * A checkpoint written for other settings or data (another fingerprint) is ignored.
 *
 * <p>Adam's moment estimates are not saved (DJL does not expose them); a resumed run restarts them,
 * which costs a few steps of warm-up, not correctness.
 */
final class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    private static final String LATEST = "latest";
    private static final String STATE = "state.properties";

    /**
     * The loop's position and memory at the end of an epoch.
     *
     * @param phase     {@code main}, or JTT's {@code identify}
     * @param epoch     epochs completed in this phase
     * @param stepsDone optimiser steps completed in this phase (drives the learning-rate schedule)
     * @param bestScore validation score of the best epoch so far; -infinity when none
     * @param bestEpoch that epoch; 0 when none
     * @param bestDir   folder holding that epoch's weights; empty when none
     * @param sinceBest epochs since the best one (early stopping)
     * @param weighting the loss weighting's state (GroupDRO's q)
     */
    record State(String phase, int epoch, int stepsDone, double bestScore, int bestEpoch, String bestDir, int sinceBest,
            double[] weighting) {
    }

    private final Path dir;
    private final String fingerprint;
    private final String modelName;

    Checkpoints(Path dir, String fingerprint, String modelName) {
        this.dir = dir;
        this.fingerprint = fingerprint;
        this.modelName = modelName;
    }

    /** The last complete checkpoint of these settings, if any. */
    Optional<State> latest() {
        Path pointer = dir.resolve(LATEST);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            Path state = dir.resolve(Files.readString(pointer).strip()).resolve(STATE);
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(state, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            if (!fingerprint.equals(p.getProperty("fingerprint"))) {
                log.info("ignoring checkpoints in {}: written for other settings or data", dir);
                return Optional.empty();
            }
            String weighting = p.getProperty("weighting", "");
            return Optional.of(new State(p.getProperty("phase"), Integer.parseInt(p.getProperty("epoch")),
                    Integer.parseInt(p.getProperty("stepsDone")), Double.parseDouble(p.getProperty("bestScore")),
                    Integer.parseInt(p.getProperty("bestEpoch")), p.getProperty("bestDir", ""),
                    Integer.parseInt(p.getProperty("sinceBest")),
                    weighting.isEmpty() ? new double[0]
                            : Arrays.stream(weighting.split(",")).mapToDouble(Double::parseDouble).toArray()));
        } catch (IOException | RuntimeException e) {
            log.warn("ignoring unreadable checkpoint in {}: {}", dir, e.toString());
            return Optional.empty();
        }
    }

    /** Writes the epoch's weights and state, then points {@code latest} at them and prunes older folders. */
    void save(Model model, State state) {
        String name = state.phase() + "-epoch-" + state.epoch();
        try {
            Path target = dir.resolve(name);
            writeParams(model, target);
            Properties p = new Properties();
            p.setProperty("fingerprint", fingerprint);
            p.setProperty("phase", state.phase());
            p.setProperty("epoch", Integer.toString(state.epoch()));
            p.setProperty("stepsDone", Integer.toString(state.stepsDone()));
            p.setProperty("bestScore", Double.toString(state.bestScore()));
            p.setProperty("bestEpoch", Integer.toString(state.bestEpoch()));
            p.setProperty("bestDir", state.bestDir());
            p.setProperty("sinceBest", Integer.toString(state.sinceBest()));
            p.setProperty("weighting", Arrays.stream(state.weighting()).mapToObj(Double::toString)
                    .collect(Collectors.joining(",")));
            try (Writer out = Files.newBufferedWriter(target.resolve(STATE), StandardCharsets.UTF_8)) {
                p.store(out, "SpurLab training checkpoint");
            }
            Path temp = dir.resolve(LATEST + ".tmp");
            Files.writeString(temp, name);
            Files.move(temp, dir.resolve(LATEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            prune(name, state.bestDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint to " + dir, e);
        }
    }

    /** Keeps the current weights as the phase's best so far; returns the folder name for {@link State#bestDir()}. */
    String saveBest(Model model, String phase, int epoch) {
        String name = "best-" + phase + "-" + epoch;
        try {
            writeParams(model, dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the best weights to " + dir, e);
        }
        return name;
    }

    /** Loads the weights of checkpoint folder {@code name} into {@code model}, whose block is initialised. */
    void load(Model model, String name) {
        try {
            model.load(dir.resolve(name), modelName);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot read the checkpoint " + dir.resolve(name), e);
        }
    }

    /** A small int array beside the checkpoints (JTT's error set), written atomically. */
    void writeInts(String file, int[] values) {
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve(file + ".tmp");
            Files.writeString(temp, Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(",")));
            Files.move(temp, dir.resolve(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " to " + dir, e);
        }
    }

    int[] readInts(String file) {
        try {
            String text = Files.readString(dir.resolve(file)).strip();
            return text.isEmpty() ? new int[0] : Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " from " + dir, e);
        }
    }

    /** Removes every checkpoint: the run has finished and saved its model. */
    void clear() {
        deleteTree(dir);
    }

    private void writeParams(Model model, Path target) throws IOException {
        deleteTree(target);
        Files.createDirectories(target);
        model.save(target, modelName);
    }

    private void prune(String keep, String best) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (Files.isDirectory(child) && !name.equals(keep) && !name.equals(best)) {
                    deleteTree(child);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
