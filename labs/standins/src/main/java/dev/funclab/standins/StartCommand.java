package dev.funclab.standins;

import dev.funclab.standins.mail.MailStandIn;
import dev.funclab.standins.speech.SpeechEngine;
import dev.funclab.standins.speech.SpeechStandIn;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code start --settings <local.settings.json>}: starts each stand-in the lab's settings point at on
 * this machine (Speech at {@code SPEECH_ENDPOINT}, SendGrid at {@code FUNCLAB_SENDGRID_URL}), with the
 * keys those settings hold, prints where they listen, and runs until stopped.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = "Starts the stand-ins a lab's local.settings.json points at, and runs until stopped (Ctrl-C).")
final class StartCommand implements Callable<Integer> {

    static final String SPEECH_ENDPOINT = "SPEECH_ENDPOINT";
    static final String SPEECH_KEY = "SPEECH_KEY";
    static final String SENDGRID_URL = "FUNCLAB_SENDGRID_URL";
    static final String SENDGRID_KEY = "AzureWebJobsSendGridApiKey";
    static final int DEFAULT_MAIL_PORT = MailStandIn.Ports.defaults().http();
    /** The line scripts/run waits for before it starts the host. */
    static final String READY = "Stand-ins ready.";

    @Option(names = "--settings", required = true, paramLabel = "FILE", description = "The lab's local.settings.json.")
    Path settings;

    @Option(names = "--smtp-port", paramLabel = "N", description = "SMTP port of the mail server (default: 3025).")
    int smtpPort = MailStandIn.Ports.defaults().smtp();

    @Option(names = "--imap-port", paramLabel = "N", description = "IMAP port of the mail server (default: 3143).")
    int imapPort = MailStandIn.Ports.defaults().imap();

    @Option(names = "--exit-with-parent", hidden = true, description = "Stop when the process that started this one ends.")
    boolean exitWithParent;

    @Override
    public Integer call() throws InterruptedException {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            LabSettings values = LabSettings.read(settings);
            if (!values.exists()) {
                throw new IllegalStateException("There is no " + settings + ": the lab's local.settings.json holds the "
                        + "addresses and keys the stand-ins share with the function app.");
            }
            Optional<Integer> speechPort = values.localPort(SPEECH_ENDPOINT);
            if (speechPort.isPresent()) {
                String key = values.require(SPEECH_KEY, "the Speech stand-in accepts this key only, as Azure accepts your resource's key.");
                // Says which engine speaks, and how a first install goes (it can take a while).
                SpeechEngine engine = SpeechEngine.shared(System.out::println);
                SpeechStandIn speech = SpeechStandIn.start(speechPort.get(), key, engine, System.out::println);
                started.add(speech);
                System.out.println("Speech:   POST " + speech.endpoint() + "/cognitiveservices/v1  (" + SPEECH_KEY + " " + key
                        + "; voices at /cognitiveservices/voices/list)");
            }
            Optional<Integer> mailPort = values.get(SENDGRID_URL).isPresent() ? values.localPort(SENDGRID_URL) : Optional.of(DEFAULT_MAIL_PORT);
            if (mailPort.isPresent()) {
                String key = values.require(SENDGRID_KEY, "the SendGrid stand-in accepts this key only, as SendGrid accepts yours.");
                MailStandIn mail = MailStandIn.start(new MailStandIn.Ports(mailPort.get(), smtpPort, imapPort), key, System.out::println);
                started.add(mail);
                System.out.println("SendGrid: POST " + mail.apiEndpoint() + "/v3/mail/send  (" + SENDGRID_KEY + " " + key + ")");
                System.out.println("SMTP:     127.0.0.1:" + mail.smtpPort() + "  (no TLS, no login)");
                System.out.println("IMAP:     127.0.0.1:" + mail.imapPort() + "  (no TLS; user: the recipient's address, any password)");
                System.out.println("Mailbox:  scripts/mailbox  (or GET " + mail.apiEndpoint() + "/mailbox)");
            }
            if (started.isEmpty()) {
                // The settings point at the real services: the host needs no stand-in, and runs all the same.
                System.out.println("No stand-ins to start: " + settings + " points " + SPEECH_ENDPOINT + " and " + SENDGRID_URL
                        + " at other machines (the real services?).");
                System.out.println(READY);
                return 0;
            }
        } catch (RuntimeException e) {
            System.err.println("Error: " + e.getMessage());
            closeAll(started);
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closeAll(started);
            stopped.countDown();
        }, "stand-ins-stop"));
        if (exitWithParent) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        }
        System.out.println(READY + " Ctrl-C stops them.");
        stopped.await();
        return 0;
    }

    private static void closeAll(List<AutoCloseable> started) {
        for (AutoCloseable standIn : started) {
            try {
                standIn.close();
            } catch (Exception e) {
                System.err.println("While stopping: " + e.getMessage());
            }
        }
    }
}
