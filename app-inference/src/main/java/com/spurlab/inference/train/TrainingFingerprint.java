package com.spurlab.inference.train;

import com.spurlab.inference.data.LabeledImage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A digest of the settings and the samples, so a checkpoint is only resumed by the run that wrote it. */
final class TrainingFingerprint {

    private TrainingFingerprint() {
    }

    static String of(TrainingSettings settings, List<LabeledImage> train, List<LabeledImage> validation) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(settings.toString().getBytes(StandardCharsets.UTF_8));
            for (List<LabeledImage> split : List.of(train, validation)) {
                digest.update((byte) '|');
                for (LabeledImage image : split) {
                    digest.update((image.sampleId() + '\t' + image.label() + '\t' + image.group() + '\n')
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
