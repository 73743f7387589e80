package io.camfleet.console.adapter.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.thirdparty.jackson.core.JsonFactory;
import software.amazon.awssdk.thirdparty.jackson.core.JsonGenerator;
import software.amazon.awssdk.thirdparty.jackson.core.JsonParser;
import software.amazon.awssdk.thirdparty.jackson.core.JsonToken;
import software.amazon.awssdk.thirdparty.jackson.dataformat.cbor.CBORFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Test only. The SDK speaks CloudWatch's newest wire protocol (Smithy RPC v2 CBOR); moto_server knows its JSON
 * protocol, which carries the same data. This interceptor re-encodes each CloudWatch request from CBOR to JSON and
 * each answer back, so that the console's unchanged CloudWatch client runs against moto.
 */
public final class CborToJsonBridge implements ExecutionInterceptor {

    private static final JsonFactory JSON = new JsonFactory();
    private static final CBORFactory CBOR = new CBORFactory();

    private static boolean cbor(SdkHttpRequest r) {
        return r.encodedPath().contains("/service/GraniteServiceVersion20100801/operation/");
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        SdkHttpRequest r = context.httpRequest();
        if (!cbor(r)) {
            return r;
        }
        String path = r.encodedPath();
        String operation = path.substring(path.lastIndexOf('/') + 1);
        return r.toBuilder().encodedPath("/")
                .removeHeader("smithy-protocol").removeHeader("Accept")
                .putHeader("Content-Length", String.valueOf(json(context).map(b -> b.length).orElse(0)))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "GraniteServiceVersion20100801." + operation)
                .build();
    }

    @Override
    public Optional<RequestBody> modifyHttpContent(Context.ModifyHttpRequest context,
                                                   ExecutionAttributes attributes) {
        if (!cbor(context.httpRequest())) {
            return context.requestBody();
        }
        return json(context).map(RequestBody::fromBytes);
    }

    /** The request's CBOR body as JSON. */
    private static Optional<byte[]> json(Context.ModifyHttpRequest context) {
        if (context.requestBody().isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = context.requestBody().get().contentStreamProvider().newStream()) {
            return Optional.of(copy(CBOR.createParser(in), JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Optional<InputStream> body = context.responseBody();
        if (!bridged(context.httpRequest()) || body.isEmpty()) {
            return body;
        }
        try (InputStream in = body.get()) {
            byte[] bytes = in.readAllBytes();
            return Optional.of(new ByteArrayInputStream(bytes.length == 0 ? bytes
                    : copy(JSON.createParser(bytes), CBOR)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        SdkHttpResponse r = context.httpResponse();
        if (!bridged(context.httpRequest())) {
            return r;
        }
        return r.toBuilder().putHeader("Content-Type", "application/cbor")
                .putHeader("smithy-protocol", "rpc-v2-cbor").build();
    }

    /** A request this bridge re-encoded: its answer is JSON (moto labels it "text"). */
    private static boolean bridged(SdkHttpRequest r) {
        return r.firstMatchingHeader("X-Amz-Target").map(t -> t.startsWith("GraniteServiceVersion20100801."))
                .orElse(false);
    }

    private static byte[] copy(JsonParser from, JsonFactory to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonParser p = from; JsonGenerator g = to.createGenerator(out)) {
            while (p.nextToken() != null) {
                if (to == JSON && p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT) {
                    // Timestamps are epoch seconds with a fraction: in plain notation, which moto reads.
                    g.writeNumber(p.getDecimalValue().toPlainString());
                } else {
                    g.copyCurrentEvent(p);
                }
            }
        }
        return out.toByteArray();
    }
}
