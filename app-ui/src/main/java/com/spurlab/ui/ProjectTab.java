package com.spurlab.ui;

import com.spurlab.core.project.Capability;
import com.vaadin.flow.component.Component;

/**
 * A tab of the project view. Each tab is one bean: the view shows, in {@link #order()}, those the caller's
 * capability in the project allows, so a new step's results add a tab without editing the view. A panel that
 * implements {@link ProjectView.Refreshable} is refreshed while the view is open.
 */
public interface ProjectTab {

    /** The tab's label; its element id is {@code tab-<title in lower case>}. */
    String title();

    /** Left to right: dashboard 10, datasets 20, experiments 30, queue 90. */
    int order();

    Capability requires();

    /** A fresh panel for the project, made when its tab is first opened (the caller may open it: checked by the view). */
    Component create(long projectId);
}
