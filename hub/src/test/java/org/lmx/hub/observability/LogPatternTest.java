package org.lmx.hub.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.lmx.routes.log.LogContext;
import org.slf4j.MDC;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The hub's log pattern (application.yml, {@code logging.pattern.correlation}) prints the MessageId and
 * ConversationId of the message a line is about, and nothing on lines outside a message's work. The ITs log with
 * the test configuration, so the pattern is checked here, on the value the hub ships with.
 */
class LogPatternTest {

    private static final String ID = "8c1e4a52-5a55-4d2b-a3c1-0d1f5f8e2b11";
    private static final String CONVERSATION = "1e660307-f271-41b5-bee9-63d8cbb10ba0";

    @Test
    void aLineAboutAWeldersPermitApplicationNamesItsMessageAndConversation() {
        String line = format(Map.of(LogContext.MESSAGE_ID, ID, LogContext.CONVERSATION_ID, CONVERSATION));

        assertThat(line).isEqualTo("[msg=" + ID + " conv=" + CONVERSATION + "] ");
    }

    @Test
    void aLineOutsideAnyMessagesWorkPrintsNothingThere() {
        assertThat(format(Map.of())).isEmpty();
    }

    @Test
    void aContextRestoresWhatWasThereAndRefusesHeaderValuesThatAreNoIdentifiers() {
        LogContext.put(ID, CONVERSATION);
        try (LogContext inner = LogContext.of("line\nbreak", null)) {
            assertThat(MDC.get(LogContext.MESSAGE_ID)).isEqualTo("(unreadable)");
            assertThat(MDC.get(LogContext.CONVERSATION_ID)).isNull();
        }
        assertThat(MDC.get(LogContext.MESSAGE_ID)).isEqualTo(ID);
        assertThat(MDC.get(LogContext.CONVERSATION_ID)).isEqualTo(CONVERSATION);
        LogContext.clear();
        assertThat(MDC.get(LogContext.MESSAGE_ID)).isNull();
    }

    private static String format(Map<String, String> mdc) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        String pattern = properties.getProperty("logging.pattern.correlation");
        assertThat(pattern).as("logging.pattern.correlation in application.yml").isNotNull();

        LoggerContext context = new LoggerContext();
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.setPattern(pattern);
        layout.start();
        LoggingEvent event = new LoggingEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName("org.lmx.routes.inbound.InboundRoute");
        event.setMessage("SOAP11 accepted");
        event.setMDCPropertyMap(mdc);
        return layout.doLayout(event);
    }
}
