package dev.hermes.orchestrator.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AppCDS archive of the worker's classes, so a local worker's JVM maps them instead of loading and
 * verifying them (its start is mostly class loading of the AWS SDK). The first worker launched without
 * an archive writes one when it exits ({@code -XX:ArchiveClassesAtExit}, to a file of its own, moved in
 * place afterwards); later workers use it ({@code -XX:SharedArchiveFile}). The archive is named after
 * the jar's size and modification time, so a rebuilt jar gets a new one; a JVM that cannot use an
 * archive runs without it.
 */
final class ClassDataArchive {
    private static final Logger LOG = LoggerFactory.getLogger(ClassDataArchive.class);
    private final Path archive;
    private final AtomicBoolean training = new AtomicBoolean();

    private ClassDataArchive(Path archive) {
        this.archive = archive;
    }

    static ClassDataArchive forJar(Path jar, Path dir) {
        long size = 0;
        long modified = 0;
        try {
            size = Files.size(jar);
            modified = Files.getLastModifiedTime(jar).toMillis();
        } catch (IOException e) {
            // No jar: the launch fails on its own; the name does not matter.
        }
        return new ClassDataArchive(dir.resolve("worker-" + size + "-" + modified + ".jsa"));
    }

    /** JVM options for the next worker, and what to do once it exited. */
    record Use(List<String> options, Path trainingFile) {
    }

    Use next(long id) {
        if (Files.isRegularFile(archive)) {
            return new Use(List.of("-XX:SharedArchiveFile=" + archive), null);
        }
        if (!training.compareAndSet(false, true)) {
            return new Use(List.of(), null);
        }
        try {
            Files.createDirectories(archive.getParent());
        } catch (IOException e) {
            training.set(false);
            return new Use(List.of(), null);
        }
        Path file = archive.resolveSibling(archive.getFileName() + "." + id + ".tmp");
        return new Use(List.of("-XX:ArchiveClassesAtExit=" + file), file);
    }

    /** After the training worker exited: its archive, if it wrote one, becomes the archive. */
    void trained(Path file) {
        try {
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                Files.move(file, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                LOG.info("worker class data archive ready: {}", archive);
            }
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("cannot keep the worker class data archive {}: {}", file, e.toString());
        } finally {
            training.set(false);
        }
    }
}
