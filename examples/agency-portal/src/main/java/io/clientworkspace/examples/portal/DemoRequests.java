package io.clientworkspace.examples.portal;

import io.clientworkspace.Actor;
import io.clientworkspace.WorkspaceKit;
import io.clientworkspace.request.FormDefinition;
import io.clientworkspace.request.FormField;
import io.clientworkspace.request.NewForm;
import io.clientworkspace.request.NewRequest;
import io.clientworkspace.request.Priority;
import io.clientworkspace.workspace.Workspace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The demo's requests and forms: the library form "Brand questionnaire" assigned to Globex as its intake form (Erin
 * fills it in), Acme's own "Website change request" form, and an open request from Carol on Acme.
 */
final class DemoRequests {

    /** The library form's name, as the demo and its tests know it. */
    static final String BRAND_QUESTIONNAIRE = "Brand questionnaire";
    /** Acme's own form's name. */
    static final String WEBSITE_CHANGE = "Website change request";
    /** Carol's open request on Acme. */
    static final String CAROL_REQUEST = "Add the new team photos to the About page";

    private DemoRequests() {
    }

    static void seed(WorkspaceKit kit, Actor alice, Actor bob, Actor carol, Workspace acme, Workspace globex) {
        FormDefinition brand = kit.forms().define(alice, Optional.empty(), new NewForm("brand-questionnaire",
                BRAND_QUESTIONNAIRE, brandQuestionnaire()));
        kit.forms().assign(alice, globex.id(), brand.id(), BRAND_QUESTIONNAIRE,
                Optional.of(LocalDate.now(ZoneOffset.UTC).plusDays(14)));

        kit.forms().define(bob, Optional.of(acme.id()), new NewForm("website-change", WEBSITE_CHANGE, websiteChange()));
        kit.requests().submit(carol, acme.id(), NewRequest.of(CAROL_REQUEST,
                "We took new team photos last week (in the shared drive). Please replace the old ones on the About page.")
                .withPriority(Priority.HIGH));
    }

    private static List<FormField> brandQuestionnaire() {
        return List.of(
                new FormField.SectionHeading("about", "About your brand", ""),
                new FormField.ShortText("company", "Company name", "", true, 200, Optional.empty()),
                new FormField.LongText("values", "What your brand stands for", "Three to five sentences are plenty.",
                        true, 5000),
                new FormField.SingleChoice("tone", "Tone of voice", "", true, List.of("Playful", "Serious", "Friendly", "Bold")),
                new FormField.MultipleChoice("channels", "Where the brand appears", "", false,
                        List.of("Website", "Print", "Social media", "Video"), 0, 4),
                new FormField.DateField("launch", "Launch date", "When should the new brand go live?", true,
                        Optional.empty(), Optional.empty()),
                new FormField.SectionHeading("contact", "Contact", ""),
                new FormField.EmailField("email", "Contact e-mail", "", true),
                new FormField.UrlField("website", "Current website", "", false),
                new FormField.PhoneField("phone", "Phone", "", false),
                new FormField.FileField("logo", "Your current logo", "Upload it on the Files tab first, then choose it here.",
                        false),
                new FormField.HelpText("portfolio_note", "We like to show our work.", ""),
                new FormField.CheckboxField("consent", "You may show the new brand in your portfolio", "", true));
    }

    private static List<FormField> websiteChange() {
        return List.of(
                new FormField.UrlField("page", "Page to change", "The address of the page, starting with https://", true),
                new FormField.LongText("change", "What should change", "", true, 5000),
                new FormField.SingleChoice("area", "Kind of change", "", true, List.of("Copy", "Design", "Bug", "Other")),
                new FormField.DateField("needed_by", "Needed by", "", false, Optional.empty(), Optional.empty()),
                new FormField.NumberField("budget", "Budget (EUR)", "", false, Optional.of(BigDecimal.ZERO),
                        Optional.of(new BigDecimal("50000")), 0),
                new FormField.EmailField("contact", "Contact e-mail", "", true),
                new FormField.FileField("screenshot", "Screenshot", "", false),
                new FormField.CheckboxField("checked_live", "I checked this on the live site", "", true));
    }
}
