package dev.funclab.runtime.dashboard;

import dev.funclab.runtime.app.AppSettings;
import dev.funclab.runtime.function.FunctionDefinition;
import dev.funclab.runtime.function.FunctionMetadata;
import dev.funclab.runtime.http.FrontDoor;
import dev.funclab.runtime.invoke.InvocationObserver;
import dev.funclab.runtime.sendgrid.SendGridOutputSupport;
import dev.funclab.runtime.storage.StorageReset;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the dashboard shows and does, apart from HTTP: the functions with their triggers, bindings and URLs,
 * the keys (the page runs functions with them), the calls of this run, the cost meter, and the app's storage.
 */
public final class Dashboard {

    /** A function as the page lists it; {@code path} and {@code methods} for HTTP functions only. */
    record FunctionView(String name, String trigger, String path, List<String> methods, Object bindings) {
    }

    private volatile List<FunctionView> functions = List.of();
    private volatile boolean appRoutesRoot;
    /** Where the app's mail goes (the SendGrid stand-in's API), when a function sends mail; else null. */
    private volatile String mailbox;
    /** The app's own run history ({@code GET .../runs}, as Lab 4 serves it), when it has one; else null. */
    private volatile String runs;
    private final String functionKey;
    private final String masterKey;
    private final LiveEvents events = new LiveEvents();
    private final CostMeter cost = new CostMeter();
    private final Supplier<String> storageConnection;
    private StorageView storage;

    /**
     * @param storageConnection the app's AzureWebJobsStorage connection string; asked for only when the
     *                          page opens its storage view (it may start Azurite)
     */
    public Dashboard(String functionKey, String masterKey, Supplier<String> storageConnection) {
        this.functionKey = functionKey;
        this.masterKey = masterKey;
        this.storageConnection = storageConnection;
    }

    /** The functions the page lists: those of the app as loaded now (again after each reload). */
    public void show(List<FunctionDefinition> loaded, FrontDoor frontDoor, AppSettings settings) {
        this.functions = loaded.stream().map(f -> {
            var endpoint = frontDoor.endpoint(f);
            Object bindings = ((Map<?, ?>) FunctionMetadata.of(f).get("config")).get("bindings");
            return new FunctionView(f.name(), f.triggerType(), endpoint.map(FrontDoor.HttpEndpoint::path).orElse(null),
                    endpoint.map(FrontDoor.HttpEndpoint::methods).orElse(List.of()), bindings);
        }).toList();
        this.appRoutesRoot = frontDoor.routesRoot();
        boolean sendsMail = functions.stream().anyMatch(f -> f.bindings() instanceof List<?> list
                && list.stream().anyMatch(b -> b instanceof Map<?, ?> m && "sendGrid".equals(m.get("type"))));
        this.mailbox = sendsMail ? settings.get(SendGridOutputSupport.URL_SETTING).filter(u -> !u.isBlank())
                .orElse(SendGridOutputSupport.DEFAULT_URL).strip().replaceAll("/+$", "") : null;
        this.runs = functions.stream().filter(f -> f.path() != null && f.path().endsWith("/runs")
                && (f.methods().contains("GET") || f.methods().contains("ALL"))).map(FunctionView::path).findFirst().orElse(null);
    }

    /** What listens to every call: the live view and the cost meter. */
    public List<InvocationObserver> observers() {
        return List.of(events, cost);
    }

    public LiveEvents events() {
        return events;
    }

    public CostMeter cost() {
        return cost;
    }

    boolean appRoutesRoot() {
        return appRoutesRoot;
    }

    /** Where a browser finds the dashboard. */
    public String url(URI baseUri) {
        return baseUri.toString().replaceAll("/$", "") + (appRoutesRoot ? DashboardHandler.PREFIX : "/");
    }

    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("functions", functions);
        state.put("functionKey", functionKey);
        state.put("masterKey", masterKey);
        state.put("recent", events.recent());
        state.put("cost", cost.bill());
        state.put("mail", mailbox != null);
        state.put("runs", runs);
        return state;
    }

    synchronized StorageView storage() {
        if (storage == null) {
            storage = new StorageView(storageConnection.get());
        }
        return storage;
    }

    /** The mail the SendGrid stand-in received, as its {@code GET /mailbox} lists it (JSON). */
    byte[] mail() throws java.io.IOException, InterruptedException {
        if (mailbox == null) {
            throw new IllegalArgumentException("No function of this app sends mail.");
        }
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(URI.create(mailbox + "/mailbox"))
                        .timeout(java.time.Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("the mail stand-in at " + mailbox + " answered " + response.statusCode());
        }
        return response.body();
    }

    String reset() {
        return StorageReset.emptyAll(storageConnection.get()).describe();
    }
}
