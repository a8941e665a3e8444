package com.spurlab.app;

import com.spurlab.core.dataset.DatasetService;
import com.spurlab.core.dataset.DatasetStatus;
import com.spurlab.core.dataset.DatasetVersionView;
import com.spurlab.core.experiment.PilotPlans;
import com.spurlab.core.kpi.KpiMetric;
import com.spurlab.core.kpi.KpiService;
import com.spurlab.core.project.Project;
import com.spurlab.core.project.ProjectService;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.core.user.AppUser;
import com.spurlab.core.user.Role;
import com.spurlab.core.user.UserService;
import com.spurlab.inference.demo.DemoSpec;
import com.spurlab.inference.demo.DemoSummary;
import com.spurlab.inference.demo.SpuriousFashionMnist;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * The demo profile: users for each role, sharing one generated password (kept owner-only in
 * {@code DATA/demo-password} so it stays the same across restarts, printed in the banner), and a demo
 * project whose dataset is built from real Fashion-MNIST images with an injected background cue, uploaded
 * through the same path vendors use, validated by the queued job, and (optionally) with the whole pilot planned
 * ({@link PilotPlans}: its ERM baseline runs first, so the dashboard's first result comes as soon as a baseline
 * alone would give it). Started without the demo, the demo's accounts are disabled: they work only while it is on.
 */
@Component
@Order(10)
class DemoInstallation implements ApplicationRunner {

    static final String PROJECT = "Fashion background-cue pilot";
    private static final Logger log = LoggerFactory.getLogger(DemoInstallation.class);

    private final DemoSettings settings;
    private final UserService users;
    private final ProjectService projects;
    private final DatasetService datasets;
    private final PilotPlans pilots;
    private final KpiService kpis;
    private final StorageSettings storage;
    private final Environment environment;

    DemoInstallation(DemoSettings settings, UserService users, ProjectService projects, DatasetService datasets,
                     PilotPlans pilots, KpiService kpis,
                     StorageSettings storage, Environment environment) {
        this.settings = settings;
        this.users = users;
        this.projects = projects;
        this.datasets = datasets;
        this.pilots = pilots;
        this.kpis = kpis;
        this.storage = storage;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (environment.acceptsProfiles(Profiles.of("worker"))) {
            return; // a worker node runs jobs; the nodes that serve users decide about the demo's accounts
        }
        if (!settings.enabled()) {
            int disabled = users.setDemoAccountsEnabled(false);
            if (disabled > 0) {
                log.info("the demo is off: its {} accounts are disabled until it is switched on again", disabled);
            }
            return;
        }
        String password = DemoPassword.of(settings, storage.dataDir(), users.minPasswordLength());
        Map<Role, AppUser> demoUsers = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase(java.util.Locale.ROOT);
            demoUsers.put(role, users.ensureDemoAccount(name, role, password));
        }
        if (!projects.exists(PROJECT)) {
            createProject(demoUsers);
        }
        log.warn("""

                ==== SpurLab DEMO (started with the demo profile) ====
                Sign in at {} with any of these users, password {}
                  admin      ADMIN      users and installation
                  lead       LEAD       runs the demo project's experiments
                  executive  EXECUTIVE  reads the demo project's dashboard
                  vendor     VENDOR     uploads datasets to the demo project
                The password is kept in {} (the same at every start).
                Demo accounts work only while the demo is on: start without it (./spurlab start --no-demo)
                for a real installation, which asks for its own administrator.
                ======================================================""", ServerAddress.of(environment), password,
                storage.dataDir().resolve(DemoPassword.FILE).toAbsolutePath().normalize());
    }

    private void createProject(Map<Role, AppUser> demoUsers) throws Exception {
        AppUser lead = demoUsers.get(Role.LEAD);
        Project project = projects.createUnchecked(PROJECT,
                "Fashion-MNIST garments on backgrounds whose colour family follows the label in 95 % of training "
                        + "images: does the model learn the garment or the background?",
                lead.getId(), List.of(demoUsers.get(Role.EXECUTIVE).getId(), demoUsers.get(Role.VENDOR).getId()));
        kpis.setTargetUnchecked(project.getId(), KpiMetric.WORST_GROUP_ACCURACY, 0.85);
        kpis.setTargetUnchecked(project.getId(), KpiMetric.ACCURACY_GAP, 0.05);
        if (!Files.isDirectory(settings.fashionMnistDir())) {
            log.warn("demo dataset skipped: {} is missing (apt-get install dataset-fashion-mnist)",
                    settings.fashionMnistDir());
            return;
        }
        Path archive = storage.work().resolve("demo-fashion-cue.zip");
        Files.createDirectories(archive.getParent());
        DemoSummary summary = SpuriousFashionMnist.write(settings.fashionMnistDir(), archive, DemoSpec.standard());
        log.info("demo dataset: {} images, labels {}, cue attribute {}", summary.images(), summary.labels(),
                summary.attribute());
        DatasetVersionView version = runAs(lead.getUsername(), () -> {
            try (InputStream in = Files.newInputStream(archive)) {
                return datasets.upload(project.getId(), "fashion-background-cue", archive.getFileName().toString(), in);
            }
        });
        Files.deleteIfExists(archive);
        if (settings.runPilot()) {
            // Validation is a queued job like any upload's; the pilot is planned once it is READY,
            // off the start-up path so the application is ready for sign-in meanwhile.
            Thread waiter = new Thread(() -> planPilotWhenReady(project.getId(), version.id(), lead.getUsername()),
                    "demo-pilot");
            waiter.setDaemon(true);
            waiter.start();
        }
    }

    private void planPilotWhenReady(long projectId, long versionId, String lead) {
        try {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(30);
            DatasetStatus status = datasets.getForJob(versionId).status();
            while (status == DatasetStatus.VALIDATING && System.nanoTime() < deadline) {
                Thread.sleep(500);
                status = datasets.getForJob(versionId).status();
            }
            if (status != DatasetStatus.READY) {
                log.warn("demo pilot not planned: the demo dataset version is {}", status);
                return;
            }
            var pilot = runAs(lead, () -> pilots.plan(projectId, versionId, null));
            log.info("demo: pilot planned on dataset version {} as experiment {} ({} steps, the ERM baseline first)",
                    versionId, pilot.id(), pilot.jobs().size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.error("demo pilot could not be planned", e);
        }
    }

    private <T> T runAs(String username, java.util.concurrent.Callable<T> work) throws Exception {
        var principal = users.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
