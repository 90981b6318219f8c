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
        String url = "http://localhost:" + StartCommand.DEFAULT_MAIL_PORT;
        if (settings != null && Files.exists(settings)) {
            url = LabSettings.read(settings).get(StartCommand.SENDGRID_URL).orElse(url);
        }
        return MailboxListing.printMailbox(URI.create(url.strip().replaceAll("/+$", "")), json, System.out);
    }
}
