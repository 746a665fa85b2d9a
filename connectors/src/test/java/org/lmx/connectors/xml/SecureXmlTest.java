package org.lmx.connectors.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one parser refuses what could hurt the hub before it reads a single element. */
class SecureXmlTest {

    @Test
    void aDocumentOverTheLimitIsRefusedBeforeParsing() {
        byte[] doc = "<a>this is not even parsed</a>".getBytes(StandardCharsets.UTF_8);
        XmlRejectedException e = catchThrowableOfType(XmlRejectedException.class, () -> SecureXml.parse(doc, 10));
        assertThat(e.code()).isEqualTo(XmlRejectedException.TOO_LARGE);
        assertThat(e.getMessage()).contains(doc.length + " bytes").contains("10 bytes");
    }

    @Test
    void anExternalEntityIsRefused() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>";
        XmlRejectedException e = catchThrowableOfType(XmlRejectedException.class,
                () -> SecureXml.parse(xxe.getBytes(StandardCharsets.UTF_8)));
        assertThat(e.code()).isEqualTo(XmlRejectedException.DOCTYPE);
    }

    @Test
    void malformedXmlIsRefusedWithItsPosition() {
        XmlRejectedException e = catchThrowableOfType(XmlRejectedException.class,
                () -> SecureXml.parse("<a><b></a>".getBytes(StandardCharsets.UTF_8)));
        assertThat(e.code()).isEqualTo(XmlRejectedException.MALFORMED);
        assertThat(e.getMessage()).contains("line 1");
    }
}
