package dev.hermes.orchestrator.inbound.email;

import dev.hermes.orchestrator.inbound.Attachment;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The readable text of a message and what came attached. The text is the first {@code text/plain}
 * body part, else the first {@code text/html} one converted by {@link HtmlText}. Every other leaf
 * part is an attachment, described by name, type and decoded size: its file name, else its
 * Content-ID (inline images), else {@code attachment-{n}}. The content itself is never kept.
 */
final class MimeText {
    private static final int MAX_DEPTH = 16;

    /**
     * @param text        the body as plain text (HTML converted, its quoted blocks dropped)
     * @param source      the body as it came (plain or HTML source), where footer tokens are searched
     * @param attachments every non-body part, described
     */
    record Body(String text, String source, List<Attachment> attachments) {
    }

    private MimeText() {
    }

    static Body of(Part message) throws MessagingException, IOException {
        List<Part> leaves = new ArrayList<>();
        collect(message, leaves, 0);
        Part plain = null;
        Part html = null;
        for (Part leaf : leaves) {
            if (isBody(leaf, "text/plain") && plain == null) {
                plain = leaf;
            } else if (isBody(leaf, "text/html") && html == null) {
                html = leaf;
            }
        }
        Part chosen = plain != null ? plain : html;
        List<Attachment> attachments = new ArrayList<>();
        for (Part leaf : leaves) {
            if (leaf != plain && leaf != html && !isBody(leaf, "text/*")) {
                attachments.add(describe(leaf, attachments.size() + 1));
            }
        }
        if (chosen == null) {
            return new Body("", "", attachments);
        }
        String source = PartDecoder.text(chosen);
        return new Body(chosen == plain ? source : HtmlText.toText(source), source, attachments);
    }

    private static void collect(Part part, List<Part> leaves, int depth) throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, leaves, depth + 1);
            }
        } else {
            leaves.add(part);
        }
    }

    /** A text part of {@code type} that is meant to be read, not saved: no file name, not an attachment. */
    private static boolean isBody(Part part, String type) throws MessagingException {
        return part.isMimeType(type) && filename(part) == null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    }

    private static Attachment describe(Part part, int n) throws MessagingException, IOException {
        String name = filename(part);
        if (name == null && part instanceof MimePart mime && mime.getContentID() != null) {
            name = mime.getContentID().replaceAll("^\\s*<|>\\s*$", "");
        }
        if (name == null || name.isBlank()) {
            name = "attachment-" + n;
        }
        return new Attachment(name, baseType(part), PartDecoder.bytes(part).length);
    }

    private static String filename(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            // Outlook and Gmail write RFC 2047 words into file names, which RFC 2231 never allowed.
            return (name.contains("=?") ? MimeUtility.decodeText(name) : name).strip();
        } catch (MessagingException | UnsupportedEncodingException e) {
            return null;
        }
    }

    private static String baseType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | NullPointerException e) {
            return "application/octet-stream";
        }
    }
}
