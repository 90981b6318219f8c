package dev.funclab.standins;

import dev.funclab.standins.mail.MailboxListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code mailbox [--json]}: what the SendGrid stand-in has received. */
@Command(name = "mailbox", mixinStandardHelpOptions = true, description = "Lists the mails the SendGrid stand-in received.")
final class MailboxCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--settings", paramLabel = "FILE", description = "A local.settings.json whose FUNCLAB_SENDGRID_URL says where the stand-in is.")
    Path settings;

    @Override
    public Integer call() {
        int port = StartCommand.DEFAULT_MAIL_PORT;
        if (settings != null && Files.exists(settings)) {
            LabSettings values = LabSettings.read(settings);
            if (values.get(StartCommand.SENDGRID_URL).isPresent()) {
                Integer local = values.localPort(StartCommand.SENDGRID_URL).orElse(null);
                if (local == null) {
                    System.out.println(settings + " sends mail to " + values.get(StartCommand.SENDGRID_URL).get()
                            + ", not to the local stand-in: there is no local mailbox to list. Look in the recipient's own mailbox.");
                    return 2;
                }
                port = local;
            }
        }
        return MailboxListing.printMailbox(URI.create("http://localhost:" + port), json, System.out);
    }
}
