package dev.hermes.worker.session;

import dev.hermes.protocol.secret.Secret;
import java.util.Objects;

/**
 * What the worker sends to an https remote: a user name and the project's token. The token goes to
 * git only through the environment of the git process that needs it (see {@link Git}), never into a
 * URL, a file or a log line.
 */
public record GitCredential(String username, Secret token) {
    public GitCredential {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "GitCredential[" + username + ", ***]";
    }
}
