package dev.hermes.orchestrator.inbound.sms;

import dev.hermes.orchestrator.inbound.RejectedException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body, decoded strictly: a bad percent escape or
 * bytes that are not UTF-8 reject the request (400) rather than being replaced.
 */
public record FormBody(List<Map.Entry<String, String>> params) {
    private static final int MAX_PARAMS = 200;

    public FormBody {
        params = List.copyOf(params);
    }

    public static FormBody parse(byte[] raw) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        String ascii = new String(raw, StandardCharsets.ISO_8859_1);
        if (ascii.isEmpty()) {
            throw RejectedException.badRequest("malformed_form", "the form body is empty");
        }
        for (String pair : ascii.split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw RejectedException.badRequest("malformed_form", "every form field needs a name and '='");
            }
            params.add(Map.entry(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1))));
            if (params.size() > MAX_PARAMS) {
                throw RejectedException.badRequest("malformed_form", "more than " + MAX_PARAMS + " form fields");
            }
        }
        return new FormBody(params);
    }

    /** The first value of {@code name}. */
    public Optional<String> first(String name) {
        return params.stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).findFirst();
    }

    public String required(String name) {
        return first(name).filter(v -> !v.isBlank())
                .orElseThrow(() -> RejectedException.badRequest("missing_field", "the form has no " + name));
    }

    private static String decode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
                        || Character.digit(encoded.charAt(i + 2), 16) < 0) {
                    throw RejectedException.badRequest("malformed_form", "a bad percent escape in the form");
                }
                bytes.write(Character.digit(encoded.charAt(i + 1), 16) * 16 + Character.digit(encoded.charAt(i + 2), 16));
                i += 2;
            } else if (c > 0x7e || c < 0x20) {
                throw RejectedException.badRequest("malformed_form", "the form holds unencoded non-ASCII bytes");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw RejectedException.badRequest("malformed_form", "a form value is not UTF-8");
        }
    }
}
