package dev.hermes.protocol.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MasterKeysTest {
    @Test
    void theTextFormRoundTripsAndRotationKeepsOldKeys() {
        MasterKeys keys = MasterKeys.generate();
        MasterKeys again = MasterKeys.parse(keys.format());
        assertEquals(keys.format(), again.format());
        MasterKeys rotated = again.rotated().rotated();
        assertEquals(new KeyRef(KeyRef.FILE, "k3"), rotated.current());
        String text = rotated.format();
        assertTrue(text.contains("current=k3") && text.contains("k1=") && text.contains("k2="), text);
    }

    @Test
    void badFilesAreRefusedWithoutQuotingKeys() {
        String keyLine = MasterKeys.generate().format().lines().filter(l -> l.startsWith("k1=")).findFirst().orElseThrow();
        for (String bad : new String[]{"", "current=k2\n" + keyLine, "current=k1\nk1=!!!", "current=k1\nk1=AAAA",
                "current=k1\n" + keyLine + "\nx=1", "garbage"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MasterKeys.parse(bad));
            assertFalse(e.getMessage().contains(keyLine.substring(3)), e.getMessage());
        }
    }

    @Test
    void theCacheReusesADataKeyForItsLifetimeAndUses() {
        AtomicInteger generated = new AtomicInteger();
        AtomicInteger unwrapped = new AtomicInteger();
        MasterKeys keys = MasterKeys.generate();
        KeyProvider counting = new KeyProvider() {
            @Override
            public DataKey newDataKey(KeyScope scope) {
                generated.incrementAndGet();
                return keys.newDataKey(scope);
            }

            @Override
            public byte[] unwrap(KeyRef ref, byte[] wrapped, KeyScope scope) {
                unwrapped.incrementAndGet();
                return keys.unwrap(ref, wrapped, scope);
            }
        };
        AtomicLong now = new AtomicLong();
        CachingKeyProvider cache = new CachingKeyProvider(counting, Duration.ofMinutes(5), 3, now::get);
        SecretCipher cipher = new SecretCipher(cache);
        String a = cipher.seal("project:p", "git.token", Secret.of("a"));
        cipher.seal("project:p", "git.token", Secret.of("b"));
        cipher.seal("project:q", "git.token", Secret.of("c"));
        assertEquals(1, generated.get(), "three seals of one scope share a data key");
        cipher.seal("project:p", "git.token", Secret.of("d"));
        assertEquals(2, generated.get(), "the fourth use takes a new one");
        cipher.seal("global:secrets", "reply.slack.botToken", Secret.of("e"));
        assertEquals(3, generated.get(), "each scope has its own");
        assertEquals("a", cipher.open("project:p", "git.token", a).reveal());
        assertEquals(0, unwrapped.get(), "a key this cache made is not unwrapped again");
        now.addAndGet(Duration.ofMinutes(6).toNanos());
        assertEquals("a", cipher.open("project:p", "git.token", a).reveal());
        assertEquals(1, unwrapped.get(), "past the ttl it is");
        cipher.seal("project:p", "git.token", Secret.of("f"));
        assertEquals(4, generated.get());
    }
}
