package org.lmx.hub.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * The refusal as a partner's HTTP client sees it over a real socket (Tomcat on loopback): the state revenue's 5 MB
 * WorkplaceReport posted with its Content-Length, while the budget is in use, comes back as the 503 with its
 * Retry-After and SOAP fault, not as a connection reset mid-upload.
 */
class CallAdmissionOverHttpTest {

    private final AdmissionBudget budget = new AdmissionBudget(DataSize.ofMegabytes(8));
    private Tomcat tomcat;
    private int port;

    @BeforeEach
    void start(@TempDir Path base) throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.toString());
        Tomcat.addServlet(context, "exchange", new HttpServlet() {
            @Override
            protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
                request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                response.setStatus(200);
            }
        });
        context.addServletMappingDecoded("/services/*", "exchange");
        FilterDef admission = new FilterDef();
        admission.setFilterName("admission");
        admission.setFilter(new CallAdmissionFilter(budget, Duration.ZERO, Duration.ofSeconds(10)));
        context.addFilterDef(admission);
        FilterMap map = new FilterMap();
        map.setFilterName("admission");
        map.addURLPattern("/services/*");
        context.addFilterMap(map);
        tomcat.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void aRefusedWorkplaceReportGetsThe503WithItsRetryAfter() throws Exception {
        budget.admit(DataSize.ofMegabytes(8).toBytes(), Duration.ZERO).orElseThrow();

        HttpResponse<String> answer = post(new byte[6_990_000]);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(answer.body()).contains("<faultcode>soap:Server</faultcode>", "budget of 8192 KiB");
    }

    @Test
    void withRoomTheSameCallGoesThrough() throws Exception {
        assertThat(post(new byte[6_990_000]).statusCode()).isEqualTo(200);
        assertThat(budget.bytesInFlight()).isZero();
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/services/exchange"))
                        .header("Content-Type", "text/xml; charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
