package org.lmx.hub.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The bundle's one byte form: what any ZIP tool reads, and nothing else accepted. */
class CanonicalZipTest {

    private static LinkedHashMap<String, byte[]> entries() {
        LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.xml", "<EvidenceManifest/>".getBytes(StandardCharsets.UTF_8));
        entries.put("documents/0000000001-welder.xml", "<WorkPermitApplication/>".getBytes(StandardCharsets.UTF_8));
        entries.put("attachments/empty", new byte[0]);
        return entries;
    }

    @Test
    void writtenEntriesReadBackInOrderAndAnyZipToolReadsThem() throws Exception {
        byte[] zip = CanonicalZip.write(entries());
        assertThat(CanonicalZip.read(zip).keySet()).containsExactlyElementsOf(entries().keySet());
        assertThat(CanonicalZip.write(entries())).as("deterministic").isEqualTo(zip);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry first = in.getNextEntry();
            assertThat(first.getName()).isEqualTo("manifest.xml");
            assertThat(first.getMethod()).isEqualTo(ZipEntry.STORED);
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("<EvidenceManifest/>");
        }
    }

    @Test
    void theSameEntriesWrittenByAnotherToolAreNotCanonical() throws Exception {
        ByteArrayOutputStream other = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(other)) {
            for (var e : entries().entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        assertThatThrownBy(() -> CanonicalZip.read(other.toByteArray())).isInstanceOf(CanonicalZip.NotCanonical.class);
    }

    @Test
    void bytesAfterTheEndRecordOrAChangedByteAreRefused() {
        byte[] zip = CanonicalZip.write(entries());
        byte[] longer = java.util.Arrays.copyOf(zip, zip.length + 1);
        assertThatThrownBy(() -> CanonicalZip.read(longer)).hasMessageContaining("not the canonical form");
        for (int i = 0; i < zip.length; i++) {
            byte[] changed = zip.clone();
            changed[i] ^= 0x01;
            int position = i;
            assertThatThrownBy(() -> CanonicalZip.read(changed)).as("byte " + position)
                    .isInstanceOf(CanonicalZip.NotCanonical.class);
        }
    }
}
