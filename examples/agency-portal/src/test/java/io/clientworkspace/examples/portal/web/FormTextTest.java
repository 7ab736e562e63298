package io.clientworkspace.examples.portal.web;

import io.clientworkspace.FieldError;
import io.clientworkspace.request.FormField;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class FormTextTest {

    @Test
    void everyFieldKindIsReadFromOneLineWithItsSettings() {
        FormText.Parsed parsed = FormText.parse("""
                section | about | About you
                short | company | Company | required | max=120 | pattern=[A-Za-z ]+
                long | notes | Notes | max=3000 | help=Anything else?
                number | budget | Budget | min=0 | max=50000 | decimals=2
                date | launch | Launch | required | min=2027-01-01
                single | tone | Tone | required | options=Playful; Serious
                multi | channels | Channels | options=Web; Print; Video | min=1 | max=2
                email | email | E-mail
                url | site | Website
                phone | phone | Phone
                checkbox | consent | I agree | required
                file | logo | Logo
                help | note | Take your time.
                """);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.fields()).hasSize(13);
        assertThat(parsed.fields().get(1)).isEqualTo(new FormField.ShortText("company", "Company", "", true, 120,
                Optional.of("[A-Za-z ]+")));
        assertThat(parsed.fields().get(3)).isEqualTo(new FormField.NumberField("budget", "Budget", "", false,
                Optional.of(BigDecimal.ZERO), Optional.of(new BigDecimal("50000")), 2));
        assertThat(parsed.fields().get(6)).isEqualTo(new FormField.MultipleChoice("channels", "Channels", "", false,
                List.of("Web", "Print", "Video"), 1, 2));
    }

    @Test
    void writtenFieldsReadBackAsTheSameFields() {
        FormText.Parsed first = FormText.parse("""
                short | company | Company | required | help=Your legal name
                single | tone | Tone | options=Playful; Serious
                date | launch | Launch | max=2030-12-31
                checkbox | consent | I agree | required
                """);

        FormText.Parsed again = FormText.parse(FormText.format(first.fields()));

        assertThat(again.errors()).isEmpty();
        assertThat(again.fields()).isEqualTo(first.fields());
    }

    @Test
    void badLinesAreReportedByLineNumber() {
        FormText.Parsed parsed = FormText.parse("short | company | Company\n\nshrt | tone | Tone\nnumber | n | N | min=lots");

        assertThat(parsed.errors()).containsOnlyKeys("line 3", "line 4");
        assertThat(parsed.errors().get("line 3")).contains("“shrt” is not a field kind");
        assertThat(parsed.errors().get("line 4")).contains("min must be a number");
    }

    @Test
    void theKitsErrorsByFieldIndexAreNamedByTheLineTheFieldCameFrom() {
        FormText.Parsed parsed = FormText.parse("# intake\nshort | company | Company\n\nshort | Bad Id | Other");

        assertThat(parsed.translate(List.of(FieldError.of("fields[1].id", "must match [a-z][a-z0-9_]{0,39}"))))
                .containsEntry("line 4", "id must match [a-z][a-z0-9_]{0,39}");
    }
}
