package dev.funclab.runtime.blob;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.microsoft.azure.functions.annotation.BlobOutput;
import dev.funclab.runtime.HostContext;
import dev.funclab.runtime.convert.PojoJson;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.OutputSupport;
import dev.funclab.runtime.function.OutputWriter;
import dev.funclab.runtime.storage.BindingTemplate;
import dev.funclab.runtime.storage.BlobPath;
import dev.funclab.runtime.storage.Connections;
import dev.funclab.runtime.storage.Names;

import java.nio.charset.StandardCharsets;

/**
 * {@code @BlobOutput}: writes {@code byte[]} as it is, text as UTF-8 and anything else as JSON to a
 * path that may use binding data, creating the container, replacing an existing blob.
 */
public final class BlobOutputSupport implements OutputSupport<BlobOutput> {

    private final HostContext host;

    public BlobOutputSupport(HostContext host) {
        this.host = host;
    }

    @Override
    public Class<BlobOutput> annotationType() {
        return BlobOutput.class;
    }

    @Override
    public OutputWriter writer(FunctionSignature signature, BlobOutput output) {
        String connection = Connections.resolve(host.storage(), signature, null, output.connection());
        BindingTemplate path;
        try {
            path = BindingTemplate.parse(output.path(), host.settings());
            BlobPath parsed = BlobPath.parse(path.toString());
            String problem = Names.problemWith("container", parsed.container());
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        } catch (IllegalArgumentException e) {
            throw signature.problem("@BlobOutput(name = \"" + output.name() + "\"): " + e.getMessage());
        }
        return (invocation, value) -> {
            BlobPath blob = BlobPath.parse(path.resolve(invocation.bindingData()));
            BlobContainerClient container = host.storage().clients(connection).blobs().getBlobContainerClient(blob.container());
            BlobWrites.upload(container, blob.blob(), BinaryData.fromBytes(bytes(value)));
            host.wakeUps().wrote(host.storage().connectionString(connection), "container:" + blob.container());
        };
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        if (value instanceof CharSequence text) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        return PojoJson.writeBytes(value);
    }
}
