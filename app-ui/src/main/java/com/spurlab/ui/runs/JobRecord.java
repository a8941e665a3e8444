package com.spurlab.ui.runs;

import com.spurlab.core.experiment.ExperimentService;
import com.spurlab.core.experiment.JobLogEntry;
import com.spurlab.core.results.RunReport;
import com.spurlab.core.run.ArtifactView;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/** The logs of the run's training and evaluation jobs (opened on demand) and its artifacts by id and type. */
public class JobRecord extends Div {

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("HH:mm:ss", java.util.Locale.ROOT).withZone(java.time.ZoneId.systemDefault());

    JobRecord(RunReport report, ExperimentService experiments) {
        setId("run-jobs");
        setWidthFull();
        if (report.run().trainingJobId() != null) {
            add(log("Training job " + report.run().trainingJobId() + " — log", report.run().trainingJobId(),
                    experiments, "log-training"));
        }
        add(log("Evaluation job " + report.run().evaluationJobId() + " — log", report.run().evaluationJobId(),
                experiments, "log-evaluation"));
        UnorderedList artifacts = new UnorderedList();
        artifacts.setId("run-artifacts");
        for (ArtifactView a : report.artifacts()) {
            artifacts.add(new ListItem("artifact #" + a.id() + " · " + a.type() + " · from job " + a.jobId()
                    + (a.datasetVersionId() == null ? "" : " · dataset version " + a.datasetVersionId())));
        }
        add(artifacts);
    }

    private static Details log(String title, long jobId, ExperimentService experiments, String id) {
        Pre text = new Pre();
        text.addClassNames(LumoUtility.FontSize.XSMALL, LumoUtility.Overflow.AUTO, LumoUtility.Background.CONTRAST_5,
                LumoUtility.Padding.SMALL);
        text.setMaxHeight("24em");
        text.getStyle().set("white-space", "pre-wrap");
        Details details = new Details(title, text);
        details.setId(id);
        details.setWidthFull();
        details.addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                text.setText(format(experiments.log(jobId)));
            }
        });
        return details;
    }

    /** Log lines as a console shows them: time, node, text. */
    public static String format(List<JobLogEntry> lines) {
        if (lines.isEmpty()) {
            return "(no lines logged)";
        }
        StringBuilder out = new StringBuilder();
        lines.forEach(l -> out.append(TIME.format(l.at())).append("  ").append(l.node() == null ? "" : l.node() + "  ")
                .append(l.line()).append('\n'));
        return out.toString();
    }
}
