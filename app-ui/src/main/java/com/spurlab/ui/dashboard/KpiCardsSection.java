package com.spurlab.ui.dashboard;

import com.spurlab.core.kpi.KpiPoint;
import com.spurlab.core.kpi.KpiStatus;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.report.PilotWords;
import com.spurlab.ui.Labels;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Locale;
import java.util.Optional;

/** One card per KPI: the judged figure and its verdict, then target, baseline, best by validation and latest. */
@org.springframework.stereotype.Component
class KpiCardsSection implements DashboardSection {

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(PilotOverview overview) {
        Div cards = Blocks.cardRow("kpis");
        overview.kpis().forEach(k -> cards.add(card(k, overview)));
        if (overview.kpis().isEmpty()) {
            return Optional.of(Blocks.section("kpi-section", "KPIs", "No KPI targets are set for this project: a lead "
                    + "sets them under Settings. The figures of the evaluation compared last:", latest(overview)));
        }
        return Optional.of(Blocks.section("kpi-section", "KPIs against their targets", "Each KPI is judged on the "
                + "test split of the best model (chosen on validation, never on test), with its 95 % interval.", cards));
    }

    private static Div card(KpiStatus k, PilotOverview overview) {
        Div card = Blocks.card();
        card.addClassName("kpi-card");
        card.getElement().setAttribute("data-metric", k.metric().name());
        Span title = new Span(PilotWords.name(k.metric()));
        title.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        KpiPoint judged = "best".equals(k.statusOf()) ? k.bestPoint() : k.latestPoint();
        Span number = Blocks.big(judged == null ? "—" : Labels.percent(judged.value()));
        number.setId("kpi-" + k.metric().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (judged != null) {
            number.getElement().setAttribute("data-run-id", String.valueOf(judged.evaluationRunId()));
        }
        Span status = judged == null
                ? Blocks.badge(overview.stage() == PilotOverview.Stage.WAITING_FOR_FIRST_EVALUATION
                        ? "waiting for the first evaluation" : "no evaluation yet", "contrast")
                : switch (k.status()) {
                    case MET -> Blocks.badge("met", "success");
                    case NOT_MET -> Blocks.badge("not met", "error");
                    case UNCERTAIN -> Blocks.badge("uncertain", "contrast");
                };
        status.addClassName("kpi-status");
        Div head = new Div(title, status);
        head.addClassNames(LumoUtility.Display.FLEX, LumoUtility.JustifyContent.BETWEEN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Gap.SMALL, LumoUtility.FlexWrap.WRAP);
        card.add(head, number, Blocks.small(PilotWords.verdict(k)));
        String change = PilotWords.change(k);
        if (change != null) {
            Span delta = new Span(change);
            delta.addClassNames("kpi-change", LumoUtility.FontSize.SMALL);
            card.add(delta);
        }
        card.add(figures(k), Blocks.small(PilotWords.meaning(k.metric())));
        return card;
    }

    private static Div figures(KpiStatus k) {
        Div table = new Div();
        table.addClassNames("kpi-figures", LumoUtility.FontSize.SMALL);
        table.getStyle().set("display", "grid").set("grid-template-columns", "auto 1fr").set("column-gap", "0.8em");
        row(table, "Target", PilotWords.target(k));
        row(table, "Baseline", PilotWords.withInterval(k.baselinePoint()) + method(k.baselinePoint()));
        row(table, "Best (by validation)", PilotWords.withInterval(k.bestPoint()) + method(k.bestPoint()));
        row(table, "Latest", PilotWords.withInterval(k.latestPoint()) + method(k.latestPoint()));
        return table;
    }

    private static String method(KpiPoint p) {
        return p == null ? "" : " · " + Labels.choice(p.method());
    }

    private static void row(Div table, String name, String value) {
        Span label = new Span(name);
        label.addClassNames(LumoUtility.TextColor.SECONDARY);
        table.add(label, new Span(value));
    }

    /** Without targets: the compared evaluation's headline figures, so a fresh project still reads something. */
    private static Component latest(PilotOverview overview) {
        PilotOverview.Evaluation shown = overview.mitigated() != null ? overview.mitigated() : overview.baseline();
        if (shown == null) {
            return Blocks.small(PilotWords.waiting(overview));
        }
        Div cards = Blocks.cardRow("headline");
        Div wga = Blocks.card();
        Span value = Blocks.big(Labels.percent(shown.test().worstGroupAccuracy()));
        value.setId("wga-value");
        wga.getElement().setAttribute("data-run-id", String.valueOf(shown.run().evaluationRunId()));
        wga.add(new Span("Worst-group accuracy (" + Labels.choice(shown.run().method()) + ")"), value,
                Blocks.small("95 % interval " + Labels.percent(shown.test().worstGroupCiLow()) + " – "
                        + Labels.percent(shown.test().worstGroupCiHigh()) + " · worst group "
                        + Labels.group(shown.test().worstGroup())));
        Div accuracy = Blocks.card();
        accuracy.add(new Span("Accuracy"), Blocks.big(Labels.percent(shown.test().accuracy())),
                Blocks.small("gap to the worst group " + Labels.percent(shown.test().gap())));
        cards.add(wga, accuracy);
        return cards;
    }
}
