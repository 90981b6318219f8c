package dev.funclab.standins;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code funclab-standins <command>}: the local Speech and SendGrid stand-ins, and the tools that
 * talk to Lab 4 as Messenger and a mail client would. The scripts {@code scripts/run lab4},
 * {@code scripts/messenger-send} and {@code scripts/mailbox} call it.
 */
@Command(name = "funclab-standins", mixinStandardHelpOptions = true, version = "funclab-standins 1.0",
        description = "Local stand-ins of Azure AI Speech, SendGrid and Messenger for Lab 4.",
        subcommands = {StartCommand.class, MessengerSendCommand.class, MailboxCommand.class, PrepareSpeechCommand.class})
public final class StandInsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StandInsCommand()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name a command: start, messenger-send or mailbox.");
    }
}
