package dev.funclab.standins.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The SendGrid stand-in: v3 mail send over HTTP, delivered as real MIME mail to an embedded
 * SMTP/IMAP server (GreenMail).
 *
 * <pre>{@code
 * try (MailStandIn mail = MailStandIn.start(MailStandIn.Ports.free(), "SG.local-key", System.out::println)) {
 *     // point FUNCLAB_SENDGRID_URL at mail.apiEndpoint(), send, then:
 *     try (ImapMailbox inbox = mail.imap("student@example.com")) {
 *         List<ReceivedMail> mails = inbox.messages();
 *     }
 * }
 * }</pre>
 *
 * Every recipient gets a mailbox on first delivery. IMAP logins are not checked: the user name is
 * the recipient's address and any password is accepted (GreenMail with authentication disabled).
 */
public final class MailStandIn implements AutoCloseable {

    /** Everything listens on the loopback address only: the stand-in is for this machine. */
    static final String LOOPBACK = "127.0.0.1";

    /**
     * The three ports; 0 means any free port (read the real ones from {@link #apiEndpoint()},
     * {@link #smtpPort()} and {@link #imapPort()}).
     */
    public record Ports(int http, int smtp, int imap) {

        public Ports {
            for (int port : new int[]{http, smtp, imap}) {
                if (port < 0 || port > 65535) {
                    throw new IllegalArgumentException("a port is 0 (any free port) to 65535, not " + port);
                }
            }
        }

        /** Free ports, for tests and for several stand-ins side by side. */
        public static Ports free() {
            return new Ports(0, 0, 0);
        }

        /** The kit's ports: HTTP 7073 (the default of FUNCLAB_SENDGRID_URL), SMTP 3025, IMAP 3143. */
        public static Ports defaults() {
            return new Ports(7073, 3025, 3143);
        }
    }

    private final GreenMail mailServer;
    private final Server http;
    private final String apiKey;
    private final ReceivedMails received;
    private final InjectedFailures failures;

    private MailStandIn(GreenMail mailServer, Server http, String apiKey, ReceivedMails received, InjectedFailures failures) {
        this.mailServer = mailServer;
        this.http = http;
        this.apiKey = apiKey;
        this.received = received;
        this.failures = failures;
    }

