package dev.funclab.standins;

/** Placeholder: the stand-ins' command line (start, messenger-send, mailbox) is being written. */
public final class StandInsCommand {
    public static void main(String[] args) {
        throw new UnsupportedOperationException("not yet");
    }
}
