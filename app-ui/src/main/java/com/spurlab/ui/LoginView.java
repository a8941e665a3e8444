package com.spurlab.ui;

import com.spurlab.app.FirstAdminSetup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.springframework.core.env.Environment;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * Form login; Spring Security processes the POST to /login, which carries Spring's CSRF token (a hidden
 * field in the form's custom area) so that no other site can sign a visitor in. Says so when the account
 * or address is locked, when the demo is on, and while the installation waits for its first admin.
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · SpurLab")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(FirstAdminSetup setup, Environment environment) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        addCsrfField();
        add(new H1("SpurLab"), new Paragraph("Find the spurious cues your image model leans on."), login);
        if (setup.pending()) {
            Anchor link = new Anchor("setup", "Set up the first administrator");
            link.setId("setup-link");
            add(new Paragraph("This installation has no administrator yet."), link);
        }
        if (environment.getProperty("spurlab.demo.enabled", Boolean.class, false)) {
            Paragraph hint = new Paragraph("Demo: users admin, lead, executive, vendor; their password is in the "
                    + "start-up banner and in the data folder's file demo-password.");
            hint.setId("demo-hint");
            hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            add(hint);
        }
    }

    /** Vaadin's login form submits the named children of its custom area along with the credentials. */
    private void addCsrfField() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        Object token = request == null ? null : request.getHttpServletRequest().getAttribute(CsrfToken.class.getName());
        if (token instanceof CsrfToken csrf) {
            Element field = new Element("input");
            field.setAttribute("type", "hidden");
            field.setAttribute("name", csrf.getParameterName());
            field.setAttribute("value", csrf.getToken());
            field.setAttribute("slot", "custom-form-area");
            login.getElement().appendChild(field);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("locked")) {
            LoginI18n i18n = LoginI18n.createDefault();
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage().setMessage("This account or your address must wait before the next try; an "
                    + "administrator can lift the lock.");
            login.setI18n(i18n);
        }
        login.setError(parameters.containsKey("error") || parameters.containsKey("locked"));
    }
}
