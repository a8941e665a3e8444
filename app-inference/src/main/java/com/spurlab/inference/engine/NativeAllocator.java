package com.spurlab.inference.engine;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps freed tensor memory inside the process on Linux/glibc. With glibc's defaults, the arena of a
 * non-main thread (every JVM thread that trains or predicts) gives its heaps back to the kernel as soon as
 * a step's activations are freed, and the next step faults every page in again, zeroed: measured on the
 * 2-core machine, ~45 000 page faults and a quarter of the CPU time per ResNet step at batch 64. Fixed
 * thresholds and a large top pad stop that churn (under 1 000 faults per step); the cost is that the
 * process keeps its peak native working set instead of shrinking between steps.
 *
 * <p>Public because training and prediction (other packages) call it; it is not part of the module's
 * contract. Skipped when the user already tunes malloc through the environment, when the system property
 * {@value #OFF_PROPERTY} is {@code false}, or off glibc.
 */
public final class NativeAllocator {

    /** {@code -Dspurlab.native.malloc-tuning=false} leaves glibc's defaults alone. */
    public static final String OFF_PROPERTY = "spurlab.native.malloc-tuning";

    private static final Logger log = LoggerFactory.getLogger(NativeAllocator.class);
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

    private NativeAllocator() {
    }

    /** What {@link #prepare()} did, e.g. {@code "glibc tuned: ..."}; applies it first if not yet done. */
    public static String prepare() {
        String s = state;
        if (s == null) {
            synchronized (NativeAllocator.class) {
                if (state == null) {
                    state = apply(System.getenv());
                    log.info("native allocator: {}", state);
                }
                s = state;
            }
        }
        return s;
    }

    static String apply(Map<String, String> env) {
        if ("false".equalsIgnoreCase(System.getProperty(OFF_PROPERTY))) {
            return "glibc defaults (" + OFF_PROPERTY + "=false)";
        }
        if (!Platform.isLinux()) {
            return "platform defaults (not Linux)";
        }
        if (env.keySet().stream().anyMatch(k -> k.startsWith("MALLOC_"))
                || env.getOrDefault("GLIBC_TUNABLES", "").contains("malloc")) {
            return "as set in the environment (MALLOC_* / GLIBC_TUNABLES)";
        }
        try {
            LibC c = Native.load("c", LibC.class);
            int accepted = c.mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) + c.mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD)
                    + c.mallopt(M_TOP_PAD, TOP_PAD);
            // mallopt answers 1 for a value it took, 0 for one it refused.
            return accepted == 3 ? "glibc tuned: mmap threshold 32 MiB, trim threshold 1 GiB, top pad 256 MiB"
                    : "glibc took " + accepted + " of 3 settings";
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            // musl and other C libraries have no mallopt: their defaults stay.
            return "C library defaults (no mallopt: " + e.getMessage() + ")";
        }
    }

    /** The one libc function used. */
    interface LibC extends Library {
        int mallopt(int param, int value);
    }
}
