package dev.hermes.orchestrator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hermes.orchestrator.container.ContainerStore;
import dev.hermes.orchestrator.dispatch.QueueProvisioner;
import dev.hermes.orchestrator.local.TestHermes;
import dev.hermes.protocol.id.ContainerKey;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code GET /api/containers}: every container once across pages, with lease and queue depths; and its 4xx. */
class ContainersApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pagesListEveryContainerOnceWithItsQueueDepths() throws Exception {
        ContainerStore store = TestHermes.get().context().getBean(ContainerStore.class);
        QueueProvisioner provisioner = TestHermes.get().context().getBean(QueueProvisioner.class);
        for (String user : new String[]{"pagea", "pageb", "pagec"}) {
            ContainerKey key = ContainerKey.parse("sample#" + user);
            store.recordQueues(key, provisioner.ensure(key));
        }
        SqsClient sqs = TestHermes.get().context().getBean(SqsClient.class);
        String in = store.find(ContainerKey.parse("sample#pageb")).orElseThrow().queues().in();
        sqs.sendMessage(b -> b.queueUrl(in).messageBody("{}").messageGroupId("g").messageDeduplicationId("d1"));

        Map<String, JsonNode> seen = new HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = get("/api/containers?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), 200);
            assertTrue(page.get("containers").size() <= 2);
            for (JsonNode c : page.get("containers")) {
                assertEquals(null, seen.put(c.get("containerKey").asText(), c), "listed twice: " + c);
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertTrue(pages >= 2);
        JsonNode b = seen.get("sample#pageb");
        assertEquals("COLD", b.get("status").asText());
        assertTrue(b.get("lease").isNull());
        assertEquals(1, b.get("depths").get("in").get("visible").asLong());
        assertEquals(0, b.get("depths").get("dlq").get("visible").asLong());
        assertEquals(0, seen.get("sample#pagea").get("depths").get("out").get("inFlight").asLong());
        assertTrue(seen.containsKey("sample#pagec"));
    }

    @Test
    void badRequestsAreFourHundredsWithAReason() throws Exception {
        assertEquals("invalid_limit", get("/api/containers?limit=0", 400).get("error").asText());
        assertEquals("invalid_limit", get("/api/containers?limit=101", 400).get("error").asText());
        assertEquals("invalid_cursor", get("/api/containers?cursor=%25%25", 400).get("error").asText());
        HttpResponse<String> anonymous = TestHermes.send(TestHermes.request("/api/containers").GET());
        assertEquals(401, anonymous.statusCode());
        assertEquals(400, post("/api/dlq/not-a-key/redrive").statusCode());
        HttpResponse<String> unknown = post("/api/dlq/sample%23nobody/redrive");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertEquals("not_found", JSON.readTree(unknown.body()).get("error").asText());
    }

    static JsonNode get(String path, int status) throws Exception {
        HttpResponse<String> r = TestHermes.send(TestHermes.api(path).GET());
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> post(String path) {
        return TestHermes.send(TestHermes.api(path).POST(HttpRequest.BodyPublishers.noBody()));
    }
}
