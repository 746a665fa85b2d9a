package org.lmx.hub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.lmx.connectors.LmxException;
import org.lmx.connectors.pki.Credential;
import org.lmx.connectors.pki.Pem;
import org.lmx.connectors.pki.Pkcs12;
import org.lmx.connectors.signature.XmlSigner;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code lmx sign}: signs an exchange document the LMX way with a party's key, after checking it against the
 * contract, so that what leaves a partner's system is valid before anyone else sees it.
 */
@Command(name = "sign",
        mixinStandardHelpOptions = true,
        description = {"Sign an ExchangeMessage (enveloped XMLDSig, exclusive c14n, SHA-256).",
                "Exit code 0 when signed, 1 when the document or key is refused (code and reason printed)."})
final class SignCommand implements Callable<Integer> {

    private static final String LMX = "urn:lmx:exchange:1";

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "KEY.p12|KEY.pem", description = "the signer's private key: PKCS#12 or PEM")
    Path key;

    @Option(names = "--cert", paramLabel = "CERT.pem", description = "the signer's certificate (required with a PEM key; a PKCS#12 file holds its own)")
    Path cert;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "the PKCS#12 password (default: p12-password.txt beside the key, as `lmx pki init` writes it)")
    Path passwordFile;

    @Option(names = "--fresh", description = "stamp a new MessageId and a Created of now before signing, so that a sample can be sent as a new message")
    boolean fresh;

    @Option(names = "--in", required = true, paramLabel = "FILE", description = "the unsigned document")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the signed document")
    Path out;

    @Override
    public Integer call() throws Exception {
        Credential credential = credential();
        try {
            Document document = SecureXml.parse(Files.readAllBytes(in));
            if (fresh) {
                stamp(document);
            }
            ContractSchema.EXCHANGE.validate(document);
            XmlSigner.sign(document, credential);
            Files.write(out, XmlBytes.of(document));
            System.out.println("SIGNED   " + out + " by " + credential.party().orElse("(no party)") + " ("
                    + credential.certificate().getSubjectX500Principal().getName() + ")"
                    + (fresh ? ", MessageId " + text(document, "MessageId") : ""));
            return 0;
        } catch (LmxException e) {
            System.out.println("REFUSED  " + in + " [" + e.code() + "] " + e.getMessage());
            return 1;
        }
    }

    private Credential credential() throws Exception {
        String name = key.getFileName().toString().toLowerCase();
        if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            Path password = passwordFile != null ? passwordFile : key.resolveSibling("p12-password.txt");
            if (!Files.isReadable(password)) {
                throw new ParameterException(spec.commandLine(), "the PKCS#12 password is needed: --password-file FILE");
            }
            return Pkcs12.read(key, Files.readString(password).strip().toCharArray());
        }
        if (cert == null) {
            throw new ParameterException(spec.commandLine(), "a PEM key needs its certificate: --cert CERT.pem");
        }
        List<X509Certificate> chain = Pem.readCertificates(cert);
        return Credential.of(Pem.readPrivateKey(key), chain);
    }

    /** A new MessageId and a Created of now, keeping the rest of the header. */
    private static void stamp(Document document) {
        element(document, "MessageId").setTextContent(UUID.randomUUID().toString());
        // ISO_OFFSET_DATE_TIME always writes the seconds (OffsetDateTime.toString drops ":00", which xs:dateTime refuses)
        element(document, "Created").setTextContent(
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS)));
    }

    private static Element element(Document document, String localName) {
        return (Element) document.getElementsByTagNameNS(LMX, localName).item(0);
    }

    private static String text(Document document, String localName) {
        return element(document, localName).getTextContent();
    }
}
