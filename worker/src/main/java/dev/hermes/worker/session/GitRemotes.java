package dev.hermes.worker.session;

import java.net.URI;
import java.util.Set;

/** Which remotes a token may be sent to: https ones, and plain http only on this machine. */
public final class GitRemotes {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private GitRemotes() {
    }

    public static boolean mayCarryToken(String repoUrl) {
        URI uri = parse(repoUrl);
        if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost()));
    }

    /** {@code scheme://host[:port]}: the only URL git's credential helper is configured for. */
    static String origin(String repoUrl) {
        URI uri = parse(repoUrl);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static URI parse(String repoUrl) {
        try {
            return URI.create(repoUrl);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
