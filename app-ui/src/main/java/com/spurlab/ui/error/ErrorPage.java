package com.spurlab.ui.error;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The body of an error page: what happened in a sentence and the ways on. It has no application frame, so it
 * also shows before anyone has signed in.
 */
abstract class ErrorPage extends VerticalLayout {

    ErrorPage() {
        setId("error-page");
        addClassNames(LumoUtility.Padding.LARGE, LumoUtility.MaxWidth.SCREEN_MEDIUM);
    }

    void show(String title, String text) {
        removeAll();
        H2 heading = new H2(title);
        heading.setId("error-title");
        Paragraph explanation = new Paragraph(text);
        Anchor projects = new Anchor("", "Back to your projects");
        projects.setId("error-home");
        Anchor signIn = new Anchor("login", "Sign in as someone else");
        add(heading, explanation, projects, signIn);
    }
}
