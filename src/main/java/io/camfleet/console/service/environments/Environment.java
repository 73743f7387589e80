package io.camfleet.console.service.environments;

import io.camfleet.console.service.common.Problem;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * An AWS environment the fleet lives in: a named profile from the user's own AWS config (SSO profiles included),
 * a region, and a short label that every synced record carries. Holds no secret: credentials come from the SDK's
 * default provider chain for {@code profile}.
 *
 * @param label    short name shown on records and filters, e.g. {@code prod-eu}
 * @param profile  AWS profile name; empty for the default profile
 * @param region   AWS region, e.g. {@code eu-west-1}
 * @param endpoint endpoint override for every service (a VPC endpoint, or an emulator in tests); null for AWS's own
 * @param eventsQueue the SQS queue that the environment's registry events are forwarded to, which lets a sync ask
 *                    only for what changed; null when there is none (every sync then reads everything)
 */
public record Environment(String label, String profile, String region, URI endpoint, URI eventsQueue) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9._@+-]{0,64}");
    /** An SQS queue's path: the account, then the queue's name. */
    private static final Pattern QUEUE_PATH = Pattern.compile("/\\d{12}/[A-Za-z0-9_-]{1,80}(\\.fifo)?");

    /** An environment without a registry events queue. */
    public Environment(String label, String profile, String region, URI endpoint) {
        this(label, profile, region, endpoint, null);
    }

    public Environment {
        label = label == null ? "" : label.strip();
        profile = profile == null ? "" : profile.strip();
        region = region == null ? "" : region.strip();
    }

    /**
     * Checks an environment as the user typed it.
     *
     * @throws Problem of kind BAD_INPUT naming the field that is wrong
     */
    public static Environment of(String label, String profile, String region, String endpoint) {
        return of(label, profile, region, endpoint, null);
    }

    /**
     * As {@link #of(String, String, String, String)}, with the queue of the registry's events (empty: none).
     *
     * @throws Problem of kind BAD_INPUT naming the field that is wrong
     */
    public static Environment of(String label, String profile, String region, String endpoint, String eventsQueue) {
        URI at = endpoint(endpoint);
        Environment e = new Environment(label, profile, region, at, queue(eventsQueue, at));
        if (!LABEL.matcher(e.label).matches()) {
            throw Problem.badInput("environment.badLabel", e.label);
        }
        if (!PROFILE.matcher(e.profile).matches()) {
            throw Problem.badInput("environment.badProfile", e.profile);
        }
        if (!REGION.matcher(e.region).matches()) {
            throw Problem.badInput("environment.badRegion", e.region);
        }
        return e;
    }

    private static URI endpoint(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // falls through to the message below
        }
        throw Problem.badInput("environment.badEndpoint", text.strip());
    }

    /**
     * An SQS queue URL: {@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME} (or a VPC endpoint's https host), or
     * one on the environment's own endpoint override (an emulator may speak plain http).
     */
    private static URI queue(String text, URI endpoint) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text.strip());
            boolean sqs = "https".equals(uri.getScheme()) && uri.getHost() != null && uri.getHost().contains("sqs");
            boolean onEndpoint = endpoint != null && uri.getHost() != null
                    && uri.getHost().equals(endpoint.getHost()) && uri.getPort() == endpoint.getPort()
                    && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
            if ((sqs || onEndpoint) && uri.getPath() != null && QUEUE_PATH.matcher(uri.getPath()).matches()
                    && uri.getQuery() == null && uri.getUserInfo() == null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // falls through to the message below
        }
        throw Problem.badInput("environment.badEventsQueue", text.strip());
    }

    /** This environment with another registry events queue (empty or null: none). */
    public Environment withEventsQueue(String queue) {
        return of(label, profile, region, endpoint == null ? null : endpoint.toString(), queue);
    }

    /** The profile as the AWS tools name it. */
    public String profileOrDefault() {
        return profile.isEmpty() ? "default" : profile;
    }
}
