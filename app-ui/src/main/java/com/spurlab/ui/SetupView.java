package com.spurlab.ui;

import com.spurlab.app.FirstAdminSetup;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.spurlab.core.user.UserService;

/** The one-time page of a fresh installation: the holder of the setup code creates the first administrator. */
@Route(value = "setup", autoLayout = false)
@PageTitle("Set up · SpurLab")
@AnonymousAllowed
public class SetupView extends VerticalLayout implements BeforeEnterObserver {

    private final FirstAdminSetup setup;

    public SetupView(FirstAdminSetup setup, UserService users) {
        this.setup = setup;
        setAlignItems(Alignment.CENTER);
        TextField code = new TextField("Setup code");
        code.setId("setup-code");
        code.setHelperText("In the file setup-code of the data folder, and in the start-up log");
        TextField username = new TextField("Administrator's user name", "admin", "");
        username.setValue("admin");
        username.setId("setup-username");
        PasswordField password = new PasswordField("Password");
        password.setId("setup-password");
        password.setHelperText("At least " + users.minPasswordLength() + " characters");
        PasswordField repeat = new PasswordField("Password again");
        repeat.setId("setup-repeat");
        Button create = new Button("Create administrator", e -> {
            if (!password.getValue().equals(repeat.getValue())) {
                Notifications.error("The two passwords differ");
                return;
            }
            if (Notifications.attempt(() -> {
                setup.complete(code.getValue(), username.getValue(), password.getValue());
                return true;
            }) != null) {
                getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
            }
        });
        create.setId("setup-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(code, username, password, repeat, create);
        form.setWidth("28em");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H1("Set up SpurLab"), new Paragraph("This installation has no administrator yet. Create one; "
                + "the administrator then creates the other users."), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!setup.pending()) {
            event.forwardTo(LoginView.class);
        }
    }
}
