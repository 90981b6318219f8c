package dev.funclab.testkit;

import org.assertj.core.api.Assertions;

/** AssertJ's assertions plus {@code assertThat(LabResponse)}; import this class statically in lab tests. */
public class LabAssertions extends Assertions {

    protected LabAssertions() {
    }

    public static ResponseAssert assertThat(LabResponse response) {
        return new ResponseAssert(response);
    }
}
