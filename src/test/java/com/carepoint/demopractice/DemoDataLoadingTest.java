package com.carepoint.demopractice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.carepoint.demopractice.data.DemoData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Operator data: practices, patients and directory entries load from any configured location (here a folder on
 * disk), and Carepoint's own code never imports the demo practices: it reaches them only through endpoints.
 */
class DemoDataLoadingTest {

    @TempDir
    Path dir;

    @Test
    void loadsFromAFolderOnDisk() throws IOException {
        for (String name : List.of("practices.yaml", "patients.yaml", "directory.yaml")) {
            try (InputStream in = getClass().getResourceAsStream("/demo-data/" + name)) {
                Files.copy(in, dir.resolve(name));
            }
        }
        Files.writeString(dir.resolve("directory.yaml"), """
                entries:
                  - { odsCode: A20047, interactionId: "*", serviceRoot: "https://int.example.nhs.uk/A20047/fhir", asid: "200000000001" }
                """);
        DemoData data = DemoData.load(new DefaultResourceLoader(), "file:" + dir + "/");
        assertThat(data.directory()).singleElement()
                .satisfies(e -> assertThat(e.serviceRoot()).isEqualTo("https://int.example.nhs.uk/A20047/fhir"));
        assertThat(data.patients()).hasSizeGreaterThanOrEqualTo(30);
    }

    @Test
    void aMissingFileIsAClearStartupError() {
        assertThatThrownBy(() -> DemoData.load(new DefaultResourceLoader(), "file:" + dir + "/"))
                .hasMessageContaining("Cannot read demo data file");
    }

    @Test
    void noAppCodeImportsTheDemoPractices() throws IOException {
        Path app = Path.of("src", "main", "java", "com", "carepoint");
        try (Stream<Path> files = Files.walk(app)) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.startsWith(app.resolve("demopractice")))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("com.carepoint.demopractice");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList();
            assertThat(offenders).isEmpty();
        }
    }
}
