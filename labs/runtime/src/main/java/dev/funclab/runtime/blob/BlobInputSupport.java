package dev.funclab.runtime.blob;

import com.azure.storage.blob.models.BlobStorageException;
import com.microsoft.azure.functions.annotation.BlobInput;
import dev.funclab.runtime.HostContext;
import dev.funclab.runtime.function.ArgumentSource;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.InputSupport;
import dev.funclab.runtime.storage.BindingTemplate;
import dev.funclab.runtime.storage.BlobPath;
import dev.funclab.runtime.storage.Connections;

import java.lang.reflect.Parameter;
import java.lang.reflect.Type;

/**
 * {@code @BlobInput}: the blob at a path that may use binding data ({@code images/{blobName}}), as
 * {@code byte[]}, {@code String}, {@code InputStream} or a POJO; {@code null} when there is no such
 * blob, as in Azure.
 */
public final class BlobInputSupport implements InputSupport<BlobInput> {

    private final HostContext host;

    public BlobInputSupport(HostContext host) {
        this.host = host;
    }

    @Override
    public Class<BlobInput> annotationType() {
        return BlobInput.class;
    }

    @Override
    public ArgumentSource argument(FunctionSignature signature, Parameter parameter, BlobInput input) {
        String connection = Connections.resolve(host.storage(), signature, parameter, input.connection());
        BindingTemplate path;
        try {
            path = BindingTemplate.parse(input.path(), host.settings());
            BlobPath.parse(path.toString());
        } catch (IllegalArgumentException e) {
            throw signature.problem(parameter, e.getMessage());
        }
        Type type = parameter.getParameterizedType();
        return invocation -> {
            BlobPath blob = BlobPath.parse(path.resolve(invocation.bindingData()));
            byte[] content;
            try {
                content = host.storage().clients(connection).blobs().getBlobContainerClient(blob.container())
                        .getBlobClient(blob.blob()).downloadContent().toBytes();
            } catch (BlobStorageException e) {
                if (e.getStatusCode() != 404) {
                    throw e;
                }
                content = null;
            }
            return BlobContent.as(content, type);
        };
    }
}
