package dev.hermes.orchestrator.ops;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Escaping and small formatting for the server-rendered page. Every value that reaches the page
 * passes {@link #esc} (names, subjects and addresses come from email): text and attribute values
 * alike, so {@code < > & " '} never open markup.
 */
final class Html {
    private Html() {
    }

    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\n' && c != '\t' ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }

    /** A query parameter value. */
    static String url(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** At most {@code max} characters, with an ellipsis when cut. */
    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** {@code <time>} with the instant in its title and "12 s ago" as its text; a dash for "never". */
    static String time(long millis, long now) {
        if (millis <= 0) {
            return "<span class=\"muted\">—</span>";
        }
        String iso = Instant.ofEpochMilli(millis).toString();
        return "<time datetime=\"" + esc(iso) + "\" title=\"" + esc(iso) + "\">" + esc(ago(millis, now)) + "</time>";
    }

    static String ago(long millis, long now) {
        long s = (now - millis) / 1000;
        if (s < 0) {
            return "in " + span(-s);
        }
        return span(s) + " ago";
    }

    private static String span(long s) {
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min";
        }
        if (s < 86_400) {
            return s / 3600 + " h";
        }
        return s / 86_400 + " d";
    }

    /**
     * A reply's destination without what may be a secret: a callback URL loses its user info and
     * query (a receiver may put a token there); addresses and phone numbers are shown as they are.
     */
    static String destination(String destination) {
        if (destination == null || !destination.regionMatches(true, 0, "http", 0, 4)) {
            return destination;
        }
        try {
            URI u = new URI(destination);
            String port = u.getPort() < 0 ? "" : ":" + u.getPort();
            return u.getScheme() + "://" + u.getHost() + port + (u.getRawPath() == null ? "" : u.getRawPath())
                    + (u.getRawQuery() == null ? "" : "?…");
        } catch (URISyntaxException e) {
            return "(a callback URL)";
        }
    }

    /** A status word as a badge whose class colours it. */
    static String badge(String status) {
        return "<span class=\"badge s-" + esc(status.toLowerCase(java.util.Locale.ROOT)) + "\">" + esc(status) + "</span>";
    }

    static String shortSha(String sha) {
        return sha == null ? "" : sha.substring(0, Math.min(10, sha.length()));
    }
}
