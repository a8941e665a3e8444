package com.spurlab.inference.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two settings of the native side that decide CPU throughput on Linux, applied once per process before the
 * tensor engine loads ({@link #prepare()}); measured on the shared 2-core machine.
 *
 * <ul>
 * <li><b>glibc malloc.</b> With the defaults, the arena of a non-main thread (every JVM thread that trains
 * or predicts) gives its heaps back to the kernel as soon as a step's activations are freed, and the next
 * step faults every page in again, zeroed: ~45 000 page faults and a quarter of the CPU time per ResNet
 * step at batch 64. Fixed thresholds and a large top pad stop that (under 1 000 faults per step); the
 * process keeps its peak native working set instead of shrinking between steps.</li>
 * <li><b>OpenMP spinning.</b> libtorch's intra-op threads (libgomp) spin ~300 000 times at the end of each
 * parallel region before they sleep. On a machine whose cores are shared with other work, a spinning thread
 * burns the time slice its partner needs: training the CNN with 2 threads under a load of 20 ran at 20-40
 * img/s with the default and at 150-230 img/s with {@value #SPIN_COUNT} spins. Set in the environment
 * before the engine loads libgomp, which reads it once.</li>
 * </ul>
 *
 * <p>Public because training and prediction (other packages) call it; it is not part of the module's
 * contract. A setting the environment already makes is kept; {@code -D}{@value #OFF_PROPERTY}{@code =false}
 * leaves both alone.
 */
public final class NativeRuntime {

    /** {@code -Dspurlab.native.tuning=false} keeps the C library's and OpenMP's defaults. */
    public static final String OFF_PROPERTY = "spurlab.native.tuning";

    /** libgomp spins this many times before sleeping (its default is 300 000). */
    static final String SPIN_COUNT = "1000";

    private static final Logger log = LoggerFactory.getLogger(NativeRuntime.class);
    // glibc's mallopt parameter numbers (malloc.h).
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_TOP_PAD = -2;
    private static final int M_MMAP_THRESHOLD = -3;
    /** Never give the top of a heap back while less than this is free at its end. */
    private static final int TRIM_THRESHOLD = 1 << 30;
    /** Also what keeps glibc from deleting a whole per-thread heap (64 MiB) when it empties. */
    private static final int TOP_PAD = 256 << 20;
    /** glibc's maximum; fixing it stops the threshold from moving, blocks up to it come from the heaps. */
    private static final int MMAP_THRESHOLD = 32 << 20;

    private static volatile String state;

    private NativeRuntime() {
    }

    /**
     * Applies the settings if not done yet; call it before the first use of the engine. Returns what was
     * done, e.g. {@code "glibc malloc tuned; GOMP_SPINCOUNT=1000"}.
     */
    public static String prepare() {
        String s = state;
        if (s == null) {
            synchronized (NativeRuntime.class) {
                if (state == null) {
                    state = apply(System.getenv());
                    log.info("native runtime: {}", state);
                }
                s = state;
            }
        }
        return s;
    }

    static String apply(Map<String, String> env) {
        if ("false".equalsIgnoreCase(System.getProperty(OFF_PROPERTY))) {
            return "defaults (" + OFF_PROPERTY + "=false)";
        }
        if (!Platform.isLinux()) {
            return "platform defaults (not Linux)";
        }
        LibC c;
        try {
            c = Native.load("c", LibC.class);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return "C library defaults (" + e.getMessage() + ")";
        }
        return malloc(c, env) + "; " + openMp(c, env);
    }

    private static String malloc(LibC c, Map<String, String> env) {
        if (env.keySet().stream().anyMatch(k -> k.startsWith("MALLOC_"))
                || env.getOrDefault("GLIBC_TUNABLES", "").contains("malloc")) {
            return "malloc as set in the environment";
        }
        try {
            // mallopt answers 1 for a value it took, 0 for one it refused.
            int accepted = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) + c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
                    + c.mallopt(M_TOP_PAD, TOP_PAD);
            return accepted == 3 ? "glibc malloc: mmap threshold 32 MiB, trim threshold 1 GiB, top pad 256 MiB"
                    : "glibc malloc took " + accepted + " of 3 settings";
        } catch (UnsatisfiedLinkError e) {
            return "malloc defaults (no mallopt: not glibc)";
        }
    }

    private static String openMp(LibC c, Map<String, String> env) {
        if (env.containsKey("GOMP_SPINCOUNT") || env.containsKey("OMP_WAIT_POLICY")) {
            return "OpenMP waiting as set in the environment";
        }
        if (openMpLoaded()) {
            return "OpenMP defaults (the engine was loaded before SpurLab could set GOMP_SPINCOUNT)";
        }
        // Once, before any native library reads the environment.
        c.setenv("GOMP_SPINCOUNT", SPIN_COUNT, 0);
        return "GOMP_SPINCOUNT=" + SPIN_COUNT;
    }

    /** Whether a libgomp is already mapped into this process (then it has read its environment). */
    private static boolean openMpLoaded() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains("libgomp");
        } catch (IOException e) {
            return false;
        }
    }

    /** The libc functions used. */
    interface LibC extends Library {
        int mallopt(int param, int value);

        int setenv(String name, String value, int overwrite);
    }
}
