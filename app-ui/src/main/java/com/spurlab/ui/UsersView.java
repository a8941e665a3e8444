package com.spurlab.ui;

import com.spurlab.core.user.AppUser;
import com.spurlab.core.user.LoginThrottle;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Map;

/** Admins create users, disable and enable them, reset their passwords, and see and lift sign-in locks. */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · SpurLab")
@RolesAllowed("ADMIN")
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final LoginThrottle throttle;
    private final Grid<AppUser> grid = new Grid<>();
    private final Grid<LoginThrottle.Lock> addressLocks = new Grid<>();
    private Map<String, LoginThrottle.Lock> accountLocks = Map.of();

    public UsersView(UserService users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
        TextField username = new TextField("Username");
        PasswordField password = new PasswordField("Password");
        password.setHelperText("At least " + users.minPasswordLength() + " characters");
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
        grid.setId("users");
        grid.addColumn(AppUser::getUsername).setHeader("Username");
        grid.addColumn(u -> u.getRole().name()).setHeader("Role");
        grid.addColumn(AppUser::getDisplayName).setHeader("Name");
        grid.addColumn(this::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(u -> u.getCreatedAt().toString().substring(0, 10)).setHeader("Created");
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        addressLocks.addColumn(LoginThrottle.Lock::key).setHeader("Client address");
        addressLocks.addColumn(LoginThrottle.Lock::failures).setHeader("Failed sign-ins");
        addressLocks.addColumn(l -> l.until().toString().substring(11, 19) + " UTC").setHeader("Locked until");
        addressLocks.addComponentColumn(l -> new Button("Unlock", e -> {
            throttle.unlock(l.key());
            refresh();
        })).setAutoWidth(true);
        addressLocks.setAllRowsVisible(true);
        add(new H2("Users"), form, grid, new H3("Locked client addresses"), addressLocks);
        refresh();
    }

    private String state(AppUser u) {
        LoginThrottle.Lock lock = accountLocks.get(u.getUsername().toLowerCase(Locale.ROOT));
        String state = u.isEnabled() ? "active" : "disabled";
        if (u.isDemo()) {
            state += " · demo";
        }
        return lock == null ? state : state + " · locked until " + lock.until().toString().substring(11, 19) + " UTC";
    }

    private HorizontalLayout actions(AppUser u) {
        Button toggle = new Button(u.isEnabled() ? "Disable" : "Enable", e -> {
            Notifications.attempt(() -> users.setEnabled(u.getId(), !u.isEnabled()));
            refresh();
        });
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button reset = new Button("Reset password", e -> resetDialog(u).open());
        reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout actions = new HorizontalLayout(toggle, reset);
        if (accountLocks.containsKey(u.getUsername().toLowerCase(Locale.ROOT))) {
            Button unlock = new Button("Unlock", e -> {
                throttle.unlock(u.getUsername());
                refresh();
            });
            unlock.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            actions.add(unlock);
        }
        return actions;
    }

    private Dialog resetDialog(AppUser u) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("New password for " + u.getUsername());
        PasswordField password = new PasswordField("New password");
        password.setHelperText("At least " + users.minPasswordLength() + " characters; their sessions end");
        dialog.add(password);
        Button set = new Button("Set password", e -> {
            if (Notifications.attempt(() -> {
                users.resetPassword(u.getId(), password.getValue());
                return true;
            }) != null) {
                Notifications.success("Password of " + u.getUsername() + " reset");
                dialog.close();
            }
        });
        set.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), set);
        return dialog;
    }

    private void refresh() {
        accountLocks = throttle.lockedAccounts();
        grid.setItems(users.list());
        addressLocks.setItems(throttle.lockedAddresses().values());
    }
}
