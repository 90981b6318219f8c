package dev.funclab.runtime.blob;

/** A blob handed to a function. */
record BlobDelivery(String container, String name, String eTag, byte[] content) {
}
