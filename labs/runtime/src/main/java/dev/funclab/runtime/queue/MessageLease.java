package dev.funclab.runtime.queue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A received message while its function runs. It stays hidden from other receivers by renewing its
 * visibility at half the processing visibility, as the Functions queue extension does, so a call
 * longer than the visibility is never delivered a second time while it runs. Each renewal gives a
 * new pop receipt; the lease keeps the latest, and settles the message (delete, put back, poison)
 * with it, never at the same time as a renewal. Renewals and put-backs change the visibility only (no
 * message text is sent), so the content stays exactly as it was sent.
 */
final class MessageLease {

    private final QueueClient queue;
    private final QueueMessageItem message;
    private final Duration visibility;
    private String popReceipt;
    private boolean settled;
    private ScheduledFuture<?> renewal;

    private MessageLease(QueueClient queue, QueueMessageItem message, Duration visibility) {
        this.queue = queue;
        this.message = message;
        this.visibility = visibility;
        this.popReceipt = message.getPopReceipt();
    }

    /** Starts keeping {@code message} hidden for as long as it is not settled. */
    static MessageLease of(QueueClient queue, QueueMessageItem message, Duration visibility, ScheduledExecutorService timer) {
        MessageLease lease = new MessageLease(queue, message, visibility);
        long every = Math.max(1, visibility.toMillis() / 2);
        lease.renewal = timer.scheduleWithFixedDelay(lease::renew, every, every, TimeUnit.MILLISECONDS);
        return lease;
    }

    QueueMessageItem message() {
        return message;
    }

    String text() {
        return message.getBody().toString();
    }

    private synchronized void renew() {
        if (settled) {
            return;
        }
        try {
            popReceipt = queue.updateMessage(message.getMessageId(), popReceipt, null, visibility).getPopReceipt();
        } catch (RuntimeException e) {
            // Storage unreachable for now: the next renewal tries again, and at worst the message is
            // delivered again after its visibility ends (at least once, never lost).
        }
    }

    /** The function succeeded: the message is done. */
    synchronized void delete() {
        settle();
        queue.deleteMessage(message.getMessageId(), popReceipt);
    }

    /** Visible again after {@code delay} (zero: at once), to be tried again. */
    synchronized void putBack(Duration delay) {
        settle();
        queue.updateMessage(message.getMessageId(), popReceipt, null, delay);
    }

    /** Copied unchanged to {@code poison}, then deleted here. */
    synchronized void moveTo(QueueClient poison) {
        settle();
        poison.createIfNotExists();
        poison.sendMessage(text());
        queue.deleteMessage(message.getMessageId(), popReceipt);
    }

    private void settle() {
        settled = true;
        renewal.cancel(false);
    }
}
