package org.lmx.processes.consular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lmx.processes.testing.AbroadEngine;

/**
 * Every rule of the decision table consular-severity, on the DMN engine alone: each trafficking indicator alone
 * makes a case URGENT (the ILO indicators the contract's ConsularIndicator names), harm to wages, health or status
 * makes it HIGH, anything else is ROUTINE (which the table always offers; the process takes the highest).
 */
class SeverityTableTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision TABLE = parse();

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(textBlock = """
            PASSPORT_CONFISCATED,          false, 0, URGENT
            DEBT_BONDAGE,                  false, 0, URGENT
            CONFINEMENT,                   false, 0, URGENT
            THREATS_OR_VIOLENCE,           false, 0, URGENT
            DECEPTIVE_RECRUITMENT,         false, 0, URGENT
            CONTRACT_SUBSTITUTION,         false, 0, URGENT
            ISOLATION,                     false, 0, URGENT
            SEXUAL_EXPLOITATION,           false, 0, URGENT
            OTHER,                         true,  0, URGENT
            UNPAID_WAGES,                  false, 3, URGENT
            UNPAID_WAGES,                  false, 2, HIGH
            EXCESSIVE_HOURS,               false, 0, HIGH
            UNSAFE_CONDITIONS,             false, 0, HIGH
            DENIED_MEDICAL_CARE,           false, 0, HIGH
            WORKPLACE_INJURY,              false, 0, HIGH
            IRREGULAR_STATUS,              false, 0, HIGH
            OTHER,                         false, 0, ROUTINE
            """)
    void grades(String indicator, boolean immediateDanger, int unpaidMonths, String severity) {
        List<String> given = DMN.evaluateDecisionTable(TABLE, Variables.createVariables()
                        .putValue("indicators", indicator).putValue("immediateDanger", immediateDanger)
                        .putValue("unpaidMonths", unpaidMonths))
                .getResultList().stream().map(r -> (String) r.get("severity")).toList();

        String highest = given.contains("URGENT") ? "URGENT" : given.contains("HIGH") ? "HIGH" : "ROUTINE";
        assertThat(highest).isEqualTo(severity);
        assertThat(given).contains("ROUTINE");
    }

    private static DmnDecision parse() {
        try (InputStream in = SeverityTableTest.class.getClassLoader()
                .getResourceAsStream(AbroadEngine.CONSULAR_DMN)) {
            return DMN.parseDecision(ConsularVariables.SEVERITY_DECISION, in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
