package dev.hermes.orchestrator.inbound.email;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numeric character references and the named entities mail clients actually write. */
final class HtmlEntities {
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});?");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("nbsp", "\u00a0"), Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"),
            Map.entry("quot", "\""), Map.entry("apos", "'"), Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("lsquo", "\u2018"),
            Map.entry("rsquo", "\u2019"), Map.entry("ldquo", "\u201c"), Map.entry("rdquo", "\u201d"),
            Map.entry("laquo", "\u00ab"), Map.entry("raquo", "\u00bb"), Map.entry("bull", "\u2022"),
            Map.entry("middot", "\u00b7"), Map.entry("euro", "\u20ac"), Map.entry("pound", "\u00a3"),
            Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"), Map.entry("trade", "\u2122"),
            Map.entry("deg", "\u00b0"), Map.entry("times", "\u00d7"), Map.entry("shy", ""),
            Map.entry("zwnj", ""), Map.entry("zwj", ""),
            Map.entry("auml", "\u00e4"), Map.entry("ouml", "\u00f6"), Map.entry("uuml", "\u00fc"),
            Map.entry("Auml", "\u00c4"), Map.entry("Ouml", "\u00d6"), Map.entry("Uuml", "\u00dc"),
            Map.entry("szlig", "\u00df"), Map.entry("eacute", "\u00e9"), Map.entry("egrave", "\u00e8"),
            Map.entry("ecirc", "\u00ea"), Map.entry("agrave", "\u00e0"), Map.entry("aacute", "\u00e1"),
            Map.entry("acirc", "\u00e2"), Map.entry("ccedil", "\u00e7"), Map.entry("iacute", "\u00ed"),
            Map.entry("oacute", "\u00f3"), Map.entry("uacute", "\u00fa"), Map.entry("ntilde", "\u00f1"),
            Map.entry("Eacute", "\u00c9"), Map.entry("iexcl", "\u00a1"), Map.entry("iquest", "\u00bf"));

    private HtmlEntities() {
    }

    static String decode(String text) {
        if (text.indexOf('&') < 0) {
            return text;
        }
        Matcher m = ENTITY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(resolve(m.group(1), m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String resolve(String name, String whole) {
        if (name.charAt(0) != '#') {
            return NAMED.getOrDefault(name, whole);
        }
        boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
        int code = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
        if (code == 0 || code > Character.MAX_CODE_POINT || (code >= 0xd800 && code <= 0xdfff)) {
            return "\ufffd";
        }
        return new String(Character.toChars(code));
    }
}
