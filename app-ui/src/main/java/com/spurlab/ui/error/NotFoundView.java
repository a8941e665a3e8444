package com.spurlab.ui.error;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that leads nowhere — or to a page the caller's role may not open: the router does not say which,
 * so neither does this page (a vendor learns nothing of the admin pages).
 */
@AnonymousAllowed
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("Nothing here for you", "The page '" + event.getLocation().getPath() + "' does not exist, or your role "
                + "does not open it. Your projects are on the start page.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
