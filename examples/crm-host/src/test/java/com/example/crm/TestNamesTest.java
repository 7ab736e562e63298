package com.example.crm;

import io.clientworkspace.tck.TestNames;
import org.junit.jupiter.api.Test;

/** The kit's one test naming convention holds in this module: camelCase sentences, no underscores. */
class TestNamesTest {

    @Test
    void everyTestIsNamedAsACamelCaseSentence() {
        TestNames.assertCamelCaseSentences(TestNamesTest.class);
    }
}
