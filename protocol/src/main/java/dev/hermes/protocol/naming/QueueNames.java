package dev.hermes.protocol.naming;

import dev.hermes.protocol.id.ContainerKey;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The four queues of one container (DESIGN §5). The container id is shortened with a hash suffix
 * when a name would pass the 80-character SQS limit.
 */
public record QueueNames(String in, String dlq, String ctl, String out) {
    public static final int SQS_NAME_LIMIT = 80;
    public static final String SHARED_INBOUND_EMAIL = "inbound-email";
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-]{0,30}");
    private static final String LONGEST_SUFFIX = "-dlq.fifo";

    public QueueNames {
        for (String name : List.of(in, dlq, ctl, out)) {
            Objects.requireNonNull(name, "queue name");
            if (name.length() > SQS_NAME_LIMIT) {
                throw new IllegalArgumentException("queue name longer than " + SQS_NAME_LIMIT + ": " + name);
            }
        }
    }

    public static QueueNames forContainer(String prefix, ContainerKey key) {
        checkPrefix(prefix);
        String cid = key.containerId();
        int room = SQS_NAME_LIMIT - prefix.length() - LONGEST_SUFFIX.length();
        if (cid.length() > room) {
            String hash = key.hash(10);
            cid = cid.substring(0, room - hash.length() - 1) + "-" + hash;
        }
        String base = prefix + cid;
        return new QueueNames(base + "-in.fifo", base + LONGEST_SUFFIX, base + "-ctl", base + "-out");
    }

    public static String inboundEmail(String prefix) {
        checkPrefix(prefix);
        return prefix + SHARED_INBOUND_EMAIL;
    }

    public static String inboundEmailDlq(String prefix) {
        return inboundEmail(prefix) + "-dlq";
    }

    public List<String> all() {
        return List.of(in, dlq, ctl, out);
    }

    private static void checkPrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("queue prefix must match " + PREFIX.pattern());
        }
    }
}
