package dev.funclab.runtime.sendgrid;

import com.microsoft.azure.functions.annotation.SendGridOutput;
import dev.funclab.runtime.HostContext;
import dev.funclab.runtime.function.FunctionSignature;
import dev.funclab.runtime.function.OutputSupport;
import dev.funclab.runtime.function.OutputValues;
import dev.funclab.runtime.function.OutputWriter;
import dev.funclab.runtime.storage.BindingTemplate;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code @SendGridOutput}, as the Functions SendGrid extension behaves: the function sets a v3
 * mail-send message (JSON text or a POJO; a list or an array for several); the binding's {@code to},
 * {@code from}, {@code subject} and {@code text} fill only what the message lacks; {@code apiKey}
 * names the app setting that holds the key ({@value #DEFAULT_API_KEY_SETTING} when empty). The mail
 * is sent after the function returns, and an answer of 300 or more fails the invocation.
 *
 * <p>Azure always sends to SendGrid. Locally the mail goes to {@value #URL_SETTING}, which defaults
 * to the kit's mail stand-in ({@value #DEFAULT_URL}); set it to {@code https://api.sendgrid.com} to
 * send real mail with the same code.
 */
public final class SendGridOutputSupport implements OutputSupport<SendGridOutput> {

    public static final String DEFAULT_API_KEY_SETTING = "AzureWebJobsSendGridApiKey";
    public static final String URL_SETTING = "FUNCLAB_SENDGRID_URL";
    public static final String DEFAULT_URL = "http://localhost:7073";

    private final HostContext host;
    private SendGridClient client;

    public SendGridOutputSupport(HostContext host) {
        this.host = host;
    }

    @Override
    public Class<SendGridOutput> annotationType() {
        return SendGridOutput.class;
    }

    @Override
    public OutputWriter writer(FunctionSignature signature, SendGridOutput output) {
        String where = "@SendGridOutput(name = \"" + output.name() + "\"): ";
        String keySetting = output.apiKey().isBlank() ? DEFAULT_API_KEY_SETTING : output.apiKey();
        String apiKey = host.settings().get(keySetting).filter(k -> !k.isBlank()).orElseThrow(() -> signature.problem(where
                + "the SendGrid ApiKey must be set in the app setting '" + keySetting + "' (apiKey names a setting, not the "
                + "key itself). Add \"" + keySetting + "\": \"<your SendGrid key>\" to Values in local.settings.json."));
        Map<String, BindingTemplate> defaults = new java.util.LinkedHashMap<>();
        try {
            defaults.put("to", BindingTemplate.parse(output.to(), host.settings()));
            defaults.put("from", BindingTemplate.parse(output.from(), host.settings()));
            defaults.put("subject", BindingTemplate.parse(output.subject(), host.settings()));
            defaults.put("text", BindingTemplate.parse(output.text(), host.settings()));
            checkAddress(defaults.get("to"), "To");
            checkAddress(defaults.get("from"), "From");
        } catch (IllegalArgumentException e) {
            throw signature.problem(where + e.getMessage());
        }
        SendGridMail.HostDefaults hostDefaults;
        try {
            hostDefaults = SendGridMail.HostDefaults.of(host.hostJson().extension("sendGrid"));
        } catch (IllegalArgumentException e) {
            throw signature.problem(where + e.getMessage());
        }
        SendGridClient sender = client(signature);
        return (invocation, value) -> {
            List<String> messages = new ArrayList<>();
            for (Object item : OutputValues.items(value)) {
                Map<String, Object> data = invocation.bindingData();
                SendGridMail mail = SendGridMail.of(item).withDefaults(defaults.get("to").resolve(data),
                        defaults.get("from").resolve(data), defaults.get("subject").resolve(data),
                        defaults.get("text").resolve(data), hostDefaults);
                if (!mail.dropped().isEmpty() && invocation.context() != null) {
                    invocation.context().getLogger().warning("SendGrid output '" + output.name() + "': " + mail.dropped()
                            + " are not fields of a v3 mail-send message and were left out (recipients go in personalizations[].to).");
                }
                messages.add(mail.toJson());
            }
            for (String message : messages) {
                sender.send(apiKey, message);
            }
        };
    }

    /** An address given on the binding is checked now, unless it waits for binding data. */
    private static void checkAddress(BindingTemplate template, String property) {
        String text = template.toString();
        if (!text.isBlank() && !text.contains("{")) {
            SendGridMail.address(text, property);
        }
    }

    /** One client for the host, told once at start-up where mail goes. */
    private synchronized SendGridClient client(FunctionSignature signature) {
        if (client == null) {
            String url = host.settings().get(URL_SETTING).filter(u -> !u.isBlank()).orElse(DEFAULT_URL).strip();
            URI base;
            try {
                base = URI.create(url);
            } catch (IllegalArgumentException e) {
                base = null;
            }
            if (base == null || base.getHost() == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
                throw signature.problem("the app setting " + URL_SETTING + " must be an http(s) URL such as " + DEFAULT_URL
                        + " or https://api.sendgrid.com, not '" + url + "'");
            }
            client = new SendGridClient(base, URL_SETTING);
            host.log().info("SendGrid output bindings send mail to " + client.mailSend()
                    + (url.equals(DEFAULT_URL) ? " (the kit's mail stand-in; set " + URL_SETTING
                    + "=https://api.sendgrid.com to send real mail)" : " (" + URL_SETTING + ")") + ".");
        }
        return client;
    }
}
