package dev.funclab.runtime.blob;

import dev.funclab.runtime.convert.ValueConverter;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Type;

/** Blob bytes as the type a function declares: byte[], String, InputStream, or a POJO read from JSON. */
final class BlobContent {

    private BlobContent() {
    }

    static Object as(byte[] content, Type type) {
        if (ValueConverter.rawClass(type) == InputStream.class) {
            return content == null ? null : new ByteArrayInputStream(content);
        }
        return ValueConverter.convert(content, type);
    }
}
