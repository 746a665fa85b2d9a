package org.lmx.hub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lmx.connectors.xml.ContractSchema;
import org.lmx.connectors.xml.SecureXml;
import org.lmx.connectors.xml.XmlRejectedException;
import org.w3c.dom.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code lmx validate FILE...}: checks documents and agreement files against the contract, the way the hub
 * will (hardened parse, then schema validation of the parsed document). A partner's integration engineer
 * runs it on what their system produces before sending anything.
 */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {"Validate exchange documents and agreement files against the LMX contract.",
                "Exit code 0 when every file is valid, 1 when any is not."})
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "ExchangeMessage or Agreement XML files")
    List<Path> files;

    @Override
    public Integer call() {
        int invalid = 0;
        for (Path file : files) {
            try {
                Document document = SecureXml.parse(Files.readAllBytes(file));
                String ns = document.getDocumentElement().getNamespaceURI();
                ContractSchema schema = ContractSchema.forNamespace(ns).orElseThrow(() -> new XmlRejectedException(
                        XmlRejectedException.SCHEMA_INVALID, "root element {" + ns + "}"
                        + document.getDocumentElement().getLocalName() + " is not a document of the LMX contract"));
                schema.validate(document);
                System.out.println("VALID    " + file + " (" + document.getDocumentElement().getLocalName() + ")");
            } catch (XmlRejectedException e) {
                invalid++;
                System.out.println("INVALID  " + file + " [" + e.code() + "]");
                e.problems().forEach(p -> System.out.println("         - " + p));
            } catch (IOException e) {
                invalid++;
                System.out.println("UNREADABLE " + file + ": " + e.getMessage());
            }
        }
        return invalid == 0 ? 0 : 1;
    }
}
