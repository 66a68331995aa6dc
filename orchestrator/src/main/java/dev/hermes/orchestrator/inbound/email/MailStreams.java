package dev.hermes.orchestrator.inbound.email;

import jakarta.mail.util.StreamProvider;

/**
 * Jakarta Mail 2.1 looks up its {@link StreamProvider} for every header block it reads or writes
 * (each message and each MIME part); without a system property naming the provider, every lookup
 * is a {@code ServiceLoader} scan of the class path, which was half of the webhook thread's time
 * in the intake benchmark's profile. Naming the provider once (Angus Mail's, the one the service
 * file names) turns each lookup into a property read and a constructor call.
 */
public final class MailStreams {
    static final String PROPERTY = StreamProvider.class.getName();
    static final String ANGUS_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private MailStreams() {
    }

    /** Names Angus Mail's provider unless one is named already or Angus Mail is not on the class path. */
    public static synchronized void nameProvider() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class<?> provider = Class.forName(ANGUS_PROVIDER, false, MailStreams.class.getClassLoader());
            if (StreamProvider.class.isAssignableFrom(provider)) {
                System.setProperty(PROPERTY, ANGUS_PROVIDER);
            }
        } catch (ClassNotFoundException e) {
            // Another implementation: the service loader finds it, as before.
        }
    }
}
