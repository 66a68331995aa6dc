package dev.hermes.orchestrator.inbound.email;

import dev.hermes.orchestrator.config.EmailConfig;
import dev.hermes.protocol.id.ProjectId;
import dev.hermes.protocol.id.ThreadId;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The envelope and header recipients of a message, lower-cased, read for what they say to Hermes:
 * a thread ({@code anything+{threadId}@{our domain}}) and a project ({@code {projectId}@{our domain}}).
 * Addresses on other domains never count.
 */
final class Recipients {
    private final List<String> addresses;
    private final EmailConfig email;

    private Recipients(List<String> addresses, EmailConfig email) {
        this.addresses = addresses;
        this.email = email;
    }

    static Recipients of(MimeMessage mime, List<String> envelope, EmailConfig email) {
        List<String> out = new ArrayList<>();
        envelope.forEach(r -> out.add(r.toLowerCase(Locale.ROOT).strip()));
        Address[] all;
        try {
            all = mime.getAllRecipients();
        } catch (MessagingException e) {
            all = null; // an unreadable To/Cc: the envelope recipients still count
        }
        if (all != null) {
            for (Address a : all) {
                if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                    out.add(ia.getAddress().toLowerCase(Locale.ROOT));
                }
            }
        }
        return new Recipients(out, email);
    }

    /** {@code anything+{threadId}@{our domain}} names a thread directly. */
    List<String> plusAddressThreads() {
        List<String> threads = new ArrayList<>();
        for (String r : addresses) {
            int at = r.lastIndexOf('@');
            int plus = r.indexOf('+');
            if (at > 0 && plus > 0 && plus < at && r.substring(at + 1).equals(email.domain())) {
                String tag = r.substring(plus + 1, at);
                if (ThreadId.PATTERN.matcher(tag).matches() && !threads.contains(tag)) {
                    threads.add(tag);
                }
            }
        }
        return threads;
    }

    /** {@code {projectId}@{our domain}} (or {@code {projectId}+…}) chooses the project. */
    Optional<ProjectId> project() {
        for (String r : addresses) {
            int at = r.lastIndexOf('@');
            if (at <= 0 || !r.substring(at + 1).equals(email.domain())) {
                continue;
            }
            String local = r.substring(0, at);
            int plus = local.indexOf('+');
            String base = plus < 0 ? local : local.substring(0, plus);
            if (!base.equals(email.replyLocal()) && ProjectId.PATTERN.matcher(base).matches()) {
                return Optional.of(new ProjectId(base));
            }
        }
        return Optional.empty();
    }
}
