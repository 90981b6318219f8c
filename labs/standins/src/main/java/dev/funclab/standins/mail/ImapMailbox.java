package dev.funclab.standins.mail;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import jakarta.mail.search.SearchTerm;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * One mailbox read over IMAP with Jakarta Mail, the way a mail client reads it: log in, open
 * INBOX read-only, fetch each message whole and parse it.
 */
public final class ImapMailbox implements AutoCloseable {

    private final Store store;
    private final String description;

    private ImapMailbox(Store store, String description) {
        this.store = store;
        this.description = description;
    }

    /**
     * Connects and logs in (plain IMAP, no TLS).
     *
     * @throws IllegalStateException when the server does not answer or refuses the login
     */
    public static ImapMailbox open(String host, int port, String user, String password) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "10000");
        properties.put("mail.imap.timeout", "30000");
        String description = user + " at imap://" + host + ":" + port;
        try {
            Store store = Session.getInstance(properties).getStore("imap");
            store.connect(host, port, user, password);
            return new ImapMailbox(store, description);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot log in to the mailbox of " + description + ": " + e.getMessage()
                    + ". Is the mail stand-in running (scripts/run lab4)?", e);
        }
    }

    /** The INBOX as it is now, oldest first. */
    public List<ReceivedMail> messages() {
        return read(null);
    }

    /** The mail with this {@code Message-ID} header, found by an IMAP search: only that one is downloaded. */
    public Optional<ReceivedMail> find(String messageId) {
        return read(new HeaderTerm("Message-ID", messageId)).stream().findFirst();
    }

    private List<ReceivedMail> read(SearchTerm wanted) {
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<ReceivedMail> mails = new ArrayList<>();
                for (Message message : wanted == null ? inbox.getMessages() : inbox.search(wanted)) {
                    // Copying downloads the whole message once, as clients do, instead of part by part.
                    MimeMessage copy = new MimeMessage((MimeMessage) message);
                    Instant received = message.getReceivedDate() == null ? Instant.now() : message.getReceivedDate().toInstant();
                    mails.add(MailParser.parse(copy, received));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the INBOX of " + description + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            store.close();
        } catch (MessagingException e) {
            // The connection is gone either way.
        }
    }
}
