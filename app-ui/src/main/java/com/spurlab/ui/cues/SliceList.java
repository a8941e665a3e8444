package com.spurlab.ui.cues;

import com.spurlab.core.cues.CueResult;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import java.util.List;
import java.util.Locale;

/** The error slices, each described by the attributes and words over-represented among its members. */
class SliceList extends Div {

    SliceList(List<CueResult.Slice> slices) {
        setId("cue-slices");
        add(new H4("Error slices"));
        if (slices.isEmpty()) {
            add(new Div("No slice: too few errors to cluster, or SLICES was not among the sources."));
            return;
        }
        add(CuesPanel.list("cue-slice-list", slices.stream().map(SliceList::describe).toList()));
    }

    static String describe(CueResult.Slice s) {
        return String.format(Locale.ROOT, "%s: %d images, %d errors (%s), mostly class %s; %s", s.cue(), s.members(),
                s.errors(), Figures.percent(s.errorRate()), s.label(), s.describedBy().isEmpty()
                        ? "no attribute, keyword or printed word is over-represented in it"
                        : "over-represented: " + String.join(", ", s.describedBy()));
    }
}
