package dev.hermes.orchestrator.inbound;

/**
 * Bad or unauthorised input: answered with {@code status} and a one-line {@code reason}, never a
 * 5xx. Retrying the same request never helps.
 */
public class RejectedException extends RuntimeException {
    private final int status;
    private final String code;

    public RejectedException(int status, String code, String reason) {
        super(reason);
        this.status = status;
        this.code = code;
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
