package dev.funclab.runtime.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Who may see and drive the host's own endpoints. A web page on another origin can make a browser send
 * requests to localhost, and a DNS name rebound to 127.0.0.1 can too; the admin endpoints refuse both
 * (even with {@code --no-auth}), and the list of routes and the dashboard are shown only to callers on this
 * machine.
 */
public final class LocalCallers {

    private LocalCallers() {
    }

    /** True when the request comes from this machine. */
    public static boolean isLoopback(Request request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress address) {
            InetAddress ip = address.getAddress();
            return ip != null && ip.isLoopbackAddress();
        }
        return false;
    }

    /**
     * Why an admin request must be refused as cross-site, or null when it may go on: a browser's
     * {@code Origin} from another host, or a {@code Host} that is not this machine's name on a host that
     * listens on loopback only.
     */
    public static String crossSiteProblem(Request request, boolean loopbackOnly) {
        String host = hostName(request.getHeaders().get(HttpHeader.HOST));
        if (loopbackOnly && host != null && !isLocalName(host)) {
            return "the request names host '" + host + "', which is not this machine (localhost, 127.0.0.1 or [::1])";
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return null;
        }
        String originHost;
        try {
            originHost = URI.create(origin.strip()).getHost();
        } catch (IllegalArgumentException e) {
            originHost = null;
        }
        if (originHost == null || !(isLocalName(originHost) || originHost.equalsIgnoreCase(host))) {
            return "it comes from a web page on another origin (" + origin + ")";
        }
        return null;
    }

    private static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String value = hostHeader.strip();
        if (value.startsWith("[")) {
            int end = value.indexOf(']');
            return end < 0 ? value : value.substring(0, end + 1);
        }
        int colon = value.lastIndexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    private static boolean isLocalName(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.equals("[::1]") || name.equals("::1")
                || name.matches("127(\\.\\d{1,3}){3}");
    }
}
