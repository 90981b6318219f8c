package dev.funclab.standins.mail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every mail the SMTP server accepted, once each, in arrival order. GreenMail stores a copy per
 * recipient's mailbox; this keeps one per SMTP transaction by watching deliveries, which GreenMail
 * makes for each recipient of a message in turn before it answers the client.
 */
final class ReceivedMails {

    private final List<ReceivedMail> mails = new ArrayList<>();
    private MovingMessage last;

    /** Wraps GreenMail's delivery (which creates a mailbox for any new recipient) to record each message. */
    MessageDeliveryHandler recording(MessageDeliveryHandler delivery) {
        return (message, address) -> {
            record(message);
            return delivery.handle(message, address);
        };
    }

    private synchronized void record(MovingMessage message) {
        if (message == last) {
            return;
        }
        last = message;
        Instant now = Instant.now();
        ReceivedMail mail;
        try {
            mail = MailParser.parse(message.getMessage(), now);
        } catch (Exception e) {
            // Keep a trace of a mail that cannot be parsed rather than fail its delivery.
            mail = new ReceivedMail("", "", List.of(), "(a mail the stand-in could not read: " + e.getMessage() + ")", "",
                    "", List.of(), now);
        }
        mails.add(mail);
    }

    synchronized List<ReceivedMail> all() {
        return List.copyOf(mails);
    }
}
