package com.spurlab.ui;

import static com.spurlab.BenchFigures.load;
import static com.spurlab.BenchFigures.median;
import static com.spurlab.BenchFigures.rounded;

import com.spurlab.core.results.RunFilter;
import com.spurlab.core.results.RunSort;
import com.spurlab.core.results.RunTable;
import com.spurlab.results.SimulatedRuns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The runs table's benchmark, not a test (no timed assertions; run by {@code bench/runs-table.sh}): a project
 * with {@code bench.runs} (200) evaluated runs seeded through the API, then the server time of one table read
 * (the rows of a page, the count) and the browser's time from opening the project to the Runs tab's rows.
 */
class RunsTableBenchmark extends BrowserITSupport {

    private static final int RUNS = Integer.getInteger("bench.runs", 200);

    @Autowired
    RunTable table;

    @Test
    void runsTableOfAProjectWith200EvaluatedRuns() {
        print("load before: " + load());
        long project = createProject("lead", "runs bench " + System.nanoTime(), "executive");
        long version = ready("lead", upload("lead", project, "fashion-cue", tinyArchive()));
        long seeding = System.nanoTime();
        new SimulatedRuns(api("lead")).evaluate(project, version, IntStream.range(0, RUNS).mapToObj(i ->
                new SimulatedRuns.Plan("run " + i, List.of("ERM", "REWEIGHT", "GROUP_DRO", "JTT", "DFR").get(i % 5),
                        2 + i % 4, 0.85 + (i % 10) / 100.0, (i % 7) / 20.0, i)).toList(), Duration.ofMinutes(30));
        print(String.format(Locale.ROOT, "seeded %d evaluated runs (%d jobs) through the API in %.1f s", RUNS,
                2 * RUNS, (System.nanoTime() - seeding) / 1e9));

        var lead = users.loadUserByUsername("lead");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(lead, null, lead.getAuthorities()));
        List<Double> server = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long t = System.nanoTime();
            table.find(project, RunFilter.ALL, List.of(RunSort.NEWEST), 0, 50);
            table.count(project, RunFilter.ALL);
            server.add((System.nanoTime() - t) / 1e6);
        }
        SecurityContextHolder.clearContext();
        print(String.format(Locale.ROOT, "server: one grid refresh (first 50 rows + count of %d): median %.0f ms,"
                + " first %.0f ms, all %s", RUNS, median(server), server.get(0), rounded(server)));

        new LoginPage(driver, baseUrl()).signIn("lead", PASSWORD);
        Browser.resize(driver, 1440);
        List<Double> browser = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            ProjectPage page = new ProjectPage(driver).open(baseUrl(), project);
            page.tab("Runs");
            awaitRows();
            browser.add((System.nanoTime() - t) / 1e6);
            // A link to the Runs tab (?tab=runs): the dashboard behind the first tab is never made.
            t = System.nanoTime();
            new ProjectPage(driver).open(baseUrl() + "", project, "runs");
            awaitRows();
            direct.add((System.nanoTime() - t) / 1e6);
        }
        Browser.screenshot(driver, "bench-runs-table");
        print(String.format(Locale.ROOT, "browser: open the project (its dashboard first), click Runs, until %d rows are "
                + "counted and the first rows drawn: median %.0f ms, all %s", RUNS, median(browser), rounded(browser)));
        print(String.format(Locale.ROOT, "browser: open the project's Runs tab by its link (?tab=runs) until %d rows are "
                + "counted and the first rows drawn: median %.0f ms, all %s", RUNS, median(direct), rounded(direct)));
        print("load after: " + load());
    }

    private void awaitRows() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> d.findElement(By.id("runs-count")).getText()
                .startsWith(RUNS + " of " + RUNS) && d.findElements(By.cssSelector("#runs a.run-link")).size() >= 10);
    }

    private static void print(String line) {
        System.out.println("RUNS-BENCH " + line);
    }
}
