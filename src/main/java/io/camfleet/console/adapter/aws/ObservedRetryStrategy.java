package io.camfleet.console.adapter.aws;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;

import java.util.function.Consumer;

/**
 * The SDK's standard retry strategy (exponential back-off with jitter, throttling-aware), unchanged, except that it
 * tells the console each time AWS throttles a call, so that the status bar can say so while the SDK waits.
 */
final class ObservedRetryStrategy implements RetryStrategy {

    private final RetryStrategy standard = AwsRetryStrategy.standardRetryStrategy();
    private final Consumer<String> onThrottled;

    ObservedRetryStrategy(Consumer<String> onThrottled) {
        this.onThrottled = onThrottled;
    }

    @Override
    public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        return standard.acquireInitialToken(request);
    }

    @Override
    public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        RefreshRetryTokenResponse response = standard.refreshRetryToken(request);
        // Reached only when the strategy grants another attempt: it throws when it gives up.
        if (request.failure() instanceof AwsServiceException e && e.isThrottlingException()) {
            onThrottled.accept(e.awsErrorDetails() == null ? "a call"
                    : e.awsErrorDetails().serviceName() + " (" + e.awsErrorDetails().errorCode() + ")");
        }
        return response;
    }

    @Override
    public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        return standard.recordSuccess(request);
    }

    @Override
    public int maxAttempts() {
        return standard.maxAttempts();
    }

    @Override
    public Builder<?, ?> toBuilder() {
        return standard.toBuilder();
    }
}
