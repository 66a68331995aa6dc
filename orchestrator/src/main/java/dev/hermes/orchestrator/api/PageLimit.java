package dev.hermes.orchestrator.api;

/** The {@code limit} of every list endpoint: 1 to {@value #MAX}, {@value #DEFAULT} when absent. */
public final class PageLimit {
    public static final int DEFAULT = 50;
    public static final int MAX = 100;

    private PageLimit() {
    }

    public static int of(Integer limit) {
        int size = limit == null ? DEFAULT : limit;
        if (size < 1 || size > MAX) {
            throw new InvalidFieldException(400, "invalid_limit", "limit", "must be 1.." + MAX);
        }
        return size;
    }
}
