package dev.hermes.orchestrator.inbound.email;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTML mail to plain text: block elements become line breaks, list items "- " or "1. ", entities
 * are decoded, and {@code <head>}, {@code <style>}, {@code <script>}, comments and quoted history
 * ({@code <blockquote>}, Gmail's {@code gmail_quote}) are dropped.
 */
final class HtmlText {
    private static final Pattern DROPPED = Pattern.compile(
            "(?is)<!--.*?-->|<![^>]*>|<\\?[^>]*>|<(head|style|script|title)\\b[^>]*>.*?</\\1\\s*>");
    private static final Pattern TAG = Pattern.compile("(?s)<(/?)([a-zA-Z][a-zA-Z0-9:]*)([^>]*)>");
    private static final Pattern BLOCK = Pattern.compile(
            "p|div|h[1-6]|tr|table|ul|ol|pre|section|article|header|footer|center|dl|dt|dd|hr|address");
    private static final Pattern SPACES = Pattern.compile("[ \\t\\r\\n\\f]+");

    private HtmlText() {
    }

    static String toText(String html) {
        String source = DROPPED.matcher(html).replaceAll("");
        StringBuilder out = new StringBuilder(source.length());
        Deque<int[]> lists = new ArrayDeque<>(); // {ordered ? 1 : 0, next number}
        int quoteDepth = 0;
        int at = 0;
        Matcher tag = TAG.matcher(source);
        while (tag.find()) {
            if (quoteDepth == 0) {
                text(source.substring(at, tag.start()), out);
            }
            at = tag.end();
            boolean closing = !tag.group(1).isEmpty();
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            if (quoteDepth > 0) {
                if (name.equals("div") || name.equals("blockquote")) {
                    quoteDepth += closing ? -1 : 1; // nested blocks inside the quote, balanced
                }
                continue;
            }
            if (!closing && (name.equals("blockquote") || isGmailQuote(name, tag.group(3)))) {
                quoteDepth = 1;
                continue;
            }
            if (name.equals("br")) {
                out.append('\n');
            } else if (name.equals("li")) {
                newline(out);
                if (!closing) {
                    int[] list = lists.isEmpty() ? new int[] {0, 1} : lists.peek();
                    out.append(list[0] == 1 ? (list[1]++) + ". " : "- "); // nested lists are not indented
                }
            } else if (name.equals("ul") || name.equals("ol")) {
                if (closing) {
                    lists.poll();
                } else {
                    lists.push(new int[] {name.equals("ol") ? 1 : 0, 1});
                }
                newline(out);
            } else if (name.equals("p")) {
                newline(out);
                out.append('\n');
            } else if (BLOCK.matcher(name).matches()) {
                newline(out);
            } else if (name.equals("td") && closing) {
                out.append(' ');
            }
        }
        if (quoteDepth == 0) {
            text(source.substring(at), out);
        }
        return tidy(out.toString());
    }

    private static boolean isGmailQuote(String name, String attributes) {
        return name.equals("div") && attributes.contains("gmail_quote");
    }

    private static void text(String raw, StringBuilder out) {
        String collapsed = SPACES.matcher(raw).replaceAll(" ");
        if (collapsed.equals(" ") && (out.length() == 0 || out.charAt(out.length() - 1) == '\n')) {
            return;
        }
        out.append(HtmlEntities.decode(collapsed));
    }

    private static void newline(StringBuilder out) {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** Trims every line (no-break spaces too) and keeps at most one blank line in a row. */
    private static String tidy(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int blank = 0;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.replace('\u00a0', ' ').strip();
            if (trimmed.isEmpty()) {
                if (++blank > 1 || out.length() == 0) {
                    continue;
                }
            } else {
                blank = 0;
            }
            out.append(trimmed).append('\n');
        }
        return out.toString().strip();
    }
}
