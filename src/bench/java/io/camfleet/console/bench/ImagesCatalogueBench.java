package io.camfleet.console.bench;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.camfleet.console.adapter.aws.AwsClients;
import io.camfleet.console.adapter.aws.Ec2Images;
import io.camfleet.console.domain.fleet.CameraSystem;
import io.camfleet.console.domain.images.CatalogueEntry;
import io.camfleet.console.domain.images.ImageTagKeys;
import io.camfleet.console.domain.images.OutdatedRule;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.images.ImageCatalogue;
import io.camfleet.console.service.images.ImageSettings;
import software.amazon.awssdk.profiles.ProfileFile;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * {@code images-catalogue}: an environment's catalogue of 5,000 images (50 lineages of 100 versions, four tags each)
 * with 5,000 copies in a second region, 2,000 cameras of the fleet cache running some, read through the real SDK
 * client and adapter from a WireMock fake of the EC2 Query API on loopback, in pages of 1,000 as EC2 gives them.
 * Not moto: seeding 10,000 images there through CreateImage/CopyImage takes longer than the figure measured.
 */
public final class ImagesCatalogueBench {

    private static final String NS = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final int IMAGES = 5_000;
    private static final int PAGE = 1_000;
    private static final int ROUNDS = 3;

    private ImagesCatalogueBench() {
    }

    /** One page of DescribeImages: images {@code from} to {@code from + PAGE}, with the next page's token. */
    private static String page(int from, boolean copies, Instant start) {
        StringBuilder xml = new StringBuilder("<DescribeImagesResponse xmlns=\"" + NS + "\"><requestId>r</requestId>"
                + "<imagesSet>");
        for (int i = from; i < from + PAGE; i++) {
            String id = String.format(Locale.ROOT, "ami-%017x", copies ? 0x100000L + i : i);
            String lineage = "camos-line" + (i % 50);
            xml.append("<item><imageId>").append(id).append("</imageId><imageState>available</imageState>")
                    .append("<name>").append(lineage).append("-v").append(i / 50).append("</name>")
                    .append("<creationDate>").append(start.plusSeconds(3600L * i)).append("</creationDate>")
                    .append(i % 7 == 0 ? "<deprecationTime>2027-01-01T00:00:00.000Z</deprecationTime>" : "")
                    .append("<tagSet>")
                    .append(tag("camfleet:os", "CamOS 12")).append(tag("camfleet:patch-level", "2026-" + (i % 12 + 1)))
                    .append(tag("camfleet:release", "5." + (i % 9)))
                    .append(copies ? tag("camfleet:source", String.format(Locale.ROOT, "ami-%017x", i)) : "")
                    .append("</tagSet></item>");
        }
        xml.append("</imagesSet>");
        if (from + PAGE < IMAGES) {
            xml.append("<nextToken>p").append(from + PAGE).append("</nextToken>");
        }
        return xml.append("</DescribeImagesResponse>").toString();
    }

    private static String tag(String key, String value) {
        return "<item><key>" + key + "</key><value>" + value + "</value></item>";
    }

    private static void stub(WireMockServer ec2, String region, boolean copies, Instant start) {
        for (int from = 0; from < IMAGES; from += PAGE) {
            var request = post(urlPathEqualTo("/")).withHeader("Authorization", containing("/" + region + "/ec2/"))
                    .withRequestBody(containing("Action=DescribeImages"));
            request = from == 0 ? request.withRequestBody(notContaining("NextToken"))
                    : request.withRequestBody(containing("NextToken=p" + from));
            ec2.stubFor(request.willReturn(aResponse().withHeader("Content-Type", "text/xml")
                    .withBody(page(from, copies, start))));
        }
    }

    public static void run() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        WireMockServer ec2 = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort()
                .containerThreads(8));
        ec2.start();
        Path config = Files.createTempFile("aws-config", "");
        try {
            Files.writeString(config, "[profile bench]\naws_access_key_id = AKIABENCH000000000\n"
                    + "aws_secret_access_key = bench\n");
            stub(ec2, "eu-west-1", false, start);
            stub(ec2, "us-east-1", true, start);
            ec2.stubFor(post(urlPathEqualTo("/")).withRequestBody(containing("Action=DescribeInstances"))
                    .willReturn(aResponse().withHeader("Content-Type", "text/xml").withBody(
                            "<DescribeInstancesResponse xmlns=\"" + NS + "\"><requestId>r</requestId>"
                                    + "<reservationSet/></DescribeInstancesResponse>")));
            List<CameraSystem> cameras = new ArrayList<>();
            for (int c = 0; c < 2_000; c++) {
                cameras.add(new CameraSystem("cam-" + c, "site-" + c / 4, null, null, null, null, null,
                        String.format(Locale.ROOT, "ami-%017x", IMAGES - 1 - c % 100), "5.2"));
            }
            Environment env = Environment.of("bench", "bench", "eu-west-1", ec2.baseUrl());
            ImageSettings settings = new ImageSettings(new OutdatedRule(90, true), List.of(), List.of("us-east-1"),
                    ImageTagKeys.DEFAULTS, 60);
            Bench.note("images-catalogue: " + IMAGES + " images + " + IMAGES + " copies in a second region, pages of "
                    + PAGE + ", from a WireMock fake of EC2 on loopback; 2,000 cameras in the fleet");
            double[] seconds = new double[ROUNDS + 1];
            double peak = 0;
            for (int round = 0; round <= ROUNDS; round++) {
                try (AwsClients clients = new AwsClients(() -> ProfileFile.builder().content(config)
                        .type(ProfileFile.Type.CONFIGURATION).build(), op -> { })) {
                    ImageCatalogue catalogue = new ImageCatalogue(new Ec2Images(() -> clients, Duration.ofSeconds(1)),
                            () -> settings, () -> List.of(env), () -> cameras, Clock.systemUTC());
                    System.gc();
                    long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    LiveHeap live = new LiveHeap();
                    live.start();
                    long t0 = System.nanoTime();
                    List<CatalogueEntry> entries = catalogue.catalogue(env);
                    seconds[round] = (System.nanoTime() - t0) / 1e9;
                    peak = Math.max(peak, (live.stop() - before) / 1e6);
                    long outdated = entries.stream().filter(e -> e.verdict().outdated()).count();
                    long copied = entries.stream().filter(e -> !e.copies().isEmpty()).count();
                    if (entries.size() != IMAGES || copied != IMAGES) {
                        throw new IllegalStateException("catalogue of " + entries.size() + " images, " + copied
                                + " with copies");
                    }
                    Bench.note(String.format(Locale.ROOT, "round %d: %.2f s, %d outdated", round, seconds[round],
                            outdated));
                }
            }
            // round 0 is the cold one (class loading, the first TLS-free connections): reported apart
            Bench.report("images-catalogue", "coldSeconds", seconds[0], "s");
            Bench.report("images-catalogue", "seconds",
                    Bench.median(java.util.Arrays.copyOfRange(seconds, 1, seconds.length)), "s");
            Bench.report("images-catalogue", "peakHeapMb", peak, "MB");
        } finally {
            ec2.stop();
            Files.deleteIfExists(config);
        }
    }
}
