package com.spurlab.ui;

import com.spurlab.core.experiment.ExperimentService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The whole installation's job queue, for administrators; refreshes every second. */
@Route(value = "admin/queue", layout = MainLayout.class)
@PageTitle("Queue · SpurLab")
@RolesAllowed("ADMIN")
public class QueueView extends VerticalLayout {

    private final QueuePanel panel;
    private Registration poll;

    public QueueView(ExperimentService experiments, Clock clock) {
        panel = new QueuePanel(experiments::queueOfInstallation, experiments, clock, true);
        setSizeFull();
        add(new H2("Job queue"), panel);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
        poll = event.getUI().addPollListener(e -> panel.refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }
}
