package com.spurlab.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.spurlab.core.storage.BlobStore;
import com.spurlab.core.storage.StorageSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three layouts in the three containers, and that the report says which was detected. */
class DatasetFormatsTest {

    @TempDir
    Path dir;
    private DatasetArchiveReader reader;

    @BeforeEach
    void setUp() {
        BlobStore blobs = new BlobStore(new StorageSettings(dir.resolve("data"), 1L << 32, 1 << 20, 4096L * 4096));
        reader = new DatasetArchiveReader(blobs, 1 << 20, 4096L * 4096, 1L << 30, 2);
    }

    @Test
    void manifestInsideATarGzIsDetected() throws IOException {
        var result = reader.read(TestArchives.balanced(5).writeTar(dir.resolve("m.tar.gz"), true, Map.of()));

        assertThat(result.accepted()).as(result.report().toString()).isTrue();
        assertThat(result.report().format()).isEqualTo("spurlab-manifest");
        assertThat(result.report().archive()).isEqualTo("tar.gz");
        assertThat(result.samples()).hasSize(20);
        assertThat(result.samples()).allSatisfy(s -> assertThat(s.attributes()).containsKey("bg"));
    }

    @Test
    void waterbirdsMetadataMapsSplitsAndPlace() throws IOException {
        TestArchives archive = new TestArchives();
        StringBuilder csv = new StringBuilder("img_id,img_filename,y,split,place,place_filename\n");
        String[] splits = {"0", "0", "0", "0", "1", "1", "2", "2", "2", "2"};
        for (int i = 0; i < splits.length; i++) {
            int y = i % 2;
            int place = splits[i].equals("0") ? y : (i / 2) % 2;
            String path = "001.Black_footed_Albatross/img_" + i + ".jpg";
            archive.entry("waterbirds/" + path, TestArchives.jpeg(i));
            csv.append(i + 1).append(',').append(path).append(',').append(y).append(',').append(splits[i]).append(',')
                    .append(place).append(",/b/beach/x.jpg\n");
        }
        archive.entry("waterbirds/metadata.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        var result = reader.read(archive.writeTar(dir.resolve("wb.tar"), false, Map.of()));

        assertThat(result.accepted()).as(result.report().toString()).isTrue();
        assertThat(result.report().format()).isEqualTo("wilds-metadata");
        assertThat(result.report().archive()).isEqualTo("tar");
        assertThat(result.samples()).extracting(DatasetArchiveReader.Accepted::split)
                .containsExactly("train", "train", "train", "train", "val", "val", "test", "test", "test", "test");
        assertThat(result.samples().get(1).label()).isEqualTo("1");
        assertThat(result.samples().get(1).attributes()).containsExactly(Map.entry("place", "1"));
        assertThat(result.samples().get(0).path()).isEqualTo("waterbirds/001.Black_footed_Albatross/img_0.jpg");
    }

    @Test
    void wildsLabelsTakeTheirNamesFromClassesTxtOrLabelNamesCsv() throws IOException {
        for (String namesFile : new String[] {"classes.txt", "label_names.csv"}) {
            TestArchives archive = new TestArchives();
            StringBuilder csv = new StringBuilder("img_filename,y,split\n");
            for (int i = 0; i < 12; i++) {
                archive.entry("birds/i" + i + ".png", TestArchives.rgb(i));
                csv.append("i").append(i).append(".png,").append(i % 3).append(',').append(i < 9 ? "0" : "2").append('\n');
            }
            archive.entry("birds/metadata.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
            // y = 2 has no name: it keeps its number, and the report says so.
            archive.entry("birds/" + namesFile, (namesFile.equals("classes.txt") ? "landbird\nwaterbird\n"
                    : "y,name\n0,landbird\n1,waterbird\n").getBytes(StandardCharsets.UTF_8));

            var result = reader.read(archive.write(dir.resolve(namesFile + ".zip")));

            assertThat(result.accepted()).as(result.report().toString()).isTrue();
            assertThat(result.samples()).extracting(DatasetArchiveReader.Accepted::label)
                    .containsOnly("landbird", "waterbird", "2");
            assertThat(result.samples().get(1).label()).isEqualTo("waterbird");
            assertThat(result.report().problems()).anySatisfy(p -> assertThat(p.problem())
                    .contains("labels [2] have no name"));
        }
    }

    @Test
    void waterbirdsSplitOutsideZeroToTwoIsNamed() throws IOException {
        TestArchives archive = new TestArchives();
        StringBuilder csv = new StringBuilder("img_filename,y,split\n");
        for (int i = 0; i < 4; i++) {
            archive.entry("i" + i + ".png", TestArchives.rgb(i));
            csv.append("i").append(i).append(".png,").append(i % 2).append(',').append(i == 3 ? "7" : "0").append('\n');
        }
        archive.entry("metadata.csv", csv.toString().getBytes(StandardCharsets.UTF_8));

        var result = reader.read(archive.write(dir.resolve("wb.zip")));

        assertThat(result.report().problems()).anySatisfy(p -> {
            assertThat(p.problem()).contains("split '7' is not 0 (train), 1 (val) or 2 (test)");
            assertThat(p.line()).isEqualTo(5);
        });
    }

    @Test
    void imageFoldersGiveSplitAndLabelAndIgnoreOtherFiles() throws IOException {
        TestArchives archive = new TestArchives();
        int i = 0;
        for (String split : new String[] {"train", "test"}) {
            for (String label : new String[] {"cat", "dog"}) {
                for (int k = 0; k < 3; k++, i++) {
                    archive.entry("pets/" + split + "/" + label + "/" + i + ".png", TestArchives.rgb(i));
                }
            }
        }
        archive.entry("pets/README.txt", "about".getBytes(StandardCharsets.UTF_8));

        var result = reader.read(archive.write(dir.resolve("pets.zip")));

        assertThat(result.accepted()).as(result.report().toString()).isTrue();
        assertThat(result.report().format()).isEqualTo("image-folder");
        assertThat(result.report().archive()).isEqualTo("zip");
        assertThat(result.report().rows()).isEqualTo(12);
        assertThat(result.samples()).filteredOn(s -> s.split().equals("test") && s.label().equals("dog")).hasSize(3);
        assertThat(result.report().problems()).anySatisfy(p -> assertThat(p.file()).isEqualTo("pets/README.txt"));
    }

    @Test
    void latin1ManifestIsRejectedWithAHintToSaveAsUtf8() throws IOException {
        TestArchives archive = TestArchives.balanced(3);
        String csv = new String(archive.get("manifest.csv"), StandardCharsets.UTF_8).replace("a coat", "a caf\u00e9 coat");
        archive.entry("manifest.csv", csv.getBytes(StandardCharsets.ISO_8859_1));

        var result = reader.read(archive.write(dir.resolve("latin1.zip")));

        assertThat(result.accepted()).isFalse();
        assertThat(result.report().problems()).anySatisfy(p -> assertThat(p.problem()).contains("save it as UTF-8"));
    }

    @Test
    void groupsMissingFromASplitAreWarnedAbout() throws IOException {
        // In train the background follows the label, so (dress, bg=warm) exists only in test.
        var result = reader.read(TestArchives.balanced(4).write(dir.resolve("groups.zip")));

        assertThat(result.accepted()).isTrue();
        assertThat(result.report().problems()).anySatisfy(p -> assertThat(p.problem())
                .isEqualTo("group (dress, bg=warm) has no samples in train; its accuracy cannot be measured there"));
        assertThat(result.report().problems()).noneSatisfy(p -> assertThat(p.problem()).contains("in test"));
    }

    @Test
    void progressIsReportedWhileTheArchiveIsRead() throws IOException {
        for (Path archive : new Path[] {TestArchives.balanced(5).write(dir.resolve("p.zip")),
                TestArchives.balanced(5).writeTar(dir.resolve("p.tar.gz"), true, Map.of())}) {
            java.util.List<Double> seen = new java.util.ArrayList<>();
            reader.read(archive, seen::add);
            assertThat(seen).hasSizeGreaterThan(5).isSorted();
            assertThat(seen.get(seen.size() - 1)).isEqualTo(1.0);
            if (archive.toString().endsWith(".zip")) {
                // zip counts entries; tar counts compressed bytes, and this small one fits one read buffer.
                assertThat(seen.get(0)).isLessThan(0.5);
            }
        }
    }

    @Test
    void manifestPathsWithDotSlashFindTheirFiles() throws IOException {
        TestArchives archive = TestArchives.balanced(3);
        archive.manifest(new String(archive.get("manifest.csv"), StandardCharsets.UTF_8).replace("\nimages/", "\n./images/"));

        var result = reader.read(archive.write(dir.resolve("dot.zip")));

        assertThat(result.accepted()).as(result.report().toString()).isTrue();
        assertThat(result.samples()).hasSize(12).first().satisfies(s -> assertThat(s.path()).isEqualTo("images/0.png"));
    }
}
