package dev.hermes.orchestrator.ops;

/**
 * A request the ops page refuses: 401 without a valid token or session, 403 when the grant does not
 * cover the action or a form lacks its CSRF token. Retrying the same request never helps.
 */
public class OpsDeniedException extends RuntimeException {
    private final int status;
    private final String code;

    public OpsDeniedException(int status, String code, String reason) {
        super(reason);
        this.status = status;
        this.code = code;
    }

    public static OpsDeniedException unauthenticated() {
        return new OpsDeniedException(401, "unauthorized", "a valid bearer token or ops session is required");
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
