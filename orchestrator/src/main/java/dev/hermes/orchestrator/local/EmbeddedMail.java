package dev.hermes.orchestrator.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail SMTP and IMAP on 127.0.0.1. Mailboxes appear on first delivery; log in over IMAP with
 * the address as both user name and password.
 */
final class EmbeddedMail implements AutoCloseable {
    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private EmbeddedMail(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    static EmbeddedMail start(int requestedSmtp, int requestedImap) {
        int smtp = Ports.freeOr(requestedSmtp);
        int imap = Ports.freeOr(requestedImap);
        GreenMail greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        return new EmbeddedMail(greenMail, smtp, imap);
    }

    int smtpPort() {
        return smtpPort;
    }

    int imapPort() {
        return imapPort;
    }

    GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
