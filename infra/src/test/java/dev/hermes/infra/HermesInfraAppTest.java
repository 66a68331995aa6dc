package dev.hermes.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HermesInfraAppTest {

    @Test
    void mainSynthesizesTheTemplateIntoTheGivenOutdir(@TempDir Path outdir) throws IOException {
        HermesInfraApp.main(new String[] {outdir.toString()});

        Path template = outdir.resolve(HermesInfraApp.DATA_STACK_ID + ".template.json");
        assertTrue(Files.isRegularFile(template), "missing " + template);
        assertTrue(Files.readString(template).contains("\"hermes-threads\""));
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
