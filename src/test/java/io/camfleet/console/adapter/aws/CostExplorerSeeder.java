package io.camfleet.console.adapter.aws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Queues Cost Explorer answers in moto ({@code /moto-api/static/ce/cost-and-usage-results}): moto hands them out in
 * order, one per distinct request body, so a second page (the same request with its NextPageToken) takes the next.
 */
public final class CostExplorerSeeder {

    private CostExplorerSeeder() {
    }

    /** @param resultsJson a JSON array of GetCostAndUsage responses, in the order they are asked for */
    public static void queue(URI endpoint, String resultsJson) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        endpoint.resolve("/moto-api/static/ce/cost-and-usage-results"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"results\": " + resultsJson + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("moto refused the cost results: " + r.statusCode() + " " + r.body());
        }
    }

    /** One month of a tag- or service-grouped answer. */
    public static String month(String start, String end, boolean estimated, String... keyAmounts) {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < keyAmounts.length; i += 2) {
            groups.append(groups.isEmpty() ? "" : ",").append("{\"Keys\": [\"").append(keyAmounts[i])
                    .append("\"], \"Metrics\": {\"UnblendedCost\": {\"Amount\": \"").append(keyAmounts[i + 1])
                    .append("\", \"Unit\": \"USD\"}}}");
        }
        return "{\"TimePeriod\": {\"Start\": \"" + start + "\", \"End\": \"" + end + "\"}, \"Total\": {}, "
                + "\"Groups\": [" + groups + "], \"Estimated\": " + estimated + "}";
    }

    /** One page: its months and, unless null, the token of the next page. */
    public static String page(String nextPageToken, String... months) {
        return "{\"ResultsByTime\": [" + String.join(",", months) + "], \"DimensionValueAttributes\": []"
                + (nextPageToken == null ? "" : ", \"NextPageToken\": \"" + nextPageToken + "\"") + "}";
    }
}
