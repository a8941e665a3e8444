package com.spurlab.core.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The data folder (database, blobs, uploads, models, OCR cache) and upload limits.
 *
 * @param dataDir           everything SpurLab writes lives below it
 * @param maxUploadBytes    an archive larger than this is refused while it streams in
 * @param maxEntryBytes     a single file inside an archive larger than this is refused
 * @param maxImagePixels    declared width × height above this is refused before decoding (decompression bombs)
 */
@ConfigurationProperties("spurlab")
public record StorageSettings(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("4294967296") long maxUploadBytes,
        @DefaultValue("67108864") long maxEntryBytes,
        @DefaultValue("16777216") long maxImagePixels) {

    public Path blobs() {
        return dataDir.resolve("blobs");
    }

    public Path uploads() {
        return dataDir.resolve("uploads");
    }

    /** Where the servlet container buffers multipart bodies: inside the data folder, so start-up can sweep it. */
    public Path multipartTemp() {
        return uploads().resolve("multipart").toAbsolutePath().normalize();
    }

    public Path models() {
        return dataDir.resolve("models");
    }

    public Path work() {
        return dataDir.resolve("work");
    }

    /**
     * Words read in images by OCR, keyed by image content: one folder for every job and dataset version, so a second
     * EXTRACT (or the same image in another version) is not read again.
     */
    public Path ocrCache() {
        return dataDir.resolve("ocr-cache");
    }
}
