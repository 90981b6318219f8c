package dev.funclab.standins.mail;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** What {@code scripts/mailbox} prints: the mail the stand-in received, as JSON or as a readable list. */
public final class MailboxListing {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private MailboxListing() {
    }

    /**
     * Fetches {@code GET <apiEndpoint>/mailbox} and prints it.
     *
     * @param apiEndpoint the stand-in's base URL, e.g. {@code http://localhost:7073}
     * @param json        true to print the JSON array, false for one block per mail
     * @return 0 when listed, 1 when the stand-in answered with an error, 2 when nothing answers
     */
    public static int printMailbox(URI apiEndpoint, boolean json, PrintStream out) {
        String base = apiEndpoint.toString().replaceAll("/+$", "");
        OkHttpClient client = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30)).build();
        Request request = new Request.Builder().url(base + SendGridApi.MAILBOX).get().build();
        String body;
        try (Response response = client.newCall(request).execute()) {
            ResponseBody content = response.body();
            body = content == null ? "" : content.string();
            if (response.code() != 200) {
                out.println("The mail stand-in at " + base + " answered " + response.code() + " to GET " + SendGridApi.MAILBOX
                        + ": " + body);
                return 1;
            }
        } catch (ConnectException e) {
            out.println("The mail stand-in is not running: nothing answers at " + base + ". Start it with 'scripts/run lab4' "
                    + "(it starts the function host and the stand-ins).");
            return 2;
        } catch (IOException e) {
            out.println("Could not read the mailbox from " + base + SendGridApi.MAILBOX + ": " + e.getMessage());
            return 2;
        } finally {
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
        JsonNode mails;
        try {
            mails = ApiError.JSON.readTree(body);
        } catch (IOException e) {
            out.println("The answer of " + base + SendGridApi.MAILBOX + " is not the JSON list it should be: " + body);
            return 1;
        }
        if (json) {
            out.println(mails.toPrettyString());
        } else {
            printReadable(mails, out);
        }
        return 0;
    }

    private static void printReadable(JsonNode mails, PrintStream out) {
        if (mails.isEmpty()) {
            out.println("No mail yet. Mail sent through the stand-in's SendGrid API shows up here.");
            return;
        }
        out.println(mails.size() + (mails.size() == 1 ? " mail" : " mails") + ", oldest first:");
        int number = 1;
        for (JsonNode mail : mails) {
            out.println();
            out.println("#" + number++ + "  " + time(mail.path("sentAt").asText()) + "  from " + mail.path("from").asText());
            out.println("    To:          " + String.join(", ", texts(mail.path("to"))));
            out.println("    Subject:     " + mail.path("subject").asText());
            out.println("    Text:        " + firstLine(mail.path("text").asText()));
            JsonNode attachments = mail.path("attachments");
            if (attachments.isEmpty()) {
                out.println("    Attachments: none");
            }
            for (int i = 0; i < attachments.size(); i++) {
                JsonNode attachment = attachments.get(i);
                out.println((i == 0 ? "    Attachments: " : "                 ") + attachment.path("fileName").asText()
                        + " (" + attachment.path("contentType").asText() + ", "
                        + String.format("%,d", attachment.path("size").asLong()) + " bytes)");
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        boolean more = text.strip().lines().count() > 1 || line.length() > 100;
        return (line.length() > 100 ? line.substring(0, 100) : line) + (more ? " ..." : "");
    }

    private static String time(String iso) {
        try {
            return TIME.format(Instant.parse(iso));
        } catch (RuntimeException e) {
            return iso;
        }
    }
}
