package com.spurlab.ui.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * The chart of every SpurLab view: an Apache ECharts instance on this element. The library comes from the
 * {@code org.webjars.npm:echarts} jar, served by Spring Boot under {@code /webjars/}, and is loaded once per
 * page when the first chart is shown — not bundled, so Vaadin's pre-compiled production bundle stays valid
 * and nothing runs npm. The option is built on the server (see {@link BarChart}, {@link LineChart},
 * {@link HeatmapChart}) and also written to the {@code data-option} attribute, so browser tests can read
 * what is drawn; {@code data-rendered} counts the times the browser has drawn it. A ResizeObserver keeps
 * the chart the size of its element, down to phone widths.
 */
public class EChart extends Div {

    /** The script path relative to the application root, from the webjar's own version. */
    public static final String SCRIPT = "webjars/echarts/" + webjarVersion() + "/dist/echarts.min.js";

    private static final String RENDER = """
            const el = this;
            if (!window.spurlabCharts) {
              const charts = new Set();
              window.spurlabCharts = {
                charts,
                sweep() { charts.forEach(c => { if (!c.getDom().isConnected) { c.dispose(); charts.delete(c); } }); },
                load: new Promise((resolve, reject) => {
                  if (window.echarts) { resolve(window.echarts); return; }
                  const script = document.createElement('script');
                  script.src = new URL($1, document.baseURI).href;
                  script.onload = () => resolve(window.echarts);
                  script.onerror = () => reject(new Error('cannot load ' + script.src));
                  document.head.appendChild(script);
                })
              };
            }
            const lib = window.spurlabCharts;
            return lib.load.then(echarts => {
              lib.sweep();
              let chart = echarts.getInstanceByDom(el);
              if (!chart) {
                chart = echarts.init(el, null, {renderer: 'svg'});
                lib.charts.add(chart);
                new ResizeObserver(() => { if (el.isConnected && !chart.isDisposed()) chart.resize(); }).observe(el);
              }
              if ($2 && !el.spurlabClicks) {
                el.spurlabClicks = true;
                chart.on('click', p => el.$server.chartClicked(p.seriesIndex ?? -1, p.dataIndex ?? -1,
                    String(p.name ?? '')));
              }
              chart.setOption(JSON.parse($0), true);
              el.setAttribute('data-rendered', String(Number(el.getAttribute('data-rendered') || '0') + 1));
            });
            """;

    /** A click on a drawn item: its series, its index in the series' data, its name (category). */
    public record ItemClick(int seriesIndex, int dataIndex, String name) {
    }

    private final List<Consumer<ItemClick>> clickListeners = new ArrayList<>();
    private String json = "{}";
    private boolean pending;

    public EChart() {
        addClassNames("spurlab-chart", LumoUtility.Width.FULL);
        setMinWidth("0");
        setHeight("20em");
    }

    public EChart(ChartOption option) {
        this();
        setOption(option);
    }

    /** Draws this option (replacing the last one), sized as the option suggests. */
    public EChart setOption(ChartOption option) {
        if (option.suggestedHeight() != null) {
            setHeight(option.suggestedHeight());
        }
        setMaxWidth(option.suggestedMaxWidth());
        return setOption(option.toJson());
    }

    /** Draws a raw ECharts option (JSON data only: functions do not survive the trip). */
    public EChart setOption(ObjectNode option) {
        json = option.toString();
        getElement().setAttribute("data-option", json);
        scheduleRender();
        return this;
    }

    /** Called when a person clicks a bar, a point or a cell (e.g. to open the samples of a group). */
    public Registration addItemClickListener(Consumer<ItemClick> listener) {
        clickListeners.add(listener);
        getElement().setAttribute("data-clickable", "true");
        scheduleRender();
        return () -> clickListeners.remove(listener);
    }

    @ClientCallable
    private void chartClicked(int seriesIndex, int dataIndex, String name) {
        ItemClick click = new ItemClick(seriesIndex, dataIndex, name);
        List.copyOf(clickListeners).forEach(l -> l.accept(click));
    }

    /** The option last set, as JSON. */
    public String optionJson() {
        return json;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        scheduleRender();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        super.onDetach(event);
        // The element may be gone from the page; the next chart drawn disposes of instances left behind.
        event.getUI().getPage().executeJs("window.spurlabCharts && window.spurlabCharts.sweep()");
    }

    /** Once per round trip, however often the option changed in it. */
    private void scheduleRender() {
        if (pending) {
            return;
        }
        getUI().ifPresent(ui -> {
            pending = true;
            ui.beforeClientResponse(this, context -> {
                pending = false;
                getElement().executeJs(RENDER, json, SCRIPT, !clickListeners.isEmpty());
            });
        });
    }

    private static String webjarVersion() {
        try (InputStream in = EChart.class.getResourceAsStream(
                "/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the echarts webjar (org.webjars.npm:echarts) is not on the classpath");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
