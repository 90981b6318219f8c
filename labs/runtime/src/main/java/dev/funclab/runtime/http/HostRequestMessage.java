package dev.funclab.runtime.http;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;

import java.net.URI;
import java.util.Map;

/** The {@link HttpRequestMessage} functions receive, its body already converted to {@code T}. */
final class HostRequestMessage<T> implements HttpRequestMessage<T> {

    private final RawHttpRequest request;
    private final T body;

    HostRequestMessage(RawHttpRequest request, T body) {
        this.request = request;
        this.body = body;
    }

    @Override
    public URI getUri() {
        return request.uri();
    }

    @Override
    public HttpMethod getHttpMethod() {
        return request.method();
    }

    @Override
    public Map<String, String> getHeaders() {
        return request.headers();
    }

    @Override
    public Map<String, String> getQueryParameters() {
        return request.query();
    }

    @Override
    public T getBody() {
        return body;
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return new HostResponse.Builder().status(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new HostResponse.Builder().status(status);
    }
}
