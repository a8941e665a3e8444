package com.spurlab.ui.dashboard;

import com.spurlab.core.results.PilotDashboard;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.report.PilotWords;
import com.spurlab.report.ReportDownloads;
import com.spurlab.report.ReportFormat;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;

/**
 * "Did the pilot work?": a verdict in one sentence, the report downloads, then each {@link DashboardSection} in order.
 * Re-read only when the project's change mark moves (checked on server push, see {@link DashboardUpdates}).
 */
class DashboardPanel extends VerticalLayout {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DashboardPanel.class);

    private final long projectId;
    private final PilotDashboard dashboard;
    private final List<DashboardSection> sections;
    private final DashboardUpdates updates;
    private final ReportDownloads reports;
    private String shownMark;
    private Registration watch;

    DashboardPanel(long projectId, PilotDashboard dashboard, List<DashboardSection> sections, DashboardUpdates updates,
                   ReportDownloads reports) {
        this.projectId = projectId;
        this.dashboard = dashboard;
        this.sections = sections;
        this.updates = updates;
        this.reports = reports;
        setPadding(false);
        setId("dashboard");
        refreshIfChanged();
    }

    /** One query when nothing changed; the whole dashboard (a fixed number of queries) when something did. */
    void refreshIfChanged() {
        String mark = dashboard.changeMark(projectId);
        if (mark.equals(shownMark)) {
            return;
        }
        shownMark = mark;
        PilotOverview overview = dashboard.overview(projectId);
        removeAll();
        add(header(overview));
        for (DashboardSection section : sections) {
            try {
                section.create(overview).ifPresent(this::add);
            } catch (RuntimeException e) {
                // One step's unreadable result must not take the KPIs down with it.
                log.warn("dashboard section {} of project {} failed", section.getClass().getSimpleName(), projectId, e);
                add(new Paragraph("One section of the dashboard could not be shown (" + e.getClass().getSimpleName()
                        + "); the log has the details."));
            }
        }
        getElement().setAttribute("data-mark", mark);
    }

    private Div header(PilotOverview overview) {
        Paragraph verdict = new Paragraph(PilotWords.verdict(overview));
        verdict.setId("pilot-verdict");
        verdict.addClassNames(LumoUtility.FontSize.LARGE, LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Margin.NONE);
        Div links = new Div();
        links.addClassNames(LumoUtility.Display.FLEX, LumoUtility.Gap.MEDIUM, LumoUtility.FlexWrap.WRAP);
        for (ReportFormat format : ReportFormat.values()) {
            Anchor link = new Anchor(reports.handler(projectId, format), format == ReportFormat.PDF
                    ? "Download report (PDF)" : "Figures as CSV");
            link.setId("download-report-" + format.name().toLowerCase(java.util.Locale.ROOT));
            links.add(link);
        }
        Div header = new Div(verdict, links);
        header.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.JustifyContent.BETWEEN,
                LumoUtility.AlignItems.BASELINE, LumoUtility.Gap.MEDIUM, LumoUtility.Width.FULL);
        return header;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        watch = updates.watch(event.getUI(), this::refreshIfChanged);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (watch != null) {
            watch.remove();
        }
    }
}
