package com.spurlab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The data folder holds the database (password hashes, token hashes) and every uploaded image: only the
 * account running SpurLab may read it. The folder is made 0700 before any bean (the database first) is
 * created, and the database's files 0600 once the application is up (H2 creates them with the umask's mode).
 */
final class DataFolderPermissions implements BeanFactoryPostProcessor, EnvironmentAware,
        ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DataFolderPermissions.class);
    static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private Path dataDir;

    @Override
    public void setEnvironment(Environment environment) {
        this.dataDir = Path.of(environment.getProperty("spurlab.data-dir", "./data")).toAbsolutePath().normalize();
    }

    @Override
    public void postProcessBeanFactory(org.springframework.beans.factory.config.ConfigurableListableBeanFactory f) {
        if (!posix()) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dataDir, e);
        }
        try {
            Files.setPosixFilePermissions(dataDir, OWNER_FOLDER);
        } catch (IOException e) {
            // Someone else's folder (a mount): SpurLab still runs, but says that others may read it.
            log.warn("cannot make the data folder {} readable by its owner only: {}", dataDir, e.getMessage());
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!posix()) {
            return;
        }
        Path db = dataDir.resolve("db");
        if (!Files.isDirectory(db)) {
            return;
        }
        try (Stream<Path> files = Files.list(db)) {
            Files.setPosixFilePermissions(db, OWNER_FOLDER);
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.setPosixFilePermissions(file, OWNER_FILE);
            }
        } catch (IOException e) {
            log.warn("cannot make the database files under {} private: {}", db, e.getMessage());
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
