package dev.hermes.tests;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Reads a GreenMail mailbox over real IMAP, as a mail client would. */
final class Mailbox {
    private final int imapPort;

    Mailbox(int imapPort) {
        this.imapPort = imapPort;
    }

    /** Every message in the INBOX of {@code address}, as raw bytes (empty when the mailbox does not exist yet). */
    List<byte[]> inbox(String address) {
        Properties props = new Properties();
        props.put("mail.imap.connectiontimeout", "5000");
        props.put("mail.imap.timeout", "5000");
        try {
            Store store = Session.getInstance(props).getStore("imap");
            store.connect("127.0.0.1", imapPort, address, address);
            try {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<byte[]> out = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    m.writeTo(bytes);
                    out.add(bytes.toByteArray());
                }
                inbox.close(false);
                return out;
            } finally {
                store.close();
            }
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // GreenMail creates the account on first delivery
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("IMAP read failed: " + e.getMessage(), e);
        }
    }

    static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new java.io.ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, " ");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
