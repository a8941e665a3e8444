package com.spurlab.ui;

import com.spurlab.core.project.Project;
import com.spurlab.core.project.ProjectService;
import com.spurlab.core.user.CurrentUser;
import com.spurlab.core.user.Role;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** The projects the signed-in user is a member of; leads create new ones here. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Projects · SpurLab")
@PermitAll
public class ProjectsView extends VerticalLayout {

    private final ProjectService projects;
    private final Grid<Project> grid = new Grid<>(Project.class, false);

    public ProjectsView(ProjectService projects, CurrentUser currentUser) {
        this.projects = projects;
        grid.setId("projects");
        grid.addColumn(Project::getName).setHeader("Project").setFlexGrow(2);
        grid.addColumn(Project::getDescription).setHeader("Description").setFlexGrow(4);
        grid.addColumn(p -> p.getCreatedAt().toString().substring(0, 10)).setHeader("Created").setAutoWidth(true);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(ProjectView.class,
                new com.vaadin.flow.router.RouteParameters("projectId", String.valueOf(e.getItem().getId())))));
        grid.setAllRowsVisible(true);
        add(new H2("Projects"));
        if (currentUser.require().role() == Role.LEAD) {
            add(createForm());
        }
        add(grid);
        refresh();
    }

    private HorizontalLayout createForm() {
        TextField name = new TextField("New project");
        TextField description = new TextField("Description");
        description.setWidth("30em");
        Button create = new Button("Create", e -> {
            Project project = Notifications.attempt(() -> projects.create(name.getValue(), description.getValue()));
            if (project != null) {
                name.clear();
                description.clear();
                refresh();
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(name, description, create);
        form.setAlignItems(Alignment.BASELINE);
        return form;
    }

    private void refresh() {
        grid.setItems(projects.listVisible());
    }
}
