package org.lmx.xsd;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.wsdl.Binding;
import javax.wsdl.BindingOperation;
import javax.wsdl.Definition;
import javax.wsdl.Port;
import javax.wsdl.Service;
import javax.wsdl.extensions.soap.SOAPAddress;
import javax.wsdl.extensions.soap.SOAPBinding;
import javax.wsdl.extensions.soap.SOAPBody;
import javax.wsdl.extensions.soap.SOAPOperation;
import javax.wsdl.extensions.soap12.SOAP12Address;
import javax.wsdl.extensions.soap12.SOAP12Binding;
import javax.wsdl.extensions.soap12.SOAP12Body;
import javax.wsdl.extensions.soap12.SOAP12Operation;
import javax.wsdl.factory.WSDLFactory;
import javax.wsdl.xml.WSDLReader;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lmx.xsd.service.v1.ExchangePortType;
import org.lmx.xsd.service.v1.ExchangeService;

/**
 * The Exchange WSDL as a partner's client generator and a partner's engineer see it: the build's own CXF
 * codegen produced {@link ExchangeService} from it, a CXF client loads it, and the two ports differ only in
 * the SOAP version.
 */
class ExchangeWsdlTest {

    private static final String WSDL_NS = "urn:lmx:exchange:wsdl:1";
    private static Definition wsdl;

    @BeforeAll
    static void readWsdl() throws Exception {
        URL url = ExchangeWsdlTest.class.getClassLoader().getResource("lmx/exchange.wsdl");
        assertThat(url).as("exchange.wsdl on the classpath").isNotNull();
        WSDLReader reader = WSDLFactory.newInstance().newWSDLReader();
        reader.setFeature("javax.wsdl.verbose", false);
        wsdl = reader.readWSDL(url.toExternalForm());
    }

    @Test
    void oneServiceWithASoap11AndASoap12Port() {
        Service service = wsdl.getService(new QName(WSDL_NS, "ExchangeService"));
        assertThat(service.getPorts()).containsOnlyKeys("ExchangeSoap11Port", "ExchangeSoap12Port");

        Port soap11 = service.getPort("ExchangeSoap11Port");
        Port soap12 = service.getPort("ExchangeSoap12Port");
        assertThat(only(soap11.getExtensibilityElements(), SOAPAddress.class).getLocationURI()).endsWith("/services/exchange");
        assertThat(only(soap12.getExtensibilityElements(), SOAP12Address.class).getLocationURI()).endsWith("/services/exchange12");
        assertThat(only(soap11.getBinding().getExtensibilityElements(), SOAPBinding.class).getStyle()).isEqualTo("document");
        assertThat(only(soap12.getBinding().getExtensibilityElements(), SOAP12Binding.class).getStyle()).isEqualTo("document");
        assertThat(soap11.getBinding().getPortType()).isSameAs(soap12.getBinding().getPortType());
    }

    @Test
    void thePortsDifferOnlyInSoapVersion() {
        Service service = wsdl.getService(new QName(WSDL_NS, "ExchangeService"));
        Map<String, String> soap11 = describe(service.getPort("ExchangeSoap11Port").getBinding());
        Map<String, String> soap12 = describe(service.getPort("ExchangeSoap12Port").getBinding());
        assertThat(soap11.keySet()).containsExactly("Acknowledge", "FetchPending", "GetStatus", "Submit");
        assertThat(soap12).isEqualTo(soap11);
    }

    @Test
    void theGeneratedClientLoadsTheWsdlWithBothPorts() {
        ExchangeService service = new ExchangeService();
        ExchangePortType soap11 = service.getExchangeSoap11Port();
        ExchangePortType soap12 = service.getExchangeSoap12Port();
        assertThat(soap11).isNotNull();
        assertThat(soap12).isNotNull();
        assertThat(service.getServiceName()).isEqualTo(new QName(WSDL_NS, "ExchangeService"));
    }

    /** Operation name to "soapAction|style|input use|output use", whatever the SOAP version. */
    private static Map<String, String> describe(Binding binding) {
        Map<String, String> ops = new TreeMap<>();
        for (Object o : binding.getBindingOperations()) {
            BindingOperation op = (BindingOperation) o;
            String action;
            String style;
            String in;
            String out;
            SOAPOperation s11 = first(op.getExtensibilityElements(), SOAPOperation.class);
            if (s11 != null) {
                action = s11.getSoapActionURI();
                style = s11.getStyle();
                in = only(op.getBindingInput().getExtensibilityElements(), SOAPBody.class).getUse();
                out = only(op.getBindingOutput().getExtensibilityElements(), SOAPBody.class).getUse();
            } else {
                SOAP12Operation s12 = only(op.getExtensibilityElements(), SOAP12Operation.class);
                action = s12.getSoapActionURI();
                style = s12.getStyle();
                in = only(op.getBindingInput().getExtensibilityElements(), SOAP12Body.class).getUse();
                out = only(op.getBindingOutput().getExtensibilityElements(), SOAP12Body.class).getUse();
            }
            ops.put(op.getName(), action + "|" + style + "|" + in + "|" + out
                    + "|" + op.getOperation().getInput().getMessage().getQName()
                    + "|" + op.getOperation().getOutput().getMessage().getQName());
        }
        return ops;
    }

    private static <T> T first(List<?> elements, Class<T> type) {
        return elements.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
    }

    private static <T> T only(List<?> elements, Class<T> type) {
        List<T> found = elements.stream().filter(type::isInstance).map(type::cast).toList();
        assertThat(found).as(type.getSimpleName()).hasSize(1);
        return found.get(0);
    }
}
