package org.lmx.processes.workpermit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lmx.processes.testing.WorkPermitEngine;

/** Every rule of the decision table work-permit-category, on the DMN engine alone. */
class CategoryTableTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final DmnDecision TABLE = parse();

    @ParameterizedTest(name = "{0}: {7}")
    @CsvSource(nullValues = "null", textBlock = """
            Kandas status first,                true,  null,             false, 7212, F, KANDAS,               false, 36, 0, 0, false
            refugee,                            false, REFUGEE,          false, 7212, F, REFUGEE_OR_STATELESS, false, 12, 0, 0, false
            stateless person,                   false, STATELESS_PERSON, true,  2144, F, REFUGEE_OR_STATELESS, false, 12, 0, 0, false
            intra-corporate transfer,           false, null,             true,  2144, F, INTRA_CORPORATE,      true,  36, 6, 2, true
            science and industry (ISCO 21),     false, null,             false, 2144, F, SKILLS_VISA,          true,  36, 6, 1, true
            healthcare (ISCO 22),               false, null,             false, 2211, Q, SKILLS_VISA,          true,  36, 6, 1, true
            education (ISCO 23),                false, null,             false, 2310, P, SKILLS_VISA,          true,  36, 6, 1, true
            IT professionals (ISCO 25),         false, null,             false, 2512, J, SKILLS_VISA,          true,  36, 5, 1, true
            IT technicians (ISCO 35),           false, null,             false, 3512, G, SKILLS_VISA,          true,  36, 5, 1, true
            culture (ISCO 265),                 false, null,             false, 2652, R, SKILLS_VISA,          true,  36, 3, 2, true
            sports (ISCO 342),                  false, null,             false, 3421, R, SKILLS_VISA,          true,  36, 3, 2, true
            a technician in manufacturing,      false, null,             false, 3115, C, SKILLS_VISA,          true,  36, 5, 1, true
            a manager,                          false, null,             false, 1321, C, STANDARD,             true,  12, 6, 5, true
            a lawyer (professional elsewhere),  false, null,             false, 2611, K, STANDARD,             true,  12, 6, 3, true
            a technician in construction,       false, null,             false, 3112, F, STANDARD,             true,  12, 4, 3, true
            a welder,                           false, null,             false, 7212, F, STANDARD,             true,  12, 3, 2, true
            a cook,                             false, null,             false, 5120, I, STANDARD,             true,  12, 3, 2, true
            """)
    void decides(String why, boolean kandas, String protectionStatus, boolean intraCorporate, String isco,
                 String sector, String category, boolean quota, int months, int education, int experience,
                 boolean verify) {
        DmnDecisionRuleResult result = DMN.evaluateDecisionTable(TABLE, Variables.createVariables()
                .putValue("kandas", kandas).putValue("protectionStatus", protectionStatus)
                .putValue("intraCorporate", intraCorporate).putValue("iscoCode", isco).putValue("sector", sector))
                .getSingleResult();

        Map<String, Object> outputs = result.getEntryMap();
        assertThat(outputs).containsEntry("category", category).containsEntry("quotaRequired", quota)
                .containsEntry("maxValidityMonths", months).containsEntry("minEducationLevel", education)
                .containsEntry("minExperienceYears", experience).containsEntry("verifyQualification", verify);
    }

    private static DmnDecision parse() {
        try (InputStream in = CategoryTableTest.class.getClassLoader().getResourceAsStream(WorkPermitEngine.DMN)) {
            return DMN.parseDecision(DecideCategory.DECISION, in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
