package com.spurlab.ui;

import static com.spurlab.BenchFigures.load;
import static com.spurlab.BenchFigures.median;
import static com.spurlab.BenchFigures.rounded;

import com.spurlab.core.results.PilotDashboard;
import com.spurlab.core.results.PilotFindings;
import com.spurlab.core.results.PilotOverview;
import com.spurlab.core.results.PilotReports;
import com.spurlab.results.SimulatedRuns;
import jakarta.persistence.EntityManagerFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The dashboard's benchmark, not a test (no timed assertions; run by {@code bench/dashboard.sh}): a project with
 * {@code bench.runs} (200) evaluated runs seeded through the API, then the server time of one dashboard read (the
 * overview, the top cues and the audits: what its sections read) with its JPA statements, and headless Chromium's
 * time from opening the project to the dashboard's charts drawn. Target: under 1.5 s.
 */
class DashboardBenchmark extends BrowserITSupport {

    private static final int RUNS = Integer.getInteger("bench.runs", 200);

    @Autowired
    PilotDashboard dashboard;

    @Autowired
    PilotFindings findings;

    @Autowired
    EntityManagerFactory entityManagers;

    @Test
    void dashboardOfAProjectWith200EvaluatedRuns() {
        print("load before: " + load());
        long project = createProject("lead", "dashboard bench " + System.nanoTime(), "executive");
        target("lead", project, "WORST_GROUP_ACCURACY", 0.85);
        target("lead", project, "ACCURACY_GAP", 0.05);
        long version = ready("lead", upload("lead", project, "fashion-cue", tinyArchive()));
        long seeding = System.nanoTime();
        new SimulatedRuns(api("lead")).evaluate(project, version, IntStream.range(0, RUNS).mapToObj(i ->
                new SimulatedRuns.Plan("run " + i, List.of("ERM", "REWEIGHT", "GROUP_DRO", "JTT", "DFR").get(i % 5),
                        2 + i % 4, 0.85 + (i % 10) / 100.0, (i % 7) / 20.0, i)).toList(), Duration.ofMinutes(30));
        print(String.format(Locale.ROOT, "seeded %d evaluated runs (%d jobs) through the API in %.1f s", RUNS,
                2 * RUNS, (System.nanoTime() - seeding) / 1e9));

        var executive = users.loadUserByUsername("executive");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(executive, null, executive.getAuthorities()));
        Statistics statistics = entityManagers.unwrap(SessionFactory.class).getStatistics();
        List<Double> server = new ArrayList<>();
        List<Long> statements = new ArrayList<>();
        int trend = 0;
        for (int i = 0; i < 7; i++) {
            long before = statistics.getPrepareStatementCount();
            long t = System.nanoTime();
            dashboard.changeMark(project);
            PilotOverview overview = dashboard.overview(project);
            findings.topCues(project, PilotReports.TOP_CUES);
            findings.audits(project, PilotReports.modelRunOf(overview.baseline()),
                    PilotReports.modelRunOf(overview.mitigated()));
            server.add((System.nanoTime() - t) / 1e6);
            statements.add(statistics.getPrepareStatementCount() - before);
            trend = overview.trend().size();
        }
        long check = statistics.getPrepareStatementCount();
        long t = System.nanoTime();
        dashboard.changeMark(project);
        double checkMillis = (System.nanoTime() - t) / 1e6;
        long checkStatements = statistics.getPrepareStatementCount() - check;
        SecurityContextHolder.clearContext();
        print(String.format(Locale.ROOT, "server: one dashboard read (overview with %d compared evaluations, top cues, "
                + "audits): median %.0f ms, first %.0f ms, all %s; JPA statements per read %s (plus 2 plain SQL)",
                trend, median(server), server.get(0), rounded(server), statements));
        print(String.format(Locale.ROOT, "server: the change check an open dashboard makes every 3 s: %.1f ms, %d JPA "
                + "statements (one plain SQL query)", checkMillis, checkStatements));

        new LoginPage(driver, baseUrl()).signIn("executive", PASSWORD);
        Browser.resize(driver, 1440, 1800);
        List<Double> browser = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            new ProjectPage(driver).open(baseUrl(), project);
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                    !d.findElements(By.cssSelector("#group-bars[data-rendered]")).isEmpty()
                            && !d.findElements(By.cssSelector("#kpi-trend-worst-group-accuracy[data-rendered]")).isEmpty()
                            && d.findElements(By.cssSelector("#kpis .kpi-card")).size() == 2);
            browser.add((System.nanoTime() - start) / 1e6);
        }
        Browser.screenshot(driver, "bench-dashboard");
        print(String.format(Locale.ROOT, "browser: open the project until the KPI cards, the group chart and the trend "
                + "(%d points) are drawn: median %.0f ms, all %s (target < 1500 ms)", trend, median(browser),
                rounded(browser)));
        print("load after: " + load());
    }

    private static void print(String line) {
        System.out.println("DASHBOARD-BENCH " + line);
    }
}
