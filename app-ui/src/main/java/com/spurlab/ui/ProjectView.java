package com.spurlab.ui;

import com.spurlab.core.project.Project;
import com.spurlab.core.project.ProjectAccess;
import com.spurlab.core.project.ProjectService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One project: the tabs the caller's role allows (dashboard for leads and executives, datasets for
 * leads and vendors, experiments and their queue for leads, each step's results as its tab bean says). A tab's
 * panel is made when the tab is first opened; opened panels that are {@link Refreshable} refresh every second while
 * the view is open (the dashboard refreshes by server push instead).
 */
@Route(value = "projects/:projectId", layout = MainLayout.class)
@PageTitle("Project · SpurLab")
@PermitAll
public class ProjectView extends VerticalLayout implements BeforeEnterObserver {

    private final ProjectService projects;
    private final ProjectAccess access;
    private final List<ProjectTab> tabs;
    private final List<Refreshable> panels = new ArrayList<>();
    private Registration poll;

    /** A panel that re-reads its data on each poll. */
    public interface Refreshable {
        void refresh();
    }

    public ProjectView(ProjectService projects, ProjectAccess access, List<ProjectTab> tabs) {
        this.projects = projects;
        this.access = access;
        this.tabs = tabs.stream().sorted(java.util.Comparator.comparingInt(ProjectTab::order)).toList();
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        panels.clear();
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("projectId").orElse(""));
        } catch (NumberFormatException e) {
            add(new H2("No such project"), new Paragraph("This address names no project. Your projects are listed "
                    + "on the start page."));
            return;
        }
        Project project;
        try {
            project = projects.get(id);
        } catch (org.springframework.security.access.AccessDeniedException | com.spurlab.core.NotFoundException e) {
            // The page says it; a toast repeating "not a member of project N" would only add noise.
            project = null;
        }
        if (project == null) {
            add(new H2("Not one of your projects"), new Paragraph("This project does not exist or you are not one of "
                    + "its members. A lead of the project can add you in its Settings."));
            return;
        }
        add(new H2(project.getName()));
        if (project.getDescription() != null) {
            add(new Paragraph(project.getDescription()));
        }
        TabSheet sheet = new TabSheet();
        sheet.setWidthFull();
        // A tab's panel is made (and reads its data) when the tab is first opened, so opening a project costs
        // only its first tab's reads, however many runs the other tabs would list.
        Map<Tab, Runnable> opens = new HashMap<>();
        for (ProjectTab tab : tabs) {
            if (access.allows(id, tab.requires())) {
                Div holder = new Div();
                holder.setWidthFull();
                Tab added = sheet.add(tab.title(), holder);
                added.setId("tab-" + tab.title().toLowerCase(java.util.Locale.ROOT));
                opens.put(added, () -> {
                    if (holder.getComponentCount() == 0) {
                        com.vaadin.flow.component.Component panel = tab.create(id);
                        holder.add(panel);
                        if (panel instanceof Refreshable refreshable) {
                            panels.add(refreshable);
                        }
                    }
                });
            }
        }
        sheet.addSelectedChangeListener(e -> opens.getOrDefault(e.getSelectedTab(), () -> { }).run());
        // "?tab=runs" opens that tab first (a link to a project's runs or queue), and only it reads its data.
        event.getLocation().getQueryParameters().getSingleParameter("tab")
                .flatMap(wanted -> opens.keySet().stream().filter(t -> t.getId().orElse("")
                        .equals("tab-" + wanted.toLowerCase(java.util.Locale.ROOT))).findFirst())
                .ifPresent(sheet::setSelectedTab);
        if (sheet.getSelectedTab() != null) {
            opens.getOrDefault(sheet.getSelectedTab(), () -> { }).run();
        }
        add(sheet);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().setPollInterval(1000);
        poll = event.getUI().addPollListener(e -> panels.forEach(Refreshable::refresh));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        event.getUI().setPollInterval(-1);
        if (poll != null) {
            poll.remove();
        }
    }
}
