package dev.hermes.orchestrator.inbound;

/**
 * Bad or unauthorised input: answered with {@code status} and a one-line {@code reason}, never a
 * 5xx. Retrying the same request never helps.
 */
public class RejectedException extends RuntimeException {
    private final int status;
    private final String code;
    private final long retryAfterSeconds;

    public RejectedException(int status, String code, String reason) {
        this(status, code, reason, 0);
    }

    private RejectedException(int status, String code, String reason, long retryAfterSeconds) {
        super(reason);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static RejectedException tooManyRequests(long retryAfterSeconds) {
        return new RejectedException(429, "rate_limited",
                "too many messages from this sender; retry in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    /** Seconds for a {@code Retry-After} header; 0 when none applies. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static RejectedException badRequest(String code, String reason) {
        return new RejectedException(400, code, reason);
    }

    public static RejectedException unprocessable(String code, String reason) {
        return new RejectedException(422, code, reason);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
