package org.lmx.hub.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmx.connectors.Sha256;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlBytes;
import org.lmx.hub.cli.EnvelopeFiller.PreparedMessage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The envelope {@code lmx send} fills, on the committed EmploymentContractRegistration (which declares three
 * attachments) with the files a user actually has.
 */
class EnvelopeFillerTest {

    private static final Path SAMPLE = Path.of("..", "examples", "documents", "EmploymentContractRegistration.xml");
    private static final Clock ALMATY = Clock.fixed(Instant.parse("2026-11-24T05:15:30.250Z"), ZoneId.of("Asia/Almaty"));

    @TempDir
    Path dir;

    private final EnvelopeFiller filler = new EnvelopeFiller(ALMATY);

    @Test
    void oneFileForASampleThatDeclaresThreeAttachments() throws Exception {
        byte[] pdf = "%PDF-1.7 the signed contract".getBytes(StandardCharsets.US_ASCII);
        Path file = Files.write(dir.resolve("Arbeitsvertrag signed.pdf"), pdf);

        PreparedMessage prepared = filler.fill(Files.readAllBytes(SAMPLE), "KOR:MOEL", "AGR-KOR-MOEL",
                List.of(new AttachmentFile(null, file)));

        // valid as written, not only as a DOM
        Document reread = SecureXml.parse(XmlBytes.of(prepared.document()));
        ContractSchema.EXCHANGE.validate(reread);
        Element header = ExchangeXml.header(reread);
        assertThat(ExchangeXml.text(header, "From")).isEqualTo("KOR:MOEL");
        assertThat(ExchangeXml.text(header, "To")).isEqualTo("KAZ:MLSP");
        assertThat(ExchangeXml.text(header, "AgreementId")).isEqualTo("AGR-KOR-MOEL");
        assertThat(ExchangeXml.text(header, "MessageId")).isEqualTo(prepared.messageId())
                .isNotEqualTo("0f7b826d-3ceb-4ade-a711-34d055374fdd").matches("[0-9a-f-]{36}");
        assertThat(ExchangeXml.text(header, "Created")).isEqualTo("2026-11-24T10:15:30+05:00");
        // the sample's ConversationId is kept: filling makes a new message, not a new case
        assertThat(ExchangeXml.text(header, "ConversationId")).isEqualTo("64bffbb9-be5f-49d3-82be-46bee573fe04");

        List<Element> attachments = ExchangeXml.children(ExchangeXml.child(header, "Attachments"), "Attachment");
        assertThat(attachments).hasSize(1);
        Element a = attachments.get(0);
        assertThat(ExchangeXml.text(a, "Id")).isEqualTo("contract");
        assertThat(ExchangeXml.text(a, "FileName")).isEqualTo("Arbeitsvertrag signed.pdf");
        assertThat(ExchangeXml.text(a, "MimeType")).isIn("application/pdf", "application/octet-stream");
        assertThat(ExchangeXml.text(a, "Size")).isEqualTo(Integer.toString(pdf.length));
        assertThat(ExchangeXml.text(a, "Sha256")).isEqualTo(Sha256.hex(pdf));

        var supporting = reread.getElementsByTagNameNS(ExchangeXml.NS, "SupportingDocument");
        assertThat(supporting.getLength()).isEqualTo(1);
        assertThat(ExchangeXml.text((Element) supporting.item(0), "AttachmentId")).isEqualTo("contract");
        assertThat(prepared.removed()).containsExactly("recruiter-licence", "recognition");
        assertThat(prepared.attachments()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo("contract");
            assertThat(c.bytes()).isEqualTo(pdf);
        });
    }

    @Test
    void explicitIdsAndFilesBeyondTheDeclaredOnes() throws Exception {
        Path licence = Files.writeString(dir.resolve("licence.pdf"), "licence");
        Path contract = Files.writeString(dir.resolve("contract.pdf"), "contract");
        Path extra = Files.writeString(dir.resolve("a:b*c?.txt"), "extra");

        PreparedMessage prepared = filler.fill(Files.readAllBytes(SAMPLE), "DEU:BMAS", "AGR-DEU-BMAS", List.of(
                new AttachmentFile("recruiter-licence", licence), new AttachmentFile(null, contract),
                new AttachmentFile(null, dir.resolve("contract.pdf")), new AttachmentFile(null, extra)));

        assertThat(prepared.attachments()).extracting(AttachmentContent::id)
                .containsExactly("recruiter-licence", "contract", "recognition", "attachment-4");
        assertThat(prepared.attachments().get(3).fileName()).isEqualTo("a_b_c_.txt");
        assertThat(prepared.removed()).isEmpty();
        assertThat(prepared.document().getElementsByTagNameNS(ExchangeXml.NS, "SupportingDocument").getLength()).isEqualTo(3);
    }

    @Test
    void noFileRemovesTheAttachmentListAndEveryReference() throws Exception {
        Path application = Path.of("..", "examples", "documents", "WorkPermitApplication.xml");
        PreparedMessage prepared = filler.fill(Files.readAllBytes(application), "KOR:MOEL", "AGR-KOR-MOEL", List.of());

        Element header = ExchangeXml.header(prepared.document());
        assertThat(ExchangeXml.child(header, "Attachments")).isNull();
        assertThat(prepared.document().getElementsByTagNameNS(ExchangeXml.NS, "SupportingDocument").getLength()).isZero();
        assertThat(prepared.removed()).containsExactly("passport", "photo", "diploma", "pe-certificate", "contract");
    }

    @Test
    void aContractRegistrationWithoutAnyFileIsRefused() {
        // the schema wants at least one SupportingDocument in an EmploymentContractRegistration
        assertThatThrownBy(() -> filler.fill(Files.readAllBytes(SAMPLE), "KOR:MOEL", "AGR-KOR-MOEL", List.of()))
                .isInstanceOf(CliFailure.class).hasMessageContaining("not valid against the contract, so it is not signed")
                .hasMessageContaining("SupportingDocument");
    }

    @Test
    void whatStaysInvalidIsRefusedBeforeSigning() throws Exception {
        Path file = Files.writeString(dir.resolve("scan.pdf"), "scan");
        assertThatThrownBy(() -> filler.fill(Files.readAllBytes(SAMPLE), "KOR:MOEL", "not an agreement id",
                List.of(new AttachmentFile(null, file))))
                .isInstanceOf(CliFailure.class).hasMessageContaining("not valid against the contract")
                .hasMessageContaining("not an agreement id");
        assertThatThrownBy(() -> filler.fill(Files.readAllBytes(SAMPLE), "KOR:MOEL", "AGR-KOR-MOEL",
                List.of(new AttachmentFile(null, Files.write(dir.resolve("empty.pdf"), new byte[0])))))
                .isInstanceOf(CliFailure.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> filler.fill(Files.readAllBytes(SAMPLE), "KOR:MOEL", "AGR-KOR-MOEL",
                List.of(new AttachmentFile("contract", file), new AttachmentFile("contract", file))))
                .isInstanceOf(CliFailure.class).hasMessageContaining("contract is given to more than one file");
    }

    @Test
    void theDemoAgreementOfAParty() {
        assertThat(EnvelopeFiller.defaultAgreement("KOR:MOEL")).isEqualTo("AGR-KOR-MOEL");
        assertThat(EnvelopeFiller.defaultAgreement("KAZ:AKIMAT-75")).isEqualTo("AGR-KAZ-AKIMAT-75");
    }
}
