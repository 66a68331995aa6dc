package dev.hermes.orchestrator.reply.sms;

/**
 * How many SMS segments a text costs. A text that fits the GSM 03.38 alphabet is sent in 7-bit
 * septets (160 per single message, 153 per part of a long one; the extension characters cost two);
 * any other character turns the whole text into UCS-2 (70, or 67 per part, counted in UTF-16 units).
 */
public final class SmsText {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsText() {
    }

    public static boolean isGsm(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (GSM_BASIC.indexOf(c) < 0 && GSM_EXTENSION.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Septets (GSM) or UTF-16 units (UCS-2) the text occupies. */
    public static int units(CharSequence text, boolean gsm) {
        if (!gsm) {
            return text.length();
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += GSM_EXTENSION.indexOf(text.charAt(i)) >= 0 ? 2 : 1;
        }
        return n;
    }

    public static int segments(CharSequence text) {
        boolean gsm = isGsm(text);
        int units = units(text, gsm);
        int single = gsm ? 160 : 70;
        int part = gsm ? 153 : 67;
        return units <= single ? 1 : (units + part - 1) / part;
    }

    /** The most units that fit in {@code segments} segments. */
    public static int capacity(int segments, boolean gsm) {
        if (segments == 1) {
            return gsm ? 160 : 70;
        }
        return segments * (gsm ? 153 : 67);
    }

    /**
     * Typographic characters that mail and agents like to write, replaced by their GSM look-alikes
     * so one curly quote does not halve what fits in a text.
     */
    public static String plain(String text) {
        return text.replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201C', '"').replace('\u201D', '"')
                .replace('\u2013', '-').replace('\u2014', '-').replace('\u00A0', ' ').replace("\u2026", "...")
                .replace('\t', ' ');
    }
}
