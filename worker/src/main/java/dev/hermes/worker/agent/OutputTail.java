package dev.hermes.worker.agent;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** The last non-blank line of an agent's log: its summary. Reads only the end of the file. */
final class OutputTail {
    static final int MAX_LENGTH = 200;
    private static final int TAIL_BYTES = 16 * 1024;

    private OutputTail() {
    }

    /** @return the line, without control characters and at most 200 characters, or null when there is none */
    static String lastLine(Path log) {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            int size = (int) Math.min(length, TAIL_BYTES);
            byte[] bytes = new byte[size];
            file.seek(length - size);
            file.readFully(bytes);
            List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceAll("\\p{Cntrl}", " ").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
            if (lines.isEmpty()) {
                return null;
            }
            String last = lines.get(lines.size() - 1);
            return last.length() <= MAX_LENGTH ? last : last.substring(0, MAX_LENGTH - 1) + "…";
        } catch (IOException e) {
            return null;
        }
    }
}
