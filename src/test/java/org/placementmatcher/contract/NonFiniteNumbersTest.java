package org.placementmatcher.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.placementmatcher.register.RegisterCsv;

/** NaN and infinities, which a CSV cell or a form could turn into numbers, are never taken as coordinates. */
class NonFiniteNumbersTest {

    @Test
    void aNanCoordinateIsRefusedAtItsPath() throws Exception {
        ObjectNode problem = (ObjectNode) ContractJson.mapper().readTree(ProblemFixtures.handScored());
        ((ObjectNode) problem.withArray("children").get(0).get("home")).put("lat", Double.NaN);
        InvalidProblemException refused =
                catchThrowableOfType(InvalidProblemException.class, () -> ProblemReader.read(problem, "$"));
        assertThat(refused.errors()).extracting(ProblemError::path).containsExactly("$.children[0].home.lat");
    }

    @Test
    void onlyFiniteDecimalsAreNumbersInACsvCellOrAForm() {
        assertThat(RegisterCsv.isNumber("52.2")).isTrue();
        assertThat(RegisterCsv.isNumber(" -0.5 ")).isTrue();
        assertThat(RegisterCsv.isNumber(".5")).isTrue();
        assertThat(RegisterCsv.isNumber("1e3")).isTrue();
        assertThat(RegisterCsv.isNumber("NaN")).isFalse();
        assertThat(RegisterCsv.isNumber("Infinity")).isFalse();
        assertThat(RegisterCsv.isNumber("0x1p3")).isFalse();
        assertThat(RegisterCsv.isNumber("1e400")).isFalse();
        assertThat(RegisterCsv.isNumber("north")).isFalse();
    }
}
