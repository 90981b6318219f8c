package dev.funclab.runtime.queue;

/** A queue message handed to a function: its decoded content and the raw text as stored. */
record QueueDelivery(byte[] content, String rawText) {
}
