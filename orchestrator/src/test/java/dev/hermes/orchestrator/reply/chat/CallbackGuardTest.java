package dev.hermes.orchestrator.reply.chat;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hermes.orchestrator.reply.ReplyFailedException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only literal addresses and localhost: nothing here resolves a name through DNS or connects anywhere. */
class CallbackGuardTest {
    private final CallbackGuard strict = new CallbackGuard(List.of());

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hook", "https://localhost/hook", "https://[::1]/hook",
            "https://169.254.169.254/latest/meta-data", "https://10.1.2.3/hook", "https://172.16.0.1/hook",
            "https://192.168.1.1/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook", "https://[fd00::1]/hook",
            "https://[fe80::1]/hook", "https://[::ffff:127.0.0.1]/hook", "https://224.0.0.1/hook",
            "https://255.255.255.255/hook"})
    void internalTargetsAreRefusedForGood(String url) {
        ReplyFailedException e = assertThrows(ReplyFailedException.class, () -> strict.check(URI.create(url)));
        assertFalse(e.retryable(), url);
        assertTrue(e.getMessage().contains("internal address"), e.getMessage());
    }

    @Test
    void aPublicAddressOverHttpsPasses() {
        assertDoesNotThrow(() -> strict.check(URI.create("https://93.184.216.34/hook")));
        assertDoesNotThrow(() -> strict.check(URI.create("https://[2606:2800:220:1::1]/hook")));
    }

    @Test
    void plainHttpSchemesAndUserInfoAreRefusedUnlessAllowed() {
        assertFalse(assertThrows(ReplyFailedException.class,
                () -> strict.check(URI.create("http://93.184.216.34/hook"))).retryable());
        assertThrows(ReplyFailedException.class, () -> strict.check(URI.create("ftp://93.184.216.34/hook")));
        assertThrows(ReplyFailedException.class, () -> strict.check(URI.create("https://user:pw@93.184.216.34/hook")));
    }

    @Test
    void theAllowListPermitsHostsAddressesAndRanges() {
        CallbackGuard guard = new CallbackGuard(List.of("127.0.0.1", "localhost", "10.20.0.0/16", "[::1]"));
        assertDoesNotThrow(() -> guard.check(URI.create("http://127.0.0.1:8080/hook")));
        assertDoesNotThrow(() -> guard.check(URI.create("http://localhost:8080/hook")));
        assertDoesNotThrow(() -> guard.check(URI.create("https://10.20.30.40/hook")));
        assertDoesNotThrow(() -> guard.check(URI.create("http://[::1]:8080/hook")));
        assertThrows(ReplyFailedException.class, () -> guard.check(URI.create("https://10.21.0.1/hook")));
        assertThrows(ReplyFailedException.class, () -> guard.check(URI.create("https://127.0.0.2/hook")));
        assertThrows(IllegalArgumentException.class, () -> new CallbackGuard(List.of("example.com/24")));
    }
}
