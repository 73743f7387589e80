package io.camfleet.console.adapter.aws;

import io.camfleet.console.service.common.Problem;
import io.camfleet.console.service.environments.Environment;
import io.camfleet.console.service.terraform.StateBucket;
import io.camfleet.console.service.terraform.StateLocation;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.util.function.Supplier;

/** Terraform states from their S3 backend: one GetObject, the body read as it arrives. Never writes. */
public final class TerraformStateReader implements StateBucket {

    private final Supplier<AwsClients> clients;

    public TerraformStateReader(Supplier<AwsClients> clients) {
        this.clients = clients;
    }

    @Override
    public StateObject open(Environment environment, StateLocation where) {
        // a state bucket often lives in another region than what it describes: the backend block's region
        Environment e = where.region().isEmpty() ? environment
                : new Environment(environment.label(), environment.profile(), where.region(), environment.endpoint());
        try {
            ResponseInputStream<GetObjectResponse> body = clients.get().s3(e).getObject(GetObjectRequest.builder()
                    .bucket(where.bucket()).key(where.key()).build());
            GetObjectResponse r = body.response();
            return new StateObject(body, r.contentLength() == null ? -1 : r.contentLength(), r.lastModified());
        } catch (NoSuchKeyException ex) {
            throw new Problem(ex, "terraform.state.noObject", where, environment.label());
        } catch (NoSuchBucketException ex) {
            throw new Problem(ex, "terraform.state.noBucket", where.bucket(), environment.label());
        } catch (SdkException ex) {
            throw new Problem(ex, "terraform.state.readFailed", where,
                    stripped(AwsProblems.of(e, "GetObject", ex).getMessage()));
        }
    }

    /** A sentence set inside another: without its final full stop. */
    private static String stripped(String sentence) {
        return sentence.endsWith(".") ? sentence.substring(0, sentence.length() - 1) : sentence;
    }
}
