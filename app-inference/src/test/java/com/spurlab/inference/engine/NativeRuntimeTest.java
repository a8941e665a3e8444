package com.spurlab.inference.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.Platform;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NativeRuntimeTest {

    @Test
    void onLinuxGlibcTakesAllThreeMallocSettings() {
        assumeTrue(Platform.isLinux(), "mallopt is glibc's");

        assertThat(NativeRuntime.apply(Map.of())).contains("glibc malloc: mmap threshold 32 MiB, trim threshold 1 GiB,"
                + " top pad 256 MiB");
    }

    @Test
    void whatTheEnvironmentAlreadySaysIsKept() {
        assumeTrue(Platform.isLinux(), "the settings are Linux-only");

        String applied = NativeRuntime.apply(Map.of("MALLOC_ARENA_MAX", "2", "OMP_WAIT_POLICY", "PASSIVE"));

        assertThat(applied).contains("malloc as set in the environment").contains("OpenMP waiting as set in the environment");
    }
}
