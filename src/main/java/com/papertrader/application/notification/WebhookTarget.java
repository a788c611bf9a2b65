package com.papertrader.application.notification;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Where a webhook may send: an absolute http(s) URL with a host and without credentials in it, and not Paper Trader
 * itself (this machine on a port this server answers on), which would notify itself in a loop or act on its own API.
 */
public final class WebhookTarget {

    public static final String FIELD = "url";
    static final int MAX_LENGTH = 2_000;

    /** Whether a host name or address is this machine: a loopback or wildcard address, or one of its interfaces'. */
    public static final Predicate<String> THIS_MACHINE = WebhookTarget::isThisMachine;

    private WebhookTarget() {
    }

    /**
     * @param ownPorts      the ports this server answers HTTP on
     * @param isThisMachine whether a host is this machine ({@link #THIS_MACHINE}; tests pass their own)
     * @return the URL, checked
     * @throws InvalidWebhookException saying what is wrong (never quoting the URL, which may carry a token)
     */
    public static URI check(String url, Set<Integer> ownPorts, Predicate<String> isThisMachine) {
        String given = url == null ? "" : url.strip();
        if (given.isEmpty()) {
            throw new InvalidWebhookException(FIELD, "Give the URL to send the notifications to.");
        }
        if (given.length() > MAX_LENGTH) {
            throw new InvalidWebhookException(FIELD, "The URL is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(given);
        } catch (URISyntaxException e) {
            throw new InvalidWebhookException(FIELD, "The URL is not well formed (spaces and some characters must be %-encoded).");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidWebhookException(FIELD, "A webhook URL starts with http:// or https://.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidWebhookException(FIELD, "The URL names no host.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidWebhookException(FIELD, "Put no user name or password in the URL: receivers check the signature instead.");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (ownPorts.contains(port) && isThisMachine.test(uri.getHost())) {
            throw new InvalidWebhookException(FIELD, "The URL points at Paper Trader itself (this machine, port " + port
                    + "): a webhook goes to another service.");
        }
        return uri;
    }

    private static boolean isThisMachine(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            for (InetAddress address : InetAddress.getAllByName(bare)) {
                if (address.isLoopbackAddress() || address.isAnyLocalAddress() || NetworkInterface.getByInetAddress(address) != null) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException | SocketException e) {
            return false; // not resolvable here now: not this machine (its deliveries will say what happens)
        }
    }

    /** The URL as pages and logs show it: scheme, host and port, the rest hidden (Slack's and Discord's carry a token). */
    public static String shown(String url) {
        try {
            URI uri = new URI(url);
            String port = uri.getPort() == -1 ? "" : ":" + uri.getPort();
            boolean more = uri.getRawPath() != null && uri.getRawPath().length() > 1 || uri.getRawQuery() != null;
            return uri.getScheme() + "://" + uri.getHost() + port + (more ? "/…" : "/");
        } catch (URISyntaxException e) {
            return "(not a URL)";
        }
    }
}
