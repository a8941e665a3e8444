package com.spurlab.inference.demo;

import com.spurlab.inference.cueset.CueSetArchive;
import com.spurlab.inference.cueset.CueSetSplits;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Unpacks a zip written by {@link SpuriousFashionMnist} into labelled images on disk (see
 * {@link CueSetArchive}, which reads every generated set).
 */
public final class DemoArchive {

    private DemoArchive() {
    }

    /**
     * Extracts {@code zip} into {@code targetDir} and returns its samples per split. Class names are
     * taken in order of first appearance in the manifest, which is the {@link DemoSpec} order; groups
     * are {@code "<label>|<background>"}.
     *
     * @throws IOException when the zip is not a demo archive or an entry would escape {@code targetDir}
     */
    public static DemoSplits extract(Path zip, Path targetDir) throws IOException {
        CueSetSplits splits = CueSetArchive.extract(zip, targetDir);
        if (splits.truth().stream().anyMatch(s -> s.cueValue() == null || s.maskPath() == null || s.caption() == null)) {
            throw new IOException(zip + " is not a demo archive: it lacks captions, masks or attr:"
                    + SpuriousFashionMnist.ATTRIBUTE);
        }
        return new DemoSplits(splits.classNames(), splits.train(), splits.validation(), splits.test());
    }
}
