package dev.hermes.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HermesInfraAppTest {

    @Test
    void mainSynthesizesEveryStackIntoTheGivenOutdir(@TempDir Path outdir) throws IOException {
        HermesInfraApp.main(new String[] {outdir.toString()});

        for (String stack : List.of(HermesStacks.DATA, HermesStacks.MESSAGING, HermesStacks.COMPUTE,
                HermesStacks.OBSERVABILITY)) {
            Path template = outdir.resolve(stack + ".template.json");
            assertTrue(Files.isRegularFile(template), "missing " + template);
            assertFalse(Files.readString(template).contains("BootstrapVersion"), stack + " would need cdk bootstrap");
        }
        assertTrue(Files.readString(outdir.resolve(HermesStacks.DATA + ".template.json")).contains("\"hermes-threads\""));
        assertTrue(Files.readString(outdir.resolve(HermesStacks.COMPUTE + ".template.json")).contains("\"hermes-worker\""));
    }

    @Test
    void explicitOutdirWins(@TempDir Path dir) {
        Path expected = dir.resolve("a").toAbsolutePath();
        assertEquals(expected, HermesInfraApp.outdir(new String[] {expected.toString()}, "b", "c", dir));
        assertEquals(dir.resolve("b"), HermesInfraApp.outdir(new String[0], dir.resolve("b").toString(), "c", dir));
        assertEquals(dir.resolve("c"), HermesInfraApp.outdir(new String[0], null, dir.resolve("c").toString(), dir));
    }

    @Test
    void findsTheInfraModuleFromTheRootItselfOrBelow(@TempDir Path root) throws IOException {
        Path infra = Files.createDirectories(root.resolve("infra/src/main"));
        Files.writeString(root.resolve("infra/pom.xml"), "<project/>");
        Path expected = root.resolve("infra/target/cdk.out");

        assertEquals(expected, HermesInfraApp.outdir(new String[0], null, null, root));
        assertEquals(expected, HermesInfraApp.outdir(new String[0], null, null, root.resolve("infra")));
        assertEquals(expected, HermesInfraApp.outdir(new String[0], null, null, infra));
        assertEquals(expected, HermesInfraApp.outdir(new String[0], null, null,
                Files.createDirectories(root.resolve("worker"))));
    }
}
