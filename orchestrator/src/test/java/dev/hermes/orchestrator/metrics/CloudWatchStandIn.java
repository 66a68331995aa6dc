package dev.hermes.orchestrator.metrics;

import dev.hermes.orchestrator.reply.standin.StandIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * CloudWatch's {@code PutMetricData} as the SDK speaks it (AWS Query protocol: a form-encoded POST,
 * gzip-compressed when large; an XML answer), recording each call's parameters.
 */
final class CloudWatchStandIn extends StandIn {
    private static final String OK = "<PutMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
            + "<ResponseMetadata><RequestId>11111111-2222-3333-4444-555555555555</RequestId></ResponseMetadata>"
            + "</PutMetricDataResponse>";

    @Override
    protected Answer answer(Request request) {
        if (!request.method().equals("POST") || !"PutMetricData".equals(form(request).get("Action"))) {
            return null;
        }
        return new Answer(200, "text/xml", OK, Map.of());
    }

    /** Every {@code PutMetricData} received so far, as its form parameters. */
    List<Map<String, String>> puts() {
        return received().stream().map(CloudWatchStandIn::form).filter(f -> "PutMetricData".equals(f.get("Action")))
                .toList();
    }

    /** The metric names of every datum put so far. */
    List<String> metricNames() {
        return puts().stream().flatMap(f -> f.entrySet().stream())
                .filter(e -> e.getKey().matches("MetricData\\.member\\.\\d+\\.MetricName")).map(Map.Entry::getValue)
                .toList();
    }

    static Map<String, String> form(Request request) {
        byte[] body = request.body();
        if ("gzip".equalsIgnoreCase(request.header("Content-Encoding"))) {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }
}
