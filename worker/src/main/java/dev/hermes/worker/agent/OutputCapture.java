package dev.hermes.worker.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains an agent's output (stdout and stderr together) on its own thread: the first {@code cap} bytes
 * go to the command's log file, the rest is counted and dropped, so a chatty agent can neither fill
 * the disk nor block on a full pipe. The last 16 KiB are kept in memory for the summary.
 */
final class OutputCapture {
    private static final Logger log = LoggerFactory.getLogger(OutputCapture.class);
    static final int MAX_LINE = 200;
    private static final int TAIL_BYTES = 16 * 1024;

    private final byte[] tail = new byte[TAIL_BYTES];
    private final CountDownLatch drained = new CountDownLatch(1);
    private long total;

    private OutputCapture() {
    }

    static OutputCapture start(InputStream output, Path logFile, long cap, String name) {
        OutputCapture capture = new OutputCapture();
        Thread pump = new Thread(() -> capture.pump(output, logFile, cap), name);
        pump.setDaemon(true);
        pump.start();
        return capture;
    }

    private void pump(InputStream output, Path logFile, long cap) {
        try (InputStream in = output; OutputStream file = Files.newOutputStream(logFile)) {
            byte[] buffer = new byte[8192];
            boolean noted = false;
            for (int n; (n = in.read(buffer)) > 0; ) {
                long room = Math.max(0, cap - total);
                if (room > 0) {
                    file.write(buffer, 0, (int) Math.min(room, n));
                } else if (!noted) {
                    file.write(("\n[hermes: output past " + cap + " bytes is not kept]\n").getBytes(StandardCharsets.UTF_8));
                    file.flush();
                    noted = true;
                }
                keep(buffer, n);
            }
        } catch (IOException e) {
            log.debug("agent output closed: {}", e.toString());
        } finally {
            drained.countDown();
        }
    }

    private synchronized void keep(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            tail[(int) ((total + i) % TAIL_BYTES)] = buffer[i];
        }
        total += n;
    }

    /** Waits until the output ended (every writer closed it) or {@code timeout} passed. */
    boolean awaitDrained(Duration timeout) {
        try {
            return drained.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    synchronized long bytes() {
        return total;
    }

    /** The last non-blank line seen, without control characters and at most 200 characters, or null. */
    synchronized String lastLine() {
        int size = (int) Math.min(total, TAIL_BYTES);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = tail[(int) ((total - size + i) % TAIL_BYTES)];
        }
        return lastLine(new String(bytes, StandardCharsets.UTF_8));
    }

    static String lastLine(String text) {
        List<String> lines = text.lines()
                .map(line -> line.replaceAll("\\p{Cntrl}", " ").strip())
                .filter(line -> !line.isEmpty())
                .toList();
        if (lines.isEmpty()) {
            return null;
        }
        String last = lines.get(lines.size() - 1);
        return last.length() <= MAX_LINE ? last : last.substring(0, MAX_LINE - 1) + "…";
    }
}
