package io.clientworkspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static io.clientworkspace.support.Fixture.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The error hierarchy and the typed ids every call starts with. */
class ErrorsTest {

    private final Actor someone = Actor.team(TenantId.of("t1"), "u1");

    @Test
    void everyErrorIsAWorkspaceExceptionWithAStableCode() {
        List<WorkspaceException> errors = List.of(
                new NotFoundException("workspace", "w1"),
                new AccessDeniedException(someone, "MANAGE_MEMBERS", "remove a member"),
                new ConflictException(ConflictException.Reason.LAST_LEAD, "keep a lead"),
                new ValidationException(FieldError.of("slug", "is bad")),
                new GoneException(GoneException.Reason.EXPIRED, "ask again"),
                new ArchivedException(WorkspaceId.of("w1")));

        assertThat(errors).extracting(WorkspaceException::code)
                .containsExactly("not-found", "access-denied", "conflict", "validation", "gone", "archived");
    }

    @Test
    void messagesSayWhatHappenedInWords() {
        assertThat(new NotFoundException("workspace", "w1")).hasMessage("workspace 'w1' not found");
        assertThat(new AccessDeniedException(someone, "MANAGE_MEMBERS", "remove a member"))
                .hasMessage("team:u1@t1 may not remove a member: requires MANAGE_MEMBERS");
        assertThat(ConflictException.staleVersion("workspace", "w1", 3))
                .hasMessageContaining("w1").hasMessageContaining("version 3").hasMessageContaining("reload");
        assertThat(new ValidationException(List.of(FieldError.of("name", "must not be blank"), FieldError.of("slug", "is bad"))))
                .hasMessage("Invalid input: name: must not be blank; slug: is bad");
    }

    @Test
    void aValidationErrorNamesAtLeastOneFieldAndItsListCannotBeChanged() {
        assertThatThrownBy(() -> new ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
        List<FieldError> errors = new ArrayList<>(List.of(FieldError.of("slug", "is bad")));
        ValidationException e = new ValidationException(errors);
        errors.clear();

        assertThat(e.fieldErrors()).hasSize(1);
        assertThatThrownBy(() -> e.fieldErrors().add(FieldError.of("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "  ", " padded", "padded ", "tab\tinside", "nul\u0000"})
    void typedIdsRefuseBlankPaddedOrControlCharacterValues(String bad) {
        List<Function<String, Object>> constructors = List.of(TenantId::of, WorkspaceId::of, UserId::of,
                InvitationId::of, ActivityId::of);
        List<String> fields = List.of("tenantId", "workspaceId", "userId", "invitationId", "activityId");
        for (int i = 0; i < constructors.size(); i++) {
            Function<String, Object> constructor = constructors.get(i);
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> constructor.apply(bad));
            assertThat(e).as(fields.get(i)).isNotNull();
            assertThat(fieldsOf(e)).containsExactly(fields.get(i));
        }
    }

    @Test
    void typedIdsAreAtMost128Characters() {
        assertThat(UserId.of("u".repeat(128)).value()).hasSize(128);
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> UserId.of("u".repeat(129)));
        assertThat(fieldsOf(e)).containsExactly("userId");
    }

    @Test
    void typedIdsCompareExactly() {
        assertThat(UserId.of("Carol")).isNotEqualTo(UserId.of("carol"));
        assertThat(WorkspaceId.of("a").compareTo(WorkspaceId.of("b"))).isNegative();
    }
}
