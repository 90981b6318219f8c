package dev.funclab.standins.mail;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.MessageDeliveryHandler;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * The mails the SMTP server accepted (the newest {@value #KEPT}), once each, in arrival order.
 * GreenMail stores a copy per recipient's mailbox; this keeps one per SMTP transaction by watching
 * deliveries, which GreenMail makes for each recipient of a message in turn before it answers.
 */
final class ReceivedMails {

    /** The newest mails kept: a stand-in left running must not fill its memory with attachments. */
    static final int KEPT = 500;

    private final Deque<ReceivedMail> mails = new ArrayDeque<>();
    /** Messages recorded already: GreenMail hands each one over once per recipient, from any session's thread. */
    private final Set<MovingMessage> seen = Collections.newSetFromMap(new WeakHashMap<>());

    /** Wraps GreenMail's delivery (which creates a mailbox for any new recipient) to record each message. */
    MessageDeliveryHandler recording(MessageDeliveryHandler delivery) {
        return (message, address) -> {
            record(message);
            return delivery.handle(message, address);
        };
    }

    private synchronized void record(MovingMessage message) {
        if (!seen.add(message)) {
            return;
        }
        Instant now = Instant.now();
        ReceivedMail mail;
        try {
            mail = MailParser.parse(message.getMessage(), now);
        } catch (Exception e) {
            // Keep a trace of a mail that cannot be parsed rather than fail its delivery.
            mail = new ReceivedMail("", "", List.of(), "(a mail the stand-in could not read: " + e.getMessage() + ")", "",
                    "", List.of(), now);
        }
        mails.addLast(mail);
        if (mails.size() > KEPT) {
            mails.removeFirst();
        }
    }

    synchronized void clear() {
        mails.clear();
        seen.clear();
    }

    synchronized List<ReceivedMail> all() {
        return List.copyOf(mails);
    }
}
