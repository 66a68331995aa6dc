package dev.hermes.orchestrator.inbound.email;

import dev.hermes.orchestrator.inbound.RejectedException;

/**
 * Counts the header fields and measures every physical header line of raw message bytes before
 * they are parsed, so a message built to exhaust the parser is refused cheaply.
 */
final class HeaderLimits {
    private HeaderLimits() {
    }

    static void check(byte[] raw, EmailIntakeConfig limits) {
        int fields = 0;
        int lineStart = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i < raw.length && raw[i] != '\n') {
                continue;
            }
            int end = i > lineStart && raw[i - 1] == '\r' ? i - 1 : i;
            int length = end - lineStart;
            if (length > limits.maxHeaderLineBytes()) {
                throw RejectedException.badRequest("header_limit",
                        "a header line is longer than " + limits.maxHeaderLineBytes() + " bytes");
            }
            if (length == 0) {
                return; // the blank line that ends the header
            }
            if (raw[lineStart] != ' ' && raw[lineStart] != '\t' && ++fields > limits.maxHeaderFields()) {
                throw RejectedException.badRequest("header_limit",
                        "the message has more than " + limits.maxHeaderFields() + " header fields");
            }
            lineStart = i + 1;
        }
    }
}
