package com.spurlab.app;

import com.spurlab.core.ConflictException;
import com.spurlab.core.InvalidRequestException;
import com.spurlab.core.storage.StorageSettings;
import com.spurlab.core.user.UserService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * An installation without an enabled administrator (fresh, or whose only admin was the demo's) asks for
 * one. With a password given at start the admin is created at once; otherwise a one-time setup code is
 * written to {@code DATA/setup-code} (owner-only) and the page {@code /setup} creates the admin for
 * whoever presents it, so the first visitor of a networked installation cannot simply claim it.
 */
@Component
@Order(20)
public class FirstAdminSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminSetup.class);

    private final SetupSettings settings;
    private final UserService users;
    private final StorageSettings storage;
    private final Environment environment;
    private volatile String code;

    FirstAdminSetup(SetupSettings settings, UserService users, StorageSettings storage, Environment environment) {
        this.settings = settings;
        this.users = users;
        this.storage = storage;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (environment.acceptsProfiles(Profiles.of("worker"))) {
            return; // a worker node serves no pages: the nodes that do ask for the administrator
        }
        if (users.hasEnabledAdmin()) {
            Files.deleteIfExists(codeFile());
            return;
        }
        String password = givenPassword();
        if (password != null) {
            users.createFirstAdmin(settings.adminUsername(), password);
            log.info("first administrator '{}' created from the password given at start", settings.adminUsername());
            return;
        }
        byte[] secret = new byte[12];
        new SecureRandom().nextBytes(secret);
        code = HexFormat.of().formatHex(secret);
        Path file = codeFile();
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(DataFolderPermissions.OWNER_FILE));
        Files.writeString(file, code + "\n");
        log.warn("""

                ==== SpurLab: no administrator yet ====
                Open {}/setup and enter the setup code from {}
                (or start with SPURLAB_SETUP_ADMIN_PASSWORD=... to create the admin '{}' directly).
                =======================================""", ServerAddress.of(environment), file, settings.adminUsername());
    }

    /** True while the installation waits for its first administrator (none was created meanwhile). */
    public boolean pending() {
        return code != null && !users.hasEnabledAdmin();
    }

    /** Creates the first administrator for the holder of the setup code; the code then stops working. */
    public synchronized void complete(String presentedCode, String username, String password) {
        if (!pending()) {
            throw new ConflictException("already_set_up", "this installation already has an administrator");
        }
        if (presentedCode == null || !MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
                presentedCode.strip().getBytes(StandardCharsets.UTF_8))) {
            throw new InvalidRequestException("wrong_setup_code", "the setup code does not match the one in "
                    + "the data folder's file setup-code");
        }
        users.createFirstAdmin(username, password);
        code = null;
        try {
            Files.deleteIfExists(codeFile());
        } catch (IOException e) {
            log.warn("cannot remove the used setup code file: {}", e.getMessage());
        }
    }

    private String givenPassword() {
        if (settings.adminPassword() != null && !settings.adminPassword().isBlank()) {
            return settings.adminPassword();
        }
        if (settings.adminPasswordFile() != null) {
            try {
                return Files.readAllLines(settings.adminPasswordFile()).stream().findFirst().map(String::strip)
                        .orElse(null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read spurlab.setup.admin-password-file", e);
            }
        }
        return null;
    }

    private Path codeFile() {
        return storage.dataDir().resolve("setup-code");
    }
}
