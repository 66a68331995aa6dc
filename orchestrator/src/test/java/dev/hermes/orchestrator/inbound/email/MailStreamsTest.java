package dev.hermes.orchestrator.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailStreamsTest {
    @Test
    void namesTheProviderTheServiceFileNamesSoLookupsSkipTheServiceLoader() {
        MailStreams.nameProvider();

        assertEquals(MailStreams.ANGUS_PROVIDER, System.getProperty(MailStreams.PROPERTY));
        // The lookup Jakarta Mail makes for every header block now answers that class.
        assertEquals(MailStreams.ANGUS_PROVIDER, StreamProvider.provider().getClass().getName());
    }

    @Test
    void keepsAProviderSomeoneNamedAlready() {
        String before = System.getProperty(MailStreams.PROPERTY);
        System.setProperty(MailStreams.PROPERTY, "com.example.OtherProvider");
        try {
            MailStreams.nameProvider();
            assertEquals("com.example.OtherProvider", System.getProperty(MailStreams.PROPERTY));
        } finally {
            if (before == null) {
                System.clearProperty(MailStreams.PROPERTY);
            } else {
                System.setProperty(MailStreams.PROPERTY, before);
            }
        }
    }
}
