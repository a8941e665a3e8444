package com.spurlab.scheduler.step.extract;

import com.spurlab.core.cues.CueResult;
import com.spurlab.inference.extract.Cue;
import com.spurlab.inference.extract.CueReport;
import com.spurlab.inference.extract.CueSource;
import com.spurlab.inference.extract.ErrorSlice;
import com.spurlab.inference.extract.SaliencyByLabel;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's report as the run stores it: DESIGN's figures at DESIGN's names, evidence as sample ids, and no NaN
 * (the engine's mark for a figure that does not exist; JSON has none, so it becomes null).
 */
final class CueResultMapping {

    private CueResultMapping() {
    }

    static CueResult of(CueReport r, List<CueSource> sources, CueResult.DerivedAttribute derived, List<String> stepNotes) {
        List<String> notes = new ArrayList<>(r.notes());
        notes.addAll(stepNotes);
        CueReport.Timings t = r.timings();
        return new CueResult(r.split(), r.samples(), finite(r.baseErrorRate()),
                r.cues().stream().map(CueResultMapping::row).toList(),
                r.slices().stream().map(CueResultMapping::slice).toList(),
                r.saliency().stream().map(CueResultMapping::saliency).toList(), r.foreground(),
                sources.stream().map(Enum::name).toList(), derived, notes,
                new CueResult.Timings(finite(t.totalMillis()), t.ocrImagesRead(), t.ocrImagesCached(),
                        finite(t.ocrMillisPerImage()), finite(t.saliencyMillis())));
    }

    private static CueResult.CueRow row(Cue c) {
        return new CueResult.CueRow(c.rank(), c.cue(), c.kind().name(), c.label(), c.n(), c.errors(),
                finite(c.errorRate()), finite(c.errorRateLow()), finite(c.errorRateHigh()), finite(c.lift()),
                finite(c.ciLow()), finite(c.ciHigh()), c.predicts(), finite(c.association()), finite(c.score()),
                c.evidence().stream().map(Long::valueOf).toList(), c.describedBy());
    }

    private static CueResult.Slice slice(ErrorSlice s) {
        return new CueResult.Slice(s.id(), "slice:" + s.id(), s.label(), s.members(), s.errors(),
                s.members() == 0 ? null : (double) s.errors() / s.members(), s.describedBy(), s.centroid(),
                finite(s.radius()));
    }

    private static CueResult.Saliency saliency(SaliencyByLabel s) {
        return new CueResult.Saliency(s.label(), s.n(), finite(s.gradientOutside()), finite(s.areaOutside()),
                finite(s.excessLow()), finite(s.excessHigh()));
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
