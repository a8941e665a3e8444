package com.spurlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.spurlab.core.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadStagingTest {

    @TempDir
    Path dir;

    @Test
    void anUploadWithinTheCapIsStagedWhole() throws IOException {
        Path staged = new UploadStaging(dir.resolve("uploads"), 1000).stage(new ByteArrayInputStream(new byte[1000]));
        assertThat(Files.size(staged)).isEqualTo(1000);
    }

    @Test
    void anOversizedUploadIsCutOffWhileStreamingAndLeavesNoFile() throws IOException {
        // An endless stream: the cap must stop it, not the end of the input.
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 7;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 7);
                return len;
            }
        };
        var staging = new UploadStaging(dir.resolve("uploads"), 300_000);

        assertThatThrownBy(() -> staging.stage(endless)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("larger than 300000 bytes")
                .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo("upload_too_large"));
        try (Stream<Path> left = Files.list(dir.resolve("uploads"))) {
            assertThat(left).isEmpty();
        }
    }
}
