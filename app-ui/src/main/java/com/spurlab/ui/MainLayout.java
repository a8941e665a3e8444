package com.spurlab.ui;

import com.spurlab.core.user.ApiTokenService;
import com.spurlab.core.user.CurrentUser;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.SpurLabPrincipal;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame around every signed-in view: navigation by role, the user, API token, sign out. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentUser currentUser, ApiTokenService tokens, AuthenticationContext authentication) {
        SpurLabPrincipal user = currentUser.require();
        Span title = new Span("SpurLab");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        Span who = new Span(user.getUsername() + " · " + user.role());
        who.setId("current-user");
        Button token = new Button("API token", e -> showToken(tokens));
        token.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button logout = new Button("Sign out", e -> authentication.logout());
        logout.setId("sign-out");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who, token, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(who);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Projects", ProjectsView.class));
        if (user.role() == Role.ADMIN) {
            nav.addItem(new SideNavItem("Users", UsersView.class));
            nav.addItem(new SideNavItem("Queue", QueueView.class));
        }
        addToDrawer(nav);
    }

    private static void showToken(ApiTokenService tokens) {
        String value = tokens.issue("issued in the UI");
        TextArea field = new TextArea("Your new API token (shown once)");
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidth("32em");
        Dialog dialog = new Dialog(field);
        dialog.setHeaderTitle("API token");
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.add(new Span("Use it as: Authorization: Bearer <token>"));
        dialog.open();
    }
}
