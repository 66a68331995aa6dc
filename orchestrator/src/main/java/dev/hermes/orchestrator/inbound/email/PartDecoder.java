package dev.hermes.orchestrator.inbound.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * Decodes a part's content without trusting its labels: an unknown or broken transfer encoding
 * falls back to a lenient decoder or the raw bytes, an unknown charset to UTF-8 when the bytes are
 * valid UTF-8 and Windows-1252 otherwise. ISO-8859-1 and US-ASCII are read as Windows-1252, as
 * browsers do, because Outlook labels Windows-1252 text that way.
 */
final class PartDecoder {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private PartDecoder() {
    }

    static byte[] bytes(Part part) throws MessagingException, IOException {
        byte[] raw = raw(part);
        String encoding = encoding(part);
        if (encoding == null || encoding.equals("7bit") || encoding.equals("8bit") || encoding.equals("binary")) {
            return raw;
        }
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(raw), encoding)) {
            return in.readAllBytes();
        } catch (MessagingException | IOException e) {
            if (encoding.equals("base64")) {
                return lenientBase64(raw);
            }
            return raw; // an encoding nobody knows: the bytes as they came
        }
    }

    static String text(Part part) throws MessagingException, IOException {
        return decode(bytes(part), charset(part));
    }

    static String decode(byte[] bytes, String label) {
        Charset declared = charsetFor(label);
        if (declared != null && !declared.equals(StandardCharsets.ISO_8859_1) && !declared.equals(StandardCharsets.US_ASCII)) {
            return new String(bytes, declared);
        }
        if (declared == null || declared.equals(StandardCharsets.US_ASCII)) {
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                // not UTF-8: fall through to the Windows superset of Latin-1
            }
        }
        return new String(bytes, WINDOWS_1252);
    }

    private static Charset charsetFor(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        try {
            return Charset.forName(MimeUtility.javaCharset(label.strip()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String charset(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (ParseException | NullPointerException e) {
            return null;
        }
    }

    private static String encoding(Part part) throws MessagingException {
        String[] values = part.getHeader("Content-Transfer-Encoding");
        if (values == null || values.length == 0) {
            return null;
        }
        return values[0].strip().toLowerCase(Locale.ROOT);
    }

    private static byte[] raw(Part part) throws MessagingException, IOException {
        InputStream in;
        if (part instanceof MimeBodyPart body) {
            in = body.getRawInputStream();
        } else if (part instanceof MimeMessage message) {
            in = message.getRawInputStream();
        } else {
            in = part.getInputStream();
        }
        try (in) {
            return in.readAllBytes();
        }
    }

    private static byte[] lenientBase64(byte[] raw) {
        StringBuilder alphabet = new StringBuilder(raw.length);
        for (byte b : raw) {
            char c = (char) (b & 0xff);
            if (Character.isLetterOrDigit(c) && c < 128 || c == '+' || c == '/') {
                alphabet.append(c);
            }
        }
        if (alphabet.length() % 4 == 1) {
            alphabet.setLength(alphabet.length() - 1);
        }
        try {
            return Base64.getDecoder().decode(alphabet.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
