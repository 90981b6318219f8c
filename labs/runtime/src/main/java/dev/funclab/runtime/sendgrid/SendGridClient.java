package dev.funclab.runtime.sendgrid;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sends v3 mail-send requests. The JDK's HTTP client is enough here: one JSON POST with a bearer
 * token, and it adds nothing to the class path of the host.
 */
final class SendGridClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final URI baseUrl;
    private final URI mailSend;
    private final String urlSetting;

    /** @param baseUrl {@code https://api.sendgrid.com}, or the kit's mail stand-in */
    SendGridClient(URI baseUrl, String urlSetting) {
        this.baseUrl = baseUrl;
        this.mailSend = URI.create(baseUrl.toString().replaceAll("/+$", "") + "/v3/mail/send");
        this.urlSetting = urlSetting;
    }

    URI mailSend() {
        return mailSend;
    }

    /**
     * POSTs one message; like the extension, any answer of 300 or more fails the invocation with its body.
     *
     * @throws IllegalStateException when SendGrid refuses the message or cannot be reached
     */
    void send(String apiKey, String json) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(mailSend).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (ConnectException e) {
            throw new IllegalStateException("Nothing answers at " + baseUrl + " (app setting " + urlSetting + "), so the mail "
                    + "was not sent. Start the kit's mail stand-in (scripts/run lab4 starts it with the host), or set "
                    + urlSetting + " to https://api.sendgrid.com to send real mail.", e);
        } catch (IOException e) {
            throw new IllegalStateException("Sending the mail to " + mailSend + " failed: " + e, e);
        }
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("SendGrid answered " + response.statusCode() + " to POST " + mailSend + ": "
                    + response.body());
        }
    }
}
