package dev.funclab.standins;

import dev.funclab.standins.messenger.MessengerSender;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code messenger-send [options] "text"}: one text message to the lab's webhook, signed as Messenger signs it. */
@Command(name = "messenger-send", mixinStandardHelpOptions = true,
        description = "Sends one text message to the webhook at http://localhost:<port>/api/messenger, as Messenger does.")
final class MessengerSendCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "7071", description = "The function host's port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--mid", paramLabel = "ID", description = "The message id (default: a new one). Send the same id twice to play a redelivery.")
    String mid;

    @Option(names = "--sender", paramLabel = "ID", description = "The sender's page-scoped id (default: a test user).")
    String sender;

    @Option(names = "--bad-signature", description = "Sign with a wrong secret, as a forger would: the webhook must answer 403.")
    boolean badSignature;

    @Option(names = "--settings", required = true, paramLabel = "FILE", description = "The local.settings.json with MESSENGER_APP_SECRET.")
    Path settings;

    @Parameters(arity = "0..1", paramLabel = "TEXT", description = "The message (default: a Korean greeting).")
    String text;

    @Override
    public Integer call() {
        return MessengerSender.run(port, mid, sender, badSignature, text, settings, System.out);
    }
}
