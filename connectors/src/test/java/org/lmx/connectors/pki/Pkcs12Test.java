package org.lmx.connectors.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Credentials as PKCS#12 files, and keys paired with the wrong certificate. */
class Pkcs12Test {

    private static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir
    static Path caDir;

    @TempDir
    Path dir;

    private static CertificateAuthority ca;

    @BeforeAll
    static void createCa() throws Exception {
        ca = TestCa.create(caDir);
    }

    @ParameterizedTest
    @EnumSource(value = KeyAlgorithm.class, names = {"RSA_2048", "EC_P256"})
    void aCredentialRoundTrips(KeyAlgorithm algorithm) throws Exception {
        Credential credential = ca.issue("TUR:CSGB", algorithm, Duration.ofDays(1));
        Path file = dir.resolve("TUR_CSGB.p12");
        Pkcs12.write(file, credential, PASSWORD);

        Credential read = Pkcs12.read(file, PASSWORD);
        assertThat(read.privateKey()).isEqualTo(credential.privateKey());
        assertThat(read.certificate()).isEqualTo(credential.certificate());
        assertThat(read.chain()).containsExactly(credential.certificate(), ca.certificate());
        assertThat(read.party()).contains("TUR:CSGB");

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        assertThat(store.isKeyEntry("TUR:CSGB")).as("the alias is the party id").isTrue();
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void aWrongPasswordIsSaidSo() throws Exception {
        Path file = dir.resolve("k.p12");
        Pkcs12.write(file, ca.issue("TUR:CSGB", KeyAlgorithm.EC_P256, Duration.ofDays(1)), PASSWORD);
        PkiException e = catchThrowableOfType(PkiException.class, () -> Pkcs12.read(file, "wrong".toCharArray()));
        assertThat(e.code()).isEqualTo(PkiException.BAD_PASSWORD);
        assertThat(e.getMessage()).contains("k.p12");
    }

    @Test
    void whatIsNotPkcs12IsUnreadableAndAMissingFileNotFound() throws Exception {
        Path pem = dir.resolve("cert.pem");
        Pem.writeCertificate(pem, ca.certificate());
        assertThat(catchThrowableOfType(PkiException.class, () -> Pkcs12.read(pem, PASSWORD)).code())
                .isEqualTo(PkiException.UNREADABLE);
        assertThat(catchThrowableOfType(PkiException.class, () -> Pkcs12.read(dir.resolve("none.p12"), PASSWORD)).code())
                .isEqualTo(PkiException.NOT_FOUND);
    }

    @Test
    void aKeyWithAnotherPartysCertificateIsAMismatch() throws Exception {
        Credential korea = ca.issue("KOR:MOEL", KeyAlgorithm.EC_P256, Duration.ofDays(1));
        Credential turkey = ca.issue("TUR:CSGB", KeyAlgorithm.EC_P256, Duration.ofDays(1));
        Credential rsa = ca.issue("USA:DOL", KeyAlgorithm.RSA_2048, Duration.ofDays(1));

        PkiException e = catchThrowableOfType(PkiException.class,
                () -> Credential.of(korea.privateKey(), List.of(turkey.certificate())));
        assertThat(e.code()).isEqualTo(PkiException.KEY_MISMATCH);
        assertThat(e.getMessage()).contains("CN=TUR:CSGB");
        assertThat(catchThrowableOfType(PkiException.class,
                () -> Credential.of(rsa.privateKey(), List.of(korea.certificate()))).code())
                .isEqualTo(PkiException.KEY_MISMATCH);
        assertThat(Credential.of(korea.privateKey(), korea.chain())).isEqualTo(korea);
    }
}
