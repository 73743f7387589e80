package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.environments.Environment;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The per-wave EC2 tag an SSM command targets instead of instance ids ({@code tag:camfleet-wave}), set on the wave's
 * instances just before its command and removed once the wave has ended. CreateTags and DeleteTags take up to 1,000
 * ids per call; they are sent {@value #BATCH} at a time, as the EC2 reference recommends smaller batches. A tag set
 * is read back (DescribeTags) before the command goes: every instance of the wave must carry it, and an instance
 * that carries it from an earlier attempt without being in the wave now has it removed, so that the command reaches
 * exactly the wave.
 */
final class Ec2WaveTags {

    /** The tag's key; its value names the deployment and wave. */
    static final String KEY = "camfleet-wave";
    static final int BATCH = 500;
    /** EC2 is eventually consistent: a tag just set may take a moment to be listed. */
    private static final int READS = 3;
    private static final Duration READ_AGAIN_AFTER = Duration.ofSeconds(1);

    /** Why a tag could not be set or removed: one sentence, with the AWS problem's. */
    static final class TagFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TagFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final AwsClients clients;

    Ec2WaveTags(AwsClients clients) {
        this.clients = clients;
    }

    /** The tag value of a deployment's wave: at most 256 characters, as EC2 and SSM targets allow. */
    static String value(String deploymentId, int wave) {
        return deploymentId + "-w" + wave;
    }

    /**
     * Sets the tag on exactly {@code instanceIds}: on each of them, and off any other instance that carries it.
     *
     * @throws TagFailed naming the call that failed and why
     */
    void set(Environment env, String value, List<String> instanceIds) throws InterruptedException {
        Ec2Client ec2 = clients.ec2(env);
        Tag tag = Tag.builder().key(KEY).value(value).build();
        try {
            for (List<String> batch : batches(instanceIds)) {
                ec2.createTags(r -> r.resources(batch).tags(tag));
            }
        } catch (SdkException e) {
            throw new TagFailed(AwsProblems.of(env, "ec2:CreateTags", e).getMessage(), e);
        }
        Set<String> wanted = new HashSet<>(instanceIds);
        for (int read = 1; ; read++) {
            Set<String> tagged = carrying(env, value);
            List<String> extra = tagged.stream().filter(id -> !wanted.contains(id)).sorted().toList();
            if (!extra.isEmpty()) {
                delete(env, value, extra);
                tagged.removeAll(extra);
            }
            List<String> missing = instanceIds.stream().filter(id -> !tagged.contains(id)).toList();
            if (missing.isEmpty()) {
                return;
            }
            if (read == READS) {
                throw new TagFailed(missing.size() + " of the " + instanceIds.size()
                        + " instances do not show the tag after it was set, " + missing.getFirst() + " first.", null);
            }
            Thread.sleep(READ_AGAIN_AFTER.toMillis());
        }
    }

    /**
     * Removes the tag from every instance that carries it.
     *
     * @return the instances it was removed from
     * @throws TagFailed naming the call that failed and why
     */
    List<String> remove(Environment env, String value) {
        List<String> tagged = carrying(env, value).stream().sorted().toList();
        delete(env, value, tagged);
        return tagged;
    }

    /** The instances that carry the tag with this value now. */
    private Set<String> carrying(Environment env, String value) {
        try {
            Set<String> ids = new HashSet<>();
            clients.ec2(env).describeTagsPaginator(r -> r.maxResults(1000).filters(
                            Filter.builder().name("resource-type").values("instance").build(),
                            Filter.builder().name("key").values(KEY).build(),
                            Filter.builder().name("value").values(value).build()))
                    .tags().stream().map(TagDescription::resourceId).forEach(ids::add);
            return ids;
        } catch (SdkException e) {
            throw new TagFailed(AwsProblems.of(env, "ec2:DescribeTags", e).getMessage(), e);
        }
    }

    /** DeleteTags with the value: an instance whose tag another deployment has since set keeps it. */
    private void delete(Environment env, String value, List<String> instanceIds) {
        Tag tag = Tag.builder().key(KEY).value(value).build();
        try {
            for (List<String> batch : batches(instanceIds)) {
                clients.ec2(env).deleteTags(r -> r.resources(batch).tags(tag));
            }
        } catch (SdkException e) {
            throw new TagFailed(AwsProblems.of(env, "ec2:DeleteTags", e).getMessage(), e);
        }
    }

    private static List<List<String>> batches(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BATCH) {
            out.add(ids.subList(from, Math.min(ids.size(), from + BATCH)));
        }
        return out;
    }
}
