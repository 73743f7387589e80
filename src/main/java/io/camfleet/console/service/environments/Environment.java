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
 */
public record Environment(String label, String profile, String region, URI endpoint) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern PROFILE = Pattern.compile("[A-Za-z0-9._@+-]{0,64}");

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
        Environment e = new Environment(label, profile, region, endpoint(endpoint));
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

    /** The profile as the AWS tools name it. */
    public String profileOrDefault() {
        return profile.isEmpty() ? "default" : profile;
    }
}
