package dev.hermes.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The local addresses a process listens on, read from /proc (Linux). */
final class LoopbackCheck {
    private static final String LISTEN = "0A";

    private LoopbackCheck() {
    }

    static List<String> listeningAddresses(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException gone) {
                    // closed while we looked
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("tcp", "tcp6")) {
            Path file = Path.of("/proc", Long.toString(pid), "net", table);
            for (String line : Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals(LISTEN) && inodes.contains(f[9])) {
                    out.add(f[1]);
                }
            }
        }
        return out;
    }

    /** {@code 0100007F:1F90} (IPv4 127.0.0.1) or the IPv6 forms of ::1 and ::ffff:127.0.0.1. */
    static boolean isLoopback(String hexAddress) {
        String ip = hexAddress.substring(0, hexAddress.indexOf(':'));
        if (ip.length() == 8) {
            return ip.endsWith("7F");
        }
        return ip.equals("00000000000000000000000001000000") || ip.equals("0000000000000000FFFF00000100007F");
    }
}
