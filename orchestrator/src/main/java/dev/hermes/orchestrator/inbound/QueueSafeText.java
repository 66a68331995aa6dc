package dev.hermes.orchestrator.inbound;

/**
 * Text as an SQS message can carry it. SQS refuses U+FFFE, U+FFFF and unpaired surrogates (control
 * characters are escaped by the JSON codec); a stray one in a mail would leave its command recorded
 * but never queued, so each becomes U+FFFD before anything is written.
 */
final class QueueSafeText {
    private QueueSafeText() {
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == '\uFFFE' || c == '\uFFFF' || (Character.isSurrogate(c) && !pair);
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
                if (pair) {
                    out.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return out == null ? text : out.toString();
    }
}
