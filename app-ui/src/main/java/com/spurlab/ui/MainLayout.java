package com.spurlab.ui;

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
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame around every signed-in view: navigation by role, the user, their account, sign out. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication) {
        SpurLabPrincipal user = currentUser.require();
        Span title = new Span("SpurLab");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Span who = new Span(user.getUsername() + " · " + user.role());
        who.setId("current-user");
        Button account = new Button("Account");
        account.addClickListener(e -> account.getUI().ifPresent(ui -> ui.navigate(AccountView.class)));
        account.setId("account");
        account.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button logout = new Button("Sign out", e -> authentication.logout());
        logout.setId("sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who, account, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(who);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Projects", ProjectsView.class));
        nav.addItem(new SideNavItem("Account", AccountView.class));
        if (user.role() == Role.ADMIN) {
            nav.addItem(new SideNavItem("Users", UsersView.class));
            nav.addItem(new SideNavItem("Queue", QueueView.class));
        }
        addToDrawer(nav);
    }
}
