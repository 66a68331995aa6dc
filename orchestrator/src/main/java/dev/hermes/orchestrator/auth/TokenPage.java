package dev.hermes.orchestrator.auth;

import java.util.List;

/** One page of tokens and the cursor of the next, null on the last page. */
public record TokenPage(List<ApiToken> tokens, String nextCursor) {
    public TokenPage {
        tokens = List.copyOf(tokens);
    }
}
