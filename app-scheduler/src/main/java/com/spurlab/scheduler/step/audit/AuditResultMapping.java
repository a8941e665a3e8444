package com.spurlab.scheduler.step.audit;

import com.spurlab.core.audit.AuditResult;
import com.spurlab.inference.audit.AssociationResult;
import com.spurlab.inference.audit.AuditReport;
import com.spurlab.inference.audit.ConsistencyReport;
import com.spurlab.inference.audit.Estimate;
import com.spurlab.inference.audit.Gap;
import com.spurlab.inference.audit.GapReport;
import com.spurlab.inference.audit.OdmapReport;
import com.spurlab.inference.audit.Proportion;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's report as the run stores it: DESIGN's numbers at DESIGN's names, intervals beside them, and no NaN
 * (the engine's mark for a figure that does not exist; JSON has no NaN, so it becomes null).
 */
final class AuditResultMapping {

    private AuditResultMapping() {
    }

    static AuditResult of(AuditReport r, List<String> stepNotes, Long editRunId, String editOperation) {
        List<String> notes = new ArrayList<>(stepNotes);
        notes.addAll(r.notes());
        ConsistencyReport c = r.counterfactualConsistency();
        var t = r.timings();
        return new AuditResult(r.split(), r.cue(), r.n(), r.eat().stream().map(AuditResultMapping::association).toList(),
                gaps(r.gaps()), c == null ? null : finite(c.overall().value()), consistency(c), odmap(r.odmap()),
                r.findings().stream().map(f -> new AuditResult.Finding(f.metric(), f.severity().name(), f.text()))
                        .toList(),
                r.approximations(), notes, editRunId, editOperation,
                new AuditResult.Timings(t.embedding(), t.concepts(), t.association(), t.gaps(), t.edits(),
                        t.retrieval()));
    }

    private static AuditResult.Association association(AssociationResult a) {
        return new AuditResult.Association(a.design().name(), a.target(), a.attribute(), finite(a.effectSize()),
                finite(a.pValue()), a.n(), finite(a.effectSizeCiLow()), finite(a.effectSizeCiHigh()),
                finite(a.difference()), a.exact(), a.partitions(), a.sizeX(), a.sizeY(), a.sizeA(), a.sizeB(),
                a.approximate(), a.construction());
    }

    private static AuditResult.Gaps gaps(GapReport g) {
        return new AuditResult.Gaps(finite(g.accuracy().value()), finite(g.tpr().value()), finite(g.fpr().value()),
                new AuditResult.GapIntervals(gap(g.accuracy()), gap(g.tpr()), gap(g.fpr())), share(g.overall()),
                finite(g.worstGroupAccuracy()), g.worstGroup(),
                g.groups().stream().map(x -> new AuditResult.GroupAccuracy(x.group(), x.label(), x.context(),
                        share(x.accuracy()))).toList(),
                g.rates().stream().map(x -> new AuditResult.ClassRates(x.label(), x.context(), share(x.tpr()),
                        share(x.fpr()))).toList(),
                g.resamples());
    }

    private static AuditResult.Gap gap(Gap g) {
        return new AuditResult.Gap(finite(g.ciLow()), finite(g.ciHigh()), g.label(), g.higher(), g.lower(), g.tooSmall());
    }

    private static AuditResult.Consistency consistency(ConsistencyReport c) {
        if (c == null) {
            return null;
        }
        return new AuditResult.Consistency(share(c.overall()), share(c.control()),
                c.groups().stream().map(g -> new AuditResult.GroupConsistency(g.group(), share(g.consistency()),
                        share(g.control()))).toList(),
                c.lowestGroup());
    }

    private static AuditResult.Odmap odmap(OdmapReport o) {
        if (o == null) {
            return null;
        }
        return new AuditResult.Odmap(o.k(), finite(o.original().value()), finite(o.edited().value()),
                finite(o.drop().value()), o.queries(), o.skipped(),
                new AuditResult.OdmapIntervals(interval(o.original()), interval(o.edited()), interval(o.drop())),
                o.groups().stream().map(g -> new AuditResult.GroupRetrieval(g.group(), g.queries(), finite(g.original()),
                        finite(g.edited()), g.tooSmall())).toList());
    }

    private static AuditResult.Interval interval(Estimate e) {
        return new AuditResult.Interval(finite(e.ciLow()), finite(e.ciHigh()));
    }

    private static AuditResult.Share share(Proportion p) {
        return p == null ? null : new AuditResult.Share(p.successes(), p.n(), finite(p.value()), p.ciLow(), p.ciHigh(),
                p.tooSmall());
    }

    static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
