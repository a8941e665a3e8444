package com.spurlab.ui;

import com.spurlab.core.user.AppUser;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Admins list users and create them with a role. */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · SpurLab")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final Grid<AppUser> grid = new Grid<>();

    public UsersView(UserService users) {
        this.users = users;
        TextField username = new TextField("Username");
        PasswordField password = new PasswordField("Password");
        ComboBox<Role> role = new ComboBox<>("Role", Role.values());
        Button create = new Button("Create user", e -> {
            if (Notifications.attempt(() -> users.create(username.getValue(), password.getValue(), role.getValue(),
                    username.getValue())) != null) {
                username.clear();
                password.clear();
                refresh();
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(username, password, role, create);
        form.setAlignItems(Alignment.BASELINE);
        grid.addColumn(AppUser::getUsername).setHeader("Username");
        grid.addColumn(u -> u.getRole().name()).setHeader("Role");
        grid.addColumn(AppUser::getDisplayName).setHeader("Name");
        grid.addColumn(u -> u.getCreatedAt().toString().substring(0, 10)).setHeader("Created");
        grid.setAllRowsVisible(true);
        add(new H2("Users"), form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list());
    }
}
