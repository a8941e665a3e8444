package com.spurlab.ui.dashboard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The dashboard's building blocks: a titled section, a card, a badge, a line of small print. */
final class Blocks {

    private Blocks() {
    }

    /** A section with a heading, a sentence saying how to read it, and its content. */
    static Div section(String id, String title, String howToRead, Component... content) {
        Div section = new Div();
        section.setId(id);
        section.addClassNames("dashboard-section", LumoUtility.Width.FULL, LumoUtility.Margin.Bottom.LARGE);
        H3 heading = new H3(title);
        heading.addClassNames(LumoUtility.Margin.Bottom.XSMALL);
        section.add(heading);
        if (howToRead != null) {
            section.add(small(howToRead));
        }
        section.add(content);
        return section;
    }

    /** Cards that wrap: several per row on a wide screen, one per row on a phone. */
    static Div cardRow(String id) {
        Div row = new Div();
        row.setId(id);
        row.addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexWrap.WRAP, LumoUtility.Gap.MEDIUM);
        return row;
    }

    static Div card() {
        Div card = new Div();
        card.addClassNames("dashboard-card", LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN,
                LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Border.ALL,
                LumoUtility.BorderColor.CONTRAST_10, LumoUtility.Gap.XSMALL);
        // Two cards side by side from ~40em, one per row on a phone.
        card.getStyle().set("flex", "1 1 20em").set("min-width", "0").set("max-width", "40em");
        return card;
    }

    /** @param theme Lumo badge theme: success, error, contrast (neutral) */
    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme);
        return badge;
    }

    static Paragraph small(String text) {
        Paragraph p = new Paragraph(text);
        p.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Vertical.XSMALL);
        return p;
    }

    static Span big(String text) {
        Span number = new Span(text);
        number.addClassNames(LumoUtility.FontSize.XXLARGE, LumoUtility.FontWeight.SEMIBOLD);
        return number;
    }
}
