package com.spurlab.ui;

import com.spurlab.core.ConflictException;
import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.NotFoundException;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;

/** Runs a service call from a view and shows the service's own message when it refuses. */
public final class Notifications {

    private Notifications() {
    }

    public static <T> T attempt(Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidRequestException | NotFoundException | ConflictException | AccessDeniedException e) {
            error(e.getMessage());
            return null;
        }
    }

    public static void error(String message) {
        Notification n = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    public static void success(String message) {
        Notification n = Notification.show(message, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
