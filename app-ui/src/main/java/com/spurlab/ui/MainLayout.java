package com.spurlab.ui;

import com.spurlab.core.project.Project;
import com.spurlab.core.project.ProjectService;
import com.spurlab.core.user.CurrentUser;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.SpurLabPrincipal;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.LumoUtility;
import jakarta.annotation.security.PermitAll;

/**
 * The frame around every signed-in view: navigation by role with the caller's projects (the open one marked),
 * the user, their account, sign out. Below a tablet's width the user's name moves into the drawer, so the header
 * keeps its buttons on one line.
 */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final ProjectService projects;
    private final SideNavItem projectsItem = new SideNavItem("Projects", ProjectsView.class);

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication, ProjectService projects) {
        this.projects = projects;
        SpurLabPrincipal user = currentUser.require();
        Span title = new Span("SpurLab");
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.LARGE);
        Span who = new Span(user.getUsername() + " · " + user.role());
        who.setId("current-user");
        who.addClassNames(LumoUtility.Display.HIDDEN, LumoUtility.Display.Breakpoint.Medium.FLEX,
                LumoUtility.TextColor.SECONDARY);
        Button account = new Button("Account");
        account.addClickListener(e -> account.getUI().ifPresent(ui -> ui.navigate(AccountView.class)));
        account.setId("account");
        account.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button logout = new Button("Sign out", e -> authentication.logout());
        logout.setId("sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Span gap = new Span();
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who, gap, account, logout);
        header.setWidthFull();
        header.setSpacing(false);
        header.addClassNames(LumoUtility.Gap.SMALL, LumoUtility.Padding.End.SMALL);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(gap);
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.setId("nav");
        projectsItem.setExpanded(true);
        nav.addItem(projectsItem);
        nav.addItem(new SideNavItem("Account", AccountView.class));
        if (user.role() == Role.ADMIN) {
            nav.addItem(new SideNavItem("Users", UsersView.class));
            nav.addItem(new SideNavItem("Queue", QueueView.class));
        }
        Span signedIn = new Span("Signed in as " + user.getUsername() + " (" + user.role().name()
                .toLowerCase(java.util.Locale.ROOT) + ")");
        signedIn.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Padding.MEDIUM);
        addToDrawer(nav, signedIn);
    }

    /** The caller's projects under "Projects"; SideNav marks the one whose page is open. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        projectsItem.removeAll();
        for (Project p : projects.listVisible()) {
            SideNavItem item = new SideNavItem(p.getName(), "projects/" + p.getId());
            item.addClassName("nav-project");
            projectsItem.addItem(item);
        }
    }
}