    /**
     * Starts the mail server, then the HTTP API in front of it.
     *
     * @param apiKey the key callers must send as {@code Authorization: Bearer <apiKey>}
     * @param log    receives one line per mail accepted or refused
     * @throws IllegalStateException when a port is taken, naming it
     */
    public static MailStandIn start(Ports ports, String apiKey, Consumer<String> log) {
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(log, "log");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank: callers send it as 'Authorization: Bearer <apiKey>', "
                    + "as they do to SendGrid");
        }
        ensureFree(ports.smtp(), "SMTP");
        ensureFree(ports.imap(), "IMAP");
        ensureFree(ports.http(), "HTTP (SendGrid API)");

        ReceivedMails received = new ReceivedMails();
        GreenMail mailServer = new GreenMail(new ServerSetup[]{
                new ServerSetup(ports.smtp(), LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(ports.imap(), LOOPBACK, ServerSetup.PROTOCOL_IMAP)})
                // Any login works, so a mail client needs no account set up in advance.
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        UserManager users = mailServer.getUserManager();
        users.setMessageDeliveryHandler(received.recording(users.getMessageDeliveryHandler()));
        try {
            mailServer.start();
        } catch (RuntimeException e) {
            mailServer.stop();
            throw new IllegalStateException("The embedded mail server could not start on " + LOOPBACK + " (SMTP port "
                    + ports.smtp() + ", IMAP port " + ports.imap() + "): " + e.getMessage(), e);
        }
        InjectedFailures failures = new InjectedFailures();
        SmtpOutbox outbox = new SmtpOutbox(LOOPBACK, mailServer.getSmtp().getPort());
        Server http = httpServer(ports.http(), new SendGridApi(apiKey, outbox, received, failures, log));
        try {
            http.start();
        } catch (Exception e) {
            stopQuietly(http);
            mailServer.stop();
            throw new IllegalStateException("The SendGrid API of the mail stand-in could not listen on " + LOOPBACK + ":"
                    + ports.http() + ": " + e.getMessage(), e);
        }
        return new MailStandIn(mailServer, http, apiKey, received, failures);
    }

    private static Server httpServer(int port, SendGridApi api) {
        QueuedThreadPool threads = new QueuedThreadPool(50, 2);
        threads.setName("mail-stand-in");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
        connector.setHost(LOOPBACK);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(api);
        server.setStopTimeout(2_000);
        return server;
    }

    /** A clear message before anything starts, rather than a server thread's stack trace. */
    private static void ensureFree(int port, String what) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " for the mail stand-in's " + what + " is in use on " + LOOPBACK
                    + ". Another mail stand-in may be running (scripts/run lab4 starts one): stop it, or choose other ports.",
                    e);
        }
    }

    /** {@code http://localhost:<port>}, without a trailing slash: the value for FUNCLAB_SENDGRID_URL. */
    public URI apiEndpoint() {
        return URI.create("http://localhost:" + httpPort());
    }

    private int httpPort() {
        return ((ServerConnector) http.getConnectors()[0]).getLocalPort();
    }

    public int smtpPort() {
        return mailServer.getSmtp().getPort();
    }

    public int imapPort() {
        return mailServer.getImap().getPort();
    }

    public String apiKey() {
        return apiKey;
    }

    /** What to print at start-up: one line per endpoint, with how to log in. */
    public List<String> describe() {
        return List.of(
                "SendGrid v3 API: POST " + apiEndpoint() + SendGridApi.MAIL_SEND + " with 'Authorization: Bearer " + apiKey
                        + "' (app settings: FUNCLAB_SENDGRID_URL=" + apiEndpoint() + ", AzureWebJobsSendGridApiKey="
                        + apiKey + ")",
                "Mail received, as JSON: GET " + apiEndpoint() + SendGridApi.MAILBOX,
                "SMTP: " + LOOPBACK + ":" + smtpPort() + ", no TLS, no login (every recipient gets a mailbox)",
                "IMAP: " + LOOPBACK + ":" + imapPort() + ", no TLS; user name = the recipient's address (e.g. "
                        + "student@example.com), any password. Thunderbird: new mail account, 'Configure manually', "
                        + "incoming IMAP " + LOOPBACK + " port " + imapPort() + ", connection security None, authentication "
                        + "Normal password; outgoing SMTP " + LOOPBACK + " port " + smtpPort()
                        + ", connection security None, authentication No authentication");
    }

    /** The mails the SMTP server has received (the newest 500), oldest first, parsed (one per message, not per recipient). */
    public List<ReceivedMail> received() {
        return received.all();
    }

    /** The next {@code count} mail-send calls answer {@code status} with SendGrid's error JSON (for tests of retries). */
    public void failNext(int count, int status) {
        failures.set(count, status);
    }

    /** Empties every mailbox and cancels planned failures: as if just started, on the same ports with the same key. */
    public void reset() {
        failures.set(0, 500);
        try {
            mailServer.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("Could not empty the mail stand-in's mailboxes: " + e.getMessage(), e);
        }
        received.clear();
    }

    /** Reads one recipient's INBOX over IMAP, as a mail client would. Close it when done. */
    public ImapMailbox imap(String address) {
        return ImapMailbox.open(LOOPBACK, imapPort(), address, address);
    }

    /** The mails in one recipient's INBOX now, read over IMAP: logs in, reads, logs out. */
    public List<ReceivedMail> inbox(String address) {
        try (ImapMailbox mailbox = imap(address)) {
            return mailbox.messages();
        }
    }

    @Override
    public void close() {
        stopQuietly(http);
        mailServer.stop();
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the JVM may be exiting anyway.
        }
    }
}
