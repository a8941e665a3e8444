package com.spurlab.ui;

import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Picks one of a project's runs of a step type (the newest by default) for a result tab. {@link #refresh} re-reads
 * the runs only when a newer one exists and keeps the run a person chose; {@link #onPicked} hears a person's choice,
 * not the refill, so the tab does not redraw twice.
 *
 * @param <R> the tab's run view
 */
public class RunPicker<R> extends Select<R> {

    private final ToLongFunction<R> runId;
    private Long newest = -1L;
    private boolean refilling;
    private boolean optional;
    private List<R> listed = List.of();

    public RunPicker(ToLongFunction<R> runId) {
        this.runId = runId;
    }

    /**
     * A second picker, e.g. "compare with": it may show no run, shown as {@code caption}, and picks none by itself.
     * The item label generator must then accept null.
     */
    public RunPicker<R> optional(String caption) {
        optional = true;
        setEmptySelectionAllowed(true);
        setEmptySelectionCaption(caption);
        return this;
    }

    /** Runs {@code show} when a person picks a run. */
    public void onPicked(Runnable show) {
        addValueChangeListener(e -> {
            if (!refilling) {
                show.run();
            }
        });
    }

    /**
     * Re-reads {@code runs} when {@code latestRunId} differs from the last one seen; the run shown stays shown while
     * it is listed, else the newest is (none for an {@link #optional} picker).
     *
     * @return true when the runs were re-read (the tab then redraws)
     */
    public boolean refresh(Optional<Long> latestRunId, Supplier<List<R>> runs) {
        Long latest = latestRunId.orElse(null);
        if (Objects.equals(latest, newest)) {
            return false;
        }
        newest = latest;
        refill(runs.get());
        return true;
    }

    /** Lists these runs, keeping the run shown while it is listed, without telling {@link #onPicked}. */
    public void refill(List<R> runs) {
        listed = List.copyOf(runs);
        Long keep = getValue() == null ? null : runId.applyAsLong(getValue());
        refilling = true;
        try {
            setItems(listed);
            setValue(listed.stream().filter(r -> keep != null && runId.applyAsLong(r) == keep).findFirst()
                    .orElse(listed.isEmpty() || optional ? null : listed.get(0)));
        } finally {
            refilling = false;
        }
    }

    /** The runs listed by the last refill. */
    public List<R> runs() {
        return listed;
    }
}
