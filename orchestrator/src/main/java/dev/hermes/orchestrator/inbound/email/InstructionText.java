package dev.hermes.orchestrator.inbound.email;

import dev.hermes.orchestrator.thread.ThreadToken;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The new text of an email: everything before the quoted history ("On … wrote:", an Outlook
 * "-----Original Message-----" or "From:" block, {@code >} lines), without the signature
 * ({@code "-- "}) and without Hermes's own footer token.
 */
public final class InstructionText {
    private static final Pattern ATTRIBUTION = Pattern.compile("^\\s*On .{1,300}wrote:\\s*$");
    private static final Pattern ORIGINAL = Pattern.compile("^\\s*-{2,}\\s*(Original Message|Forwarded message)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern OUTLOOK_HEADER = Pattern.compile("^\\s*(From|De|Von):\\s.+$");
    private static final Pattern UNDERSCORES = Pattern.compile("^_{10,}\\s*$");

    private InstructionText() {
    }

    public static String extract(String body) {
        if (body == null) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.equals("-- ") || line.equals("--")) {
                break;
            }
            if (ATTRIBUTION.matcher(line).matches() || ORIGINAL.matcher(line).matches()
                    || UNDERSCORES.matcher(line).matches()) {
                break;
            }
            // A two-line attribution ("On Mon, … <a@b>\nwrote:") as some clients wrap it.
            if (line.startsWith("On ") && i + 1 < lines.length && lines[i + 1].strip().endsWith("wrote:")) {
                break;
            }
            if (OUTLOOK_HEADER.matcher(line).matches() && !kept.isEmpty() && kept.get(kept.size() - 1).isBlank()) {
                break;
            }
            if (line.startsWith(">")) {
                continue;
            }
            kept.add(ThreadToken.PATTERN.matcher(line).replaceAll("").stripTrailing());
        }
        return String.join("\n", kept).strip();
    }
}
