package dev.hermes.orchestrator.inbound.email;

import dev.hermes.orchestrator.thread.ThreadToken;
import java.util.ArrayList;
import java.util.List;

/**
 * The new text of an email: everything before the quoted history or a forwarded message (see
 * {@link QuoteMarkers} for the client phrasings recognised), without {@code >} lines, the
 * signature ({@code "-- "}, "Sent from my iPhone" …) and Hermes's own footer token.
 */
public final class InstructionText {
    /** Why the new text ended where it did. */
    public enum Cut { NONE, SIGNATURE, QUOTE, FORWARD }

    /** The new text, what followed it, and the footer tokens the new text itself held. */
    public record Split(String text, Cut cut, List<String> tokens) {
    }

    private InstructionText() {
    }

    public static String extract(String body) {
        return split(body).text();
    }

    public static Split split(String body) {
        if (body == null) {
            return new Split("", Cut.NONE, List.of());
        }
        List<String> kept = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Cut cut = Cut.NONE;
        for (int i = 0; i < lines.length && cut == Cut.NONE; i++) {
            String line = lines[i];
            cut = QuoteMarkers.cutAt(lines, i);
            if (cut != Cut.NONE || line.startsWith(">")) {
                continue;
            }
            ThreadToken.find(line).stream().filter(t -> !tokens.contains(t)).forEach(tokens::add);
            kept.add(ThreadToken.PATTERN.matcher(line).replaceAll("").stripTrailing());
        }
        return new Split(String.join("\n", kept).strip(), cut, List.copyOf(tokens));
    }
}
