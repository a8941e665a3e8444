package com.spurlab.scheduler.step.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.step.StepProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExtractionJobProgressTest {

    /** Records what the job was told. */
    private static final class Recorded implements StepProgress {
        final List<String> reports = new ArrayList<>();
        boolean cancel;

        @Override
        public void report(double done, String message) {
            reports.add(String.format(Locale.ROOT, "%.2f %s", done, message));
        }

        @Override
        public void log(String line) {
        }

        @Override
        public boolean cancelled() {
            return cancel;
        }
    }

    @Test
    void mapsTheExtractionIntoItsShareOfTheJobWritingEachPhaseAtOnceAndBatchesAtMostOnceASecond() {
        Recorded job = new Recorded();
        ExtractionJobProgress progress = new ExtractionJobProgress(job, 0.1, 0.9);

        progress.onProgress("reading printed text", 0.0);
        progress.onProgress("reading printed text", 0.2);
        progress.onProgress("reading printed text", 0.4);
        progress.onProgress("clustering errors", 0.5);
        progress.onProgress("done", 1.5);

        assertThat(job.reports).containsExactly("0.10 reading printed text", "0.50 clustering errors", "0.90 done");
    }

    @Test
    void passesTheJobsCancelRequestAndWaitingOn() {
        Recorded job = new Recorded();
        ExtractionJobProgress progress = new ExtractionJobProgress(job, 0.1, 0.9);

        assertThat(progress.cancelled()).isFalse();
        job.cancel = true;
        assertThat(progress.cancelled()).isTrue();
        progress.onWaiting("waiting for the training already running in this process");
        assertThat(job.reports).containsExactly("0.10 waiting for the training already running in this process");
    }
}
