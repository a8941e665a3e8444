package com.spurlab.ui;

import com.spurlab.core.user.ApiTokenService;
import com.spurlab.core.user.ApiTokenView;
import com.spurlab.core.user.IssuedToken;
import com.spurlab.core.user.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;

/** The signed-in user's own account: change the password; issue, list and revoke API tokens. */
@Route(value = "account", layout = MainLayout.class)
@PageTitle("Account · SpurLab")
@PermitAll
public class AccountView extends VerticalLayout {

    private final ApiTokenService tokens;
    private final Grid<ApiTokenView> grid = new Grid<>();

    public AccountView(UserService users, ApiTokenService tokens) {
        this.tokens = tokens;
        add(new H2("Your account"), new H3("Password"), passwordForm(users), new H3("API tokens"), tokenForm());
        grid.setId("tokens");
        grid.addColumn(ApiTokenView::label).setHeader("Label").setFlexGrow(2);
        grid.addColumn(t -> day(t.createdAt())).setHeader("Created").setAutoWidth(true);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : minute(t.lastUsedAt())).setHeader("Last used")
                .setAutoWidth(true);
        grid.addColumn(t -> t.expiresAt() == null ? "never" : day(t.expiresAt())).setHeader("Expires")
                .setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> {
                tokens.revoke(t.id());
                Notifications.success("Token '" + t.label() + "' revoked");
                refresh();
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            return revoke;
        }).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private HorizontalLayout passwordForm(UserService users) {
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("new-password");
        next.setHelperText("At least " + users.minPasswordLength() + " characters");
        PasswordField repeat = new PasswordField("New password again");
        repeat.setId("repeat-password");
        Button change = new Button("Change password", e -> {
            if (!next.getValue().equals(repeat.getValue())) {
                Notifications.error("The two new passwords differ");
                return;
            }
            if (Notifications.attempt(() -> {
                users.changeOwnPassword(current.getValue(), next.getValue());
                return true;
            }) != null) {
                // Every session of this user ends with the old password, this one too.
                getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
            }
        });
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(current, next, repeat, change);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private HorizontalLayout tokenForm() {
        TextField label = new TextField("Label");
        label.setMaxLength(200);
        label.setPlaceholder("e.g. nightly upload script");
        IntegerField days = new IntegerField("Expires after (days)");
        days.setHelperText("Empty: until revoked");
        days.setMin(1);
        Button issue = new Button("Issue token", e -> {
            IssuedToken issued = Notifications.attempt(() -> tokens.issue(label.getValue(), days.getValue()));
            if (issued != null) {
                label.clear();
                days.clear();
                refresh();
                show(issued);
            }
        });
        issue.setId("issue-token");
        HorizontalLayout form = new HorizontalLayout(label, days, issue);
        form.setAlignItems(Alignment.BASELINE);
        return form;
    }

    private static void show(IssuedToken issued) {
        TextArea field = new TextArea("Your new API token (shown once)");
        field.setValue(issued.token());
        field.setReadOnly(true);
        field.setWidth("32em");
        field.setId("issued-token");
        Dialog dialog = new Dialog(new VerticalLayout(field, new Span("Use it as: Authorization: Bearer <token>")));
        dialog.setHeaderTitle("API token '" + issued.label() + "'");
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void refresh() {
        grid.setItems(tokens.mine());
    }

    private static String day(Instant at) {
        return at.toString().substring(0, 10);
    }

    private static String minute(Instant at) {
        return at.toString().substring(0, 16).replace('T', ' ');
    }
}
