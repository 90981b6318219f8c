package dev.funclab.standins.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import java.util.List;
import java.util.Properties;

/** Sends MIME messages over a real SMTP connection, the path a SendGrid delivery would take. */
final class SmtpOutbox {

    private final Session session;

    SmtpOutbox(String host, int port) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        properties.put("mail.smtp.writetimeout", "30000");
        // Without this, Jakarta Mail asks DNS for this machine's name for EHLO, which can hang for seconds.
        properties.put("mail.smtp.localhost", "localhost");
        this.session = Session.getInstance(properties);
    }

    /** The session to build messages with. */
    Session session() {
        return session;
    }

    /** Sends each message to all its recipients (To, Cc and Bcc; Jakarta Mail leaves the Bcc header out). */
    void send(List<MimeMessage> messages) throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (MimeMessage message : messages) {
                message.saveChanges();
                transport.sendMessage(message, message.getAllRecipients());
            }
        }
    }
}
